/**
 * cflogin / cfloginuser / cflogout and the login functions through the Node handler on real
 * HTTP: a login lasts across the requests of one session (or cookie jar) and not of another.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, Browser, type Site } from '../support/web-site.js';

const LOGIN_BLOCK = `<cfsilent><cflogin idletimeout="#request.idle ?: 1800#">
  <cfif isDefined("cflogin")>
    <cfif cflogin.name eq "ada" and cflogin.password eq "pw-ada"><cfloginuser name="ada" password="#cflogin.password#" roles="admin, user">
    <cfelseif cflogin.name eq "bob" and cflogin.password eq "pw-bob"><cfloginuser name="bob" password="#cflogin.password#" roles="user">
    </cfif>
  </cfif>
</cflogin></cfsilent>`;
const WHO = '<cfoutput>#getAuthUser()#|#isUserLoggedIn()#|#isUserInRole("admin")#|#isUserInAnyRole("x,user")#|#isUserInAnyRole()#</cfoutput>';

let site: Site;

beforeAll(async () => {
  site = await startSite({
    // session storage, Application.cfm
    's/Application.cfm': `<cfapplication name="loginSession" sessionmanagement="true" loginstorage="session">${LOGIN_BLOCK}`,
    's/who.cfm': WHO,
    's/admin.cfm': '<cfif isUserInRole("admin")>admin area<cfelse>denied</cfif>',
    's/logout.cfm': '<cflogout>bye ' + WHO,
    's/session.cfm': '<cfoutput>#serializeJSON(session)#</cfoutput>',
    // cookie storage (Lucee's default), Application.cfc with cflogin in onRequestStart
    'c/Application.cfc': `component { this.name = "loginCookie";
      function onRequestStart(page) { if (structKeyExists(url, "idle")) request.idle = url.idle; include "login.cfm"; } }`,
    'c/login.cfm': LOGIN_BLOCK,
    'c/who.cfm': WHO,
    'c/logout.cfm': '<cflogout>bye',
    'c/cookies.cfm': '<cfoutput>#serializeJSON(cookie)#</cfoutput>',
    // a second application with the same code: its login is its own
    'c2/Application.cfc': `component { this.name = "loginOther"; function onRequestStart(page) { include "../c/login.cfm"; } }`,
    'c2/who.cfm': WHO,
    // cfloginuser outside cflogin: this request only
    'once/Application.cfm': '<cfapplication name="loginOnce" sessionmanagement="true" loginstorage="session">',
    'once/in.cfm': '<cfloginuser name="tmp" password="x" roles="r">' + WHO,
    'once/who.cfm': WHO,
  });
});

afterAll(() => site.close());

const form = (fields: Record<string, string>) => ({ method: 'POST', body: new URLSearchParams(fields) });

describe('login stored in the session (loginStorage="session")', () => {
  it('logs in with j_username/j_password, stays logged in for that session only, and logs out', async () => {
    const a = new Browser(site.base);
    const b = new Browser(site.base);
    expect(await a.text('/s/who.cfm')).toBe('|false|false|false|false');
    expect(await a.text('/s/who.cfm', form({ j_username: 'ada', j_password: 'wrong' }))).toBe('|false|false|false|false');
    expect(await a.text('/s/who.cfm', form({ j_username: 'ada', j_password: 'pw-ada' }))).toBe('ada|true|true|true|true');
    expect(await a.text('/s/admin.cfm')).toBe('admin area');
    expect(await b.text('/s/admin.cfm')).toBe('denied');
    expect(await b.text('/s/who.cfm', form({ j_username: 'bob', j_password: 'pw-bob' }))).toBe('bob|true|false|true|true');
    expect(await b.text('/s/admin.cfm')).toBe('denied');
    expect(await a.text('/s/who.cfm')).toBe('ada|true|true|true|true');
    expect(await a.text('/s/logout.cfm')).toBe('bye |false|false|false|false');
    expect(await a.text('/s/admin.cfm')).toBe('denied');
    expect(await b.text('/s/who.cfm')).toBe('bob|true|false|true|true');
  });

  it('never stores the password, and sends no login cookie', async () => {
    const a = new Browser(site.base);
    const r = await a.get('/s/session.cfm', form({ j_username: 'ada', j_password: 'pw-ada' }));
    expect(r.headers.getSetCookie().some((l) => /cfauthorization/i.test(l))).toBe(false);
    const json = await a.text('/s/session.cfm');
    expect(json).toMatch(/cfauthorization_loginSession/i);
    expect(json).not.toContain('pw-ada');
    const stored = JSON.parse(json) as Record<string, string>;
    const value = Object.entries(stored).find(([k]) => /cfauthorization/i.test(k))![1];
    expect(Buffer.from(value.split('.')[0]!, 'base64url').toString()).not.toContain('pw-ada');
  });

  it('a login made outside cflogin lasts for its request only', async () => {
    const a = new Browser(site.base);
    expect(await a.text('/once/in.cfm')).toBe('tmp|true|false|false|true');
    expect(await a.text('/once/who.cfm')).toBe('|false|false|false|false');
  });
});

describe('login stored in a signed cookie (the default)', () => {
  it('logs in with HTTP Basic auth, keeps the login in a cookie without the password', async () => {
    const a = new Browser(site.base);
    const basic = { headers: { Authorization: 'Basic ' + Buffer.from('ada:pw-ada').toString('base64') } };
    const r = await a.get('/c/who.cfm', basic);
    expect(await r.text()).toBe('ada|true|true|true|true');
    const line = r.headers.getSetCookie().find((l) => /^cfauthorization_loginCookie=/i.test(l))!;
    expect(line).toMatch(/HttpOnly/);
    expect(line).toMatch(/SameSite=Lax/);
    expect(Buffer.from(decodeURIComponent(line.split(/[=;]/)[1]!).split('.')[0]!, 'base64url').toString()).not.toContain('pw-ada');
    expect(await a.text('/c/who.cfm')).toBe('ada|true|true|true|true');
    expect(await new Browser(site.base).text('/c/who.cfm')).toBe('|false|false|false|false');
    expect(await a.text('/c/logout.cfm')).toBe('bye');
    expect(await a.text('/c/who.cfm')).toBe('|false|false|false|false');
  });

  it('a forged or altered cookie is not a login; another application does not accept it', async () => {
    const a = new Browser(site.base);
    await a.get('/c/who.cfm', form({ j_username: 'bob', j_password: 'pw-bob' }));
    const name = [...a.jar.keys()].find((k) => /cfauthorization/i.test(k))!;
    const value = decodeURIComponent(a.jar.get(name)!);
    const [payload, sig] = value.split('.');
    const data = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const promoted = Buffer.from(JSON.stringify({ ...data, roles: ['admin'] })).toString('base64url');
    for (const forged of [`${promoted}.${sig}`, promoted, `${payload}.${'A'.repeat(43)}`, 'ada', '']) {
      const m = new Browser(site.base);
      m.jar.set(name, encodeURIComponent(forged));
      expect(await m.text('/c/who.cfm')).toBe('|false|false|false|false');
    }
    // the same cookie under the other application's name
    const other = new Browser(site.base);
    other.jar.set('cfauthorization_loginOther', encodeURIComponent(value));
    expect(await other.text('/c2/who.cfm')).toBe('|false|false|false|false');
    expect(await a.text('/c/who.cfm')).toBe('bob|true|false|true|true');
  });

  it('idletimeout ends a login that was not used for that long', async () => {
    const a = new Browser(site.base);
    expect(await a.text('/c/who.cfm?idle=1', form({ j_username: 'ada', j_password: 'pw-ada' }))).toBe('ada|true|true|true|true');
    await new Promise((r) => setTimeout(r, 2100));
    expect(await a.text('/c/who.cfm?idle=1')).toBe('|false|false|false|false');
  });
});

describe('EngineOptions.secret', () => {
  it('two processes with the same secret accept each other\'s login cookie; another secret does not', async () => {
    const files = { 'Application.cfc': 'component { this.name = "shared"; function onRequestStart(p) { include "login.cfm"; } }', 'login.cfm': LOGIN_BLOCK, 'who.cfm': WHO };
    const [a, b, c] = await Promise.all([
      startSite(files, { engineOptions: { secret: 'one shared secret' } }),
      startSite(files, { engineOptions: { secret: 'one shared secret' } }),
      startSite(files, { engineOptions: { secret: 'another secret' } }),
    ]);
    try {
      const ua = new Browser(a.base);
      expect(await ua.text('/who.cfm', form({ j_username: 'ada', j_password: 'pw-ada' }))).toBe('ada|true|true|true|true');
      for (const [s, want] of [[b, 'ada|true|true|true|true'], [c, '|false|false|false|false']] as const) {
        const other = new Browser(s.base);
        for (const [k, v] of ua.jar) other.jar.set(k, v);
        expect(await other.text('/who.cfm')).toBe(want);
      }
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });
});
