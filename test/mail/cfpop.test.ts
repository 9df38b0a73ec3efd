/**
 * <cfpop> against a real Dovecot serving POP3 (dovecot-pop3d) on 127.0.0.1: listing, reading,
 * attachments, selection, deleting only what the page selected, TLS, and errors.
 */
import * as fs from 'node:fs/promises';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine, CfmlError } from '../../src/index.js';
import { startDovecot, type DovecotServer, type DovecotUser } from '../support/dovecot.js';
import { appendAll, plainMessage, alternativeMessage, withAdmin, PDF_BYTES } from '../support/seed-mail.js';
import { serverState } from '../support/imap-helpers.js';

let dovecot: DovecotServer;
let engine: Engine;
let dir: string;

beforeAll(async () => {
  dovecot = await startDovecot({ pop3: true, users: ['carol'] });
  engine = new Engine();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cfpop-'));
});

afterAll(async () => {
  await engine?.close();
  await dovecot?.stop();
  await fs.rm(dir, { recursive: true, force: true });
});

const attach = (name: string, content: Buffer) =>
  [
    'From: =?UTF-8?Q?Ren=C3=A9e?= <renee@example.com>',
    'To: carol@example.org',
    'Subject: =?UTF-8?Q?Rapport_f=C3=BCr_Q1?=',
    'Date: Wed, 03 Jan 2024 09:00:00 +0000',
    'Message-ID: <att1@example.com>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'See the report.',
    '.hidden line starts with a dot',
    '--b1',
    `Content-Type: application/pdf; name="${name}"`,
    `Content-Disposition: attachment; filename="${name}"`,
    'Content-Transfer-Encoding: base64',
    '',
    content.toString('base64'),
    '--b1--',
    '',
  ].join('\r\n');

async function freshBox(): Promise<DovecotUser> {
  const u = await dovecot.addUser();
  await withAdmin(dovecot, u, (c) =>
    appendAll(c, 'INBOX', [plainMessage({ subject: 'first' }), alternativeMessage({ subject: 'second' }), attach('../../evil.pdf', PDF_BYTES), plainMessage({ subject: 'fourth' })]),
  );
  return u;
}

async function page(src: string): Promise<string> {
  const file = path.join(dir, `p${Math.random().toString(36).slice(2)}.cfm`);
  await fs.writeFile(file, src);
  return (await engine.renderFile(file)).trim();
}

async function pageError(src: string): Promise<CfmlError> {
  try {
    await page(src);
  } catch (e) {
    expect(e).toBeInstanceOf(CfmlError);
    return e as CfmlError;
  }
  throw new Error('the page did not throw');
}

const conn = (u: DovecotUser, extra = '') => `server="127.0.0.1" port="${dovecot.popPort}" username="${u.user}" password="${u.pass}" ${extra}`;

