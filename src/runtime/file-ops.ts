/**
 * File-system operations shared by the file functions (fileRead, directoryList...) and the tags
 * (<cffile>, <cfdirectory>): one place for the error wording, charsets and directory listings.
 */
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { applicationError, CfmlError, expressionError } from './errors.js';
import { simple, toStr, typeName } from './cast.js';
import { Struct } from './struct.js';
import { Query } from './query.js';
import { safeRegExp } from './safe-regex.js';

/** Runs a file-system call and turns Node's errors into CFML errors naming the function. */
export function io<T>(fn: string, path: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof CfmlError) throw e;
    const err = e as NodeJS.ErrnoException;
    const why =
      err.code === 'ENOENT' ? 'does not exist' :
      err.code === 'EACCES' || err.code === 'EPERM' ? 'is not accessible' :
      err.code === 'EISDIR' ? 'is a directory' :
      err.code === 'ENOTDIR' ? 'is not a directory' :
      err.code === 'ENOTEMPTY' ? 'is not empty' :
      err.code === 'EEXIST' ? 'already exists' : err.message;
    throw applicationError(`${fn}: [${path}] ${why}`, { detail: err.message });
  }
}

export const statOrNull = (p: string) => {
  try {
    return fs.statSync(p);
  } catch {
    return null;
  }
};

export function dataToWrite(data: unknown, charset?: string): Buffer | string {
  data = simple(data);
  if (data instanceof Uint8Array) return Buffer.from(data);
  const s = toStr(data);
  const enc = normalizeCharset(charset);
  return enc === 'utf8' ? s : Buffer.from(s, enc);
}

export function normalizeCharset(charset?: string): BufferEncoding {
  const c = (charset ?? '').trim().toLowerCase().replace(/_/g, '-');
  if (c === '' || c === 'utf-8' || c === 'utf8') return 'utf8';
  if (c === 'iso-8859-1' || c === 'latin1' || c === 'windows-1252' || c === 'cp1252') return 'latin1';
  if (c === 'us-ascii' || c === 'ascii') return 'ascii';
  if (c === 'utf-16' || c === 'utf-16le' || c === 'ucs2') return 'utf16le';
  throw expressionError(`unsupported charset [${charset}]`);
}

export function fileInfo(p: string): Struct {
  const st = io('getFileInfo', p, () => fs.statSync(p));
  let canRead = true;
  let canWrite = true;
  try {
    fs.accessSync(p, fs.constants.R_OK);
  } catch {
    canRead = false;
  }
  try {
    fs.accessSync(p, fs.constants.W_OK);
  } catch {
    canWrite = false;
  }
  const s = new Struct();
  s.set('canRead', canRead);
  s.set('canWrite', canWrite);
  s.set('isHidden', nodePath.basename(p).startsWith('.'));
  s.set('lastModified', new Date(st.mtimeMs));
  s.set('fileCreated', new Date(st.birthtimeMs || st.ctimeMs));
  s.set('name', nodePath.basename(p));
  s.set('parent', nodePath.dirname(p));
  s.set('path', p);
  s.set('size', st.isDirectory() ? 0 : st.size);
  s.set('type', st.isDirectory() ? 'directory' : st.isFile() ? 'file' : '');
  s.set('isArchive', false);
  s.set('isSystem', false);
  s.set('scheme', 'file');
  s.set('isCaseSensitive', process.platform === 'linux');
  s.set('isAttributesSupported', false);
  s.set('isModeSupported', process.platform !== 'win32');
  return s;
}

