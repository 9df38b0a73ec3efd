/**
 * Script and exception behaviour that golden files cannot show: the formatted error's whole tag
 * context, and response metadata set by tags called from script.
 */
import { describe, it, expect, afterAll } from 'vitest';
import * as path from 'node:path';
import { Engine, CfmlError } from '../../src/index.js';

const engine = new Engine();
afterAll(() => engine.close());
const golden = path.join(import.meta.dirname, '..', 'golden');

async function failure(run: () => Promise<unknown>): Promise<CfmlError> {
  try {
    await run();
  } catch (e) {
    expect(e).toBeInstanceOf(CfmlError);
    return e as CfmlError;
  }
  throw new Error('expected the page to throw');
}

describe('script and exceptions', () => {
  it('reports the function line, the call site in the include and the cfinclude line', async () => {
    const page = path.join(golden, 'exceptions', '_lib.cfm');
    const err = await failure(() => engine.renderString('<p>\n<cfinclude template="_lib.cfm">', { file: path.join(path.dirname(page), 'page.cfm') }));
    const shown = engine.formatError(err).split(path.dirname(page) + path.sep).join('');
    const lines = shown.split('\n');
    expect(lines[0]).toBe('_lib.cfm:3:10: Division by zero is not possible');
    const ctx = lines.slice(lines.indexOf('Tag context:') + 1);
    expect(ctx).toEqual(['  at _lib.cfm:3:10', '  at risky _lib.cfm:6:12', '  at cfinclude page.cfm:2:1']);
    expect(err.type).toBe('Expression');
  });

  it('does not list the call site twice when an argument is missing', async () => {
    const err = await failure(() => engine.renderString('<cfscript>\nfunction f(required a) { return a; }\nf();\n</cfscript>'));
    expect(err.tagContext.filter((t) => t.line === 3).length).toBeLessThanOrEqual(1);
    expect(err.loc?.line).toBe(3);
  });

  it('keeps a script syntax error short: the location, a hint and the code frame', async () => {
    const err = await failure(() => engine.renderString('<cfscript>\nx = 1;\nthrow;;\nif (x == 1 {\n}\n</cfscript>'));
    const shown = engine.formatError(err);
    expect(shown.split('\n')[0]).toMatch(/:4:12: Syntax error in script: unexpected \[\{\]$/);
    expect(shown).toContain('expected [)]');
    expect(shown.split('\n').length).toBeLessThan(12);
    const other = await failure(() => engine.renderString('<cfscript>\nx = ;\n</cfscript>'));
    expect(engine.formatError(other).split('\n').length).toBeLessThan(12);
  });

  it('runs tags called as cfX(...) from script', async () => {
    const r = await engine.renderStringWithMeta('<cfscript>cfheader(name="X-Test", value="1"); header name="X-Two" value="2";</cfscript>');
    expect(r.headers['X-Test']).toBe('1');
    expect(r.headers['X-Two']).toBe('2');
  });
});