describe('<cfpop>', () => {
  let box: DovecotUser;
  beforeAll(async () => {
    box = await freshBox();
  });

  it('getHeaderOnly lists the box with Lucee\'s columns, decoded', async () => {
    const out = await page(`<cfpop action="getHeaderOnly" ${conn(box)} name="q"><cfoutput>#q.columnList#|#q.recordCount#|<cfloop query="q">#messageNumber#:#subject#:#len(uid) gt 0#;</cfloop>|#q.from[3]#|#isDate(q.date[1])#</cfoutput>`);
    expect(out).toBe('DATE,FROM,MESSAGENUMBER,MESSAGEID,REPLYTO,SUBJECT,CC,TO,SIZE,HEADER,UID|4|1:first:true;2:second:true;3:Rapport für Q1:true;4:fourth:true;|Renée <renee@example.com>|true');
  });

  it('getAll gives bodies and saves attachments safely inside attachmentPath (dot-stuffed lines intact)', async () => {
    const att = path.join(dir, 'pop-att');
    const out = await page(`<cfpop action="getAll" ${conn(box)} messageNumber="2,3" name="q" attachmentPath="pop-att"><cfoutput>#q.columnList#|#q.recordCount#|#trim(q.textBody[1])#|#trim(q.htmlBody[1])#|#q.attachments[2]#|#q.textBody[2]#</cfoutput>`);
    const [cols, count, text, html, names, body2] = out.split('|');
    expect(cols).toBe('DATE,FROM,MESSAGENUMBER,MESSAGEID,REPLYTO,SUBJECT,CC,TO,SIZE,HEADER,UID,BODY,TEXTBODY,HTMLBODY,ATTACHMENTS,ATTACHMENTFILES,CIDS');
    expect(count).toBe('2');
    expect(text).toBe('The plain part.');
    expect(html).toBe('<p>The <b>html</b> part.</p>');
    expect(names).toBe('evil.pdf');
    expect(body2).toContain('\n.hidden line starts with a dot');
    expect(await fs.readdir(att)).toEqual(['evil.pdf']);
    expect(await fs.readFile(path.join(att, 'evil.pdf'))).toEqual(PDF_BYTES);
  });

  it('uid and startRow/maxRows select; reading changes nothing on the server', async () => {
    const uid2 = await page(`<cfpop ${conn(box)} name="q"><cfoutput>#q.uid[2]#</cfoutput>`);
    expect(await page(`<cfpop ${conn(box)} uid="${uid2}" name="q"><cfoutput>#q.recordCount# #q.subject#</cfoutput>`)).toBe('1 second');
    expect(await page(`<cfpop ${conn(box)} startRow="2" maxRows="2" name="q"><cfoutput>#valueList(q.subject, "/")#</cfoutput>`)).toBe('second/Rapport für Q1');
    expect((await serverState(dovecot, box)).length).toBe(4);
  });

  it('delete needs a selector and deletes only the selected messages', async () => {
    const b = await freshBox();
    const e = await pageError(`<cfpop action="delete" ${conn(b)}>`);
    expect(e.type).toBe('POP');
    expect(e.errorCode).toBe('SELECTION_REQUIRED');
    expect((await serverState(dovecot, b)).length).toBe(4);
    await page(`<cfpop action="delete" ${conn(b)} uid="">`);
    expect((await serverState(dovecot, b)).length).toBe(4);
    await page(`<cfpop action="delete" ${conn(b)} messageNumber="1,3">`);
    expect((await serverState(dovecot, b)).map((m) => m.subject)).toEqual(['second', 'fourth']);
  });

  it('a bad password is a catchable POP error that does not contain the password', async () => {
    const out = await page(`<cftry><cfpop ${conn({ user: box.user, pass: 'Not-The-Pass-77' })} name="q"><cfcatch><cfoutput>#cfcatch.type#|#cfcatch.errorCode#|#cfcatch.message#|#cfcatch.detail#</cfoutput></cfcatch></cftry>`);
    expect(out).toMatch(/^POP\|AUTHENTICATION\|Authentication failed for user \[/);
    expect(out).not.toContain('Not-The-Pass-77');
  });

  it('TLS: implicit and STARTTLS check the certificate (refused when self-signed unless validateCertificate=false)', async () => {
    const tls = `server="127.0.0.1" port="${dovecot.popTlsPort}" username="${box.user}" password="${box.pass}" secure="yes"`;
    const e = await pageError(`<cfpop ${tls} name="q">`);
    expect(e.errorCode).toBe('TLS');
    expect(await page(`<cfpop ${tls} validateCertificate="no" name="q"><cfoutput>#q.recordCount#</cfoutput>`)).toBe('4');
    const e2 = await pageError(`<cfpop ${conn(box, 'secure="starttls"')} name="q">`);
    expect(e2.errorCode).toBe('TLS');
    expect(await page(`<cfpop ${conn(box, 'secure="starttls" validateCertificate="no"')} name="q"><cfoutput>#q.recordCount#</cfoutput>`)).toBe('4');
  });

  it('a server that never answers ends with TIMEOUT; a closed port with CONNECTION', async () => {
    const silent = net.createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const port = (silent.address() as net.AddressInfo).port;
    const e = await pageError(`<cfpop server="127.0.0.1" port="${port}" username="x" password="y" timeout="1" name="q">`);
    expect(e.errorCode).toBe('TIMEOUT');
    await new Promise((r) => silent.close(r)); // resolves only when the client closed its socket
    const e2 = await pageError(`<cfpop server="127.0.0.1" port="${port}" username="x" password="y" timeout="2" name="q">`);
    expect(e2.errorCode).toBe('CONNECTION');
  });
});
