/** Sessions and cookies per client through the Node handler (cfapplication / Application.cfm). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, Browser, type Site } from '../support/web-site.js';
import { Engine, MemorySessionStore } from '../../src/index.js';

let site: Site;

beforeAll(async () => {
  site = await startSite({
    'Application.cfm': '<cfapplication name="visits" sessionmanagement="true" sessiontimeout="#createTimeSpan(0,0,0,1)#">',
    'count.cfm': '<cfparam name="session.n" default="0"><cfset session.n++><cfoutput>#session.n#</cfoutput>',
    'id.cfm': '<cfoutput>#session.sessionid#|#session.cfid#|#application.applicationName#</cfoutput>',
    'rotate.cfm': '<cfset sessionRotate()><cfoutput>#session.n#|#session.cfid#</cfoutput>',
    'invalidate.cfm': '<cfset sessionInvalidate()><cfoutput>#structKeyExists(session, "n")#</cfoutput>',
    'cookies.cfm': [
      '<cfcookie name="plain" value="a b;c">',
      '<cfcookie name="strict" value="1" samesite="strict" secure="true" httponly="true" path="/app" domain="example.test" expires="10">',
      '<cfcookie name="raw" value="abc" encodevalue="false" preservecase="true">',
      '<cfcookie name="gone" value="" expires="now">',
      '<cfset cookie.dotted = "v">',
      '<cfoutput>#cookie.incoming#</cfoutput>',
    ].join(''),
    'nosess/Application.cfm': '<cfapplication name="plainapp">',
    'nosess/page.cfm': '<cftry><cfset session.x = 1><cfcatch><cfoutput>#cfcatch.message#</cfoutput></cfcatch></cftry>',
    'secure/Application.cfm': '<cfapplication name="secureapp" sessionmanagement="true" sessioncookie="#{secure: true, sameSite: "strict", httpOnly: true, timeout: 1}#">',
    'secure/page.cfm': '<cfset session.seen = true>ok',
    'nocookie/Application.cfm': '<cfapplication name="nocookie" sessionmanagement="true" setclientcookies="false">',
    'nocookie/page.cfm': '<cfset session.seen = true>ok',
    'many/Application.cfm': '<cfapplication name="many" sessionmanagement="true" sessiontimeout="#createTimeSpan(0,0,10,0)#">',
    'many/count.cfm': '<cfparam name="session.n" default="0"><cfset session.n++><cfoutput>#session.n#</cfoutput>',
  });
});

afterAll(() => site.close());

describe('sessions', () => {
  it('two cookie jars count 1, 2 and 1 independently', async () => {
    const a = new Browser(site.base);
    const b = new Browser(site.base);
    expect((await a.text('/count.cfm')).trim()).toBe('1');
    expect((await a.text('/count.cfm')).trim()).toBe('2');
    expect((await b.text('/count.cfm')).trim()).toBe('1');
    expect((await a.text('/count.cfm')).trim()).toBe('3');
  });

  it('the session cookie is CFID, HttpOnly, SameSite=Lax, from a CSPRNG id', async () => {
    const r = await fetch(site.base + '/id.cfm');
    const line = r.headers.getSetCookie().find((l) => l.startsWith('CFID='))!;
    expect(line).toMatch(/^CFID=[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}; Path=\/; HttpOnly; SameSite=Lax$/);
    const id = line.slice(5, 41);
    expect((await r.text()).trim()).toBe(`visits_${id}_0|${id}|visits`);
  });

  it('a forged or unknown CFID starts a fresh session with a new id (no fixation)', async () => {
    const forged = '11111111-2222-4333-8444-555555555555';
    for (const cookie of [`CFID=${forged}`, 'CFID=../../etc', 'CFID=' + 'a'.repeat(5000)]) {
      const r = await fetch(site.base + '/count.cfm', { headers: { cookie } });
      expect((await r.text()).trim()).toBe('1');
      const set = r.headers.getSetCookie().find((l) => l.startsWith('CFID='));
      expect(set).toBeTruthy();
      expect(set).not.toContain(forged);
    }
    // and the forged id was not adopted later either
    const again = await fetch(site.base + '/count.cfm', { headers: { cookie: `CFID=${forged}` } });
    expect((await again.text()).trim()).toBe('1');
  });

  it('50 concurrent clients each see only their own session', async () => {
    const clients = Array.from({ length: 50 }, () => new Browser(site.base));
    await Promise.all(clients.map((c) => c.text('/many/count.cfm')));
    const second = await Promise.all(clients.map((c) => c.text('/many/count.cfm')));
    const third = await Promise.all(clients.map((c) => c.text('/many/count.cfm')));
    expect(second.map((s) => s.trim())).toEqual(Array(50).fill('2'));
    expect(third.map((s) => s.trim())).toEqual(Array(50).fill('3'));
    const ids = new Set(clients.map((c) => c.jar.get('CFID')));
    expect(ids.size).toBe(50);
  });

  it('a session expires after sessionTimeout of idleness', async () => {
    const a = new Browser(site.base);
    expect((await a.text('/count.cfm')).trim()).toBe('1');
    expect((await a.text('/count.cfm')).trim()).toBe('2');
    const old = a.jar.get('CFID');
    await new Promise((r) => setTimeout(r, 1300));
    expect((await a.text('/count.cfm')).trim()).toBe('1');
    expect(a.jar.get('CFID')).not.toBe(old);
  });

  it('sessionRotate keeps the values under a new id; sessionInvalidate drops them', async () => {
    const a = new Browser(site.base);
    await a.text('/count.cfm');
    await a.text('/count.cfm');
    const old = a.jar.get('CFID')!;
    const [n, id] = (await a.text('/rotate.cfm')).trim().split('|');
    expect(n).toBe('2');
    expect(id).not.toBe(old);
    expect(a.jar.get('CFID')).toBe(id);
    expect((await a.text('/count.cfm')).trim()).toBe('3');
    // the old id is dead
    const stale = await fetch(site.base + '/count.cfm', { headers: { cookie: `CFID=${old}` } });
    expect((await stale.text()).trim()).toBe('1');
    expect((await a.text('/invalidate.cfm')).trim()).toBe('false');
    expect((await a.text('/count.cfm')).trim()).toBe('1');
  });

  it('the session scope without session management is a clear error', async () => {
    expect(await (await fetch(site.base + '/nosess/page.cfm')).text()).toContain('the session scope is not enabled');
  });

  it('sessionCookie settings and setClientCookies', async () => {
    const r = await fetch(site.base + '/secure/page.cfm');
    const line = r.headers.getSetCookie().find((l) => l.startsWith('CFID='))!;
    expect(line).toContain('Secure');
    expect(line).toContain('SameSite=Strict');
    expect(line).toContain('HttpOnly');
    expect(line).toMatch(/Expires=/);
    const n = await fetch(site.base + '/nocookie/page.cfm');
    expect(n.headers.getSetCookie()).toEqual([]);
  });
});

describe('cookies', () => {
  it('the cookie scope reads the Cookie header; cfcookie and cookie.x send Set-Cookie with their attributes', async () => {
    const r = await fetch(site.base + '/cookies.cfm', { headers: { cookie: 'incoming=hello%20there; other=1' } });
    expect((await r.text()).trim()).toBe('hello there');
    const lines = r.headers.getSetCookie();
    const find = (n: string) => lines.find((l) => l.startsWith(n + '='));
    expect(find('PLAIN')).toBe('PLAIN=a%20b%3Bc; Path=/');
    const strict = find('STRICT')!;
    expect(strict.split('; ').filter((a) => !a.startsWith('Expires=')).sort()).toEqual(['Domain=example.test', 'HttpOnly', 'Path=/app', 'STRICT=1', 'SameSite=Strict', 'Secure']);
    const days = (Date.parse(/Expires=([^;]+)/.exec(strict)![1]!) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(9.9);
    expect(days).toBeLessThan(10.1);
    expect(find('raw')).toBe('raw=abc; Path=/');
    expect(find('GONE')).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect(find('DOTTED')).toBe('DOTTED=v; Path=/');
  });
});

describe('sessions are bounded (issue 8)', () => {
  it('a request without a cookie gets no session until the page uses the session scope', async () => {
    const store = new MemorySessionStore();
    const s = await startSite(
      {
        'Application.cfm': '<cfapplication name="lazy" sessionmanagement="true">',
        'plain.cfm': 'hello',
        'reads.cfm': '<cfoutput>#structKeyExists(session, "user")#</cfoutput>',
        'count.cfm': '<cfparam name="session.n" default="0"><cfset session.n++><cfoutput>#session.n#</cfoutput>',
      },
      { engineOptions: { sessionStore: store } },
    );
    try {
      // a flood of cookieless requests to a page that does not use the session: nothing kept
      for (let i = 0; i < 500; i++) {
        const r = await fetch(s.base + '/plain.cfm');
        expect(await r.text()).toBe('hello');
        expect(r.headers.getSetCookie()).toEqual([]);
      }
      expect(store.size).toBe(0);
      // reading the session scope is using it: the session is kept and its cookie sent
      const r = await fetch(s.base + '/reads.cfm');
      expect((await r.text()).trim()).toBe('false');
      expect(r.headers.getSetCookie().some((l) => l.startsWith('CFID='))).toBe(true);
      expect(store.size).toBe(1);
      // a client that keeps its cookie keeps its session across pages that do not use it
      const b = new Browser(s.base);
      expect((await b.text('/count.cfm')).trim()).toBe('1');
      expect(await b.text('/plain.cfm')).toBe('hello');
      expect((await b.text('/count.cfm')).trim()).toBe('2');
      expect(store.size).toBe(2);
    } finally {
      await s.close();
    }
  }, 120_000);

  it('maxSessions caps the live sessions: the one idle the longest ends first (onSessionEnd runs)', async () => {
    const s = await startSite(
      {
        'Application.cfc': `component { this.name = "capped"; this.sessionManagement = true;
          function onSessionEnd(sessionScope, applicationScope) { applicationScope.ended = (applicationScope.ended ?: 0) + 1; } }`,
        'count.cfm': '<cfparam name="session.n" default="0"><cfset session.n++><cfoutput>#session.n#</cfoutput>',
        'ended.cfm': '<cfoutput>#application.ended ?: 0#</cfoutput>',
      },
      { engineOptions: { maxSessions: 20 } },
    );
    try {
      const first = new Browser(s.base);
      expect((await first.text('/count.cfm')).trim()).toBe('1');
      const kept = new Browser(s.base);
      expect((await kept.text('/count.cfm')).trim()).toBe('1');
      for (let i = 0; i < 200; i++) {
        expect((await new Browser(s.base).text('/count.cfm')).trim()).toBe('1');
        // one client stays active: its session is never the one idle the longest
        if (i % 10 === 0) await kept.text('/count.cfm');
      }
      expect((await new Browser(s.base).text('/ended.cfm')).trim()).toBe('182');
      // the first client's session was evicted: it starts again at 1; the active one continues
      expect((await first.text('/count.cfm')).trim()).toBe('1');
      expect((await kept.text('/count.cfm')).trim()).toBe('22');
    } finally {
      await s.close();
    }
  }, 120_000);

  it("the Engine's session scopes outside an application are bounded too", async () => {
    const e = new Engine({ maxSessions: 10 });
    for (let i = 0; i < 100; i++) await e.renderString('<cfset session.v = url.i>', { url: { i }, cgi: { session_id: `s${i}` } });
    const read = (i: number) => e.renderString('<cfoutput>#session.v ?: "none"#</cfoutput>', { cgi: { session_id: `s${i}` } });
    expect(await read(99)).toBe('99');
    expect(await read(90)).toBe('90');
    expect(await read(0)).toBe('none');
    await e.close();
  });
});
