/**
 * samples/db through the built CLI, as a new user runs them: contacts.cfm on its own SQLite file,
 * the same page on a real PostgreSQL (same output), and mail-archive.cfm storing the headers of a
 * real Dovecot mailbox and searching them.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type DbServer } from '../support/databases.js';
import { startDovecot, type DovecotServer } from '../support/dovecot.js';
import { seedM1, seedRich } from '../support/seed-mail.js';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'dist/cfml.cjs');
let work: string;
let pg: DbServer;
let dovecot: DovecotServer;

beforeAll(async () => {
  if (!fs.existsSync(cli)) spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  // a copy of the samples, so the SQLite files they make land outside the repository
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'cfml-db-samples-'));
  fs.cpSync(path.join(root, 'samples/db'), path.join(work, 'db'), { recursive: true, filter: (f) => !/\.db(-wal|-shm)?$/.test(f) });
  fs.cpSync(path.join(root, 'samples/imap'), path.join(work, 'imap'), { recursive: true });
  [pg, dovecot] = await Promise.all([startPostgres(), startDovecot()]);
}, 180_000);

afterAll(async () => {
  await Promise.all([pg?.stop(), dovecot?.stop()]);
  if (work) fs.rmSync(work, { recursive: true, force: true });
}, 60_000);

function cfml(page: string, args: string[] = []) {
  const r = spawnSync(process.execPath, [cli, '--no-cache', path.join(work, 'db', page), ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The contacts page through a list, an add, an edit and a delete, on one datasource. */
function contactsSession(dsn: string[]): string[] {
  return [
    cfml('contacts.cfm', dsn),
    cfml('contacts.cfm', [...dsn, '--form', 'action=add', '--form', "name=Bob' OR '1'='1", '--form', 'email=bob@example.org']),
    cfml('contacts.cfm', [...dsn, '--url', 'edit=4']),
    cfml('contacts.cfm', [...dsn, '--form', 'action=update', '--form', 'id=4', '--form', 'name=Bob', '--form', 'phone=555']),
    cfml('contacts.cfm', [...dsn, '--form', 'action=update', '--form', 'id=4', '--form', 'name=Bob', '--form', 'email=nope']),
    cfml('contacts.cfm', [...dsn, '--form', 'action=delete', '--form', 'id=2']),
  ].map((r) => {
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    return r.out;
  });
}

// each case runs the CLI several times (a process start each), so they get more than the default 30 s
const SLOW = 180_000;

describe('database samples through the CLI', () => {
  it('contacts.cfm runs with nothing configured: its own SQLite file, seeded on the first run', () => {
    const r = cfml('contacts.cfm');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('<h1>Contacts (3)</h1>');
    expect(r.out).toContain('<td>Ada Lovelace</td>');
    expect(fs.existsSync(path.join(work, 'db', 'contacts.db'))).toBe(true);
  }, SLOW);

  let sqliteOutputs: string[];
  it('contacts.cfm: add, edit, update and delete through forms; request values only as parameters', () => {
    sqliteOutputs = contactsSession(['--var', `dsn=sqlite:${path.join(work, 'session.db')}`]);
    const [list, added, edit, saved, invalid, deleted] = sqliteOutputs as [string, string, string, string, string, string];
    expect(list).toContain('<h1>Contacts (3)</h1>');
    expect(added).toContain('<h1>Contacts (4)</h1>');
    // the name is stored as typed (the quotes did not become SQL)
    expect(added).toContain('<td>Bob&#x27; OR &#x27;1&#x27;&#x3d;&#x27;1</td>');
    expect(edit).toContain('<input type="hidden" name="action" value="update"><input type="hidden" name="id" value="4">');
    expect(saved).toContain('Saved Bob.');
    expect(saved).toContain('<td>Bob</td><td></td><td>555</td>');
    expect(invalid).toContain('is not an email address');
    expect(deleted).toContain('Deleted contact 2.');
    expect(deleted).toContain('<h1>Contacts (3)</h1>');
    expect(deleted).not.toContain('Grace Hopper');
  }, SLOW);

  it('contacts.cfm pointed at PostgreSQL gives the same output, step by step', async () => {
    const db = await pg.createDatabase('contacts_sample');
    const url = `postgresql://${pg.username}:${pg.password}@${pg.host}:${pg.port}/${db}`;
    const outputs = contactsSession(['--var', `dsn=${url}`]);
    expect(outputs).toEqual(sqliteOutputs);
  }, SLOW);

  it('mail-archive.cfm stores the headers of a real mailbox and searches them', async () => {
    const user = await dovecot.addUser();
    await seedM1(dovecot, user);
    await seedRich(dovecot, user);
    const vars = ['--var', `dsn=sqlite:${path.join(work, 'archive.db')}`];
    const imap = ['--var', `imapServer=${dovecot.host}`, '--var', `imapPort=${dovecot.port}`, '--var', `imapUser=${user.user}`, '--var', `imapPassword=${user.pass}`];
    const first = cfml('mail-archive.cfm', [...vars, ...imap]);
    expect(first.err).toBe('');
    expect(first.out).toContain('Archived 11 headers of INBOX');
    expect(first.out).toContain('11 messages in the archive');
    // fetched again: rows are replaced, not doubled
    expect(cfml('mail-archive.cfm', [...vars, ...imap]).out).toContain('11 messages in the archive');
    // searching needs no server
    const found = cfml('mail-archive.cfm', [...vars, '--var', 'q=grüße']);
    expect(found.err).toBe('');
    expect(found.out).toContain('1 messages match [grüße]');
    expect(found.out).toContain('Grüße / Jürgen Müller <juergen@example.de>');
    const none = cfml('mail-archive.cfm', [...vars, '--var', "q=' OR '1'='1"]);
    expect(none.out).toContain('0 messages match');
  }, SLOW);
});
