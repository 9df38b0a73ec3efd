/** setEncoding and cfhtmlhead through the Node handler on real HTTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type Site } from '../support/web-site.js';

let site: Site;

beforeAll(async () => {
  site = await startSite({
    'enc.cfm': '<cfoutput>#len(url.n)#:#url.n#</cfoutput><cfset setEncoding("url", "iso-8859-1")><cfoutput>|#len(url.n)#:#url.n#|#url.m#|#getEncoding("url")#|#getEncoding("form")#</cfoutput>',
    'bad.cfm': '<cftry><cfset setEncoding("cookie", "utf-8")><cfcatch><cfoutput>#cfcatch.message#</cfoutput></cfcatch></cftry>',
    'head.cfm': '<html><head></head><body><cfhtmlhead text="<title>T</title>">b</body></html>',
  });
});

afterAll(() => site.close());

describe('setEncoding', () => {
  it('reads the url scope again in the charset given', async () => {
    const t = await (await fetch(site.base + '/enc.cfm?n=Gr%FC%DFe&m=a+b')).text();
    expect(t).toBe('5:Gr\uFFFD\uFFFDe|5:Grüße|a b|iso-8859-1|UTF-8');
  });
  it('refuses scopes other than url and form', async () => {
    expect(await (await fetch(site.base + '/bad.cfm')).text()).toContain('valid scopes are [url, form]');
  });
});

describe('cfhtmlhead', () => {
  it('lands before </head> of the response', async () => {
    expect(await (await fetch(site.base + '/head.cfm')).text()).toBe('<html><head><title>T</title></head><body>b</body></html>');
  });
});
