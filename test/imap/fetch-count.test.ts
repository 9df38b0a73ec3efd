/**
 * Speed contract (decision 6): one batched FETCH per call, counted through imapflow's logger,
 * on 1,000 messages written straight into the Maildir. getHeaderOnly never asks for bodies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImapPool, runImapAction } from '../../src/tags/imap/index.js';
import { startDovecot, type DovecotServer, type DovecotUser } from '../support/dovecot.js';
import { commandLogger, creds } from '../support/imap-helpers.js';
import { smallMessages, writeMaildirMessages } from '../support/seed-mail.js';

let server: DovecotServer;
let user: DovecotUser;
let pool: ImapPool;
const commands: string[] = [];

const logger = commandLogger(commands);

const fetches = (): string[] => commands.filter((c) => /^\S+ (UID )?FETCH /i.test(c));

beforeAll(async () => {
  server = await startDovecot();
  user = await server.addUser();
  await writeMaildirMessages(server, user, 'INBOX', smallMessages(1000));
  pool = new ImapPool({ logger });
});

afterAll(async () => {
  await pool?.closeAll();
  await server?.stop();
});

describe('one FETCH per call', () => {
  it('getHeaderOnly of 1,000 messages is ONE FETCH command without bodies', async () => {
    commands.length = 0;
    const t = Date.now();
    const q = (await runImapAction({ action: 'getHeaderOnly', ...creds(server, user) }, pool))!;
    const took = Date.now() - t;
    expect(q.rows).toHaveLength(1000);
    expect(q.rows[999]!.SUBJECT).toBe('Bulk message 1000');
    expect(q.rows[0]!.MESSAGENUMBER).toBe(1);
    const f = fetches();
    expect(f).toHaveLength(1);
    expect(f[0]).toMatch(/FETCH 1:1000 /);
    expect(f[0]).toContain('BODY.PEEK[HEADER]');
    expect(f[0]).not.toMatch(/BODY(\.PEEK)?\[\]/);
    expect(f[0]).not.toMatch(/BODY\[TEXT\]|RFC822\b(?!\.SIZE)/);
    expect(took).toBeLessThan(10_000);
  });

  it('getAll of 1,000 messages is ONE FETCH with BODY.PEEK[]', async () => {
    commands.length = 0;
    const q = (await runImapAction({ action: 'getAll', ...creds(server, user) }, pool))!;
    expect(q.rows).toHaveLength(1000);
    expect((q.rows[41]!.TEXTBODY as string).trim()).toBe('This is bulk message number 42.');
    const f = fetches();
    expect(f).toHaveLength(1);
    expect(f[0]).toContain('BODY.PEEK[]');
  });

  it('uid lists and message numbers are one FETCH too (UID FETCH with a compressed set)', async () => {
    commands.length = 0;
    const uids = Array.from({ length: 300 }, (_, i) => String(700 - i)); // descending, list order kept
    const q = (await runImapAction({ action: 'getHeaderOnly', ...creds(server, user), uid: uids.join(',') }, pool))!;
    expect(q.rows.map((r) => r.UID)).toEqual(uids);
    let f = fetches();
    expect(f).toHaveLength(1);
    expect(f[0]).toMatch(/UID FETCH 401:700 /);
    commands.length = 0;
    const q2 = (await runImapAction({ action: 'getHeaderOnly', ...creds(server, user), messageNumber: '1000,1,500,2' }, pool))!;
    expect(q2.rows.map((r) => r.MESSAGENUMBER)).toEqual([1000, 1, 500, 2]);
    f = fetches();
    expect(f).toHaveLength(1);
    expect(f[0]).toMatch(/ FETCH 1:2,500,1000 /);
  });

  it('nothing is fetched when nothing is selected', async () => {
    commands.length = 0;
    await runImapAction({ action: 'getHeaderOnly', ...creds(server, user), uid: '' }, pool);
    await runImapAction({ action: 'getHeaderOnly', ...creds(server, user), maxRows: 0 }, pool);
    expect(fetches()).toHaveLength(0);
  });
});
