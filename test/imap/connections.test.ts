/**
 * The connection model: named connections in an ImapPool (open, reuse without credentials,
 * close, unknown names, idle logout, replace on reopen, one command at a time), transient
 * connections, closeAll() leaving nothing open, and logs without credentials.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImapError, ImapPool, runImapAction, type ImapLogger } from '../../src/tags/imap/index.js';
import { startDovecot, type DovecotServer } from '../support/dovecot.js';
import { caught, creds } from '../support/imap-helpers.js';
import { appendAll, plainMessage, seedM1, withAdmin, type M1Fixture } from '../support/seed-mail.js';

const here = path.dirname(fileURLToPath(import.meta.url));
let server: DovecotServer;
let m1: M1Fixture;
const pools: ImapPool[] = [];

function newPool(opts?: ConstructorParameters<typeof ImapPool>[0]): ImapPool {
  const p = new ImapPool(opts);
  pools.push(p);
  return p;
}

beforeAll(async () => {
  server = await startDovecot();
  m1 = await seedM1(server);
});

afterAll(async () => {
  await Promise.all(pools.map((p) => p.closeAll()));
  await server?.stop();
});

async function loggedOutCount(): Promise<number> {
  return (await server.log()).split('\n').filter((l) => l.includes('Disconnected: Logged out')).length;
}

async function waitFor(pred: () => Promise<boolean> | boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await pred()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('condition not met in time');
}

describe('named connections', () => {
  it('open, reuse without credentials, close, and unknown names', async () => {
    const pool = newPool();
    await runImapAction({ action: 'open', connection: 'main', ...creds(server, m1.user) }, pool);
    expect(pool.stats()).toEqual([{ name: 'main', connected: true, server: `${server.host}:${server.port}` }]);
    const a = (await runImapAction({ action: 'getHeaderOnly', connection: 'main' }, pool))!;
    expect(a.rows).toHaveLength(5);
    // names are case-insensitive, like everything in CFML
    const b = (await runImapAction({ action: 'listAllFolders', connection: 'MAIN' }, pool))!;
    expect(b.rows.map((r) => r.FULLNAME)).toContain('Archive');
    await runImapAction({ action: 'close', connection: 'main' }, pool);
    expect(pool.stats()).toEqual([]);
    const e = await caught(() => runImapAction({ action: 'getAll', connection: 'main' }, pool));
    expect(e).toBeInstanceOf(ImapError);
    expect(e.message).toBe('There is no connection available with name [main]');
    const e2 = await caught(() => runImapAction({ action: 'getAll', connection: 'never-opened' }, pool));
    expect(e2.message).toBe('There is no connection available with name [never-opened]');
    // stopOnError=false does not hide a missing connection
    const e3 = await caught(() => runImapAction({ action: 'getAll', connection: 'main', stopOnError: false }, pool));
    expect(e3.message).toBe('There is no connection available with name [main]');
  });

  it('a named call with server credentials opens the connection when it is not there yet', async () => {
    const pool = newPool();
    const q = (await runImapAction({ action: 'getHeaderOnly', connection: 'auto', ...creds(server, m1.user) }, pool))!;
    expect(q.rows).toHaveLength(5);
    expect(pool.stats().map((s) => s.name)).toEqual(['auto']);
  });

  it('idle connections are logged out after the idle timeout and come back on the next call', async () => {
    const pool = newPool({ idleTimeoutMs: 300 });
    const before = await loggedOutCount();
    await runImapAction({ action: 'open', connection: 'idle', ...creds(server, m1.user) }, pool);
    await runImapAction({ action: 'getHeaderOnly', connection: 'idle' }, pool);
    expect(pool.stats()[0]!.connected).toBe(true);
    await waitFor(() => pool.stats()[0]!.connected === false);
    await waitFor(async () => (await loggedOutCount()) === before + 1);
    // the name stays valid: the next call reconnects with the stored settings
    const q = (await runImapAction({ action: 'getHeaderOnly', connection: 'idle' }, pool))!;
    expect(q.rows).toHaveLength(5);
    expect(pool.stats()[0]!.connected).toBe(true);
    // steady use keeps it open
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, 120));
      await runImapAction({ action: 'getHeaderOnly', connection: 'idle', maxRows: 1 }, pool);
      expect(pool.stats()[0]!.connected).toBe(true);
    }
  });

  it('open on an existing name with other credentials replaces it; same settings keep it', async () => {
    const pool = newPool();
    const other = await server.addUser();
    await withAdmin(server, other, (c) => appendAll(c, 'INBOX', [plainMessage({ subject: 'other user' })]));
    await runImapAction({ action: 'open', connection: 'r', ...creds(server, m1.user) }, pool);
    const before = await loggedOutCount();
    await runImapAction({ action: 'open', connection: 'r', ...creds(server, m1.user) }, pool);
    expect(await loggedOutCount()).toBe(before); // same settings: kept, nothing logged out
    await runImapAction({ action: 'open', connection: 'r', ...creds(server, other) }, pool);
    const q = (await runImapAction({ action: 'getHeaderOnly', connection: 'r' }, pool))!;
    expect(q.rows.map((r) => r.SUBJECT)).toEqual(['other user']);
    await waitFor(async () => (await loggedOutCount()) === before + 1);
    // a failed reopen leaves the existing connection alone
    const e = await caught(() => runImapAction({ action: 'open', connection: 'r', ...creds(server, { user: other.user, pass: 'nope-nope' }) }, pool));
    expect((e as ImapError).errorCode).toBe('AUTHENTICATION');
    expect((await runImapAction({ action: 'getHeaderOnly', connection: 'r' }, pool))!.rows).toHaveLength(1);
  });

  it('concurrent calls on one connection are queued and all get their own answer', async () => {
    const pool = newPool();
    await runImapAction({ action: 'open', connection: 'q', ...creds(server, m1.user) }, pool);
    const results = await Promise.all([
      runImapAction({ action: 'getHeaderOnly', connection: 'q' }, pool),
      runImapAction({ action: 'getAll', connection: 'q', folder: 'Archive' }, pool),
      runImapAction({ action: 'getHeaderOnly', connection: 'q', uid: String(m1.uids[2]) }, pool),
      runImapAction({ action: 'listAllFolders', connection: 'q', recurse: true }, pool),
      runImapAction({ action: 'getAll', connection: 'q', folder: 'Archive/2024' }, pool),
      runImapAction({ action: 'getHeaderOnly', connection: 'q', startRow: 4 }, pool),
    ]);
    expect(results[0]!.rows).toHaveLength(5);
    expect(results[1]!.rows.map((r) => r.SUBJECT)).toEqual(['Archived one']);
    expect(results[2]!.rows.map((r) => r.UID)).toEqual([String(m1.uids[2])]);
    expect(results[3]!.rows.map((r) => r.FULLNAME)).toEqual(['INBOX', 'Archive', 'Archive/2024']);
    expect(results[4]!.rows.map((r) => r.SUBJECT)).toEqual(['Archived 2024']);
    expect(results[5]!.rows.map((r) => r.MESSAGENUMBER)).toEqual([4, 5]);
  });

  it('logs carry IMAP commands but never the password', async () => {
    const entries: unknown[] = [];
    const logger: ImapLogger = {
      debug: (o) => entries.push(o),
      info: (o) => entries.push(o),
      warn: (o) => entries.push(o),
      error: (o) => entries.push(o),
      trace: (o) => entries.push(o),
    };
    const pool = newPool({ logger });
    await runImapAction({ action: 'open', connection: 'log', ...creds(server, m1.user) }, pool);
    await runImapAction({ action: 'getAll', connection: 'log' }, pool);
    await caught(() => runImapAction({ action: 'getHeaderOnly', ...creds(server, { user: m1.user.user, pass: 'Bad-Pass-XYZ' }) }, pool));
    const text = JSON.stringify(entries);
    expect(text).toContain('FETCH');
    expect(text).not.toContain(m1.user.pass);
    expect(text).not.toContain(Buffer.from(m1.user.pass).toString('base64'));
    expect(text).not.toContain('Bad-Pass-XYZ');
  });
});

describe('closing everything', () => {
  it('closeAll() logs out named and transient connections', async () => {
    const pool = newPool();
    await runImapAction({ action: 'open', connection: 'x1', ...creds(server, m1.user) }, pool);
    await runImapAction({ action: 'open', connection: 'x2', ...creds(server, m1.user) }, pool);
    const before = await loggedOutCount();
    await pool.closeAll();
    expect(pool.stats()).toEqual([]);
    await waitFor(async () => (await loggedOutCount()) === before + 2);
    // the pool is still usable afterwards
    expect((await runImapAction({ action: 'getHeaderOnly', ...creds(server, m1.user) }, pool))!.rows).toHaveLength(5);
  });

  it('a script that uses named and transient connections exits on its own after closeAll() (no hanging socket)', async () => {
    const script = path.join(here, 'fixtures', 'exit-after-close.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      env: { ...process.env, IMAP_HOST: server.host, IMAP_PORT: String(server.port), IMAP_USER: m1.user.user, IMAP_PASS: m1.user.pass },
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: path.resolve(here, '../..'),
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const started = Date.now();
    const code = await new Promise<number | null>((resolve) => {
      // the pool's idle timeout is 60 s: a socket left open would keep the child alive past this
      // guard, while a loaded machine may need well over 15 s just to start tsx
      const t = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(-1);
      }, 45_000);
      child.on('exit', (c) => {
        clearTimeout(t);
        resolve(c);
      });
    });
    expect(out).toContain('rows=5');
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(45_000);
  }, 60_000);
});
