/**
 * Issue 8, item 13: parse time grows linearly with pathological inputs. Each case is parsed at
 * size n and 4n (best of several runs, after a warm-up); linear time gives a ratio near 4,
 * quadratic near 16. The check is the ratio measured in the same run, not a wall-clock limit.
 */
import { describe, it, expect } from 'vitest';
import { Engine, parseTemplate, CfmlError } from '../../src/index.js';

const tags = new Engine().tags;

function parseMs(src: string): number {
  let best = Infinity;
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    try {
      parseTemplate(src, 'p.cfm', tags);
    } catch (e) {
      if (!(e instanceof CfmlError)) throw e;
    }
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

const cases: Record<string, (n: number) => string> = {
  'unclosed comments': (n) => '<!---'.repeat(n),
  'nested comments': (n) => '<!---'.repeat(n) + '--->'.repeat(n),
  'unclosed block comments in script': (n) => '<cfscript>x = 1;' + ' /* a'.repeat(n),
  'unclosed comments inside a tag': (n) => '<cfset x = ' + '<!---'.repeat(n),
  'an unclosed string': (n) => `<cfset x = "${'a'.repeat(n * 10)}`,
  'many #...# in text': (n) => '<cfoutput>' + '#x#'.repeat(n) + '</cfoutput>',
  'unclosed tags': (n) => '<cfif true>'.repeat(n),
};

describe('parse time is linear in the input size', () => {
  for (const [name, gen] of Object.entries(cases)) {
    it(name, async () => {
      await new Promise((r) => setImmediate(r));
      // grow the input until one parse takes long enough to time reliably
      let n = 1000;
      let small = parseMs(gen(n));
      while (small < 20 && n < 256_000) small = parseMs(gen((n *= 2)));
      // 4x the input: about 4x the time when linear, 16x when quadratic. The machine may be busy
      // (a GC or another process inflates one timing): the best of three measurements counts.
      const big = gen(4 * n);
      const seen: string[] = [];
      let ratio = Infinity;
      for (let attempt = 0; attempt < 3 && ratio >= 8; attempt++) {
        await new Promise((r) => setImmediate(r));
        const s = attempt ? parseMs(gen(n)) : small;
        const l = parseMs(big);
        ratio = Math.min(ratio, l / s);
        seen.push(`${s.toFixed(1)} ms -> ${l.toFixed(1)} ms`);
      }
      expect(ratio, `n=${n}: ${seen.join(', ')}`).toBeLessThan(8);
    }, 120_000);
  }

  it('the inputs of the issue end with clear errors', () => {
    expect(() => parseTemplate('<!---'.repeat(20000), 'p.cfm', tags)).toThrow(/Comment <!--- is never closed/);
    expect(() => parseTemplate(`<cfset x = ${'('.repeat(5000)}1${')'.repeat(5000)}>`, 'p.cfm', tags)).toThrow(/nested too deeply/);
    expect(() => parseTemplate(`<cfset x = ${'"#'.repeat(40)}1${'#"'.repeat(40)}>`, 'p.cfm', tags)).toThrow(/nested more than 16 levels deep in strings/);
  }, 120_000);
});
