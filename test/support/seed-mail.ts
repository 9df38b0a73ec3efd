/**
 * Test mail: realistic RFC 822 messages, and ways to put them into a Dovecot mailbox
 * (APPEND through a separate imapflow client, or files written straight into the Maildir).
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ImapFlow } from 'imapflow';
import type { DovecotServer, DovecotUser } from './dovecot.js';

const CRLF = '\r\n';

/** Joins lines with CRLF. */
export function crlf(lines: string[]): string {
  return lines.join(CRLF) + CRLF;
}

function b64lines(buf: Buffer): string {
  return (buf.toString('base64').match(/.{1,76}/g) ?? []).join(CRLF);
}

/** A tiny but valid PDF-ish payload and a 1x1 PNG. */
export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
export const PDF_BYTES_2 = Buffer.from('%PDF-1.4\n% second file\n%%EOF\n');
export const PNG_BYTES = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A client connected to the test server (plain port, no STARTTLS), for seeding and for checking state. */
export async function adminClient(server: DovecotServer, user: DovecotUser): Promise<ImapFlow> {
  const c = new ImapFlow({
    host: server.host,
    port: server.port,
    secure: false,
    doSTARTTLS: false,
    auth: { user: user.user, pass: user.pass },
    logger: false,
    disableAutoIdle: true,
  });
  c.on('error', () => {});
  await c.connect();
  return c;
}

export async function withAdmin<T>(server: DovecotServer, user: DovecotUser, fn: (c: ImapFlow) => Promise<T>): Promise<T> {
  const c = await adminClient(server, user);
  try {
    return await fn(c);
  } finally {
    await c.logout().catch(() => c.close());
  }
}

/** APPENDs messages in order; returns their UIDs. */
export async function appendAll(c: ImapFlow, folder: string | string[], raws: Array<string | { raw: string; flags?: string[]; date?: Date }>): Promise<number[]> {
  const uids: number[] = [];
  for (const m of raws) {
    const item = typeof m === 'string' ? { raw: m } : m;
    const r = await c.append(folder, item.raw, item.flags ?? [], item.date);
    if (!r || !r.uid) throw new Error(`APPEND to ${String(folder)} returned no UID`);
    uids.push(r.uid);
  }
  return uids;
}

// ---------------------------------------------------------------------------------------------
// Message builders

export interface PlainOpts {
  from?: string;
  to?: string;
  cc?: string;
  replyTo?: string;
  subject?: string;
  date?: string;
  messageId?: string;
  body?: string;
  extraHeaders?: string[];
}

