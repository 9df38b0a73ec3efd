/**
 * Custom tag lookup order (calling template's directory, then the application's paths on the
 * render context, then EngineOptions.customTagPaths) and per-call isolation.
 */
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Engine, CfmlError, defineTag } from '../../src/index.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cfml-ct-'));
const write = (rel: string, src: string) => {
  const f = path.join(root, rel);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, src);
  return f;
};

beforeAll(() => {
  write('engine-tags/who.cfm', 'engine');
  write('engine-tags/onlyengine.cfm', 'only-engine');
  write('app-tags/who.cfm', 'app');
  write('app-tags/lib/deep.cfm', '<cfoutput>deep #attributes.x#</cfoutput>');
  write('pages/local/who.cfm', 'local');
  write('pages/count.cfm', '<cfparam name="attributes.n" default="3"><cfoutput>#attributes.n#</cfoutput><cfif attributes.n GT 1><cf_count n="#attributes.n - 1#"></cfif>');
  write('pages/slow.cfm', '<cfset mine = attributes.v><cfset sleep(20)><cfoutput>#mine#</cfoutput>');
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** A tag standing in for Application.cfc support: fills the render context's customTagPaths. */
const appPaths = defineTag({
  name: 'apppaths',
  attrs: [{ name: 'dir', required: true }],
  run(call) {
    call.ctx.customTagPaths = [path.join(root, String(call.attrs.dir))];
  },
});

describe('custom tag lookup', () => {
  const engine = new Engine({ customTagPaths: [path.join(root, 'engine-tags')], tags: [appPaths] });
  afterAll(() => engine.close());
  const page = (dir: string, src: string) => engine.renderFile(write(`${dir}/page-${Math.random().toString(36).slice(2)}.cfm`, src));

  it('calling directory first, then the application paths, then EngineOptions.customTagPaths', async () => {
    expect(await page('pages/local', '<cf_who>')).toBe('local');
    expect(await page('pages', '<cfapppaths dir="app-tags"><cf_who>')).toBe('app');
    expect(await page('pages', '<cf_who>')).toBe('engine');
    expect(await page('pages', '<cfapppaths dir="app-tags"><cf_onlyengine>')).toBe('only-engine');
  });

  it('cfmodule name= maps dots to directories in the same places', async () => {
    expect(await page('pages', '<cfapppaths dir="app-tags"><cfmodule name="lib.deep" x="1">')).toBe('deep 1');
  });

  it('a missing tag names every directory it searched', async () => {
    const err = await page('pages', '<cfapppaths dir="app-tags">\n<cf_nowhere>').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CfmlError);
    const e = err as CfmlError;
    expect(e.type).toBe('MissingInclude');
    expect(e.loc?.line).toBe(2);
    for (const d of ['pages', 'app-tags', 'engine-tags']) expect(e.message).toContain(path.join(root, d));
  });

  it('a custom tag can call itself; each call has its own variables', async () => {
    expect(await page('pages', '<cf_count n="4">')).toBe('4321');
  });

  it('concurrent renders keep their tag variables apart', async () => {
    const outs = await Promise.all(['a', 'b', 'c'].map((v) => page('pages', `<cf_slow v="${v}"><cf_slow v="${v}2">`)));
    expect(outs).toEqual(['aa2', 'bb2', 'cc2']);
  });

  it('a custom tag is catchable in cftry by its type', async () => {
    expect(await page('pages', '<cftry><cf_nowhere><cfcatch type="MissingInclude">caught</cfcatch></cftry>')).toBe('caught');
  });
});
