/**
 * Servers without MOVE and UIDPLUS (decisions 7 and 8): Dovecot told to announce neither.
 * moveMail falls back to COPY + expunge of exactly the copied UIDs; delete still removes only
 * the selected UIDs, and messages another client flagged \Deleted survive.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImapPool, runImapAction } from '../../src/tags/imap/index.js';
import { startDovecot, type DovecotServer } from '../support/dovecot.js';
import { commandLogger, creds, serverState } from '../support/imap-helpers.js';
import { seedM1, withAdmin } from '../support/seed-mail.js';

let server: DovecotServer;
let pool: ImapPool;
const commands: string[] = [];
const logger = commandLogger(commands);

beforeAll(async () => {
  server = await startDovecot({ imapCapability: 'IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ NAMESPACE CHILDREN LIST-EXTENDED' });
  pool = new ImapPool({ logger });
});
afterAll(async () => {
  await pool?.closeAll();
  await server?.stop();
});

describe('without MOVE and UIDPLUS', () => {
  it('delete removes only the selected message; foreign \\Deleted flags survive', async () => {
    const f = await seedM1(server);
    await withAdmin(server, f.user, async (c) => {
      await c.mailboxOpen('INBOX');
      await c.messageFlagsAdd(String(f.uids[3]), ['\\Deleted'], { uid: true });
    });
    commands.length = 0;
    await runImapAction({ action: 'delete', ...creds(server, f.user), uid: String(f.uids[1]) }, pool);
    expect(commands.some((c) => /UID EXPUNGE/.test(c))).toBe(false);
    expect(commands.some((c) => /^\S+ EXPUNGE/.test(c))).toBe(true);
    const st = await serverState(server, f.user);
    expect(st.map((m) => m.uid)).toEqual([f.uids[0], f.uids[2], f.uids[3], f.uids[4]]);
    expect(st.find((m) => m.uid === f.uids[3])!.flags.has('\\Deleted')).toBe(true);
  });

  it('moveMail copies, then expunges exactly the copied UIDs', async () => {
    const f = await seedM1(server);
    await withAdmin(server, f.user, async (c) => {
      await c.mailboxOpen('INBOX');
      await c.messageFlagsAdd(String(f.uids[4]), ['\\Deleted'], { uid: true });
    });
    commands.length = 0;
    await runImapAction({ action: 'moveMail', ...creds(server, f.user), uid: `${f.uids[0]},${f.uids[2]}`, newFolder: 'Archive' }, pool);
    expect(commands.some((c) => /\bMOVE\b/.test(c))).toBe(false);
    expect(commands.some((c) => /UID COPY/.test(c))).toBe(true);
    const inbox = await serverState(server, f.user);
    expect(inbox.map((m) => m.uid)).toEqual([f.uids[1], f.uids[3], f.uids[4]]);
    expect(inbox.find((m) => m.uid === f.uids[4])!.flags.has('\\Deleted')).toBe(true);
    const archive = await serverState(server, f.user, 'Archive');
    expect(archive.map((m) => m.subject).sort()).toEqual(['Archived one', 'U1 plain', 'U3 alternative']);
  });
});
