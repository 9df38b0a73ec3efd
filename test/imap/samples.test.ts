/**
 * The mail samples, run through the built CLI against a real Dovecot, as `npm run demo` does.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type DovecotServer, type DovecotUser } from '../support/dovecot.js';
import { seedM1, seedRich } from '../support/seed-mail.js';
import { serverState } from '../support/imap-helpers.js';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'dist/cfml.cjs');
let server: DovecotServer;
let user: DovecotUser;
let attachments: string;

beforeAll(async () => {
  if (!fs.existsSync(cli)) spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  server = await startDovecot();
  user = await server.addUser();
  await seedM1(server, user);
  await seedRich(server, user);
  attachments = fs.mkdtempSync(path.join(os.tmpdir(), 'cfml-samples-att-'));
});

afterAll(async () => {
  await server?.stop();
  if (attachments) fs.rmSync(attachments, { recursive: true, force: true });
});

function run(sample: string) {
  const vars = { imapServer: server.host, imapPort: server.port, imapUser: user.user, imapPassword: user.pass, imapSecure: 'no', attachmentDir: attachments };
  const args = [cli, '--no-cache', path.join(root, 'samples/imap', sample), ...Object.entries(vars).flatMap(([k, v]) => ['--var', `${k}=${v}`])];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('mail samples through the CLI', () => {
  it('inbox.cfm: open, getAll, cfoutput query, close; decoded subjects and senders; the process exits', () => {
    const r = run('inbox.cfm');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Inbox: 11 messages');
    expect(r.out).toContain('5. Grüße / Jürgen Müller <juergen@example.de>');
    expect(r.out).toContain('日本語の件名 / André Böhm <andre@example.de>');
  });

  it('inbox-inline.cfm: the server details in the tag', () => {
    const r = run('inbox-inline.cfm');
    expect(r.code).toBe(0);
    expect(r.out.split('\n').filter(Boolean)).toHaveLength(11);
    expect(r.out).toContain('Jan 5, 2024  Grüße / Jürgen Müller');
  });

  it('mailbox.cfm: folders with counts, newest first, attachments saved inside the directory, one message filed', async () => {
    const before = await serverState(server, user);
    const r = run('mailbox.cfm');
    expect(r.err).toBe('');
    expect(r.out).toContain('INBOX 11 (9 unread)');
    expect(r.out).toContain('[Gmail]/Sent Mail 1');
    expect(r.out).toMatch(/== Attachments: \d+ files saved/);
    expect(r.out).toContain('into Archive, which now holds 2 messages');
    const saved = fs.readdirSync(attachments);
    expect(saved.length).toBeGreaterThan(0);
    for (const f of saved) expect(f.includes('/') || f.startsWith('.')).toBe(false);
    const after = await serverState(server, user);
    expect(after.map((m) => m.uid)).toEqual(before.slice(1).map((m) => m.uid));
    // reading never marked anything seen
    expect(after.filter((m) => m.flags.has('\\Seen')).length).toBe(before.filter((m) => m.flags.has('\\Seen')).length);
  });
});
