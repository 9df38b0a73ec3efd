/**
 * EngineOptions.inspectTemplates (Lucee's inspect-template setting): when a cached include,
 * component or custom tag is checked against its file. The page rewrites a file in the middle of
 * its own render (through a registered function), so "at most once per render" is observable:
 * under "once" the second use in the same render still runs the old code (no file-system check),
 * the next render the new one; "always" sees the change at once; "never" not even in later renders.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Engine, type InspectTemplates } from '../../src/index.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cfml-inspect-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

let n = 0;
/** A fresh directory with the given files. */
function site(files: Record<string, string>): string {
  const dir = path.join(root, `site${++n}`);
  fs.mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

/** Rewrites a file with a modification time clearly later than the first one (coarse clocks). */
function rewrite(file: string, text: string): void {
  fs.writeFileSync(file, text);
  const t = new Date(Date.now() + 10_000 + n * 1000);
  fs.utimesSync(file, t, t);
}

/** An Engine whose pages can call rewrite(path, text) on a file beside them. */
function engineWith(mode: InspectTemplates, dir: string): Engine {
  return new Engine({
    inspectTemplates: mode,
    functions: [{ name: 'rewrite', params: [{ name: 'file', required: true }, { name: 'text', required: true }], impl: (_c, f: string, t: string) => (rewrite(path.join(dir, f), t), '') }],
  });
}

const page = '<cfinclude template="part.cfm">,<cfset rewrite("part.cfm", "new")><cfinclude template="part.cfm">';

describe('inspectTemplates', () => {
  it('"once" (the default) checks an include at most once per render; the next render sees the change', async () => {
    const dir = site({ 'page.cfm': page, 'part.cfm': 'old' });
    const e = engineWith('once', dir);
    expect(await e.renderFile(path.join(dir, 'page.cfm'))).toBe('old,old');
    expect(await e.renderFile(path.join(dir, 'page.cfm'))).toBe('new,new');
  });

  it('is "once" when not given', async () => {
    const dir = site({ 'page.cfm': page, 'part.cfm': 'old' });
    const e = new Engine({ functions: [{ name: 'rewrite', params: [{ name: 'file' }, { name: 'text' }], impl: (_c, f: string, t: string) => (rewrite(path.join(dir, f), t), '') }] });
    expect(await e.renderFile(path.join(dir, 'page.cfm'))).toBe('old,old');
    expect(await e.renderFile(path.join(dir, 'page.cfm'))).toBe('new,new');
  });

  it('"once" trusts the first look in a render even when the file is gone by the second include', async () => {
    const dir = site({ 'page.cfm': '<cfinclude template="part.cfm"><cfset dropPart()><cfinclude template="part.cfm">', 'part.cfm': 'p' });
    const e = engineWith('once', dir);
    e.registerFunction({ name: 'dropPart', params: [], impl: () => (fs.rmSync(path.join(dir, 'part.cfm')), '') });
    expect(await e.renderFile(path.join(dir, 'page.cfm'))).toBe('pp');
    await expect(e.renderFile(path.join(dir, 'page.cfm'))).rejects.toThrow(/Page \[part\.cfm\].*not found/);
  });

  it('"always" checks on every use: the second include of the same render runs the new file', async () => {
    const dir = site({ 'page.cfm': page, 'part.cfm': 'old' });
    const e = engineWith('always', dir);
    expect(await e.renderFile(path.join(dir, 'page.cfm'))).toBe('old,new');
  });

  it('"never" trusts a loaded file until the Engine is dropped; a missing file is looked for again', async () => {
    const dir = site({ 'page.cfm': page, 'part.cfm': 'old', 'late.cfm': '<cfinclude template="later.cfm">' });
    const e = engineWith('never', dir);
    expect(await e.renderFile(path.join(dir, 'page.cfm'))).toBe('old,old');
    expect(await e.renderFile(path.join(dir, 'page.cfm'))).toBe('old,old');
    // the page itself is trusted too
    rewrite(path.join(dir, 'page.cfm'), 'changed page');
    expect(await e.renderFile(path.join(dir, 'page.cfm'))).toBe('old,old');
    expect(await new Engine().renderFile(path.join(dir, 'page.cfm'))).toBe('changed page');
    await expect(e.renderFile(path.join(dir, 'late.cfm'))).rejects.toThrow(/not found/);
    fs.writeFileSync(path.join(dir, 'later.cfm'), 'here now');
    expect(await e.renderFile(path.join(dir, 'late.cfm'))).toBe('here now');
  });

  it('applies to components and custom tags alike', async () => {
    const files = {
      'page.cfm': '<cfset c = new Box()><cfoutput>#c.v()#</cfoutput>-<cf_tag>',
      'Box.cfc': 'component { function v() { return "c1"; } }',
      'tag.cfm': '<cfif thisTag.executionMode EQ "start">t1</cfif>',
    };
    const run = async (mode: InspectTemplates) => {
      const dir = site(files);
      const e = new Engine({ inspectTemplates: mode });
      const f = path.join(dir, 'page.cfm');
      const first = await e.renderFile(f);
      rewrite(path.join(dir, 'Box.cfc'), 'component { function v() { return "c2"; } }');
      rewrite(path.join(dir, 'tag.cfm'), '<cfif thisTag.executionMode EQ "start">t2</cfif>');
      return [first, await e.renderFile(f)];
    };
    expect(await run('once')).toEqual(['c1-t1', 'c2-t2']);
    expect(await run('always')).toEqual(['c1-t1', 'c2-t2']);
    expect(await run('never')).toEqual(['c1-t1', 'c1-t1']);
  });

  it('Application.cfm and OnRequestEnd.cfm: a changed one is seen as a template is; one added is found at once under "always", not under "never"', async () => {
    const run = async (mode: InspectTemplates) => {
      const dir = site({ 'Application.cfm': 'a1,', 'page.cfm': 'p,' });
      const e = new Engine({ inspectTemplates: mode, root: dir });
      const f = path.join(dir, 'page.cfm');
      const out = [await e.renderFile(f)];
      fs.writeFileSync(path.join(dir, 'OnRequestEnd.cfm'), 'end');
      rewrite(path.join(dir, 'Application.cfm'), 'a2,');
      out.push(await e.renderFile(f));
      return out;
    };
    expect(await run('always')).toEqual(['a1,p,', 'a2,p,end']);
    // under "once" the file found is checked in the next render; whether one was added is looked up again after 2 s
    expect((await run('once'))[1]).toMatch(/^a2,p,/);
    expect(await run('never')).toEqual(['a1,p,', 'a1,p,']);
  });

  it('a value other than always/once/never is an error naming the three', () => {
    expect(() => new Engine({ inspectTemplates: 'sometimes' as InspectTemplates })).toThrow(/"always", "once" or "never"/);
  });
});
