import * as fs from 'node:fs';
import * as path from 'node:path';

/** What a request path names inside the served root. */
export type Resolved =
  | { kind: 'bad'; reason: string }
  | { kind: 'missing'; page: boolean; scriptName: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'page'; file: string; scriptName: string; pathInfo: string }
  | { kind: 'static'; file: string; rel: string };

/** Pages run by the engine. */
export const PAGE_EXT = /\.cfml?$/i;
/** Files that are never served, neither run nor as source (404). */
const HIDDEN = /(\.cfc|^application\.cfm|^onrequestend\.cfm)$/i;

/**
 * Maps the path of a request URL (`req.url` without the query) to a file under `realRoot` (the
 * root with its symlinks resolved). Undecodable paths and NUL are 'bad' (400); '..' segments,
 * backslashes, dotfiles and dot-directories, .cfc files, Application.cfm and OnRequestEnd.cfm are
 * 'missing' (404), and so is a file whose real path (symlinks followed) lies outside the root.
 * A directory is served by its index.cfm (then index.html); `/page.cfm/extra` runs page.cfm with
 * path_info `/extra`, as Lucee does.
 */
export function resolvePath(realRoot: string, rawPath: string): Resolved {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { kind: 'bad', reason: 'malformed percent-encoding in the URL' };
  }
  if (decoded.includes('\0')) return { kind: 'bad', reason: 'NUL in the URL' };
  const missing = (page = false): Resolved => ({ kind: 'missing', page, scriptName: decoded });
  if (decoded.includes('\\')) return missing();
  const segs = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segs.some((s) => s === '..' || s.startsWith('.'))) return missing();
  // /page.cfm/extra/path: the first segment naming a page that exists is the script
  for (let i = 0; i < segs.length - 1; i++) {
    if (!PAGE_EXT.test(segs[i]!)) continue;
    const file = inside(realRoot, segs.slice(0, i + 1));
    if (file && isFile(file) && !HIDDEN.test(segs[i]!)) {
      return { kind: 'page', file, scriptName: '/' + segs.slice(0, i + 1).join('/'), pathInfo: '/' + segs.slice(i + 1).join('/') };
    }
  }
  const last = segs[segs.length - 1] ?? '';
  if (HIDDEN.test(last)) return missing();
  const target = path.join(realRoot, ...segs);
  let st: fs.Stats;
  try {
    st = fs.statSync(target);
  } catch {
    return missing(PAGE_EXT.test(last));
  }
  const real = inside(realRoot, segs);
  if (!real) return missing();
  if (st.isDirectory()) {
    if (!rawPath.endsWith('/')) return { kind: 'redirect', location: rawPath + '/' };
    for (const index of ['index.cfm', 'index.html', 'index.htm']) {
      const f = inside(realRoot, [...segs, index]);
      if (f && isFile(f)) {
        const scriptName = '/' + [...segs, index].join('/');
        return PAGE_EXT.test(index) ? { kind: 'page', file: f, scriptName, pathInfo: '' } : { kind: 'static', file: f, rel: path.relative(realRoot, f) };
      }
    }
    return missing();
  }
  if (!st.isFile()) return missing();
  if (PAGE_EXT.test(last)) return { kind: 'page', file: real, scriptName: '/' + segs.join('/'), pathInfo: '' };
  return { kind: 'static', file: real, rel: path.relative(realRoot, real) };
}

/** The real path of root/segs when it exists and stays inside the root after following symlinks. */
function inside(realRoot: string, segs: string[]): string | undefined {
  let real: string;
  try {
    real = fs.realpathSync(path.join(realRoot, ...segs));
  } catch {
    return undefined;
  }
  if (real === realRoot) return real;
  if (!real.startsWith(realRoot + path.sep)) return undefined;
  // a link inside the root to a hidden file (.env, x.cfc) hides like the file itself
  const parts = real.slice(realRoot.length + 1).split(path.sep);
  if (parts.some((p) => p.startsWith('.')) || HIDDEN.test(parts[parts.length - 1]!)) return undefined;
  return real;
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
