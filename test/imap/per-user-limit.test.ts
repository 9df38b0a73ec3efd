/**
 * The per-process bound on named connections per IMAP user (ImapPool maxConnectionsPerUser,
 * Engine option imap.maxConnectionsPerUser, `cfml serve --imap-max-per-user`): against a real
 * Dovecot, a user's connections past the limit log out the least recently used one, whose name
 * stays valid; other users are not counted with them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImapPool, runImapAction } from '../../src/tags/imap/index.js';
import { startDovecot, type DovecotServer, type DovecotUser } from '../support/dovecot.js';
import { creds } from '../support/imap-helpers.js';
import { appendAll, plainMessage, withAdmin } from '../support/seed-mail.js';

let server: DovecotServer;
let ann: DovecotUser;
let ben: DovecotUser;
const pool = new ImapPool({ maxConnectionsPerUser: 2 });

beforeAll(async () => {
  server = await startDovecot();
  ann = await server.addUser();
  ben = await server.addUser();
  await withAdmin(server, ann, (c) => appendAll(c, 'INBOX', [plainMessage({ subject: 'for ann' })]));
  await withAdmin(server, ben, (c) => appendAll(c, 'INBOX', [plainMessage({ subject: 'for ben' })]));
}, 60_000);

afterAll(async () => {
  await pool.closeAll();
  await server?.stop();
});

const connected = () => pool.stats().filter((s) => s.connected).map((s) => s.name).sort();

describe('named connections per IMAP user', () => {
  it('the third connection of a user logs out the least recently used one; its name logs in again when used', async () => {
    expect(new ImapPool().maxConnectionsPerUser).toBe(5);
    await runImapAction({ action: 'open', connection: 'a1', ...creds(server, ann) }, pool, { owner: 's1' });
    await runImapAction({ action: 'open', connection: 'a2', ...creds(server, ann) }, pool, { owner: 's2' });
    await runImapAction({ action: 'open', connection: 'b1', ...creds(server, ben) }, pool, { owner: 's3' });
    await runImapAction({ action: 'getHeaderOnly', connection: 'a1' }, pool, { owner: 's1' });
    expect(connected()).toEqual(['a1', 'a2', 'b1']);
    // ann's third: a2 (used least recently) is logged out; ben's connection does not count
    await runImapAction({ action: 'open', connection: 'a3', ...creds(server, ann) }, pool, { owner: 's4' });
    expect(connected()).toEqual(['a1', 'a3', 'b1']);
    // a2 still works: it logs in again, and now a1 is the least recently used of ann's
    const q = (await runImapAction({ action: 'getHeaderOnly', connection: 'a2' }, pool, { owner: 's2' }))!;
    expect(q.rows.map((r) => r.SUBJECT)).toEqual(['for ann']);
    expect(connected()).toEqual(['a2', 'a3', 'b1']);
  });
});
