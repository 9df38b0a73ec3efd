/**
 * Named <cfimap> connections belong to the session that opened them (issue 8 item 1, wired by
 * the web layer through Ctx.connectionOwner): another client's session cannot use them, they
 * last across the session's requests, and sessionInvalidate() logs them out. Against Dovecot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, Browser, type Site } from '../support/web-site.js';
import { startWebmailMailboxes, type WebmailMailboxes } from '../../scripts/webmail-mailboxes.js';

let site: Site;
let boxes: WebmailMailboxes;

beforeAll(async () => {
  boxes = await startWebmailMailboxes();
  site = await startSite({
    'Application.cfm': '<cfapplication name="owners" sessionmanagement="true">',
    'open.cfm': `<cfimap action="open" connection="mail" server="127.0.0.1" port="${boxes.server.port}" secure="no" username="#url.u#" password="#url.p#">opened`,
    'list.cfm': '<cftry><cfimap action="getHeaderOnly" connection="mail" name="q"><cfoutput>#q.recordCount#</cfoutput><cfcatch><cfoutput>#cfcatch.message#</cfoutput></cfcatch></cftry>',
    'logout.cfm': '<cfset sessionInvalidate()>bye',
  });
}, 60_000);

afterAll(async () => {
  await site?.close();
  await boxes?.stop();
});

describe('named connections per session', () => {
  it("one client's named connection is invisible to another client's session and lasts across its own requests", async () => {
    const a = new Browser(site.base);
    const b = new Browser(site.base);
    expect(await a.text(`/open.cfm?u=alice&p=${encodeURIComponent(boxes.alice.pass)}`)).toBe('opened');
    expect(await a.text('/list.cfm')).toBe('27');
    expect(await b.text('/list.cfm')).toBe('There is no connection available with name [mail]');
    expect(await b.text(`/open.cfm?u=bob&p=${encodeURIComponent(boxes.bob.pass)}`)).toBe('opened');
    expect(await b.text('/list.cfm')).toBe('3');
    expect(await a.text('/list.cfm')).toBe('27');
    // a session-less request (no cookie: a new session) sees neither
    expect(await (await fetch(site.base + '/list.cfm')).text()).toBe('There is no connection available with name [mail]');
    // sessionInvalidate logs the connection out: the new session has none
    expect(await a.text('/logout.cfm')).toBe('bye');
    expect(await a.text('/list.cfm')).toBe('There is no connection available with name [mail]');
    expect(await b.text('/list.cfm')).toBe('3');
  });
});
