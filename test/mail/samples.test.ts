/**
 * samples/mail through the built CLI against a real Dovecot (IMAP + POP3) and a real SMTP server.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { startDovecot, type DovecotServer, type DovecotUser } from '../support/dovecot.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp.js';
import { appendAll, plainMessage, withAdmin } from '../support/seed-mail.js';
import { serverState } from '../support/imap-helpers.js';
import { runCli, CLI as cli } from '../support/run-cli.js';

const root = path.resolve(import.meta.dirname, '../..');
let dovecot: DovecotServer;
let smtp: SmtpSink;
let user: DovecotUser;

beforeAll(async () => {
  if (!fs.existsSync(cli)) spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  dovecot = await startDovecot({ pop3: true, ssl: false });
  smtp = await startSmtpSink({ dovecot });
  user = await dovecot.addUser();
  await withAdmin(dovecot, user, (c) =>
    appendAll(c, 'INBOX', [
      plainMessage({ subject: 'Older question', date: 'Mon, 01 Jan 2024 10:00:00 +0000' }),
      plainMessage({ subject: 'Où est ma commande ?', from: 'Zoë Martin <zoe@example.fr>', messageId: '<q2@example.fr>', body: 'Bonjour,\r\nwhere is my order?', date: 'Tue, 02 Jan 2024 10:00:00 +0000' }),
    ]),
  );
});

afterAll(async () => {
  await smtp?.stop();
  await dovecot?.stop();
});

async function run(sample: string, extra: Record<string, string | number> = {}) {
  const vars = { imapServer: dovecot.host, imapPort: dovecot.port, imapUser: user.user, imapPassword: user.pass, imapSecure: 'no', ...extra };
  const args = ['--no-cache', path.join(root, 'samples/mail', sample), ...Object.entries(vars).flatMap(([k, v]) => ['--var', `${k}=${v}`])];
  // asynchronous: the SMTP server of this test runs in this process and must keep answering
  return runCli(args);
}

describe('mail samples through the CLI', () => {
  it('pop-list.cfm lists the POP3 box', async () => {
    const r = await run('pop-list.cfm', { popPort: dovecot.popPort });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`POP3 box of ${user.user}: 2 messages`);
    expect(r.out).toContain('2. Jan 2  Où est ma commande ? / Zoë Martin <zoe@example.fr>');
  });

  it('reply.cfm replies to the newest message and files it into Archive', async () => {
    const r = await run('reply.cfm', { smtpServer: smtp.host, smtpPort: smtp.port, replyFrom: 'shop@example.com' });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Replied to "Où est ma commande ?" (Zoë Martin <zoe@example.fr>) and filed it into Archive');
    const [sent] = await smtp.waitFor(1);
    expect(sent!.to).toEqual(['zoe@example.fr']);
    const reply = await simpleParser(sent!.raw);
    expect(reply.subject).toBe('Re: Où est ma commande ?');
    expect(reply.inReplyTo).toBe('<q2@example.fr>');
    expect(reply.text).toContain('> where is my order?');
    expect((await serverState(dovecot, user)).map((m) => m.subject)).toEqual(['Older question']);
    expect((await serverState(dovecot, user, 'Archive')).map((m) => m.subject)).toEqual(['Où est ma commande ?']);
  });

  it('roundtrip.cfm sends with cfmail and reads the same message back with cfimap, attachment bytes identical', async () => {
    const r = await run('roundtrip.cfm', { smtpServer: smtp.host, smtpPort: smtp.port, mailTo: `${user.user}@localhost`, attachmentDir: path.join(dovecot.dir, 'att') });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/subject: +Round trip /);
    expect(r.out).toContain('from:        Jürgen Müller <juergen@example.de>');
    expect(r.out).toContain('text part:   Grüße aus CFML: the text part.');
    expect(r.out).toContain('HTML part:   <p>Grüße aus <b>CFML</b>: the HTML part.</p>');
    expect(r.out).toMatch(/attachment: +cfml-roundtrip-.*\.bin \(255 bytes, identical to what was sent\)/);
  });
});
