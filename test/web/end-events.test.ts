/**
 * onSessionEnd and onApplicationEnd really run: on session expiry (1 s sessionTimeout), on
 * sessionInvalidate(), on application timeout (1 s applicationTimeout) and at engine.close().
 * The hooks write with writeLog, so the test reads the Engine's log; it waits for the lines
 * (polling with a generous deadline), never for a fixed time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startSite, Browser, type Site } from '../support/web-site.js';

const appCfc = (name: string, extra = '') => `component {
  this.name = "${name}";
  this.sessionManagement = true;
  this.sessionTimeout = createTimeSpan(0, 0, 0, 1);
  ${extra}
  function onApplicationStart() { application.started = now(); writeLog(text = "appStart ${name}"); }
  function onSessionStart() { session.n = 0; }
  function onSessionEnd(sessionScope, applicationScope) {
    writeLog(text = "sessionEnd n=" & arguments.sessionScope.n & " app=" & arguments.applicationScope.applicationName);
  }
  function onApplicationEnd(applicationScope) { writeLog(text = "appEnd " & arguments.applicationScope.applicationName); }
}`;

const pages = {
  'count.cfm': '<cfset session.n++><cfoutput>#session.n#</cfoutput>',
  'bye.cfm': '<cfset sessionInvalidate()>bye',
};

let site: Site | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

/** Resolves when a log line matches (checked every 50 ms, for up to 20 s). */
async function logLine(s: Site, re: RegExp): Promise<string> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const hit = s.logs.find((l) => re.test(l));
    if (hit) return hit;
    if (Date.now() > deadline) throw new Error(`no log line matched ${re}; log:\n${s.logs.join('\n')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until `ms` have passed since `since` (the sessions' idle clock), polling. */
async function idle(since: number, ms: number): Promise<void> {
  while (Date.now() - since <= ms) await new Promise((r) => setTimeout(r, 100));
}

describe('onSessionEnd', () => {
  it('runs when a session expires after sessionTimeout of idleness, with the session and application scopes', async () => {
    site = await startSite({ 'Application.cfc': appCfc('endapp1'), ...pages });
    const a = new Browser(site.base);
    expect(await a.text('/count.cfm')).toBe('1');
    expect(await a.text('/count.cfm')).toBe('2');
    const last = Date.now();
    expect(site.logs.some((l) => /sessionEnd/.test(l))).toBe(false);
    await idle(last, 1200);
    // the next request with the old cookie finds the session expired: a new one, and onSessionEnd for the old
    expect(await a.text('/count.cfm')).toBe('1');
    expect(await logLine(site, /sessionEnd n=2 app=endapp1/)).toBeTruthy();
  });

  it('runs on sessionInvalidate(); the invalidated session does not end a second time', async () => {
    site = await startSite({ 'Application.cfc': appCfc('endapp2'), ...pages });
    const a = new Browser(site.base);
    await a.text('/count.cfm');
    await a.text('/count.cfm');
    await a.text('/count.cfm');
    expect(await a.text('/bye.cfm')).toBe('bye');
    await logLine(site, /sessionEnd n=3 app=endapp2/);
    expect(site.logs.filter((l) => /sessionEnd n=3/.test(l))).toHaveLength(1);
  });
});

describe('onApplicationEnd', () => {
  it('runs when the application times out; the next request starts it again', async () => {
    site = await startSite({ 'Application.cfc': appCfc('endapp3', 'this.applicationTimeout = createTimeSpan(0, 0, 0, 1);'), ...pages });
    await new Browser(site.base).text('/count.cfm');
    const last = Date.now();
    await idle(last, 1200);
    await new Browser(site.base).text('/count.cfm');
    await logLine(site, /appEnd endapp3/);
    expect(site.logs.filter((l) => /appStart endapp3/.test(l))).toHaveLength(2);
  });

  it('runs at engine.close(), which waits for it', async () => {
    const cfc = appCfc('endapp4').replace('function onApplicationEnd(applicationScope) {', 'function onApplicationEnd(applicationScope) { sleep(50); writeLog(text = "late"); ');
    site = await startSite({ 'Application.cfc': cfc, ...pages });
    await new Browser(site.base).text('/count.cfm');
    const s = site;
    site = undefined;
    await s.close();
    expect(s.logs.filter((l) => /late|appEnd endapp4/.test(l)).map((l) => l.replace(/^\[\w+\]\s*/, ''))).toEqual(['late', 'appEnd endapp4']);
  });
});
