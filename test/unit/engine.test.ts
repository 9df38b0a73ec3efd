/** The embedding API: render variants, scopes in and out, registries, the template cache, isolation. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Engine, CfmlError, defineTag, defineFunction, Query, Signal } from '../../src/index.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfml-engine-api-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (name: string, src: string) => {
  const f = path.join(dir, name);
  fs.writeFileSync(f, src);
  return f;
};

describe('Engine', () => {
  it('renderFile passes variables, url, form and cgi into their scopes', async () => {
    const e = new Engine();
    const f = write('scopes.cfm', '<cfoutput>#v#|#url.a#|#form.b#|#cgi.http_host#|#cgi.nope#|#x.y#</cfoutput>');
    const out = await e.renderFile(f, { variables: { v: 1, x: { y: 'deep' } }, url: { a: 'A' }, form: { b: 'B' }, cgi: { http_host: 'h' } });
    expect(out).toBe('1|A|B|h||deep');
  });

  it('a JS array of rows and a Query pass as queries', async () => {
    const e = new Engine();
    const q = Query.fromRows([{ name: 'a' }, { name: 'b' }]);
    expect(await e.renderString('<cfoutput query="q">#name#</cfoutput>', { variables: { q } })).toBe('ab');
  });

  it('renderStringWithMeta returns status, headers, location and the variables scope', async () => {
    const e = new Engine();
    const r = await e.renderStringWithMeta('<cfset answer = 42><cfheader name="X-Test" value="1">before<cflocation url="/next" statuscode="301">after');
    expect(r.output).toBe('before');
    expect(r.status).toBe(301);
    expect(r.location).toBe('/next');
    expect(r.headers['X-Test']).toBe('1');
    expect(r.variables.ANSWER).toBe(42);
  });

  it('registerTag: a user tag with attributes and a body, through the same registry as core tags', async () => {
    const e = new Engine();
    e.registerTag(defineTag({
      name: 'shout',
      body: 'required',
      attrs: [{ name: 'times', type: 'number', default: 1 }],
      async run(call) {
        const text = await call.capture();
        call.write(text.toUpperCase().repeat(call.attrs.times as number));
        return Signal.Normal;
      },
    }));
    expect(await e.renderString('<cfset n = "x"><cf_noop><cfshout times="2"><cfoutput>hi #n#</cfoutput></cfshout>'.replace('<cf_noop>', ''))).toBe('HI XHI X');
    await expect(e.renderString('<cfshout bogus="1">x</cfshout>')).rejects.toThrow(/Attribute \[bogus\] is not allowed for tag \[cfshout\]/);
    expect(() => e.registerTag(defineTag({ name: 'set', run: () => undefined }))).toThrow(/already registered/);
  });

  it('registerFunction: positional and named calls, declared casts', async () => {
    const e = new Engine();
    e.registerFunction(defineFunction({ name: 'double', params: [{ name: 'n', type: 'numeric', required: true }], impl: (_c, n: number) => n * 2 }));
    expect(await e.renderString('<cfoutput>#double("4")# #double(n=5)#</cfoutput>')).toBe('8 10');
    await expect(e.renderString('<cfoutput>#double("x")#</cfoutput>')).rejects.toThrow(CfmlError);
  });

  it('re-reads a template whose file changed, and serves the cached one otherwise', async () => {
    const e = new Engine();
    const f = write('cache.cfm', 'one');
    expect(await e.renderFile(f)).toBe('one');
    fs.writeFileSync(f, 'two!');
    const t = new Date(Date.now() + 5000);
    fs.utimesSync(f, t, t);
    expect(await e.renderFile(f)).toBe('two!');
  });

  it('many renders at once never share variables or url scopes, also across an async tag', async () => {
    const e = new Engine();
    e.registerTag(defineTag({
      name: 'pause',
      async run() {
        await new Promise((r) => setTimeout(r, Math.random() * 5));
        return Signal.Normal;
      },
    }));
    const f = write('iso.cfm', '<cfset mine = url.id><cfloop from="1" to="3" index="i"><cfpause><cfset request.n = (request.n ?: 0) + 1></cfloop><cfoutput>#mine#:#url.id#:#request.n#</cfoutput>');
    const outs = await Promise.all(Array.from({ length: 40 }, (_, i) => e.renderFile(f, { url: { id: String(i) } })));
    outs.forEach((o, i) => expect(o).toBe(`${i}:${i}:3`));
  });

  it('errors carry file, line and column, and format with a code frame', async () => {
    const e = new Engine();
    const f = write('bad.cfm', 'line one\n<cfoutput>#1 +# </cfoutput>\n');
    const err = await e.renderFile(f).catch((x) => x);
    expect(err).toBeInstanceOf(CfmlError);
    expect(err.loc).toMatchObject({ file: f, line: 2 });
    const shown = e.formatError(err);
    expect(shown).toContain(`${f}:2:`);
    expect(shown).toContain('> 2 | <cfoutput>#1 +# </cfoutput>');
  });

  it('a page whose templates are all cached on disk renders the same as a fresh parse', async () => {
    const cacheDir = path.join(dir, 'ast-cache');
    const f = write('disk.cfm', '<cfset a = [1,2,3]><cfoutput>#arrayLen(a)# #ucase("x")#</cfoutput>');
    const first = await new Engine({ astCacheDir: cacheDir }).renderFile(f);
    expect(fs.readdirSync(cacheDir).length).toBe(1);
    const second = await new Engine({ astCacheDir: cacheDir }).renderFile(f);
    expect(second).toBe(first);
    expect(first).toBe('3 X');
  });
});

describe('limits', () => {
  it('a page printing without end fails with a clear error instead of exhausting memory', async () => {
    const e = new Engine({ maxOutput: 10_000 });
    const err = await e.renderString('<cfloop condition="true"><cfoutput>xxxxxxxxxx</cfoutput></cfloop>').catch((x) => x);
    expect(err).toBeInstanceOf(CfmlError);
    expect(err.message).toMatch(/output exceeded the limit of 10000 characters/);
    expect(err.loc?.line).toBe(1);
  });
});

describe('time limits', () => {
  it('cfsetting requesttimeout ends an endless loop with a located RequestTimeout error', async () => {
    const e = new Engine();
    const t0 = Date.now();
    const err = await e.renderString('<cfsetting requesttimeout="1">\n<cfset i = 0><cfloop condition="true"><cfset i++></cfloop>').catch((x) => x);
    expect(err).toBeInstanceOf(CfmlError);
    expect(err.type).toBe('RequestTimeout');
    expect(err.message).toMatch(/exceeded the allowable time limit of 1 seconds/);
    expect(err.loc?.line).toBe(2);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('EngineOptions.timeout applies to script loops too, and the error is catchable', async () => {
    const e = new Engine({ timeout: 1 });
    const out = await e.renderString('<cfscript>try { while (true) { x = 1; } } catch (RequestTimeout t) { writeOutput("stopped"); }</cfscript>');
    expect(out).toBe('stopped');
  });
});
