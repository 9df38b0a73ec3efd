/**
 * Issue 8, item 10: the caches an Engine (or the process) keeps are bounded, so a long-lived
 * Engine rendering pages with request-chosen names (`setVariable("v_" & url.k, 1)`,
 * `cfparam name="p_#url.k#"`, struct keys, evaluate strings, regex patterns) does not grow
 * without end. The sizes are read from the caches themselves; the memory figures over 200,000
 * renders are in the safety-engine note (scripts/cache-memory.ts).
 */
import { describe, it, expect } from 'vitest';
import { Engine } from '../../src/index.js';
import { BoundedMap } from '../../src/runtime/bounded-map.js';
import { intern, internPoolSize } from '../../src/runtime/intern.js';

describe('Engine-wide caches are bounded', () => {
  it('BoundedMap drops its oldest entry when full', () => {
    const m = new BoundedMap<string, number>(3);
    for (const k of ['a', 'b', 'c', 'd']) m.set(k, 1);
    expect([...m.keys()]).toEqual(['b', 'c', 'd']);
    m.set('c', 2); // an existing key is updated, nothing dropped
    expect([...m.entries()]).toEqual([['b', 1], ['c', 2], ['d', 1]]);
  });

  it('dynamic names over many renders stay within the bounds, and every render is still right', async () => {
    const engine = new Engine();
    const page = `<cfset setVariable("v_" & url.k, url.k)><cfparam name="p_#url.k#" default="#url.k#"><cfset st = {}><cfset st["k_#url.k#"] = 1>
<cfoutput>#evaluate("v_" & url.k)#|#variables["p_" & url.k]#|#reFind("x" & url.k, "ax#url.k#")#|#isDefined("v_" & url.k)#</cfoutput>`;
    const n = 6000;
    for (let i = 0; i < n; i++) {
      // renders resolve at once: let the event loop (vitest's own messages) run now and then
      if (i % 100 === 0) await new Promise((r) => setImmediate(r));
      const out = await engine.renderString(page, { url: { k: String(i) } });
      if (out !== `\n${i}|${i}|2|true`) throw new Error(`render ${i} gave ${JSON.stringify(out)}`);
    }
    const e = engine as unknown as Record<string, Map<unknown, unknown>>;
    expect(e.setters!.size).toBeLessThanOrEqual(4096);
    expect(e.getters!.size).toBeLessThanOrEqual(4096);
    expect(e.exprCache!.size).toBeLessThanOrEqual(1024);
    // the names of the last renders are there, the first ones were dropped
    expect(e.setters!.has(`v_${n - 1}`)).toBe(true);
    expect(e.setters!.has('v_0')).toBe(false);
  }, 120_000);

  it('the interned-name pool starts over when full, and a name is still itself', () => {
    for (let i = 0; i < 120_000; i++) intern(`filler_${i}`);
    expect(internPoolSize()).toBeLessThanOrEqual(50_000);
    expect(intern('pool-test-name')).toBe('pool-test-name');
    expect(internPoolSize()).toBeGreaterThan(0);
  });
});