export function plainMessage(o: PlainOpts = {}): string {
  return crlf([
    `From: ${o.from ?? 'Alice Example <alice@example.com>'}`,
    `To: ${o.to ?? 'Bob Receiver <bob@example.org>'}`,
    ...(o.cc ? [`Cc: ${o.cc}`] : []),
    ...(o.replyTo ? [`Reply-To: ${o.replyTo}`] : []),
    `Subject: ${o.subject ?? 'Plain message'}`,
    `Date: ${o.date ?? 'Mon, 01 Jan 2024 10:00:00 +0000'}`,
    `Message-ID: ${o.messageId ?? `<${randomBytes(6).toString('hex')}@example.com>`}`,
    ...(o.extraHeaders ?? []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    o.body ?? 'Hello,\r\nthis is a plain text message.\r\n\r\nRegards',
  ]);
}

export function alternativeMessage(o: PlainOpts & { text?: string; html?: string } = {}): string {
  const b = 'alt-' + randomBytes(4).toString('hex');
  return crlf([
    `From: ${o.from ?? 'Carol Sender <carol@example.com>'}`,
    `To: ${o.to ?? 'Bob Receiver <bob@example.org>'}`,
    `Subject: ${o.subject ?? 'Alternative message'}`,
    `Date: ${o.date ?? 'Tue, 02 Jan 2024 11:00:00 +0100'}`,
    `Message-ID: ${o.messageId ?? `<${randomBytes(6).toString('hex')}@example.com>`}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${b}"`,
    '',
    `--${b}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    o.text ?? 'The plain part.',
    `--${b}`,
    'Content-Type: text/html; charset=utf-8',
    '',
    o.html ?? '<p>The <b>html</b> part.</p>',
    `--${b}--`,
  ]);
}

export interface AttachmentSpec {
  /** Raw header value for the filename (already encoded if needed) or undefined for none. */
  filenameHeader?: string;
  /** A full Content-Disposition header value overriding filenameHeader. */
  disposition?: string;
  contentType?: string;
  contentId?: string;
  content: Buffer;
}

function attachmentPart(a: AttachmentSpec): string[] {
  const ct = a.contentType ?? 'application/octet-stream';
  const lines = [`Content-Type: ${ct}`, 'Content-Transfer-Encoding: base64'];
  if (a.disposition) lines.push(`Content-Disposition: ${a.disposition}`);
  else if (a.filenameHeader !== undefined) lines.push(`Content-Disposition: attachment; filename="${a.filenameHeader}"`);
  if (a.contentId) lines.push(`Content-ID: <${a.contentId}>`);
  lines.push('', b64lines(a.content));
  return lines;
}

export function mixedMessage(o: PlainOpts & { text?: string; html?: string; attachments: AttachmentSpec[] }): string {
  const b = 'mix-' + randomBytes(4).toString('hex');
  const lines = [
    `From: ${o.from ?? 'Dave Files <dave@example.com>'}`,
    `To: ${o.to ?? 'Bob Receiver <bob@example.org>'}`,
    `Subject: ${o.subject ?? 'Files'}`,
    `Date: ${o.date ?? 'Wed, 03 Jan 2024 12:00:00 +0000'}`,
    `Message-ID: ${o.messageId ?? `<${randomBytes(6).toString('hex')}@example.com>`}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${b}"`,
    '',
    `--${b}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    o.text ?? 'See the attached files.',
  ];
  for (const a of o.attachments) lines.push(`--${b}`, ...attachmentPart(a));
  lines.push(`--${b}--`);
  return crlf(lines);
}

// ---------------------------------------------------------------------------------------------
// Fixture M1 (spec section f)

export const M1_SUBJECT_U5 = 'Grüße';

export function m1Messages(): string[] {
  const u1 = plainMessage({
    from: 'Alice Example <alice@example.com>',
    to: 'Bob Receiver <bob@example.org>',
    subject: 'U1 plain',
    date: 'Mon, 01 Jan 2024 09:00:00 +0000',
    messageId: '<u1@example.com>',
    body: 'Body of U1.',
  });
  const u2 = plainMessage({
    from: 'Alice Example <alice@example.com>',
    replyTo: 'Replies Desk <replies@example.com>',
    subject: 'U2 with reply-to',
    date: 'Mon, 01 Jan 2024 10:00:00 +0000',
    messageId: '<u2@example.com>',
  });
  const u3 = alternativeMessage({
    subject: 'U3 alternative',
    messageId: '<u3@example.com>',
    text: 'Plain text of U3.',
    html: '<html><body><p>HTML of <b>U3</b>.</p></body></html>',
  });
  // U4: mixed( related( html, inline image with only a Content-ID ), a.pdf, a.pdf )
  const outer = 'u4-outer';
  const rel = 'u4-related';
  const u4 = crlf([
    'From: Dave Files <dave@example.com>',
    'To: Bob Receiver <bob@example.org>',
    'Subject: U4 attachments',
    'Date: Wed, 03 Jan 2024 12:00:00 +0000',
    'Message-ID: <u4@example.com>',
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${outer}"`,
    '',
    `--${outer}`,
    `Content-Type: multipart/related; boundary="${rel}"`,
    '',
    `--${rel}`,
    'Content-Type: text/html; charset=utf-8',
    '',
    '<p>Logo: <img src="cid:logo123@example.com"></p>',
    `--${rel}`,
    'Content-Type: image/png',
    'Content-Transfer-Encoding: base64',
    'Content-ID: <logo123@example.com>',
    '',
    b64lines(PNG_BYTES),
    `--${rel}--`,
    `--${outer}`,
    ...attachmentPart({ filenameHeader: 'a.pdf', contentType: 'application/pdf', content: PDF_BYTES }),
    `--${outer}`,
    ...attachmentPart({ filenameHeader: 'a.pdf', contentType: 'application/pdf', content: PDF_BYTES_2 }),
    `--${outer}--`,
  ]);
  const u5 = plainMessage({
    from: '=?ISO-8859-1?Q?J=FCrgen_M=FCller?= <juergen@example.de>',
    subject: '=?UTF-8?B?R3LDvMOfZQ==?=',
    date: 'Fri, 05 Jan 2024 08:30:00 +0100',
    messageId: '<u5@example.com>',
    body: 'Viele Grüße',
  });
  return [u1, u2, u3, u4, u5];
}

export interface M1Fixture {
  user: DovecotUser;
  /** UIDs of U1..U5 in INBOX (index 0 = U1). */
  uids: number[];
  /** UID of the message in Archive. */
  archiveUid: number;
}

/** Seeds fixture M1 into a fresh user of the server: INBOX U1..U5 unread, Archive (1 msg), Archive/2024 (1 msg). */
export async function seedM1(server: DovecotServer, user?: DovecotUser): Promise<M1Fixture> {
  const u = user ?? (await server.addUser());
  return withAdmin(server, u, async (c) => {
    const uids = await appendAll(c, 'INBOX', m1Messages());
    await c.mailboxCreate('Archive');
    await c.mailboxCreate(['Archive', '2024']);
    const [archiveUid] = await appendAll(c, 'Archive', [plainMessage({ subject: 'Archived one', messageId: '<arch1@example.com>' })]);
    await appendAll(c, ['Archive', '2024'], [plainMessage({ subject: 'Archived 2024', messageId: '<arch2024@example.com>' })]);
    return { user: u, uids, archiveUid: archiveUid! };
  });
}

// ---------------------------------------------------------------------------------------------
// The rich fixture: hostile names, encodings, bounces, nested messages, odd folders

export const HOSTILE_NAMES = [
  '../../evil.txt',
  '..\\..\\evil.bat',
  '/etc/passwd',
  'ctrl\u0001\u0007name\u001f.txt',
  'x'.repeat(300) + '.txt',
  '.hidden',
];

function rfc2231(name: string): string {
  return "attachment; filename*=UTF-8''" + encodeURIComponent(name).replace(/['()*]/g, (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase());
}

export function hostileMessage(): string {
  const atts: AttachmentSpec[] = HOSTILE_NAMES.map((n) => ({
    disposition: n.includes('\u0001') ? rfc2231(n) : `attachment; filename="${n.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`,
    content: Buffer.from(`content of ${JSON.stringify(n).slice(0, 40)}\n`),
  }));
  atts.push({ disposition: rfc2231('Übersicht März.pdf'), contentType: 'application/pdf', content: PDF_BYTES });
  return mixedMessage({ subject: 'Hostile attachment names', messageId: '<hostile@example.com>', attachments: atts });
}

export function japaneseMessage(): string {
  // 日本語の件名 (UTF-8, B-encoded) and a display name in ISO-8859-1 Q-encoding
  const subj = '=?UTF-8?B?' + Buffer.from('日本語の件名', 'utf8').toString('base64') + '?=';
  return plainMessage({
    from: '=?ISO-8859-1?Q?Andr=E9_B=F6hm?= <andre@example.de>',
    to: Array.from({ length: 12 }, (_, i) => `User ${i} <user${i}@example.org>`).join(',\r\n '),
    cc: '"Doe, Jane" <jane@example.org>, =?UTF-8?B?' + Buffer.from('田中', 'utf8').toString('base64') + '?= <tanaka@example.jp>, plain@example.net',
    subject: subj,
    messageId: '<jp@example.com>',
    body: 'こんにちは',
  });
}

export function bounceMessage(): string {
  const b = 'dsn-b';
  return crlf([
    'From: Mail Delivery System <MAILER-DAEMON@example.com>',
    'To: alice@example.com',
    'Subject: Undelivered Mail Returned to Sender',
    'Date: Thu, 04 Jan 2024 13:00:00 +0000',
    'Message-ID: <bounce@example.com>',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${b}"`,
    '',
    `--${b}`,
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'Your message could not be delivered.',
    `--${b}`,
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.com',
    '',
    'Final-Recipient: rfc822; nobody@example.net',
    'Action: failed',
    'Status: 5.1.1',
    'Diagnostic-Code: smtp; 550 5.1.1 User unknown',
    `--${b}`,
    'Content-Type: text/rfc822-headers',
    '',
    'From: alice@example.com',
    'To: nobody@example.net',
    'Subject: hello',
    `--${b}--`,
  ]);
}

export function forwardedMessage(): string {
  const b = 'fwd-b';
  const inner = alternativeMessage({ subject: 'Inner message', text: 'Inner plain text.', messageId: '<inner@example.com>' });
  return crlf([
    'From: Eve Forwarder <eve@example.com>',
    'To: Bob Receiver <bob@example.org>',
    'Subject: Fwd: Inner message',
    'Date: Fri, 05 Jan 2024 14:00:00 +0000',
    'Message-ID: <fwd@example.com>',
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${b}"`,
    '',
    `--${b}`,
    'Content-Type: message/rfc822',
    '',
    inner.replace(/\r\n$/, ''),
    `--${b}--`,
  ]);
}

/** Seeds the rich fixture into a fresh user; returns UIDs by key. */
export async function seedRich(server: DovecotServer, user?: DovecotUser) {
  const u = user ?? (await server.addUser());
  return withAdmin(server, u, async (c) => {
    const [hostile, jp, bounce, fwd, flagged, answered] = await appendAll(c, 'INBOX', [
      hostileMessage(),
      { raw: japaneseMessage(), flags: ['\\Seen'] },
      bounceMessage(),
      forwardedMessage(),
      { raw: plainMessage({ subject: 'Flagged and seen', messageId: '<fl@example.com>' }), flags: ['\\Flagged', '\\Seen'] },
      { raw: plainMessage({ subject: 'Answered', messageId: '<an@example.com>' }), flags: ['\\Answered'] },
    ]);
    await c.mailboxCreate('[Gmail]/Sent Mail'.split('/'));
    await c.mailboxCreate('R&D');
    await c.mailboxCreate(['R&D', 'Übersicht']);
    await appendAll(c, '[Gmail]/Sent Mail'.split('/'), [plainMessage({ subject: 'Sent one' })]);
    return { user: u, uids: { hostile: hostile!, jp: jp!, bounce: bounce!, fwd: fwd!, flagged: flagged!, answered: answered! } };
  });
}

// ---------------------------------------------------------------------------------------------
// Bulk seeding straight into the Maildir (fast: no IMAP round trips)

/**
 * Writes messages as files into a user's Maildir folder (`new/`), owned by the mail user, so
 * Dovecot picks them up at the next SELECT. `folder` uses '/' as separator; '' or 'INBOX' is INBOX.
 * Works for the default LAYOUT=fs servers.
 */
export async function writeMaildirMessages(server: DovecotServer, user: DovecotUser, folder: string, raws: Iterable<string | Buffer>): Promise<number> {
  const home = path.join(server.maildirRoot, user.user);
  const maildir = server.maildirOf(user.user);
  const rel = !folder || folder.toUpperCase() === 'INBOX' ? '' : folder;
  if (server.separator !== '/' && rel) throw new Error('writeMaildirMessages supports LAYOUT=fs servers only');
  const box = path.join(maildir, rel);
  for (const d of ['cur', 'new', 'tmp']) await fs.mkdir(path.join(box, d), { recursive: true });
  let n = 0;
  const stamp = Math.floor(Date.now() / 1000);
  for (const raw of raws) {
    const name = `${stamp}.M${String(n).padStart(7, "0")}P${process.pid}R${randomBytes(4).toString("hex")}.cfimaptest`;
    await fs.writeFile(path.join(box, 'new', name), raw);
    n++;
  }
  // Hand everything in the home to the mail user.
  await chownTree(home, server.mailUid, server.mailGid);
  return n;
}

async function chownTree(p: string, uid: number, gid: number): Promise<void> {
  await fs.chown(p, uid, gid);
  const st = await fs.lstat(p);
  if (!st.isDirectory()) return;
  const entries = await fs.readdir(p, { withFileTypes: true });
  await Promise.all(
    entries.map((e) => (e.isDirectory() ? chownTree(path.join(p, e.name), uid, gid) : fs.chown(path.join(p, e.name), uid, gid))),
  );
}

/** n small plain messages with increasing dates. */
export function* smallMessages(n: number, prefix = 'Bulk'): Generator<string> {
  const base = Date.UTC(2024, 0, 1);
  for (let i = 0; i < n; i++) {
    const d = new Date(base + i * 60_000).toUTCString().replace('GMT', '+0000');
    yield plainMessage({
      subject: `${prefix} message ${i + 1}`,
      date: d,
      messageId: `<bulk-${i + 1}-${randomBytes(3).toString('hex')}@example.com>`,
      body: `This is bulk message number ${i + 1}.`,
    });
  }
}

/** n messages of about `size` bytes each: a short text and a base64 attachment. */
export function* largeMessages(n: number, size = 100_000, prefix = 'Large'): Generator<string> {
  const payload = randomBytes(Math.floor((size - 1500) * 0.74));
  for (let i = 0; i < n; i++) {
    yield mixedMessage({
      subject: `${prefix} message ${i + 1}`,
      messageId: `<large-${i + 1}@example.com>`,
      text: `Large message ${i + 1}.`,
      attachments: [{ filenameHeader: `data-${i + 1}.bin`, content: payload }],
    });
  }
}
