/**
 * <cfimap> as a template author uses it: real pages rendered by the Engine against a real
 * Dovecot, checking the page output and the server state afterwards.
 */
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine, CfmlError } from '../../src/index.js';
import { startDovecot, type DovecotServer, type DovecotUser } from '../support/dovecot.js';
import { serverState } from '../support/imap-helpers.js';
import { seedM1, type M1Fixture } from '../support/seed-mail.js';

let server: DovecotServer;
let engine: Engine;
let dir: string;

beforeAll(async () => {
  server = await startDovecot();
  engine = new Engine({ imap: { idleTimeoutMs: 5_000 } });
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cfimap-tag-'));
});

afterAll(async () => {
  await engine?.close();
  await server?.stop();
  await fs.rm(dir, { recursive: true, force: true });
});

const conn = (u: DovecotUser) => `server="127.0.0.1" port="${server.port}" username="${u.user}" password="${u.pass}" secure="no"`;

async function page(src: string, name = 'page.cfm'): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, src);
  return engine.renderFile(file);
}

async function pageError(src: string): Promise<CfmlError> {
  try {
    await page(src, 'err.cfm');
  } catch (e) {
    expect(e).toBeInstanceOf(CfmlError);
    return e as CfmlError;
  }
  throw new Error('the page did not throw');
}

describe('<cfimap> in templates', () => {
  let m1: M1Fixture;
  beforeAll(async () => {
    m1 = await seedM1(server);
  });

  it('getAll with the server in the tag shows decoded subjects and senders', async () => {
    const out = await page(`<cfimap action="getAll" ${conn(m1.user)} name="mails"><cfoutput query="mails">#subject# / #from#|</cfoutput>`);
    const rows = out.split('|').filter(Boolean);
    expect(rows).toHaveLength(5);
    expect(out).toContain('Grüße / ');
    expect(out).not.toMatch(/=\?UTF-8\?/i);
  });

  it('open, getHeaderOnly on the named connection, close; then the name is gone', async () => {
    const out = await page(`
<cfimap action="open" connection="c1" ${conn(m1.user)}>
<cfimap action="getHeaderOnly" connection="c1" name="q" maxrows="2">
<cfoutput>#q.recordCount# #q.columnList#</cfoutput>
<cfimap action="close" connection="c1">
<cftry><cfimap action="getHeaderOnly" connection="c1" name="q2"><cfcatch type="any"><cfoutput>[#cfcatch.type#] #cfcatch.message#</cfoutput></cfcatch></cftry>`);
    expect(out).toContain('2 DATE,FROM,MESSAGENUMBER,MESSAGEID,REPLYTO,SUBJECT,CC,TO,SIZE,HEADER,UID,ANSWERED,DELETED,DRAFT,FLAGGED,RECENT,SEEN');
    expect(out).toContain('There is no connection available with name [c1]');
  });

  it('delete without uid or messageNumber throws a catchable error and deletes nothing', async () => {
    const before = await serverState(server, m1.user);
    const err = await pageError(`<cfimap action="delete" ${conn(m1.user)}>`);
    expect(err.message).toMatch(/uid|messageNumber/i);
    expect(err.message).not.toContain(m1.user.pass);
    const after = await serverState(server, m1.user);
    expect(after.map((m) => m.uid)).toEqual(before.map((m) => m.uid));
  });

  it('wrong password: an IMAP error with errorCode AUTHENTICATION, password nowhere in it', async () => {
    const out = await page(`<cftry><cfimap action="getHeaderOnly" server="127.0.0.1" port="${server.port}" username="${m1.user.user}" password="s3cret-wrong-pw" secure="no" name="q"><cfcatch type="IMAP"><cfoutput>#cfcatch.errorCode#|#cfcatch.message#|#cfcatch.detail#</cfoutput><cfdump var="#cfcatch#"></cfcatch></cftry>`);
    expect(out.startsWith('AUTHENTICATION|')).toBe(true);
    expect(out).not.toContain('s3cret-wrong-pw');
  });

  it('listAllFolders and the script forms cfimap() and imap ...;', async () => {
    const out = await page(`<cfscript>
imap action="listAllFolders" server="127.0.0.1" port="${server.port}" username="${m1.user.user}" password="${m1.user.pass}" secure="no" name="f" recurse="true";
writeOutput(valueList(f.fullname) & "|" & f.totalmessages[1]);
</cfscript>`);
    expect(out).toContain('Archive/2024');
    expect(out).toMatch(/^[^|]*INBOX/);
  });

  it('cfimapfilter narrows getHeaderOnly with a server-side search', async () => {
    const out = await page(`<cfimap action="getHeaderOnly" ${conn(m1.user)} name="q"><cfimapfilter name="subject" value="Grüße"></cfimap><cfoutput>#q.recordCount#:#q.subject#</cfoutput>`);
    expect(out).toBe('1:Grüße');
  });

  it('a function that reads mail can be used inside an expression', async () => {
    const out = await page(`<cffunction name="inbox"><cfimap action="getHeaderOnly" ${conn(m1.user)} name="local.q"><cfreturn local.q></cffunction>
<cfoutput>#inbox().recordCount# messages, first: #inbox().subject[1]#</cfoutput>`);
    expect(out.trim()).toMatch(/^5 messages, first: \S/);
  });

  it('an action name in the wrong case works; an invalid one lists the eleven', async () => {
    expect(await page(`<cfimap action="GETHEADERONLY" ${conn(m1.user)} name="q"><cfoutput>#q.recordCount#</cfoutput>`)).toBe('5');
    const err = await pageError(`<cfimap action="bogus" ${conn(m1.user)}>`);
    expect(err.type).toBe('Application');
    expect(err.message).toContain('getHeaderOnly');
    expect(err.loc?.line).toBe(1);
  });
});

describe('<cfimap> moves and marks only what the page selected', () => {
  it('markRead uid then moveMail uid', async () => {
    const m = await seedM1(server);
    const [u1, u2] = m.uids;
    await page(`<cfimap action="markRead" ${conn(m.user)} uid="${u1}"><cfimap action="moveMail" ${conn(m.user)} uid="${u2}" newfolder="Archive">`);
    const inbox = await serverState(server, m.user);
    expect(inbox.map((x) => x.uid)).not.toContain(u2);
    expect(inbox.filter((x) => x.flags.has('\\Seen')).map((x) => x.uid)).toEqual([u1]);
    const archive = await serverState(server, m.user, 'Archive');
    expect(archive).toHaveLength(2);
  });
});
