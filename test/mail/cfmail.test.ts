/**
 * <cfmail> against a real SMTP server (smtp-server) that delivers into a real Dovecot: one page
 * sends, another reads the same message back with <cfimap action="getAll">.
 */
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { Engine, CfmlError, Struct } from '../../src/index.js';
import { startDovecot, type DovecotServer, type DovecotUser } from '../support/dovecot.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp.js';

let dovecot: DovecotServer;
let smtp: SmtpSink;
let authSmtp: SmtpSink;
let engine: Engine;
let dir: string;
let bob: DovecotUser;

beforeAll(async () => {
  dovecot = await startDovecot({ users: ['alice', 'bob'], ssl: false });
  bob = dovecot.users.find((u) => u.user === 'bob')!;
  smtp = await startSmtpSink({ dovecot });
  authSmtp = await startSmtpSink({ users: [{ user: 'mailer', pass: 'Sm7p-s3cret' }] });
  engine = new Engine({ mail: { server: '127.0.0.1', port: smtp.port } });
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cfmail-'));
});

afterAll(async () => {
  await engine?.close();
  await smtp?.stop();
  await authSmtp?.stop();
  await dovecot?.stop();
  await fs.rm(dir, { recursive: true, force: true });
});

async function page(src: string, e = engine): Promise<string> {
  const file = path.join(dir, `p${Math.random().toString(36).slice(2)}.cfm`);
  await fs.writeFile(file, src);
  return (await e.renderFile(file)).trim();
}

async function pageError(src: string, e = engine): Promise<CfmlError> {
  try {
    await page(src, e);
  } catch (err) {
    expect(err).toBeInstanceOf(CfmlError);
    return err as CfmlError;
  }
  throw new Error('the page did not throw');
}

describe('<cfmail> round trip through SMTP into Dovecot', () => {
  it('cfmail sends; cfimap getAll shows subject, decoded From, text and HTML parts and the attachment bytes', async () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251, 252, 13, 10, 46, 13, 10]);
    await fs.writeFile(path.join(dir, 'report.bin'), bytes);
    const before = smtp.received.length;
    await page(`<cfset who = "Bob">
<cfmail from='"Jürgen Müller" <juergen@example.com>' to="bob@example.com" subject="Grüße, #who#">
<cfmailpart type="text">Hallo #who#, ä ö ü</cfmailpart>
<cfmailpart type="html"><p>Hallo <b>#who#</b></p></cfmailpart>
<cfmailparam file="report.bin" type="application/octet-stream">
<cfmailparam name="X-Campaign" value="spring">
</cfmail>`);
    await smtp.waitFor(before + 1);
    const imap = `server="127.0.0.1" port="${dovecot.port}" username="bob" password="${bob.pass}" secure="no"`;
    const att = path.join(dir, 'att');
    const out = await page(`<cfimap action="getAll" ${imap} name="m" attachmentPath="${att}">` +
      `<cfoutput query="m">#subject#|#from#|#trim(textBody)#|#trim(htmlBody)#|#attachments#|#header contains "X-Campaign: spring"#</cfoutput>`);
    expect(out).toBe('Grüße, Bob|Jürgen Müller <juergen@example.com>|Hallo Bob, ä ö ü|<p>Hallo <b>Bob</b></p>|report.bin|true');
    expect(await fs.readFile(path.join(att, 'report.bin'))).toEqual(bytes);
  });
});

