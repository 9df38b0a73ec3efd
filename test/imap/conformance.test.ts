/**
 * The 25 conformance cases of docs spec cfimap.md section (f), as changed by the
 * "Decisions for this engine", against a real Dovecot. Every test works on its own user
 * (its own mailbox) and checks the server state afterwards with a separate raw client.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_COLUMNS, HEADER_COLUMNS, ImapError, ImapPool, ImapUsageError, runImapAction, type ImapRequest } from '../../src/tags/imap/index.js';
import { startDovecot, type DovecotServer, type DovecotUser } from '../support/dovecot.js';
import { caught, creds, folderPaths, serverState } from '../support/imap-helpers.js';
import { M1_SUBJECT_U5, seedM1, withAdmin, type M1Fixture } from '../support/seed-mail.js';

let server: DovecotServer;
let dotServer: DovecotServer;
let pool: ImapPool;
let shared: M1Fixture; // read-only tests share one M1 mailbox
const tmpDirs: string[] = [];

async function tmpDir(): Promise<string> {
  const d = await fs.mkdtemp(path.join(os.tmpdir(), 'cfimap-att-'));
  tmpDirs.push(d);
  return d;
}

beforeAll(async () => {
  [server, dotServer] = await Promise.all([startDovecot(), startDovecot({ separator: '.' })]);
  pool = new ImapPool();
  shared = await seedM1(server);
});

afterAll(async () => {
  await pool?.closeAll();
  await Promise.all([server?.stop(), dotServer?.stop()]);
  await Promise.all(tmpDirs.map((d) => fs.rm(d, { recursive: true, force: true })));
});

function run(user: DovecotUser, req: Partial<ImapRequest>, srv = server) {
  return runImapAction({ action: 'getHeaderOnly', ...creds(srv, user), ...req }, pool);
}

const uidStr = (f: M1Fixture, i: number): string => String(f.uids[i - 1]);

describe('reading (cases 1-13)', () => {
  it('1: getHeaderOnly returns 5 rows in sequence order, UIDs as digit strings, unseen, and reads nothing as seen', async () => {
    const q = (await run(shared.user, { action: 'getHeaderOnly' }))!;
    expect(q.rows).toHaveLength(5);
    expect(q.rows.map((r) => r.MESSAGENUMBER)).toEqual([1, 2, 3, 4, 5]);
    expect(q.rows.map((r) => r.UID)).toEqual(shared.uids.map(String));
    for (const r of q.rows) {
      expect(typeof r.UID).toBe('string');
      expect(r.UID).toMatch(/^\d+$/);
      expect(r.SEEN).toBe(false);
      expect(typeof r.SIZE).toBe('number');
      expect(r.SIZE as number).toBeGreaterThan(0);
      expect(r.DATE).toBeInstanceOf(Date);
      expect(r.RXDDATE).toBeInstanceOf(Date);
    }
    // getAll too must leave \Seen alone
    await run(shared.user, { action: 'getAll' });
    const state = await serverState(server, shared.user);
    expect(state.every((m) => !m.flags.has('\\Seen'))).toBe(true);
  });

  it('2: column contract for getHeaderOnly and getAll', async () => {
    const gh = (await run(shared.user, { action: 'getheaderonly', maxRows: 1 }))!;
    const lucee17 = ['DATE', 'FROM', 'MESSAGENUMBER', 'MESSAGEID', 'REPLYTO', 'SUBJECT', 'CC', 'TO', 'SIZE', 'HEADER', 'UID', 'ANSWERED', 'DELETED', 'DRAFT', 'FLAGGED', 'RECENT', 'SEEN'];
    expect(gh.columns.slice(0, 17)).toEqual(lucee17);
    expect(gh.columns).toEqual([...lucee17, 'SENTDATE', 'RXDDATE', 'LINES']);
    expect(gh.columns).toEqual([...HEADER_COLUMNS]);
    expect(Object.keys(gh.rows[0]!).sort()).toEqual([...gh.columns].sort());
    const ga = (await run(shared.user, { action: 'GETALL', maxRows: 1 }))!;
    expect(ga.columns).toEqual([...HEADER_COLUMNS, 'BODY', 'TEXTBODY', 'HTMLBODY', 'ATTACHMENTS', 'ATTACHMENTFILES', 'CIDS', 'DELIVERYSTATUS']);
    expect(ga.columns).toEqual([...ALL_COLUMNS]);
    expect(Object.keys(ga.rows[0]!).sort()).toEqual([...ga.columns].sort());
  });

  it('3: startRow=2 maxRows=2 gives message numbers 2 and 3', async () => {
    const q = (await run(shared.user, { startRow: 2, maxRows: 2 }))!;
    expect(q.rows.map((r) => r.MESSAGENUMBER)).toEqual([2, 3]);
    expect(q.rows.map((r) => r.UID)).toEqual([uidStr(shared, 2), uidStr(shared, 3)]);
    expect((await run(shared.user, { maxRows: 0 }))!.rows).toHaveLength(0);
    expect((await run(shared.user, { startRow: 6 }))!.rows).toHaveLength(0);
  });

  it('4: uid list beats the window and keeps list order', async () => {
    const q = (await run(shared.user, { startRow: 2, maxRows: 2, uid: `${uidStr(shared, 5)},${uidStr(shared, 1)}` }))!;
    expect(q.rows.map((r) => r.UID)).toEqual([uidStr(shared, 5), uidStr(shared, 1)]);
  });

  it('5: invalid and unknown UIDs are dropped silently', async () => {
    const q = (await run(shared.user, { uid: `${uidStr(shared, 1)},abc,999999,${uidStr(shared, 3)}` }))!;
    expect(q.rows.map((r) => r.UID)).toEqual([uidStr(shared, 1), uidStr(shared, 3)]);
    expect((await run(shared.user, { uid: '' }))!.rows).toHaveLength(0);
  });

  it('6: messageNumber list in list order, out-of-range and junk dropped', async () => {
    const q = (await run(shared.user, { messageNumber: '3,1,10000,x' }))!;
    expect(q.rows.map((r) => r.MESSAGENUMBER)).toEqual([3, 1]);
    expect((await run(shared.user, { messageNumber: '' }))!.rows).toHaveLength(0);
  });

  it('7: uid wins over messageNumber', async () => {
    const q = (await run(shared.user, { uid: uidStr(shared, 2), messageNumber: '1' }))!;
    expect(q.rows.map((r) => r.UID)).toEqual([uidStr(shared, 2)]);
  });

  it('8: delimiter splits uid on every character; delimiter without uid is a usage error', async () => {
    const q = (await run(shared.user, { uid: `${uidStr(shared, 1)}|${uidStr(shared, 3)}$${uidStr(shared, 4)}`, delimiter: '|$' }))!;
    expect(q.rows.map((r) => r.UID)).toEqual([uidStr(shared, 1), uidStr(shared, 3), uidStr(shared, 4)]);
    const e = await caught(() => run(shared.user, { delimiter: ';' }));
    expect(e).toBeInstanceOf(ImapUsageError);
    expect(e.message).toContain('must specify the attribute [uid]');
  });

  it('9: REPLYTO is the Reply-To, else FROM', async () => {
    const q = (await run(shared.user, { uid: `${uidStr(shared, 1)},${uidStr(shared, 2)}` }))!;
    const [u1, u2] = q.rows;
    expect(u1!.FROM).toBe('Alice Example <alice@example.com>');
    expect(u1!.REPLYTO).toBe(u1!.FROM);
    expect(u2!.REPLYTO).toBe('Replies Desk <replies@example.com>');
    expect(u1!.TO).toBe('Bob Receiver <bob@example.org>');
    expect(u1!.MESSAGEID).toBe('<u1@example.com>');
    expect(u1!.CC).toBe('');
    // HEADER stays raw: Name: value lines ending in LF
    expect(u1!.HEADER).toMatch(/^|\n/);
    expect(u1!.HEADER).toContain('Subject: U1 plain\n');
    expect((u1!.HEADER as string).endsWith('\n')).toBe(true);
  });

  it('10: RFC 2047 subject and From are decoded', async () => {
    const q = (await run(shared.user, { uid: uidStr(shared, 5) }))!;
    expect(q.rows[0]!.SUBJECT).toBe(M1_SUBJECT_U5);
    expect(q.rows[0]!.FROM).toBe('Jürgen Müller <juergen@example.de>');
    expect(q.rows[0]!.HEADER).toContain('Subject: =?UTF-8?B?R3LDvMOfZQ==?=');
  });

  it('11: getAll on a multipart/alternative message', async () => {
    const q = (await run(shared.user, { action: 'getAll', uid: uidStr(shared, 3) }))!;
    const r = q.rows[0]!;
    expect((r.TEXTBODY as string).trim()).toBe('Plain text of U3.');
    expect(r.HTMLBODY).toContain('HTML of <b>U3</b>.');
    expect(r.BODY).toBe(r.TEXTBODY);
    expect(r.ATTACHMENTS).toBe('');
    expect(r.CIDS).toEqual({});
  });

  it('12: attachments with unique file names; without, distinct parts still get distinct files', async () => {
    const dir = await tmpDir();
    const q = (await run(shared.user, { action: 'getAll', uid: uidStr(shared, 4), attachmentPath: dir, generateUniqueFilenames: true }))!;
    const r = q.rows[0]!;
    expect((r.ATTACHMENTS as string).split('\t')).toEqual(['cid:logo123@example.com', 'a.pdf', 'a.pdf']);
    const files = (r.ATTACHMENTFILES as string).split('\t');
    expect(files).toHaveLength(3);
    expect(new Set(files).size).toBe(3);
    for (const f of files) {
      expect(path.dirname(f)).toBe(await fs.realpath(dir));
      await fs.access(f);
    }
    expect(files.map((f) => path.basename(f)).slice(1)).toEqual(['a.pdf', 'a1.pdf']);
    expect(r.CIDS).toEqual({ 'cid:logo123@example.com': 'logo123@example.com' });
    expect(r.HTMLBODY).toContain('cid:logo123@example.com');

    const dir2 = await tmpDir();
    const q2 = (await run(shared.user, { action: 'getAll', uid: uidStr(shared, 4), attachmentPath: dir2 }))!;
    const names = (await fs.readdir(dir2)).sort();
    // issue 8: two parts of one call never end as one file (the spec's "later overwrites" is gone)
    expect(names.filter((n) => n.endsWith('.pdf'))).toEqual(['a.pdf', 'a1.pdf']);
    expect((await fs.readFile(path.join(dir2, 'a1.pdf'), 'utf8'))).toContain('second file');
    expect((q2.rows[0]!.ATTACHMENTFILES as string).split('\t')).toHaveLength(3);
    // a second call without generateUniqueFilenames replaces the files of the first (Lucee)
    await run(shared.user, { action: 'getAll', uid: uidStr(shared, 4), attachmentPath: dir2 });
    expect((await fs.readdir(dir2)).sort()).toEqual(names);
  });

  it('13: without attachmentPath nothing is written, also on a reused connection (no sticky state)', async () => {
    const dir = await tmpDir();
    const before = await fs.readdir(os.tmpdir());
    await runImapAction({ action: 'open', connection: 'c13', ...creds(server, shared.user) }, pool);
    const a = (await runImapAction({ action: 'getAll', connection: 'c13', uid: uidStr(shared, 4), attachmentPath: dir }, pool))!;
    expect(a.rows[0]!.ATTACHMENTFILES).not.toBe('');
    const b = (await runImapAction({ action: 'getAll', connection: 'c13', uid: uidStr(shared, 4) }, pool))!;
    expect(b.rows[0]!.ATTACHMENTS).toBe('cid:logo123@example.com\ta.pdf\ta.pdf');
    expect(b.rows[0]!.ATTACHMENTFILES).toBe('');
    // overwrite mode: a.pdf and a1.pdf (two parts), and the inline image under Lucee's "_" + md5("cid:<id>") name
    const cidFile = '_' + createHash('md5').update('cid:logo123@example.com').digest('hex');
    expect((await fs.readdir(dir)).sort()).toEqual([cidFile, 'a.pdf', 'a1.pdf'].sort());
    // a startRow on the pooled connection does not stick either
    await runImapAction({ action: 'getHeaderOnly', connection: 'c13', startRow: 4 }, pool);
    expect((await runImapAction({ action: 'getHeaderOnly', connection: 'c13' }, pool))!.rows).toHaveLength(5);
    await runImapAction({ action: 'close', connection: 'c13' }, pool);
    const after = await fs.readdir(os.tmpdir());
    expect(after.filter((n) => !before.includes(n) && n.endsWith('.pdf'))).toEqual([]);
  });

  it('14: a hostile attachment name lands inside attachmentPath (see attachments.test.ts for more)', async () => {
    const { hostileMessage, appendAll } = await import('../support/seed-mail.js');
    const user = await server.addUser();
    const [uid] = await withAdmin(server, user, (c) => appendAll(c, 'INBOX', [hostileMessage()]));
    const parent = await tmpDir();
    const dir = path.join(parent, 'a', 'b', 'att');
    const q = (await run(user, { action: 'getAll', uid: String(uid), attachmentPath: dir }))!;
    const files = (q.rows[0]!.ATTACHMENTFILES as string).split('\t');
    const real = await fs.realpath(dir);
    for (const f of files) expect(path.dirname(f)).toBe(real);
    expect(files.map((f) => path.basename(f))).toContain('evil.txt');
    await expect(fs.access(path.join(parent, 'a', 'evil.txt'))).rejects.toThrow();
    await expect(fs.access(path.join(parent, 'evil.txt'))).rejects.toThrow();
  });
});

describe('changing mail (cases 15-19)', () => {
  it('15: markRead with a uid marks only that message; without selector the whole folder', async () => {
    const f = await seedM1(server);
    await run(f.user, { action: 'markRead', uid: uidStr(f, 1) });
    let st = await serverState(server, f.user);
    expect(st.filter((m) => m.flags.has('\\Seen')).map((m) => m.uid)).toEqual([f.uids[0]]);
    // message numbers mean what the last listing showed (listings.ts)
    await run(f.user, { action: 'getHeaderOnly' });
    await run(f.user, { action: 'markread', messageNumber: '3' });
    st = await serverState(server, f.user);
    expect(st.filter((m) => m.flags.has('\\Seen')).map((m) => m.uid)).toEqual([f.uids[0], f.uids[2]]);
    await run(f.user, { action: 'markRead' });
    st = await serverState(server, f.user);
    expect(st.every((m) => m.flags.has('\\Seen'))).toBe(true);
    // Archive untouched
    expect((await serverState(server, f.user, 'Archive')).some((m) => m.flags.has('\\Seen'))).toBe(false);
  });

  it('16: delete removes only the selected UID; a message flagged \\Deleted by another client survives', async () => {
    const f = await seedM1(server);
    await withAdmin(server, f.user, async (c) => {
      await c.mailboxOpen('INBOX');
      await c.messageFlagsAdd(String(f.uids[3]), ['\\Deleted'], { uid: true });
    });
    await run(f.user, { action: 'delete', uid: uidStr(f, 2) });
    const st = await serverState(server, f.user);
    expect(st).toHaveLength(4);
    expect(st.map((m) => m.uid)).not.toContain(f.uids[1]);
    expect(st.map((m) => m.uid)).toContain(f.uids[3]);
    expect(st.find((m) => m.uid === f.uids[3])!.flags.has('\\Deleted')).toBe(true);
    // by message number, as the last listing numbered them
    await run(f.user, { action: 'getHeaderOnly' });
    await run(f.user, { action: 'delete', messageNumber: '1' });
    expect((await serverState(server, f.user)).map((m) => m.uid)).toEqual([f.uids[2], f.uids[3], f.uids[4]]);
  });

  it('17: delete honours folder', async () => {
    const f = await seedM1(server);
    await run(f.user, { action: 'delete', folder: 'Archive', uid: String(f.archiveUid) });
    expect(await serverState(server, f.user, 'Archive')).toHaveLength(0);
    expect(await serverState(server, f.user)).toHaveLength(5);
  });

  it('18: delete without uid or messageNumber throws and deletes nothing', async () => {
    const f = await seedM1(server);
    const e = await caught(() => run(f.user, { action: 'delete' }));
    expect(e).toBeInstanceOf(ImapError);
    expect(e.errorCode).toBe('SELECTION_REQUIRED');
    const e2 = await caught(() => run(f.user, { action: 'delete', startRow: 1, maxRows: 5, stopOnError: false }));
    expect(e2.errorCode).toBe('SELECTION_REQUIRED');
    expect(await serverState(server, f.user)).toHaveLength(5);
    // uid="" selects nothing: no error, nothing deleted
    await run(f.user, { action: 'delete', uid: '' });
    expect(await serverState(server, f.user)).toHaveLength(5);
  });

  it('19: moveMail moves into an existing folder; a missing target changes nothing; newFolder is required', async () => {
    const f = await seedM1(server);
    await run(f.user, { action: 'moveMail', uid: uidStr(f, 1), newFolder: 'Archive' });
    const inbox = await serverState(server, f.user);
    expect(inbox.map((m) => m.uid)).not.toContain(f.uids[0]);
    expect(inbox).toHaveLength(4);
    const archive = await serverState(server, f.user, 'Archive');
    expect(archive.map((m) => m.subject)).toContain('U1 plain');

    const e = await caught(() => run(f.user, { action: 'moveMail', uid: uidStr(f, 2), newFolder: 'Nope' }));
    expect(e).toBeInstanceOf(ImapError);
    expect(e.errorCode).toBe('FOLDER_NOT_FOUND');
    expect(e.message).toBe('There is no folder with name [Nope].');
    expect(await serverState(server, f.user)).toHaveLength(4);

    const e2 = await caught(() => run(f.user, { action: 'moveMail', uid: uidStr(f, 2) }));
    expect(e2).toBeInstanceOf(ImapUsageError);
    expect(e2.message).toBe('Attribute [newFolder] for tag [Imap] is required if attribute action has the value [movemail]');

    // nested target given with '/'; the message number as the last listing numbered it
    await run(f.user, { action: 'getHeaderOnly' });
    await run(f.user, { action: 'moveMail', messageNumber: '1', newFolder: 'Archive/2024' });
    expect((await serverState(server, f.user, 'Archive/2024')).map((m) => m.subject)).toContain('U2 with reply-to');
  });
});

describe('folders (cases 20-24)', () => {
  it('20: listAllFolders columns, top level, and recurse depth-first', async () => {
    const f = await seedM1(server);
    const top = (await run(f.user, { action: 'listAllFolders' }))!;
    expect(top.columns).toEqual(['FULLNAME', 'NAME', 'TOTALMESSAGES', 'UNREAD', 'PARENT', 'NEW']);
    expect(top.rows.map((r) => r.FULLNAME)).toEqual(['INBOX', 'Archive']);
    const inbox = top.rows[0]!;
    expect(inbox.TOTALMESSAGES).toBe(5);
    expect(inbox.UNREAD).toBe(5);
    expect(typeof inbox.NEW).toBe('number');
    expect(inbox.PARENT).toBe('');

    const all = (await run(f.user, { action: 'listAllFolders', recurse: true }))!;
    const names = all.rows.map((r) => r.FULLNAME);
    expect(names).toEqual(['INBOX', 'Archive', 'Archive/2024']);
    const sub = all.rows[2]!;
    expect(sub.NAME).toBe('2024');
    expect(sub.PARENT).toBe('Archive');
    expect(sub.TOTALMESSAGES).toBe(1);

    const under = (await run(f.user, { action: 'listAllFolders', folder: 'Archive' }))!;
    expect(under.rows.map((r) => r.FULLNAME)).toEqual(['Archive/2024']);
    const e = await caught(() => run(f.user, { action: 'listAllFolders', folder: 'Nope' }));
    expect(e.message).toBe('There is no folder with name [Nope].');
  });

  it('21: selectable children of a \\Noselect container are listed (Gmail-like)', async () => {
    const user = await server.addUser();
    await withAdmin(server, user, async (c) => {
      await c.mailboxCreate(['[Gmail]', 'Sent Mail']);
      await c.mailboxCreate(['[Gmail]', 'Drafts']);
      const l = await c.list();
      expect([...l.find((x) => x.path === '[Gmail]')!.flags]).toContain('\\Noselect');
    });
    const all = (await run(user, { action: 'listAllFolders', recurse: true }))!;
    const names = all.rows.map((r) => r.FULLNAME);
    expect(names).toContain('[Gmail]/Sent Mail');
    expect(names).toContain('[Gmail]/Drafts');
    // documented choice: the \Noselect container itself is not a row
    expect(names).not.toContain('[Gmail]');
    expect(all.rows.find((r) => r.FULLNAME === '[Gmail]/Sent Mail')!.PARENT).toBe('[Gmail]');
    // also without recurse (the container is transparent)
    const top = (await run(user, { action: 'listAllFolders' }))!;
    expect(top.rows.map((r) => r.FULLNAME)).toContain('[Gmail]/Sent Mail');
  });

  it('22: createFolder errors on an existing folder, creates missing parents, uses the server delimiter', async () => {
    const f = await seedM1(server);
    const e = await caught(() => run(f.user, { action: 'createFolder', folder: 'Archive' }));
    expect(e).toBeInstanceOf(ImapError);
    expect(e.errorCode).toBe('FOLDER_EXISTS');
    expect(e.message).toBe('Cannot create imap folder [Archive], the folder already exists.');
    await run(f.user, { action: 'createFolder', folder: 'X/Y' });
    const paths = await folderPaths(server, f.user);
    expect(paths).toContain('X');
    expect(paths).toContain('X/Y');
    // X is a real (selectable) folder, not only an implicit container
    expect(await serverState(server, f.user, 'X')).toEqual([]);

    const du = dotServer.users[0]!;
    await run(du, { action: 'createFolder', folder: 'X/Y' }, dotServer);
    const dpaths = await folderPaths(dotServer, du);
    expect(dpaths).toContain('X.Y');
    expect(dpaths).toContain('X');
    const l = (await run(du, { action: 'listAllFolders', recurse: true }, dotServer))!;
    expect(l.rows.map((r) => r.FULLNAME)).toEqual(['INBOX', 'X', 'X.Y']);
    await run(du, { action: 'deleteFolder', folder: 'X/Y' }, dotServer);
    expect(await folderPaths(dotServer, du)).toEqual(['INBOX', 'X']);
  });

  it('23: deleteFolder protects INBOX and removes only the named folder (never an ancestor)', async () => {
    const f = await seedM1(server);
    const e = await caught(() => run(f.user, { action: 'deleteFolder', folder: 'INBOX' }));
    expect(e).toBeInstanceOf(ImapError);
    expect(e.errorCode).toBe('PROTECTED_FOLDER');
    expect(e.message).toBe('Cannot delete folder [INBOX], this folder is protected.');
    expect((await caught(() => run(f.user, { action: 'deleteFolder', folder: 'inbox' }))).errorCode).toBe('PROTECTED_FOLDER');
    await run(f.user, { action: 'deleteFolder', folder: 'Archive/2024' });
    expect(await folderPaths(server, f.user)).toEqual(['Archive', 'INBOX']);
    expect(await serverState(server, f.user, 'Archive')).toHaveLength(1);
    const e2 = await caught(() => run(f.user, { action: 'deleteFolder', folder: 'Nope' }));
    expect(e2.message).toBe('There is no folder with name [Nope].');
    // a sibling whose name starts with the same letters is not a child
    await run(f.user, { action: 'createFolder', folder: 'Archive2' });
    await run(f.user, { action: 'createFolder', folder: 'Archive/X' });
    await run(f.user, { action: 'deleteFolder', folder: 'Archive/X' });
    await run(f.user, { action: 'deleteFolder', folder: 'Archive2' });
    expect(await folderPaths(server, f.user)).toEqual(['Archive', 'INBOX']);
    // a folder with children goes with its children
    await run(f.user, { action: 'createFolder', folder: 'P/Q/R' });
    await run(f.user, { action: 'deleteFolder', folder: 'P' });
    expect(await folderPaths(server, f.user)).toEqual(['Archive', 'INBOX']);
  });

  it('24: renameFolder protects INBOX and needs an existing source', async () => {
    const f = await seedM1(server);
    const e = await caught(() => run(f.user, { action: 'renameFolder', folder: 'Archive', newFolder: 'INBOX' }));
    expect(e.errorCode).toBe('PROTECTED_FOLDER');
    expect(e.message).toBe('Cannot rename folder to [INBOX], this folder name is protected.');
    const e1 = await caught(() => run(f.user, { action: 'renameFolder', folder: 'INBOX', newFolder: 'Old' }));
    expect(e1.message).toBe('Cannot rename folder [INBOX], this folder is protected.');
    const e2 = await caught(() => run(f.user, { action: 'renameFolder', folder: 'Nope', newFolder: 'Z' }));
    expect(e2.errorCode).toBe('FOLDER_NOT_FOUND');
    expect(e2.message).toBe('There is no folder with name [Nope].');
    await run(f.user, { action: 'renameFolder', folder: 'Archive', newFolder: 'Old/Archive' });
    const paths = await folderPaths(server, f.user);
    expect(paths).toContain('Old/Archive');
    expect(paths).toContain('Old/Archive/2024');
    expect(paths).not.toContain('Archive');
    const e3 = await caught(() => run(f.user, { action: 'renameFolder', folder: 'Old/Archive', newFolder: 'Old' }));
    expect(e3.errorCode).toBe('FOLDER_EXISTS');
  });
});

describe('connections and usage errors (case 25)', () => {
  it('25: open, reuse without credentials, close, then the name is unknown', async () => {
    await runImapAction({ action: 'open', connection: 'c', ...creds(server, shared.user) }, pool);
    const q = (await runImapAction({ action: 'getHeaderOnly', connection: 'c' }, pool))!;
    expect(q.rows).toHaveLength(5);
    await runImapAction({ action: 'close', connection: 'c' }, pool);
    const e = await caught(() => runImapAction({ action: 'getHeaderOnly', connection: 'c' }, pool));
    expect(e).toBeInstanceOf(ImapError);
    expect(e.errorCode).toBe('NO_CONNECTION');
    expect(e.message).toBe('There is no connection available with name [c]');
    const e2 = await caught(() => runImapAction({ action: 'close', connection: 'c' }, pool));
    expect(e2.message).toBe('There is no connection available with name [c]');
  });

  it('25: wrong password gives AUTHENTICATION with the server text, never the password', async () => {
    const e = await caught(() => run({ user: shared.user.user, pass: 'Wrong-Secret-123' }, {}));
    expect(e).toBeInstanceOf(ImapError);
    expect(e.errorCode).toBe('AUTHENTICATION');
    expect(e.message).toContain('Authentication failed');
    expect(e.message).toContain(server.host);
    expect(e.message + (e.detail ?? '') + (e.stack ?? '')).not.toContain('Wrong-Secret-123');
  });

  it('25: invalid action and missing server', async () => {
    const e = await caught(() => runImapAction({ action: 'bogus', server: 'x' }, pool));
    expect(e).toBeInstanceOf(ImapUsageError);
    expect(e.message).toBe(
      'Invalid value for attribute [action], valid values are [getHeaderOnly,getAll,delete,open,close,markread,createfolder,deletefolder,renamefolder,listallfolders,movemail]',
    );
    const e2 = await caught(() => runImapAction({ action: 'getHeaderOnly' }, pool));
    expect(e2.message).toBe('You need to define the attribute [connection] or [server].');
    const e3 = await caught(() => runImapAction({ action: 'createFolder', server: 'x' }, pool));
    expect(e3.message).toBe('Attribute [folder] for tag [Imap] is required if attribute action has the value [createfolder]');
    const e4 = await caught(() => runImapAction({ action: 'open', server: 'x' }, pool));
    expect(e4.message).toBe('Attribute [connection] for tag [Imap] is required if attribute action has the value [open]');
    // default action is getHeaderOnly
    const q = (await runImapAction({ action: '', ...creds(server, shared.user), maxRows: 1 }, pool))!;
    expect(q.columns).toEqual([...HEADER_COLUMNS]);
  });
});
