/**
 * Decoding and content on the rich fixture: RFC 2047 in subjects and names, long address
 * lists, flags, bounces (DELIVERYSTATUS), attached messages, folder names with '&' and
 * non-ASCII characters (modified UTF-7 on the wire), and <cfimapfilter> SEARCH filters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImapPool, ImapUsageError, runImapAction, type ImapRequest } from '../../src/tags/imap/index.js';
import { startDovecot, type DovecotServer } from '../support/dovecot.js';
import { caught, creds, serverState } from '../support/imap-helpers.js';
import { seedRich } from '../support/seed-mail.js';

let server: DovecotServer;
let pool: ImapPool;
let rich: Awaited<ReturnType<typeof seedRich>>;

beforeAll(async () => {
  server = await startDovecot();
  pool = new ImapPool();
  rich = await seedRich(server);
});

afterAll(async () => {
  await pool?.closeAll();
  await server?.stop();
});

const run = (req: Partial<ImapRequest>) => runImapAction({ action: 'getAll', ...creds(server, rich.user), ...req }, pool);
const one = async (req: Partial<ImapRequest>) => (await run(req))!.rows[0]!;

describe('decoding', () => {
  it('Japanese UTF-8 B subject, ISO-8859-1 Q display name, 12 To and a mixed Cc', async () => {
    const r = await one({ action: 'getHeaderOnly', uid: String(rich.uids.jp) });
    expect(r.SUBJECT).toBe('日本語の件名');
    expect(r.FROM).toBe('André Böhm <andre@example.de>');
    const to = (r.TO as string).split(', ');
    expect(to).toHaveLength(12);
    expect(to[0]).toBe('User 0 <user0@example.org>');
    expect(r.CC).toBe('"Doe, Jane" <jane@example.org>, 田中 <tanaka@example.jp>, plain@example.net');
    expect(r.SEEN).toBe(true);
    const full = await one({ uid: String(rich.uids.jp) });
    expect((full.TEXTBODY as string).trim()).toBe('こんにちは');
  });

  it('flag columns reflect the server flags', async () => {
    const q = (await run({ action: 'getHeaderOnly', uid: `${rich.uids.flagged},${rich.uids.answered},${rich.uids.hostile}` }))!;
    const [fl, an, plain] = q.rows;
    expect([fl!.FLAGGED, fl!.SEEN, fl!.ANSWERED]).toEqual([true, true, false]);
    expect([an!.FLAGGED, an!.SEEN, an!.ANSWERED]).toEqual([false, false, true]);
    expect([plain!.FLAGGED, plain!.SEEN, plain!.ANSWERED, plain!.DELETED, plain!.DRAFT]).toEqual([false, false, false, false, false]);
    expect(typeof plain!.RECENT).toBe('boolean');
    expect(typeof plain!.LINES).toBe('number');
  });

  it('a delivery-status bounce fills DELIVERYSTATUS and keeps it out of TEXTBODY', async () => {
    const r = await one({ uid: String(rich.uids.bounce) });
    expect(r.DELIVERYSTATUS).toContain('Status: 5.1.1');
    expect(r.DELIVERYSTATUS).toContain('Final-Recipient: rfc822; nobody@example.net');
    expect((r.TEXTBODY as string).trim()).toBe('Your message could not be delivered.');
    expect(r.BODY).toBe(r.TEXTBODY);
    expect(r.ATTACHMENTS).toBe('');
  });

  it('an attached message/rfc822 gives BODY the inner text', async () => {
    const r = await one({ uid: String(rich.uids.fwd) });
    expect(r.TEXTBODY).toBe('');
    expect((r.BODY as string).trim()).toBe('Inner plain text.');
  });

  it('folders with & and non-ASCII names (modified UTF-7) list and open by their Unicode names', async () => {
    const all = (await run({ action: 'listAllFolders', recurse: true }))!;
    const names = all.rows.map((r) => r.FULLNAME);
    expect(names).toContain('R&D');
    expect(names).toContain('R&D/Übersicht');
    expect(names).toContain('[Gmail]/Sent Mail');
    expect(all.rows.find((r) => r.FULLNAME === 'R&D/Übersicht')!.NAME).toBe('Übersicht');
    const sent = (await run({ action: 'getHeaderOnly', folder: '[Gmail]/Sent Mail' }))!;
    expect(sent.rows.map((r) => r.SUBJECT)).toEqual(['Sent one']);
    expect((await run({ action: 'getHeaderOnly', folder: 'R&D/Übersicht' }))!.rows).toEqual([]);
    await run({ action: 'renameFolder', folder: 'R&D/Übersicht', newFolder: 'R&D/Größe & Co' });
    const after = (await run({ action: 'listAllFolders', folder: 'R&D' }))!;
    expect(after.rows.map((r) => r.FULLNAME)).toEqual(['R&D/Größe & Co']);
  });
});

describe('<cfimapfilter> filters (server-side SEARCH)', () => {
  it('subject, from, flag and combinations', async () => {
    const subj = (await run({ action: 'getHeaderOnly', filters: [{ name: 'subject', value: 'Answered' }] }))!;
    expect(subj.rows.map((r) => r.UID)).toEqual([String(rich.uids.answered)]);
    const from = (await run({ action: 'getHeaderOnly', filters: [{ name: 'from', value: 'MAILER-DAEMON' }] }))!;
    expect(from.rows.map((r) => r.UID)).toEqual([String(rich.uids.bounce)]);
    const seen = (await run({ action: 'getHeaderOnly', filters: [{ name: 'flag', value: 'SEEN' }] }))!;
    expect(seen.rows.map((r) => r.UID).sort()).toEqual([String(rich.uids.jp), String(rich.uids.flagged)].sort());
    const unseenFlagged = (await run({ action: 'getHeaderOnly', filters: [{ name: 'flag', value: 'UNSEEN' }, { name: 'flag', value: 'FLAGGED' }] }))!;
    expect(unseenFlagged.rows).toEqual([]);
    const both = (await run({ action: 'getHeaderOnly', filters: [{ name: 'to', value: 'bob@example.org' }, { name: 'flag', value: 'UNSEEN' }] }))!;
    expect(both.rows.map((r) => r.UID)).toEqual([rich.uids.hostile, rich.uids.fwd, rich.uids.answered].map(String));
    // two subject filters must both match
    const two = (await run({ action: 'getHeaderOnly', filters: [{ name: 'subject', value: 'Flagged' }, { name: 'subject', value: 'seen' }] }))!;
    expect(two.rows.map((r) => r.UID)).toEqual([String(rich.uids.flagged)]);
    const none = (await run({ action: 'getHeaderOnly', filters: [{ name: 'subject', value: 'Flagged' }, { name: 'subject', value: 'nothing-like-this' }] }))!;
    expect(none.rows).toEqual([]);
  });

  it('filters combine with the window and with uid lists', async () => {
    const w = (await run({ action: 'getHeaderOnly', filters: [{ name: 'flag', value: 'UNSEEN' }], startRow: 2, maxRows: 2 }))!;
    expect(w.rows.map((r) => r.UID)).toEqual([rich.uids.bounce, rich.uids.fwd].map(String));
    const u = (await run({ action: 'getHeaderOnly', filters: [{ name: 'flag', value: 'SEEN' }], uid: `${rich.uids.flagged},${rich.uids.hostile},${rich.uids.jp}` }))!;
    expect(u.rows.map((r) => r.UID)).toEqual([rich.uids.flagged, rich.uids.jp].map(String));
  });

  it('timeReceived and timeSent ranges', async () => {
    const now = new Date();
    const recent = (await run({ action: 'getHeaderOnly', filters: [{ name: 'timereceived', from: new Date(now.getTime() - 3600_000), to: new Date(now.getTime() + 3600_000) }] }))!;
    expect(recent.rows).toHaveLength(6);
    const old = (await run({ action: 'getHeaderOnly', filters: [{ name: 'timereceived', to: new Date('2001-01-01') }] }))!;
    expect(old.rows).toHaveLength(0);
    const sent = (await run({ action: 'getHeaderOnly', filters: [{ name: 'timesent', from: new Date('2024-01-04T00:00:00Z'), to: new Date('2024-01-04T23:59:59Z') }] }))!;
    expect(sent.rows.map((r) => r.UID)).toEqual([String(rich.uids.bounce)]);
  });

  it('filters select messages for markRead too; bad filters are usage errors', async () => {
    await run({ action: 'markRead', filters: [{ name: 'subject', value: 'Answered' }] });
    const st = await serverState(server, rich.user);
    expect(st.find((m) => m.uid === rich.uids.answered)!.flags.has('\\Seen')).toBe(true);
    expect(st.find((m) => m.uid === rich.uids.bounce)!.flags.has('\\Seen')).toBe(false);
    const e = await caught(() => run({ action: 'getHeaderOnly', filters: [{ name: 'flag', value: 'SHINY' }] }));
    expect(e).toBeInstanceOf(ImapUsageError);
    const e2 = await caught(() => run({ action: 'getHeaderOnly', filters: [{ name: 'body' as never, value: 'x' }] }));
    expect(e2).toBeInstanceOf(ImapUsageError);
  });
});
