import * as fs from 'node:fs';
import * as path from 'node:path';

/** What a request path names inside the served root. */
export type Resolved =
  | { kind: 'bad'; reason: string }
  /** page: the path names a .cfm/.cfc (Application.cfc's onMissingTemplate may answer); file: where it would be. */
  | { kind: 'missing'; page: boolean; scriptName: string; file?: string }
  /** An existing .cfc: only remote calls (`?method=`) reach it, never its source. */
  | { kind: 'component'; file: string; scriptName: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'page'; file: string; scriptName: string; pathInfo: string }
  | { kind: 'static'; file: string; rel: string };

/** Pages run by the engine. */
export const PAGE_EXT = /\.cfml?$/i;
/** Files that are never served, neither run nor as source (404). */
const HIDDEN = /(\.cfc|^application\.cfm|^onrequestend\.cfm)$/i;
/** Components: remote calls only. Application.cfc never answers a request of its own. */
const COMPONENT = /\.cfc$/i;
const APPLICATION_CFC = /^application\.cfc$/i;

/**
 * Maps the path of a request URL (`req.url` without the query) to a file under `realRoot` (the
 * root with its symlinks resolved). Undecodable paths and NUL are 'bad' (400); '..' segments,
 * backslashes, dotfiles and dot-directories, .cfc files, Application.cfm and OnRequestEnd.cfm are
 * 'missing' (404), and so is a file whose real path (symlinks followed) lies outside the root.
 * An existing `.cfc` (not Application.cfc) is a 'component' (for remote calls only); a missing
 * `.cfm`/`.cfc` is 'missing' with `page` set (for onMissingTemplate).
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
  const missing = (page = false, file?: string): Resolved => ({ kind: 'missing', page, scriptName: decoded, file });
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
  const target = path.join(realRoot, ...segs);
  const isComponent = COMPONENT.test(last) && !APPLICATION_CFC.test(last);
  if (HIDDEN.test(last) && !isComponent) return missing();
  let st: fs.Stats;
  try {
    st = fs.statSync(target);
  } catch {
    return PAGE_EXT.test(last) || isComponent ? missing(true, target) : missing();
  }
  const real = isComponent ? insideComponent(realRoot, segs) : inside(realRoot, segs);
  if (!real) return missing();
  if (isComponent) return st.isFile() ? { kind: 'component', file: real, scriptName: '/' + segs.join('/') } : missing();
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

/** inside() for a .cfc: the same checks, but the file itself may be a component. */
function insideComponent(realRoot: string, segs: string[]): string | undefined {
  const parent = segs.length > 1 ? inside(realRoot, segs.slice(0, -1)) : realRoot;
  if (!parent) return undefined;
  let real: string;
  try {
    real = fs.realpathSync(path.join(realRoot, ...segs));
  } catch {
    return undefined;
  }
  if (!real.startsWith(realRoot + path.sep)) return undefined;
  const parts = real.slice(realRoot.length + 1).split(path.sep);
  const base = parts[parts.length - 1]!;
  if (parts.some((p) => p.startsWith('.')) || !COMPONENT.test(base) || APPLICATION_CFC.test(base)) return undefined;
  return real;
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
