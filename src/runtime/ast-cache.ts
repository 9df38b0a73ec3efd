import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Template } from '../parser/ast.js';

/**
 * Parsed templates on disk, keyed by a hash of the engine version, the tag set, the path and the
 * source. A CLI run whose pages were parsed before skips building the lexer and parser, which is
 * most of a cold start. The hash only names the file: an entry is used only when its path and
 * source equal the page's, so the hash need not be cryptographic (loading node:crypto was a tenth
 * of a cached CLI start). Everything is written inside `dir` only, atomically (temp file + rename).
 *
 * The directory's contents become code that runs, so it is trusted only when it is safe: see
 * {@link checkCacheDir}. Build it with {@link AstCache.open}, which refuses an unsafe directory.
 */
export class AstCache {
  private constructor(
    private readonly dir: string,
    private readonly salt: string,
  ) {}

  /**
   * The cache in `dir`, created (mode 0700) when missing; undefined, with `warn` called once with
   * the reason, when the directory fails the checks of {@link checkCacheDir}.
   */
  static open(dir: string, salt: string, warn: (message: string) => void): AstCache | undefined {
    const problem = checkCacheDir(dir);
    if (problem) {
      warn(`cfml: not using the parse cache ${dir}: ${problem}`);
      return undefined;
    }
    return new AstCache(dir, salt);
  }

  private file(absPath: string, source: string): string {
    return path.join(this.dir, hash64(`${this.salt}\0${absPath}\0${source}`) + '.json');
  }

  get(absPath: string, source: string): Template | undefined {
    try {
      const t = JSON.parse(fs.readFileSync(this.file(absPath, source), 'utf8')) as Template;
      return t.file === absPath && t.source === source ? t : undefined;
    } catch {
      return undefined;
    }
  }

  set(absPath: string, source: string, t: Template): void {
    try {
      const target = this.file(absPath, source);
      const tmp = `${target}.${process.pid}.tmp`;
      // 'wx': never follow or reuse something already at the temp name
      fs.writeFileSync(tmp, JSON.stringify({ ...t, source }), { flag: 'wx', mode: 0o600 });
      fs.renameSync(tmp, target);
    } catch {
      // a cache that cannot be written only costs speed
    }
  }
}

/** 64 bits of two FNV-1a hashes (different offset bases) of `text`'s UTF-16 code units, as 16 hex digits. */
function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/**
 * Makes `dir` (its parents as needed, the directory itself with mode 0700) and checks that it can
 * be trusted: a real directory (not a symlink), owned by the current user, writable by nobody
 * else (no group/other permission bits). Returns the reason it cannot, or undefined when it is
 * safe. Another local user who pre-creates the directory under a shared /tmp (or points a symlink
 * at one of theirs) would otherwise plant parsed code that this user then runs.
 */
export function checkCacheDir(dir: string): string | undefined {
  try {
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return `it cannot be created (${(e as NodeJS.ErrnoException).code ?? 'error'})`;
  }
  let st: fs.Stats;
  try {
    st = fs.lstatSync(dir);
  } catch (e) {
    return `it cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`;
  }
  if (st.isSymbolicLink()) return 'it is a symbolic link';
  if (!st.isDirectory()) return 'it is not a directory';
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid) return `it is owned by another user (uid ${st.uid}, this process runs as ${uid})`;
  if (process.platform !== 'win32' && (st.mode & 0o077) !== 0) return `other users have access to it (mode ${(st.mode & 0o777).toString(8)}; it must be 700)`;
  return undefined;
}
