/** Application.cfc's onMissingTemplate and remote component calls (`x.cfc?method=`, onCFCRequest), through the Node handler. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type Site } from '../support/web-site.js';

let app: Site;
let bare: Site;

beforeAll(async () => {
  app = await startSite({
    'Application.cfc': `component {
      this.name = "remoteapp";
      function onRequestStart(targetPage) { request.started = targetPage; }
      function onMissingTemplate(targetPage) {
        if (targetPage contains "declined") return false;
        cfheader(statuscode = 404);
        writeOutput("no page at " & targetPage & " (started " & request.started & ")");
        return true;
      }
      function onCFCRequest(cfcname, method, args) {
        if (method == "intercepted") return { "cfc": cfcname, "method": method, "n": args.n };
        var o = createObject("component", cfcname);
        return o[method](argumentCollection = args);
      }
    }`,
    'api/Users.cfc': `component {
      remote function find(id) { return { "id": id, "name": "user" & id }; }
      public function secret() { return "s"; }
    }`,
    'index.cfm': 'home',
  });
  bare = await startSite({
    'Math.cfc': `component {
      remote function add(a, b) { return a + b; }
      remote function hello(name) returnformat="plain" { return "hello " & name; }
      remote function pair() { return [1, "two"]; }
      remote function shout(text) output="true" { writeOutput("*"); return ucase(text); }
      remote void function nothing() {}
      function notRemote() { return "hidden"; }
      private function priv() { return "p"; }
    }`,
    'sub/Application.cfc': `component { this.name = "plainapp"; }`,
    'sub/page.cfm': 'sub page',
  });
});

afterAll(async () => {
  await app.close();
  await bare.close();
});

describe('onMissingTemplate', () => {
  it('answers a missing .cfm and .cfc after onRequestStart, with the targetPage', async () => {
    const r = await fetch(app.base + '/nope/deeper/gone.cfm?x=1');
    expect(r.status).toBe(404);
    expect(await r.text()).toBe('no page at /nope/deeper/gone.cfm (started /nope/deeper/gone.cfm)');
    const c = await fetch(app.base + '/api/Missing.cfc?method=x');
    expect(await c.text()).toBe('no page at /api/Missing.cfc (started /api/Missing.cfc)');
  });

  it('returning false, or not defined, gives the 404 page; static files and Application.cfc stay 404 without running CFML', async () => {
    const r = await fetch(app.base + '/declined.cfm');
    expect(r.status).toBe(404);
    expect(await r.text()).toBe('Not Found');
    const s = await fetch(app.base + '/missing.css');
    expect([r.status, await s.text()]).toEqual([404, 'Not Found']);
    const a = await fetch(app.base + '/Application.cfc?method=onMissingTemplate');
    expect([a.status, await a.text()]).toEqual([404, 'Not Found']);
    const b = await fetch(bare.base + '/sub/gone.cfm');
    expect([b.status, await b.text()]).toEqual([404, 'Not Found']);
  });
});

describe('remote calls', () => {
  it('GET x.cfc?method= runs a remote method with the url fields as named arguments; JSON by default', async () => {
    const r = await fetch(bare.base + '/Math.cfc?method=add&a=2&b=3');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await r.text()).toBe('5');
    expect(await (await fetch(bare.base + '/Math.cfc?method=pair')).text()).toBe('[1,"two"]');
  });

  it('POST form fields and argumentCollection (JSON) are arguments too', async () => {
    const r = await fetch(bare.base + '/Math.cfc', { method: 'POST', body: new URLSearchParams({ method: 'add', a: '10', b: '5' }) });
    expect(await r.text()).toBe('15');
    const c = await fetch(bare.base + '/Math.cfc?method=add&argumentCollection=' + encodeURIComponent('{"a":1,"b":41}'));
    expect(await c.text()).toBe('42');
    const bad = await fetch(bare.base + '/Math.cfc?method=add&argumentCollection=nope');
    expect(bad.status).toBe(400);
  });

  it('returnFormat: plain from the url or the function, json overriding; output stays before the value; void sends nothing', async () => {
    const p = await fetch(bare.base + '/Math.cfc?method=hello&name=ann');
    expect(p.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await p.text()).toBe('hello ann');
    expect(await (await fetch(bare.base + '/Math.cfc?method=hello&name=ann&returnformat=json')).text()).toBe('"hello ann"');
    expect(await (await fetch(bare.base + '/Math.cfc?method=add&a=1&b=1&returnFormat=plain')).text()).toBe('2');
    expect(await (await fetch(bare.base + '/Math.cfc?method=shout&text=hi')).text()).toBe('*"HI"');
    const v = await fetch(bare.base + '/Math.cfc?method=nothing');
    expect([v.status, await v.text()]).toEqual([200, '']);
    const pc = await fetch(bare.base + '/Math.cfc?method=pair&returnformat=plain');
    expect(pc.status).toBe(500);
    const w = await fetch(bare.base + '/Math.cfc?method=add&a=1&b=1&returnformat=wddx');
    expect(w.status).toBe(400);
    expect(await w.text()).toMatch(/returnFormat \[wddx\] is not supported/);
  });

  it('public, private and unknown methods are refused with a clear error; no method or a plain GET never returns the source', async () => {
    const pub = await fetch(bare.base + '/Math.cfc?method=notRemote');
    expect(pub.status).toBe(403);
    const text = await pub.text();
    expect(text).toMatch(/the function \[notRemote\] of component \[Math\] is not remote/);
    expect(text).not.toContain('hidden');
    expect((await fetch(bare.base + '/Math.cfc?method=priv')).status).toBe(403);
    const unknown = await fetch(bare.base + '/Math.cfc?method=nope');
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toMatch(/has no function with name \[nope\]/);
    for (const p of ['/Math.cfc', '/Math.cfc?x=1', '/sub/Application.cfc?method=onRequestStart']) {
      const r = await fetch(bare.base + p);
      expect(r.status).toBe(404);
      expect(await r.text()).not.toContain('component');
    }
  });

  it('onCFCRequest(cfcname, method, args) runs instead of the method, after onRequestStart', async () => {
    const r = await fetch(app.base + '/api/Users.cfc?method=intercepted&n=7');
    expect(JSON.parse(await r.text())).toEqual({ cfc: 'api.Users', method: 'intercepted', n: '7' });
    const f = await fetch(app.base + '/api/Users.cfc?method=find&id=3');
    expect(JSON.parse(await f.text())).toEqual({ id: '3', name: 'user3' });
  });
});
