/** `<cfflush>` streams through the Node handler; getPageContext()'s request, response and out. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type Site } from '../support/web-site.js';
import { defineTag } from '../../src/tags/types.js';
import { Engine } from '../../src/engine.js';

/** <cfgate> waits (without blocking the process) until the test opens the gate. */
let openGate: () => void = () => {};
const gateTag = defineTag({
  name: 'gate',
  run: () => new Promise<void>((r) => (openGate = r)),
});

let site: Site;

beforeAll(async () => {
  site = await startSite(
    {
      'stream.cfm': '<cfheader name="X-Before" value="yes"><cfcookie name="early" value="1">part1<cfflush><cfgate>part2',
      'late-header.cfm': 'a<cfflush><cfheader name="X-Late" value="no">',
      'late-location.cfm': 'a<cfflush><cflocation url="/elsewhere">',
      'late-cookie.cfm': 'a<cfflush><cfcookie name="c" value="1">',
      'interval.cfm': '<cfflush interval="5"><cfloop from="1" to="3" index="i">chunk<cfgate></cfloop>end',
      'interval-capture.cfm': '<cfflush interval="5"><cfsavecontent variable="s">inside savecontent</cfsavecontent><cfsilent>never shown at all</cfsilent><cfquery name="q" datasource="m">SELECT \'from the query\' AS x</cfquery><cfoutput>[#s#][#q.x#]</cfoutput>',
      'error-after.cfm': 'visible<cfflush><cfset x = nope>',
      'pc.cfm': `<cfscript>
        pc = getPageContext();
        req = pc.getRequest();
        writeOutput(req.getMethod() & "|" & req.getRequestURI() & "|" & req.getQueryString() & "|" & req.getHeader("X-Custom") & "|" & isNull(req.getHeader("X-Absent")) & "|" & req.getParameter("q") & "|" & req.getRemoteAddr());
        res = pc.getResponse();
        res.setStatus(201);
        res.setHeader("X-From-PC", "1");
        res.setContentType("text/plain");
        writeOutput("|" & res.getStatus() & "|" & res.isCommitted());
      </cfscript>`,
      'clear.cfm': 'dropped<cfset getPageContext().getOut().clearBuffer()>kept',
      'go.cfm': 'never shown<cfscript>location(url = "/there.cfm?x=1", addToken = false, statusCode = 301); writeOutput("nor this");</cfscript>',
      'go-bad.cfm': '<cfscript>location(url = "/there.cfm", statusCode = 200);</cfscript>',
      'sess/Application.cfm': '<cfapplication name="flushsess" sessionmanagement="true">',
      'sess/after.cfm': 'a<cfflush><cfparam name="session.n" default="0"><cfset session.n++><cfoutput>#session.n#</cfoutput>',
    },
    { engineOptions: { tags: [gateTag], datasources: { m: { driver: 'sqlite', database: ':memory:' } } } },
  );
});

afterAll(() => site.close());

describe('cfflush', () => {
  it('sends a new session\'s cookie with the flushed head, so a session used after the flush continues', async () => {
    const r1 = await fetch(site.base + '/sess/after.cfm');
    const cookie = r1.headers.get('set-cookie');
    expect(cookie).toMatch(/^CFID=[0-9a-f-]{36};/);
    expect(await r1.text()).toBe('a1');
    const r2 = await fetch(site.base + '/sess/after.cfm', { headers: { cookie: cookie!.split(';')[0]! } });
    expect(await r2.text()).toBe('a2');
  });

  it('sends the status, headers, cookies and the output so far while the page still runs', async () => {
    const r = await fetch(site.base + '/stream.cfm');
    // the response head arrived although the page is waiting at <cfgate>
    expect(r.status).toBe(200);
    expect(r.headers.get('x-before')).toBe('yes');
    expect(r.headers.get('set-cookie')).toMatch(/^EARLY=1/);
    expect(r.headers.get('content-length')).toBeNull();
    const reader = r.body!.getReader();
    const first = await reader.read();
    expect(Buffer.from(first.value!).toString()).toBe('part1');
    openGate();
    let rest = '';
    for (let c = await reader.read(); !c.done; c = await reader.read()) rest += Buffer.from(c.value!).toString();
    expect(rest).toBe('part2');
  });

  it('interval="n" flushes whenever n characters are buffered', async () => {
    const r = await fetch(site.base + '/interval.cfm');
    const reader = r.body!.getReader();
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      seen.push(Buffer.from((await reader.read()).value!).toString());
      openGate();
    }
    let rest = '';
    for (let c = await reader.read(); !c.done; c = await reader.read()) rest += Buffer.from(c.value!).toString();
    expect(seen).toEqual(['chunk', 'chunk', 'chunk']);
    expect(rest).toBe('end');
  });

  it('interval="n" never sends what a tag captures (the SQL of cfquery, cfsavecontent, cfsilent)', async () => {
    const r = await fetch(site.base + '/interval-capture.cfm');
    expect(r.status).toBe(200);
    expect(await r.text()).toBe('[inside savecontent][from the query]');
  });

  it('cfheader, cflocation and cfcookie after a flush are errors; the error ends the page with the request id only', async () => {
    for (const p of ['/late-header.cfm', '/late-location.cfm', '/late-cookie.cfm']) {
      const r = await fetch(site.base + p);
      const text = await r.text();
      expect(r.status).toBe(200);
      expect(text).toMatch(/^a<p>The request could not be completed\. Request id: <code>[0-9a-f]+<\/code><\/p>$/);
      expect(r.headers.get('x-late')).toBeNull();
    }
    expect(site.logs.join('\n')).toMatch(/\[cfheader\] cannot be used after the response has been flushed/);
    expect(site.logs.join('\n')).toMatch(/\[cflocation\] cannot be used after the response has been flushed/);
    const e = await fetch(site.base + '/error-after.cfm');
    const text = await e.text();
    expect(text).toMatch(/^visible<p>The request could not be completed/);
    expect(text).not.toMatch(/nope|error-after/i);
  });

  it('does nothing in the CLI: the whole output comes at the end', async () => {
    expect(await new Engine().renderString('a<cfflush>b<cfheader name="X" value="1">')).toBe('ab');
  });
});

describe('location()', () => {
  it('redirects as cflocation does and ends the page; a status outside 300-399 is an error', async () => {
    const r = await fetch(site.base + '/go.cfm', { redirect: 'manual' });
    expect([r.status, r.headers.get('location')]).toEqual([301, '/there.cfm?x=1']);
    expect(await r.text()).not.toContain('nor this');
    expect((await fetch(site.base + '/go-bad.cfm', { redirect: 'manual' })).status).toBe(500);
    expect(site.logs.join('\n')).toMatch(/invalid statusCode \[200\] for a redirect/);
  });
});

describe('getPageContext()', () => {
  it('getRequest() and getResponse() read the request and shape the response', async () => {
    const r = await fetch(site.base + '/pc.cfm?q=search', { headers: { 'X-Custom': 'hdr' } });
    expect(r.status).toBe(201);
    expect(r.headers.get('x-from-pc')).toBe('1');
    expect(r.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await r.text()).toBe('GET|/pc.cfm|q=search|hdr|true|search|127.0.0.1|201|false');
  });

  it('getOut().clearBuffer() drops the output so far', async () => {
    expect(await (await fetch(site.base + '/clear.cfm')).text()).toBe('kept');
  });
});
