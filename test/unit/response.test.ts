/** cflocation / cfheader / cfcontent are recorded as response metadata of renderStringWithMeta. */
import { describe, it, expect, afterAll } from 'vitest';
import { Engine } from '../../src/index.js';

const engine = new Engine();
afterAll(() => engine.close());
const render = (src: string) => engine.renderStringWithMeta(src);

describe('response metadata', () => {
  it('a plain page is 200 with no location', async () => {
    const r = await render('<cfoutput>hi</cfoutput>');
    expect(r.output).toBe('hi');
    expect(r.status).toBe(200);
    expect(r.location).toBeUndefined();
    expect(r.headers).toEqual({});
  });

  it('cflocation records a 302 redirect and stops the page', async () => {
    const r = await render('before<cflocation url="/next.cfm?a=1" addtoken="false">after');
    expect(r.output).toBe('before');
    expect(r.status).toBe(302);
    expect(r.location).toBe('/next.cfm?a=1');
    expect(r.headers['Location']).toBe('/next.cfm?a=1');
  });

  it('cflocation takes statuscode', async () => {
    const r = await render('<cfset dest = "/moved"><cflocation url="#dest#" statuscode="301">never');
    expect(r).toMatchObject({ status: 301, location: '/moved', output: '' });
  });

  it('cflocation inside an included or looped body still stops everything', async () => {
    const r = await render('<cfloop from="1" to="3" index="i"><cfoutput>#i#</cfoutput><cfif i EQ 2><cflocation url="x.cfm"></cfif></cfloop>tail');
    expect(r.output).toBe('12');
    expect(r.location).toBe('x.cfm');
  });

  it('cfheader sets headers and the status code', async () => {
    const r = await render('<cfheader name="X-Test" value="yes"><cfheader statuscode="404" statustext="Not Found">body');
    expect(r.headers['X-Test']).toBe('yes');
    expect(r.status).toBe(404);
    expect(r.statusText).toBe('Not Found');
    expect(r.output).toBe('body');
  });

  it('cfcontent records the content type; reset drops earlier output', async () => {
    const r = await render('junk<cfcontent type="application/json" reset="true">{"a":1}');
    expect(r.contentType).toBe('application/json');
    expect(r.headers['Content-Type']).toBe('application/json');
    expect(r.output).toBe('{"a":1}');
  });

  it('cfcontent without reset keeps earlier output', async () => {
    const r = await render('a<cfcontent type="text/plain">b');
    expect(r.output).toBe('ab');
    expect(r.contentType).toBe('text/plain');
  });

  it('cfcontent variable= replaces the output and ends the page', async () => {
    const r = await render('x<cfcontent type="text/plain" variable="#toBinary(toBase64("bin"))#">after');
    expect(r.output).toBe('');
    expect(Buffer.from(r.body!).toString()).toBe('bin');
  });

  it('cflog writes nothing into the output', async () => {
    const r = await render('<cflog text="log line">ok');
    expect(r.output).toBe('ok');
  });
});
