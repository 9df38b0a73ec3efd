/** `<cferror>` through the Node handler: request and exception templates, the error scope, precedence of onError. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type Site } from '../support/web-site.js';

let site: Site;

beforeAll(async () => {
  site = await startSite({
    'Application.cfm': `<cfapplication name="errapp">
<cferror type="request" template="errors/request.cfm" mailto="ops@example.com">
<cferror type="exception" exception="myapp.notfound" template="/errors/notfound.cfm">`,
    'errors/request.cfm': '<cfoutput>sorry: #error.message# | type=#error.type# | page=#error.template# | qs=#error.queryString# | mailto=#error.mailto# | generated=[#error.generatedContent#] | diag=#error.diagnostics# | line=#error.tagContext[1].line#</cfoutput>',
    'errors/notfound.cfm': '<cfoutput>not found: #error.detail#</cfoutput>',
    'boom.cfm': 'before\n<cfset x = nope + 1>',
    'custom.cfm': '<cfthrow type="myapp.notfound.user" message="no user" detail="user 7">',
    'ok.cfm': 'fine',
    'bad/Application.cfm': '<cfapplication name="errapp2"><cferror type="request" template="broken.cfm">',
    'bad/broken.cfm': '<cfset y = alsoNope>',
    'bad/page.cfm': '<cfset x = nope>',
    'cfc/Application.cfc': `component { this.name = "errcfc";
      function onRequestStart(t) { cferror(type = "request", template = "err.cfm"); } }`,
    'cfc/err.cfm': '<cfoutput>cfc error page: #error.message#</cfoutput>',
    'cfc/page.cfm': '<cfthrow message="from the page">',
    'onerror/Application.cfc': `component { this.name = "erronerror";
      function onRequestStart(t) { cferror(type = "request", template = "err.cfm"); }
      function onError(e, ev) { writeOutput("onError wins: " & e.message); } }`,
    'onerror/err.cfm': 'cferror page',
    'onerror/page.cfm': '<cfthrow message="x">',
  });
});

afterAll(() => site.close());

describe('cferror', () => {
  it('type="request": the template runs with the error scope, status 500, the output so far only in error.generatedContent', async () => {
    const r = await fetch(site.base + '/boom.cfm?a=1');
    expect(r.status).toBe(500);
    const text = await r.text();
    expect(text).toMatch(/^sorry: Variable \[NOPE\] doesn't exist \| type=expression \| page=\/boom.cfm \| qs=a=1 \| mailto=ops@example.com \| generated=\[\s*before\s*\] \| diag=Variable \[NOPE\] doesn't exist.* line 2 \| line=2$/is);
    // the full error is still logged
    expect(site.logs.join("\n")).toMatch(/boom\.cfm:2:\d+: variable \[nope\]/i);
  });

  it('type="exception" with an exception type wins for matching errors (dotted prefix); a page without error is untouched', async () => {
    const r = await fetch(site.base + '/custom.cfm');
    expect([r.status, (await r.text()).trim()]).toEqual([500, 'not found: user 7']);
    expect((await (await fetch(site.base + '/ok.cfm')).text()).trim()).toBe('fine');
  });

  it('an error in the error template gives the server error page (no details in production)', async () => {
    const r = await fetch(site.base + '/bad/page.cfm');
    expect(r.status).toBe(500);
    const text = await r.text();
    expect(text).toContain('Request id');
    expect(text).not.toMatch(/alsoNope|broken\.cfm/i);
  });

  it('registered in Application.cfc onRequestStart (script form); onError takes precedence when defined', async () => {
    expect(await (await fetch(site.base + '/cfc/page.cfm')).text()).toBe('cfc error page: from the page');
    expect(await (await fetch(site.base + '/onerror/page.cfm')).text()).toBe('onError wins: x');
  });

  it('a template that does not exist is a clear error where cferror is written', async () => {
    const { Engine } = await import('../../src/engine.js');
    const e = new Engine();
    await expect(e.renderString('<cferror type="request" template="nowhere.cfm">')).rejects.toThrow(/the error template \[nowhere.cfm\] does not exist/);
  });
});
