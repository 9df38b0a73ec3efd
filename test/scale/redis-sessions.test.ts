/**
 * Sessions in a real redis-server shared by two Engines (two "workers" in one test process, each
 * with its own handler on 127.0.0.1): a session continues across them, values come back as the
 * same CFML types, an unstorable value is a clear error, and expiry runs onSessionEnd once.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, serveDir, Browser, type Site } from '../support/web-site.js';
import { startRedis, type RedisServer } from '../support/redis.js';

let redis: RedisServer;
let a: Site;
let b: Site;

const APP = `component {
  this.name = "shared";
  this.sessionManagement = true;
  this.sessionTimeout = createTimeSpan(0, 0, 0, 30);
  if (structKeyExists(url, "short")) this.sessionTimeout = createTimeSpan(0, 0, 0, 1);
  function onSessionEnd(sessionScope, applicationScope) {
    fileAppend(getDirectoryFromPath(getCurrentTemplatePath()) & "ended.txt", arguments.sessionScope.cfid & chr(10));
  }
}`;

beforeAll(async () => {
  redis = await startRedis();
  a = await startSite(
    {
      'Application.cfc': APP,
      'Person.cfc': 'component accessors="true" { property name="name"; function greet() { return "hi " & variables.name; } }',
      'count.cfm': '<cfparam name="session.n" default="0"><cfset session.n++><cfoutput>#session.n#</cfoutput>',
      'put.cfm': `<cfscript>
        session.s = { "Name": "Ann", "nested": { "list": [1, "two", true, javaCast("null", "")] } };
        session.q = queryNew("id,label", "integer,varchar", [[1, "a"], [2, "b"]]);
        session.d = createDateTime(2024, 2, 29, 13, 45, 7);
        session.n = 3.25; session.flag = false; session.bin = charsetDecode("hé", "utf-8");
        session.p = new Person(); session.p.setName("Bea");
        writeOutput("ok");
      </cfscript>`,
      'get.cfm': `<cfscript>
        writeOutput(serializeJSON(session.s) & "|" & session.q.recordCount & session.q.label[2] & "|" & isDate(session.d) & dateFormat(session.d, "yyyy-mm-dd") & timeFormat(session.d, "HH:nn:ss"));
        writeOutput("|" & (session.n * 2) & "|" & isBoolean(session.flag) & (session.flag ? "T" : "F") & "|" & charsetEncode(session.bin, "utf-8") & "|" & session.p.greet() & "|" & session.p.getName() & "|" & isInstanceOf(session.p, "Person"));
        writeOutput("|" & structKeyList(session.s));
      </cfscript>`,
      'fn.cfm': '<cfset session.cb = function() { return 1; }>stored?',
      // a new session is kept only when the page uses it
      'short.cfm': '<cfset session.short = true>short',
    },
    { engineOptions: { sessionStore: { type: 'redis', url: redis.url, sweepMs: 200 } } },
  );
  // a second Engine on the same site, as a second worker would be
  b = await serveDir(a.root, { engineOptions: { sessionStore: { type: 'redis', url: redis.url, sweepMs: 200 } } });
}, 60_000);

afterAll(async () => {
  await a?.close().catch(() => undefined);
  await b?.close().catch(() => undefined);
  await redis?.stop();
});

describe('sessions in Redis shared by two engines', () => {
  it('a session continues when requests alternate between the two', async () => {
    const viaA = new Browser(a.base);
    expect(await viaA.text('/count.cfm')).toBe('1');
    const viaB = new Browser(b.base);
    for (const [k, v] of viaA.jar) viaB.jar.set(k, v);
    expect(await viaB.text('/count.cfm')).toBe('2');
    for (const [k, v] of viaB.jar) viaA.jar.set(k, v);
    expect(await viaA.text('/count.cfm')).toBe('3');
    expect(await viaB.text('/count.cfm')).toBe('4');
    // another client has its own
    expect(await new Browser(b.base).text('/count.cfm')).toBe('1');
  });

  it('structs, arrays, queries, dates, numbers, booleans, binary and components come back as themselves', async () => {
    const viaA = new Browser(a.base);
    expect(await viaA.text('/put.cfm')).toBe('ok');
    const viaB = new Browser(b.base);
    for (const [k, v] of viaA.jar) viaB.jar.set(k, v);
    const out = await viaB.text('/get.cfm');
    expect(out).toBe('{"Name":"Ann","nested":{"list":[1,"two",true,null]}}|2b|true2024-02-2913:45:07|6.5|trueF|hé|hi Bea|Bea|true|Name,nested');
  });

  it('a function in the session is a clear error at the end of the request, not a silent loss', async () => {
    const c = new Browser(a.base);
    const r = await c.get('/fn.cfm');
    expect(r.status).toBe(500);
    const log = a.logs.join('\n');
    expect(log).toMatch(/The session variable \[session\.cb\] cannot be kept in the session storage \[redis\]: a function cannot be stored/i);
    expect(log).not.toMatch(/at .*\.ts:\d+/); // a CFML error, not a JS stack
  });

  it('expiry by Redis time: a session idle past its timeout is gone, onSessionEnd runs once across both', async () => {
    const ended = path.join(a.root, 'ended.txt');
    const c = new Browser(a.base);
    expect(await c.text('/short.cfm?short=1')).toBe('short');
    const cfid = c.jar.get('CFID')!;
    expect(cfid).toMatch(/^[0-9a-f-]{36}$/);
    // both engines know the application (the second has served it too), so either may claim it
    expect(await new Browser(b.base).text('/short.cfm?short=1')).toBe('short');
    const until = Date.now() + 20_000;
    while (!(fs.existsSync(ended) && fs.readFileSync(ended, 'utf8').includes(cfid)) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    // give a second claim (there must be none) time to happen
    await new Promise((r) => setTimeout(r, 1000));
    const lines = fs.readFileSync(ended, 'utf8').split('\n').filter((l) => l === cfid);
    expect(lines).toHaveLength(1);
    expect(redis.cli('EXISTS', `cfml:session:shared:${cfid}`)).toBe('0');
    // the old cookie starts a fresh session
    const r = await c.get('/count.cfm');
    expect(await r.text()).toBe('1');
    expect(c.jar.get('CFID')).not.toBe(cfid);
  });

  it('an unreachable Redis is a clear error naming host and port, never the password', async () => {
    const { freePort } = await import('../support/databases.js');
    const port = await freePort();
    const down = await serveDir(a.root, { engineOptions: { sessionStore: { type: 'redis', url: `redis://cfml:s3cret-pw@127.0.0.1:${port}` } } });
    try {
      const r = await fetch(down.base + '/count.cfm');
      expect(r.status).toBe(500);
      expect(await r.text()).not.toContain('s3cret');
      const log = down.logs.join('\n');
      expect(log).toMatch(new RegExp(`The session storage \\[redis\\] at 127\\.0\\.0\\.1:${port} cannot be reached`));
      expect(log).not.toContain('s3cret');
    } finally {
      await down.close();
    }
  });

  it('this.sessionStorage names the store; a storage that is not configured is a clear error', async () => {
    const site = await startSite({
      'Application.cfc': 'component { this.name = "nostore"; this.sessionManagement = true; this.sessionStorage = "redis"; }',
      'p.cfm': '<cfset session.x = 1>x',
      'm/Application.cfc': 'component { this.name = "memonly"; this.sessionManagement = true; this.sessionStorage = "memory"; }',
      'm/p.cfm': '<cfparam name="session.n" default="0"><cfset session.n++><cfoutput>#session.n#</cfoutput>',
    });
    try {
      expect((await fetch(site.base + '/p.cfm')).status).toBe(500);
      expect(site.logs.join('\n')).toMatch(/The session storage \[redis\] is not defined[\s\S]*--session-store redis:\/\/host:port/);
      const c = new Browser(site.base);
      expect(await c.text('/m/p.cfm')).toBe('1');
      expect(await c.text('/m/p.cfm')).toBe('2');
    } finally {
      await site.close();
    }
    // with Redis as the Engine's default, an application can still keep its sessions in memory
    const mem = await serveDir(a.root, { engineOptions: { sessionStore: { type: 'redis', url: redis.url } } });
    try {
      fs.mkdirSync(path.join(a.root, 'mem'), { recursive: true });
      fs.writeFileSync(path.join(a.root, 'mem/Application.cfc'), 'component { this.name = "inmemory"; this.sessionManagement = true; this.sessionStorage = "memory"; }');
      fs.writeFileSync(path.join(a.root, 'mem/p.cfm'), '<cfparam name="session.n" default="0"><cfset session.n++><cfoutput>#session.n#</cfoutput>');
      const m = new Browser(mem.base);
      expect(await m.text('/mem/p.cfm')).toBe('1');
      expect(await m.text('/mem/p.cfm')).toBe('2');
      expect(redis.cli('KEYS', 'cfml:session:inmemory:*')).toBe('');
    } finally {
      await mem.close();
    }
  });
});
