/** Application.cfc through the Node handler: settings from `this`, the event order, onError, onRequestStart returning false. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, Browser, type Site } from '../support/web-site.js';

let site: Site;

beforeAll(async () => {
  site = await startSite({
    'Application.cfc': `component {
      this.name = "cfcapp";
      this.sessionManagement = true;
      function onApplicationStart() { application.trail = "appStart"; application.starts = (application.starts ?: 0) + 1; }
      function onSessionStart() { session.trail = "sessionStart"; }
      function onRequestStart(targetPage) { request.trail = "requestStart:" & targetPage; if (targetPage contains "denied") return false; }
      function onRequestEnd(targetPage) { writeOutput("|end"); }
      function onError(exception, eventName) { writeOutput("handled " & eventName & ": " & exception.message); }
    }`,
    'count.cfm': '<cfparam name="session.n" default="0"><cfset session.n++><cfoutput>#session.n#</cfoutput>',
    'order.cfm': '<cfoutput>#application.trail#,#session.trail#,#request.trail#,#application.starts#</cfoutput>',
    'denied.cfm': 'never',
    'boom.cfm': '<cfset x = nope + 1>',
  });
});

afterAll(() => site.close());

describe('Application.cfc', () => {
  it('this.sessionManagement: two cookie jars count 1, 2 and 1; a forged CFID starts fresh', async () => {
    const a = new Browser(site.base);
    const b = new Browser(site.base);
    expect(await a.text('/count.cfm')).toBe('1|end');
    expect(await a.text('/count.cfm')).toBe('2|end');
    expect(await b.text('/count.cfm')).toBe('1|end');
    const f = await fetch(site.base + '/count.cfm', { headers: { cookie: 'CFID=11111111-2222-4333-8444-555555555555' } });
    expect(await f.text()).toBe('1|end');
  });

  it('events run in order, onApplicationStart once even for concurrent first requests', async () => {
    const outs = await Promise.all(Array.from({ length: 5 }, () => new Browser(site.base).text('/order.cfm')));
    for (const o of outs) expect(o).toBe('appStart,sessionStart,requestStart:/order.cfm,1|end');
  });

  it('onRequestStart returning false ends the request; onError handles errors with the event name', async () => {
    expect(await (await fetch(site.base + '/denied.cfm')).text()).toBe('');
    const r = await fetch(site.base + '/boom.cfm');
    expect(await r.text()).toMatch(/^handled onRequest: Variable \[NOPE\] doesn't exist/i);
  });
});
