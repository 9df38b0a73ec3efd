/**
 * Writing files whose names come from outside (mail attachments, uploaded files) only inside one
 * directory: names are sanitised, symlinks are never followed, files are created with
 * O_NOFOLLOW / O_EXCL, distinct parts of one call always get distinct files, and names a web
 * server would run as code are neutralised (`invoice.cfm` is saved as `invoice_cfm.txt`).
 * Used by <cfimap>, <cfpop> and <cffile action="upload">.
 */
import { constants as C } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';

/** Maximum length of a file name in UTF-8 bytes (most file systems allow 255). */
export const MAX_NAME_BYTES = 200;

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

function truncateUtf8(s: string, maxBytes: number): string {
  if (Buffer.byteLength(s, 'utf8') <= maxBytes) return s;
  let out = '';
  let bytes = 0;
  for (const ch of s) {
    const b = Buffer.byteLength(ch, 'utf8');
    if (bytes + b > maxBytes) break;
    out += ch;
    bytes += b;
  }
  return out;
}

/**
 * Bidirectional controls (U+202A-202E, U+2066-2069, LRM/RLM/ALM) and invisible format characters
 * (zero-width spaces and joiners, word joiner, BOM): `invoice\u202Efdp.cfm` would show as
 * `invoicemfc.pdf`.
 */
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/**
 * A safe file name: NFC, no path parts (both / and \), no control, bidi or invisible characters,
 * no leading dots or spaces, no trailing dots or spaces, no characters Windows refuses, bounded
 * length (extension kept). Used for the names listed in ATTACHMENTS.
 */
export function sanitizeFilename(name: string, fallback = 'attachment'): string {
  let s = String(name ?? '').normalize('NFC');
  // keep only the last path segment, whatever separator was used
  s = s.split(/[/\\]/).pop() ?? '';
  // control characters (C0, DEL, C1), bidi/invisible ones, and characters Windows does not allow
  s = s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').replace(INVISIBLE, '').replace(/[<>:"|?*]/g, '_');
  s = s.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
  if (!s) s = fallback;
  if (WINDOWS_RESERVED.test(s)) s = '_' + s;
  if (Buffer.byteLength(s, 'utf8') > MAX_NAME_BYTES) {
    const ext = path.extname(s);
    const safeExt = ext && Buffer.byteLength(ext, 'utf8') <= 20 ? ext : '';
    s = truncateUtf8(s.slice(0, s.length - safeExt.length), MAX_NAME_BYTES - Buffer.byteLength(safeExt, 'utf8')) + safeExt;
  }
  return s;
}

/**
 * Extensions a web or application server may run, or a desktop may execute, as code: CFML and
 * BoxLang, PHP, JSP, ASP.NET, server-side includes, CGI scripts, Windows executables and scripts.
 */
export const EXECUTABLE_EXTENSIONS: ReadonlySet<string> = new Set(
  (
    'cfm cfml cfc cfr cfs lucee bx bxm bxs php php3 php4 php5 php7 php8 phtml pht phar phps ' +
    'jsp jspx jspf asp aspx asa asax ascx ashx asmx axd cshtml vbhtml config shtml shtm stm ' +
    'cgi pl py rb sh exe com bat cmd scr pif msi msp ps1 psm1 vbs vbe jse wsf wsh hta cpl jar htaccess htpasswd'
  ).split(' '),
);

/**
 * The name an attachment is saved under: `sanitizeFilename`, then every dot-part that is an
 * executable extension loses its dot (`a.php.pdf` -> `a_php.pdf`, so no server maps any part of
 * it to a handler) and a name that ended in one gets `.txt` (`invoice.cfm` -> `invoice_cfm.txt`).
 */
export function safeDiskName(name: string): string {
  const s = sanitizeFilename(name);
  const parts = s.split('.');
  if (parts.length < 2) return s;
  let out = parts[0]!;
  for (const p of parts.slice(1)) out += (EXECUTABLE_EXTENSIONS.has(p.toLowerCase()) ? '_' : '.') + p;
  if (EXECUTABLE_EXTENSIONS.has(parts[parts.length - 1]!.toLowerCase())) out += '.txt';
  return out === s ? s : sanitizeFilename(out);
}

/**
 * Creates the directory when missing; returns its absolute, real path. `fail` builds the error
 * for a directory that cannot be created or a path that is not a directory (Lucee's wording).
 */
export async function prepareDirectory(dir: string, fail: (message: string) => Error): Promise<string> {
  const abs = path.resolve(dir);
  let st = await fs.stat(abs).catch(() => undefined);
  if (!st) {
    try {
      await fs.mkdir(abs, { recursive: true });
      st = await fs.stat(abs);
    } catch {
      throw fail(`Directory [${abs}] doesn't exist and couldn't be created`);
    }
  }
  if (!st.isDirectory()) throw fail(`File [${abs}] is not a directory`);
  return fs.realpath(abs);
}

const CREATE_EXCL = C.O_WRONLY | C.O_CREAT | C.O_EXCL | C.O_NOFOLLOW;

/** `a.pdf`, `a1.pdf`, `a2.pdf`...: the n-th candidate name (the counter goes before the extension). */
export function withCounter(name: string, n: number): string {
  if (n === 0) return name;
  const ext = path.extname(name);
  const base = ext ? name.slice(0, -ext.length) : name;
  return `${base}${n}${ext}`;
}

/**
 * Writes content under the safe disk name of `name` (safeDiskName) inside dir (an absolute real
 * path) and returns the full path. `written` holds the names (lower case) this call already wrote:
 * they are never overwritten, so distinct parts always get distinct files (a.pdf, a1.pdf...).
 * unique=true: anything already in the directory, symlinks included, counts as taken too.
 * unique=false: a file from before this call is replaced (Lucee); a symlink in its place is
 * removed, never followed.
 */
export async function saveInDirectory(dir: string, name: string, content: Buffer | Uint8Array, unique: boolean, written: Set<string> = new Set()): Promise<string> {
  const safe = safeDiskName(name);
  for (let n = 0; n < 10_000; n++) {
    const candidate = withCounter(safe, n);
    const full = path.join(dir, candidate);
    if (path.dirname(full) !== dir) throw new Error('file path escaped the directory');
    if (written.has(candidate.toLowerCase())) continue;
    if (!unique) {
      // replace whatever non-directory is there, without following it
      const st = await fs.lstat(full).catch(() => undefined);
      if (st?.isDirectory()) continue; // a directory of that name: fall through to the next counter
      if (st) await fs.unlink(full).catch(() => undefined);
    }
    let fh: fs.FileHandle;
    try {
      fh = await fs.open(full, CREATE_EXCL, 0o644);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' || code === 'ELOOP' || code === 'EISDIR') continue;
      throw err;
    }
    written.add(candidate.toLowerCase());
    try {
      await fh.writeFile(content);
    } finally {
      await fh.close();
    }
    return full;
  }
  throw new Error(`Cannot find a free file name for [${safe}] in [${dir}]`);
}
