/** Renders do no work the caller did not ask for (issue 16, build 2), with CFML semantics kept. */
import { describe, expect, it } from 'vitest';
import { Engine, Struct } from '../../src/index.js';

describe('render input and output conversion', () => {
  it('a cgi function is called only when the page reads cgi, and then once', async () => {
    const e = new Engine();
    let calls = 0;
    const cgi = () => (calls++, { http_host: 'example.test' });
    expect(await e.renderString('<cfoutput>#1 + 1#</cfoutput>', { cgi })).toBe('2');
    expect(calls).toBe(0);
    expect(await e.renderString('<cfoutput>#cgi.http_host#|#cgi.request_method#|#cgi.nope#</cfoutput>', { cgi })).toBe('example.test|GET|');
    expect(calls).toBe(1);
    // an unscoped name that is nowhere else looks in cgi too (Lucee's order)
    expect(await e.renderString('<cfoutput>#http_host#</cfoutput>', { cgi })).toBe('example.test');
  });

  it('renderStringWithMeta converts the variables scope when it is read, to the same object each time', async () => {
    const e = new Engine();
    const r = await e.renderStringWithMeta('<cfset s = {Abc: [1, {x: "y"}]}><cfset n = 2>');
    const v = r.variables;
    expect(v).toEqual({ S: { ABC: [1, { X: 'y' }] }, N: 2 });
    expect(r.variables).toBe(v);
    expect(JSON.parse(JSON.stringify(r)).variables).toEqual(v);
  });

  it('JS data passed in keeps CFML semantics: keys case-insensitive with their case kept, structs by reference', async () => {
    const e = new Engine();
    const data = { Todos: [{ Title: 'a' }, { title: 'b', Extra: undefined }], Cfg: { Mode: 'x' } };
    const r = await e.renderStringWithMeta(
      '<cfoutput>#todos[1].TITLE#,#TODOS[2].title#,#isNull(todos[2].extra)#,#structKeyList(cfg)#</cfoutput><cfset c = cfg><cfset c.added = 1>',
      { variables: data },
    );
    expect(r.output).toBe('a,b,true,Mode');
    expect(r.variables.Cfg).toEqual({ Mode: 'x', ADDED: 1 });
    // the caller's objects are not touched
    expect(data.Cfg).toEqual({ Mode: 'x' });
  });

  it('a Struct passed in is used as it is', async () => {
    const e = new Engine();
    const s = new Struct();
    s.set('k', 1);
    await e.renderString('<cfset s.k = 2>', { variables: { s } });
    expect(s.get('k')).toBe(2);
  });
});