/** "*.txt|*.log" -> a RegExp on the (lower-cased) file name. */
export function globFilter(filter: string): RegExp {
  const parts = filter.split('|').map((g) => g.trim()).filter(Boolean);
  const re = parts.map((g) => g.replace(/[.+^${}()[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')).join('|');
  // through safeRegExp, without the i flag: V8 can finish `*a*a*a...` in linear time
  return safeRegExp('filter', filter, `^(?:${re})$`, '');
}

export interface DirEntry {
  path: string;
  rel: string;
  name: string;
  dir: string;
  stat: fs.Stats;
}

function walk(root: string, recurse: boolean): DirEntry[] {
  const out: DirEntry[] = [];
  const visit = (dir: string, rel: string) => {
    const names = io('directoryList', dir, () => fs.readdirSync(dir)).sort();
    for (const name of names) {
      const full = nodePath.join(dir, name);
      const stat = statOrNull(full);
      if (!stat) continue;
      const r = rel ? `${rel}/${name}` : name;
      out.push({ path: full, rel: r, name, dir, stat });
      if (recurse && stat.isDirectory()) visit(full, r);
    }
  };
  visit(root, '');
  return out;
}

function sortEntries(entries: DirEntry[], sort: string): DirEntry[] {
  const specs = sort.split(',').map((s) => s.trim().split(/\s+/)).filter((s) => s[0]);
  if (!specs.length) return entries;
  const key = (e: DirEntry, col: string): string | number => {
    switch (col.toLowerCase()) {
      case 'size':
        return e.stat.size;
      case 'datelastmodified':
        return e.stat.mtimeMs;
      case 'type':
        return e.stat.isDirectory() ? 'Dir' : 'File';
      case 'directory':
        return e.dir.toLowerCase();
      default:
        return e.name.toLowerCase();
    }
  };
  return entries.slice().sort((a, b) => {
    for (const [col, dir] of specs) {
      const x = key(a, col!);
      const y = key(b, col!);
      if (x !== y) return (x < y ? -1 : 1) * (dir?.toLowerCase() === 'desc' ? -1 : 1);
    }
    return 0;
  });
}

export interface ListOptions {
  recurse?: boolean;
  /** all (default), file, dir/directory */
  type?: string;
  /** A glob list (`*.txt|*.log`, case-insensitive) or a predicate on the full path. */
  filter?: string | ((path: string) => boolean) | unknown;
  /** `name asc, size desc`: columns name, size, type, dateLastModified, directory. */
  sort?: string;
}

/**
 * The entries of a directory (Lucee's DirectoryList / cfdirectory action="list"), filtered and
 * sorted. `fn` names the caller in errors. Throws when root is not a directory.
 */
export function listDirectory(fn: string, root: string, opts: ListOptions): DirEntry[] {
  if (!statOrNull(root)?.isDirectory()) throw applicationError(`${fn}: the directory [${root}] does not exist`);
  let entries = walk(root, !!opts.recurse);
  const t = (opts.type ?? 'all').toLowerCase();
  if (t === 'file') entries = entries.filter((e) => e.stat.isFile());
  else if (t === 'dir' || t === 'directory') entries = entries.filter((e) => e.stat.isDirectory());
  else if (t !== 'all') throw expressionError(`${fn}: invalid type [${opts.type}], valid values are [all, file, dir]`);
  const filter = opts.filter;
  if (typeof filter === 'function') entries = entries.filter((e) => (filter as (p: string) => boolean)(e.path));
  else if (typeof filter === 'string' && filter.trim()) {
    // case-insensitive by lower-casing both sides: a RegExp with the i flag and a non-ASCII
    // letter could not fall back to V8's linear engine (`*é*é*é...` would backtrack without end)
    const re = globFilter(filter.toLowerCase());
    entries = entries.filter((e) => re.test(e.name.toLowerCase()));
  } else if (filter !== '' && filter !== undefined && filter !== null) throw expressionError(`${fn}: invalid filter of type ${typeName(filter)}`);
  return sortEntries(entries, opts.sort ?? '');
}

/** Lucee's listing query: name, size, type (Dir/File), dateLastModified, attributes, mode, directory. */
export function directoryQuery(entries: DirEntry[]): Query {
  const q = new Query(['name', 'size', 'type', 'dateLastModified', 'attributes', 'mode', 'directory']);
  for (const e of entries) {
    const n = q.addRows(1);
    q.setCell('name', e.name, n);
    q.setCell('size', e.stat.isDirectory() ? 0 : e.stat.size, n);
    q.setCell('type', e.stat.isDirectory() ? 'Dir' : 'File', n);
    q.setCell('dateLastModified', new Date(e.stat.mtimeMs), n);
    q.setCell('attributes', '', n);
    q.setCell('mode', (e.stat.mode & 0o777).toString(8), n);
    q.setCell('directory', e.dir, n);
  }
  return q;
}

/** Moves a file, copying and deleting when source and target are on different devices. */
export function moveFile(src: string, dst: string): void {
  try {
    fs.renameSync(src, dst);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    fs.copyFileSync(src, dst);
    fs.unlinkSync(src);
  }
}