describe('<cfmail> details (checked on what the SMTP server received)', () => {
  const lastMail = async (n: number) => {
    const all = await smtp.waitFor(n);
    return { env: all[n - 1]!, parsed: await simpleParser(all[n - 1]!.raw) };
  };

  it('type="html", cc/bcc/replyTo, priority, mailerID, failTo as the envelope sender; non-ASCII names encoded per RFC 2047', async () => {
    const n = smtp.received.length + 1;
    await page(`<cfmail from="Zoë <z@example.com>" to="a@example.com" cc="c@example.com" bcc="hidden@example.com" replyto="r@example.com" failto="bounce@example.com" subject="Hi" type="html" priority="high" mailerid="Our Mailer"><b>bold</b></cfmail>`);
    const { env, parsed } = await lastMail(n);
    expect(env.from).toBe('bounce@example.com');
    expect(env.to.sort()).toEqual(['a@example.com', 'c@example.com', 'hidden@example.com']);
    expect(String(parsed.html).trim()).toBe('<b>bold</b>');
    expect(env.raw.toString('latin1')).toMatch(/^X-Priority: 2 \(High\)\r$/m);
    expect(parsed.headers.get('x-mailer')).toBe('Our Mailer');
    expect(parsed.replyTo?.text).toBe('r@example.com');
    expect(parsed.headers.has('bcc')).toBe(false);
    expect(env.raw.toString('latin1')).toMatch(/^From: =\?UTF-8\?[QB]\?/m);
  });

  it('query= sends one mail per row with the attributes evaluated per row; group= one per group', async () => {
    const n = smtp.received.length;
    await page(`<cfset q = queryNew("email,name,item", "varchar,varchar,varchar", [["a@x.org","Ann","pen"],["b@x.org","Ben","ink"],["b@x.org","Ben","pad"]])>
<cfmail query="q" from="shop@x.org" to="#email#" subject="For #name#">Dear #name#</cfmail>`);
    const rows = await smtp.waitFor(n + 3);
    const mails = await Promise.all(rows.slice(n).map((r) => simpleParser(r.raw)));
    expect(mails.map((m) => `${m.subject}:${m.text?.trim()}`)).toEqual(['For Ann:Dear Ann', 'For Ben:Dear Ben', 'For Ben:Dear Ben']);
    await page(`<cfset q = queryNew("email,item", "varchar,varchar", [["a@x.org","pen"],["b@x.org","ink"],["b@x.org","pad"]])>
<cfmail query="q" group="email" from="shop@x.org" to="#email#" subject="Order">Items:<cfoutput> #item#</cfoutput></cfmail>`);
    const grouped = await smtp.waitFor(n + 5);
    const texts = await Promise.all(grouped.slice(n + 3).map(async (r) => `${r.to[0]}=${(await simpleParser(r.raw)).text?.trim()}`));
    expect(texts).toEqual(['a@x.org=Items: pen', 'b@x.org=Items: ink pad']);
  });

  it('content= attachments and inline images by contentID; wraptext wraps long lines', async () => {
    const n = smtp.received.length + 1;
    await page(`<cfmail from="a@x.org" to="b@x.org" subject="img" type="html" wraptext="20"><img src="cid:logo1"><cfmailparam content="#charsetDecode('PNGDATA', 'utf-8')#" filename="logo.png" type="image/png" contentID="logo1" disposition="inline"><cfmailparam content="plain words" filename="notes.txt"></cfmail>`);
    const { parsed } = await lastMail(n);
    const logo = parsed.attachments.find((a) => a.filename === 'logo.png')!;
    expect(logo.contentId).toBe('<logo1>');
    expect(logo.content.toString()).toBe('PNGDATA');
    expect(parsed.attachments.find((a) => a.filename === 'notes.txt')!.content.toString()).toBe('plain words');
    const m = smtp.received.length + 1;
    await page(`<cfmail from="a@x.org" to="b@x.org" subject="wrap" wraptext="20">one two three four five six seven eight</cfmail>`);
    expect((await lastMail(m)).parsed.text?.trim().split('\n')).toEqual(['one two three four', 'five six seven eight']);
  });

  it('refuses header injection (CR/LF in subject, an address, a header value) before sending', async () => {
    const n = smtp.received.length;
    const e1 = await pageError(`<cfset s = "Hi#chr(13)##chr(10)#Bcc: victim@x.org"><cfmail from="a@x.org" to="b@x.org" subject="#s#">x</cfmail>`);
    expect(e1.message).toMatch(/attribute \[subject\] contains a line break/);
    expect(e1.loc?.line).toBe(1);
    const e2 = await pageError(`<cfmail from="a@x.org" to="b@x.org#chr(10)#Cc: c@x.org" subject="s">x</cfmail>`);
    expect(e2.message).toMatch(/attribute \[to\]/);
    const e3 = await pageError(`<cfmail from="a@x.org" to="b@x.org" subject="s"><cfmailparam name="X-A" value="1#chr(13)#X-B: 2">x</cfmail>`);
    expect(e3.message).toMatch(/header \[X-A\]/);
    const caught = await page(`<cftry><cfmail from="a@x.org" to="b@x.org" subject="a#chr(10)#b">x</cfmail><cfcatch><cfoutput>caught #cfcatch.type#</cfoutput></cfcatch></cftry>`);
    expect(caught).toBe('caught Application');
    expect(smtp.received.length).toBe(n);
  });

  it('server settings: attributes, then Application.cfc smtpServerSettings, then EngineOptions.mail; none is a clear error', async () => {
    const bare = new Engine();
    const none = await pageError(`<cfmail from="a@x.org" to="b@x.org" subject="s">x</cfmail>`, bare);
    expect(none.message).toMatch(/no SMTP server is defined/);
    const n = authSmtp.received.length;
    await page(`<cfmail server="127.0.0.1" port="${authSmtp.port}" username="mailer" password="Sm7p-s3cret" from="a@x.org" to="b@x.org" subject="s">x</cfmail>`, bare);
    expect((await authSmtp.waitFor(n + 1))[n]!.user).toBe('mailer');
    // the hook Application.cfc support fills: ctx.applicationSettings.smtpServerSettings
    const file = path.join(dir, 'app-settings.cfm');
    await fs.writeFile(file, `<cfmail from="a@x.org" to="b@x.org" subject="via app">x</cfmail>`);
    const t = bare.loadTemplate(file);
    expect(t.file).toBe(file);
    const settings = Struct.from({ server: '127.0.0.1', port: authSmtp.port, username: 'mailer', password: 'Sm7p-s3cret' });
    await renderWithAppSettings(bare, file, settings);
    expect((await authSmtp.waitFor(n + 2))[n + 1]!.user).toBe('mailer');
    await bare.close();
  });

  it('a bad password is a catchable error that does not contain the password', async () => {
    const e = await pageError(`<cfmail server="127.0.0.1" port="${authSmtp.port}" username="mailer" password="WrongPass-42" from="a@x.org" to="b@x.org" subject="s">x</cfmail>`);
    expect(e.errorCode).toBe('EAUTH');
    expect(e.message).toMatch(/Authentication failed on SMTP server \[127\.0\.0\.1:\d+\]/);
    expect(JSON.stringify({ m: e.message, d: e.detail, s: e.stack })).not.toContain('WrongPass-42');
    expect(JSON.stringify({ m: e.message, d: e.detail })).not.toContain(Buffer.from('WrongPass-42').toString('base64'));
  });

  it('a registered tag in a branch that never runs costs nothing; an unknown tag is still a compile error', async () => {
    expect(await page(`<cfif false><cfmail from="a@x.org" to="b@x.org" subject="s" server="nowhere.invalid"><cfif true><cfmailparam name="X" value="1"></cfif></cfmail></cfif>ok`)).toBe('ok');
    const e = await pageError(`<cfif false><cfnosuchtag a="1"></cfif>ok`);
    expect(e.message).toMatch(/Unknown tag <cfnosuchtag>/);
  });
});

/** Renders a file with Application.cfc's smtpServerSettings, as the Application.cfc support will. */
async function renderWithAppSettings(engine: Engine, file: string, settings: Struct): Promise<void> {
  const { Ctx } = await import('../../src/runtime/context.js');
  const { runTemplate } = await import('../../src/runtime/compiler.js');
  const t = engine.loadTemplate(file);
  const ctx = new Ctx(engine, t, {});
  ctx.applicationSettings.set('smtpServerSettings', settings);
  await runTemplate(ctx, t);
}
