/** The client scope through the Node handler on real HTTP: cookie (signed) and memory storage. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, Browser, type Site } from '../support/web-site.js';

const PAGES = {
  'set.cfm': '<cfset client.color = url.c><cfset client.n = 7><cfoutput>#getClientVariablesList()#</cfoutput>',
  'show.cfm':
    '<cfoutput>#client.hitCount#|#client.color ?: "-"#|#listSort(getClientVariablesList(), "textnocase")#|#isDate(client.lastVisit)#|#isDate(client.timeCreated)#|#len(client.cfid)#|#client.cftoken#|#client.urltoken eq "CFID=#client.cfid#&CFTOKEN=0"#</cfoutput>',
  'del.cfm': '<cfoutput>#deleteClientVariable("color")#|#deleteClientVariable("color")#|#deleteClientVariable("hitcount")#|#getClientVariablesList()#</cfoutput>',
  'complex.cfm': '<cftry><cfset client.a = [1]><cfcatch><cfoutput>#cfcatch.message#</cfoutput></cfcatch></cftry>',
  'visit.cfm': '<cfoutput>#dateDiff("s", client.lastVisit, now()) gte 0#|#client.lastVisit eq client.timeCreated#</cfoutput>',
};

let site: Site;

beforeAll(async () => {
  const files: Record<string, string> = {
    'ck/Application.cfc': 'component { this.name = "clientCookie"; this.clientManagement = true; this.clientStorage = "cookie"; }',
    'mem/Application.cfm': '<cfapplication name="clientMem" clientmanagement="true" clientstorage="memory" sessionmanagement="true">',
    'off/Application.cfm': '<cfapplication name="clientOff">',
    'off/page.cfm': '<cftry><cfset client.x = 1><cfcatch><cfoutput>#cfcatch.message#</cfoutput></cfcatch></cftry>',
    'bad/Application.cfm': '<cfapplication name="clientBad" clientmanagement="true" clientstorage="registry">',
    'bad/page.cfm': 'x',
  };
  for (const dir of ['ck', 'mem']) for (const [f, t] of Object.entries(PAGES)) files[`${dir}/${f}`] = t;
  site = await startSite(files);
});

afterAll(() => site.close());

for (const dir of ['ck', 'mem']) {
  describe(`client variables (${dir === 'ck' ? 'cookie' : 'memory'} storage)`, () => {
    it('keep values across requests of one browser, not of another, and count the visits (dot-notation names are upper case, as in Lucee)', async () => {
      const a = new Browser(site.base);
      const b = new Browser(site.base);
      expect(await a.text(`/${dir}/show.cfm`)).toBe('1|-||true|true|36|0|true');
      expect(await a.text(`/${dir}/set.cfm?c=red`)).toMatch(/^(COLOR,N|N,COLOR)$/);
      expect(await a.text(`/${dir}/show.cfm`)).toBe('3|red|COLOR,N|true|true|36|0|true');
      expect(await b.text(`/${dir}/show.cfm`)).toBe('1|-||true|true|36|0|true');
      expect(await a.text(`/${dir}/del.cfm`)).toBe('true|false|false|N');
      expect(await a.text(`/${dir}/show.cfm`)).toBe('5|-|N|true|true|36|0|true');
    });

    it('lastVisit is the previous request, timeCreated the first', async () => {
      const a = new Browser(site.base);
      expect(await a.text(`/${dir}/visit.cfm`)).toBe('true|true');
      await new Promise((r) => setTimeout(r, 1100));
      expect(await a.text(`/${dir}/visit.cfm`)).toBe('true|true');
      expect(await a.text(`/${dir}/visit.cfm`)).toBe('true|false');
    });

    it('refuses complex values', async () => {
      expect(await new Browser(site.base).text(`/${dir}/complex.cfm`)).toContain('can only hold simple values');
    });
  });
}

describe('client cookie', () => {
  it('is signed: an altered or forged cookie starts a new client', async () => {
    const a = new Browser(site.base);
    await a.text('/ck/set.cfm?c=blue');
    const name = [...a.jar.keys()].find((k) => k.startsWith('CF_CLIENT_'))!;
    expect(name).toBe('CF_CLIENT_clientCookie');
    const [payload, sig] = decodeURIComponent(a.jar.get(name)!).split('.');
    const data = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    expect(data.COLOR ?? data.color).toBe('blue');
    const altered = Buffer.from(JSON.stringify({ ...data, COLOR: 'green', color: 'green' })).toString('base64url');
    const m = new Browser(site.base);
    m.jar.set(name, encodeURIComponent(`${altered}.${sig}`));
    expect(await m.text('/ck/show.cfm')).toBe('1|-||true|true|36|0|true');
    expect(await a.text('/ck/show.cfm')).toMatch(/^\d+\|blue\|/);
  });

  it('memory storage keeps only a signed id in the cookie', async () => {
    const a = new Browser(site.base);
    await a.text('/mem/set.cfm?c=secret-colour');
    const v = decodeURIComponent(a.jar.get('CF_CLIENT_clientMem')!);
    expect(Buffer.from(v.split('.')[0]!, 'base64url').toString()).toMatch(/^"[0-9a-f-]{36}"$/);
    const m = new Browser(site.base);
    m.jar.set('CF_CLIENT_clientMem', encodeURIComponent(Buffer.from(JSON.stringify(v)).toString('base64url') + '.x'));
    expect(await m.text('/mem/show.cfm')).toBe('1|-||true|true|36|0|true');
  });
});

describe('without client management', () => {
  it('the client scope is an error naming the setting', async () => {
    expect(await (await fetch(site.base + '/off/page.cfm')).text()).toContain('the client scope is not enabled');
  });
  it('an unsupported clientStorage is a clear error', async () => {
    const r = await fetch(site.base + '/bad/page.cfm');
    expect(r.status).toBe(500);
    expect(site.logs.join('\n')).toContain('clientStorage [registry] is not supported');
  });
});
