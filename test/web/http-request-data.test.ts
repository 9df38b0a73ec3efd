/** getHttpRequestData over real HTTP requests (method, protocol, headers, raw body), and outside one. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/index.js';
import { startSite, type Site } from '../support/web-site.js';

let site: Site;
beforeAll(async () => {
  site = await startSite({
    'req.cfm': `<cfset d = getHttpRequestData()><cfoutput>#d.method#|#d.protocol#|#d.headers["x-probe"] ?: "-"#|#d.content#|#listSort(structKeyList(getHttpRequestData(false)), "textnocase")#</cfoutput>`,
  });
});
afterAll(async () => {
  await site?.close();
});

describe('getHttpRequestData', () => {
  it('a GET has no content', async () => {
    const r = await fetch(site.base + '/req.cfm', { headers: { 'X-Probe': 'abc' } });
    expect(await r.text()).toBe('GET|HTTP/1.1|abc||headers,method,protocol');
  });
  it('a POST body comes as text, JSON or form-encoded', async () => {
    const json = await fetch(site.base + '/req.cfm', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"n":1}' });
    expect(await json.text()).toBe('POST|HTTP/1.1|-|{"n":1}|headers,method,protocol');
    const form = await fetch(site.base + '/req.cfm', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1&b=two' });
    expect(await form.text()).toBe('POST|HTTP/1.1|-|a=1&b=two|headers,method,protocol');
  });
  it('outside an HTTP request it describes an empty GET', async () => {
    const out = await new Engine({ logger: () => {} }).renderString('<cfset d = getHttpRequestData()><cfoutput>#d.method#|#structCount(d.headers)#|#len(d.content)#</cfoutput>');
    expect(out).toBe('GET|0|0');
  });
});
