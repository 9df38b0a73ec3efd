/**
 * Attachment files: sanitised names, nothing written outside attachmentPath, planted
 * symlinks never followed, unique names vs overwrite, directory creation.
 */
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImapPool, runImapAction, sanitizeFilename } from '../../src/tags/imap/index.js';
import { startDovecot, type DovecotServer, type DovecotUser } from '../support/dovecot.js';
import { creds } from '../support/imap-helpers.js';
import { appendAll, hostileMessage, m1Messages, withAdmin } from '../support/seed-mail.js';

let server: DovecotServer;
let user: DovecotUser;
let hostileUid: number;
let u4Uid: number;
let pool: ImapPool;
let root: string;

beforeAll(async () => {
  server = await startDovecot();
  user = await server.addUser();
  [hostileUid, u4Uid] = (await withAdmin(server, user, (c) => appendAll(c, 'INBOX', [hostileMessage(), m1Messages()[3]!]))) as [number, number];
  pool = new ImapPool();
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'cfimap-attach-'));
});

afterAll(async () => {
  await pool?.closeAll();
  await server?.stop();
  if (root) await fs.rm(root, { recursive: true, force: true });
});

/** Every file below dir, relative, recursively (links listed, not followed). */
async function tree(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await tree(p)).map((x) => path.join(e.name, x)));
    else out.push(e.name);
  }
  return out;
}

describe('sanitizeFilename', () => {
  it.each([
    ['../../evil.txt', 'evil.txt'],
    ['..\\..\\evil.bat', 'evil.bat'],
    ['/etc/passwd', 'passwd'],
    ['C:\\Windows\\system32\\x.dll', 'x.dll'],
    ['ctrl\u0001\u0007name\u001f.txt', 'ctrlname.txt'],
    ['.hidden', 'hidden'],
    ['...', 'attachment'],
    ['', 'attachment'],
    ['a/..', 'attachment'],
    ['CON.txt', '_CON.txt'],
    ['re: <what>?.pdf', 're_ _what__.pdf'],
    ['Übersicht März.pdf', 'Übersicht März.pdf'],
    ['name.pdf.  ', 'name.pdf'],
  ])('%j -> %j', (input, expected) => {
    expect(sanitizeFilename(input)).toBe(expected);
  });

  it('bounds the length (bytes) and keeps the extension', () => {
    const s = sanitizeFilename('x'.repeat(300) + '.txt');
    expect(Buffer.byteLength(s)).toBeLessThanOrEqual(200);
    expect(s.endsWith('.txt')).toBe(true);
    const u = sanitizeFilename('ü'.repeat(300) + '.pdf');
    expect(Buffer.byteLength(u)).toBeLessThanOrEqual(200);
    expect(u.endsWith('.pdf')).toBe(true);
    expect(u).not.toContain('\uFFFD');
  });
});

describe('getAll with attachmentPath', () => {
  it('hostile names: every file lands directly inside attachmentPath (created when missing)', async () => {
    const base = path.join(root, 'hostile');
    const dir = path.join(base, 'one', 'two', 'att');
    const q = (await runImapAction({ action: 'getAll', ...creds(server, user), uid: String(hostileUid), attachmentPath: dir, generateUniqueFilenames: true }, pool))!;
    const r = q.rows[0]!;
    const names = (r.ATTACHMENTS as string).split('\t');
    const files = (r.ATTACHMENTFILES as string).split('\t');
    expect(names).toHaveLength(7);
    expect(files).toHaveLength(7);
    for (const f of files) {
      expect(path.dirname(f)).toBe(dir);
      expect((await fs.lstat(f)).isFile()).toBe(true);
    }
    const basenames = files.map((f) => path.basename(f));
    // evil.bat is an executable name: saved neutralised (issue 8), listed as sent
    expect(basenames).toEqual(expect.arrayContaining(['evil.txt', 'evil_bat.txt', 'passwd', 'ctrlname.txt', 'hidden', 'Übersicht März.pdf']));
    for (const b of basenames) {
      expect(b).not.toMatch(/[\u0000-\u001f/\\]/);
      expect(b.startsWith('.')).toBe(false);
      expect(Buffer.byteLength(b)).toBeLessThanOrEqual(200);
    }
    // ATTACHMENTS lists the same safe names (a TAB in a name could not break the list), before neutralising
    expect(names).toEqual(basenames.map((b) => (b === 'evil_bat.txt' ? 'evil.bat' : b)));
    // nothing anywhere else below the base dir
    expect((await tree(base)).sort()).toEqual(basenames.map((b) => path.join('one', 'two', 'att', b)).sort());
    await expect(fs.access('/etc/passwd.cfimap')).rejects.toThrow();
    // the RFC 2231 name decoded properly
    expect(await fs.readFile(path.join(dir, 'Übersicht März.pdf'), 'latin1')).toContain('%PDF');
  });

  it('a symlink planted in attachmentPath is never followed (overwrite mode)', async () => {
    const dir = path.join(root, 'planted');
    const outside = path.join(root, 'outside');
    await fs.mkdir(dir, { recursive: true });
    await fs.mkdir(outside, { recursive: true });
    const victim = path.join(outside, 'victim.txt');
    await fs.writeFile(victim, 'ORIGINAL');
    await fs.symlink(victim, path.join(dir, 'evil.txt'));
    await fs.symlink(path.join(outside, 'created-through-link.bat'), path.join(dir, 'evil.bat')); // dangling
    await runImapAction({ action: 'getAll', ...creds(server, user), uid: String(hostileUid), attachmentPath: dir }, pool);
    expect(await fs.readFile(victim, 'utf8')).toBe('ORIGINAL');
    await expect(fs.access(path.join(outside, 'created-through-link.bat'))).rejects.toThrow();
    // the link was replaced by a regular file holding the attachment
    const st = await fs.lstat(path.join(dir, 'evil.txt'));
    expect(st.isSymbolicLink()).toBe(false);
    expect(await fs.readFile(path.join(dir, 'evil.txt'), 'utf8')).toContain('evil.txt');
    expect(await fs.readdir(outside)).toEqual(['victim.txt']);
  });

  it('a symlink planted in attachmentPath is never followed (unique mode: it counts as taken)', async () => {
    const dir = path.join(root, 'planted-unique');
    const outside = path.join(root, 'outside-unique');
    await fs.mkdir(dir, { recursive: true });
    await fs.mkdir(outside, { recursive: true });
    const victim = path.join(outside, 'victim.txt');
    await fs.writeFile(victim, 'ORIGINAL');
    await fs.symlink(victim, path.join(dir, 'evil.txt'));
    const q = (await runImapAction({ action: 'getAll', ...creds(server, user), uid: String(hostileUid), attachmentPath: dir, generateUniqueFilenames: true }, pool))!;
    const files = (q.rows[0]!.ATTACHMENTFILES as string).split('\t');
    expect(files).toContain(path.join(dir, 'evil1.txt'));
    expect(await fs.readFile(victim, 'utf8')).toBe('ORIGINAL');
    expect((await fs.lstat(path.join(dir, 'evil.txt'))).isSymbolicLink()).toBe(true);
  });

  it('unique names continue past files from earlier calls: a.pdf, a1.pdf, a2.pdf, a3.pdf', async () => {
    const dir = path.join(root, 'unique');
    for (let i = 0; i < 2; i++) {
      await runImapAction({ action: 'getAll', ...creds(server, user), uid: String(u4Uid), attachmentPath: dir, generateUniqueFilenames: true }, pool);
    }
    const pdfs = (await fs.readdir(dir)).filter((n) => n.endsWith('.pdf')).sort();
    expect(pdfs).toEqual(['a.pdf', 'a1.pdf', 'a2.pdf', 'a3.pdf']);
  });

  it('attachmentPath pointing at a file is a usage error, checked before connecting', async () => {
    const file = path.join(root, 'a-file');
    await fs.writeFile(file, 'x');
    await expect(runImapAction({ action: 'getAll', server: '127.0.0.1', port: 1, username: 'a', password: 'b', attachmentPath: file }, pool)).rejects.toThrow(
      `File [${file}] is not a directory`,
    );
  });
});
