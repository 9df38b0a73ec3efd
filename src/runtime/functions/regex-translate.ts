/**
 * CFML regular expressions on top of JS RegExp. CFML (Lucee's default Perl5 engine, ACF's Jakarta
 * ORO) differs from JS in a few places, translated here:
 *  - POSIX classes `[[:alpha:]]`, `[^[:space:]]`, `[a-f[:digit:]]`;
 *  - `.` matches newlines unless multiline mode is asked for (Lucee compiles with SINGLELINE);
 *  - `\A`, `\Z`, `\z` anchors, `\Q...\E` quoting, possessive quantifiers and atomic groups
 *    (treated as greedy / plain groups), leading inline flags `(?i)`, `(?m)`, `(?s)`, `(?x)`;
 *  - replacement strings: `\1`..`\9` back-references, `\u \l \U \L \E` case escapes, `$` literal.
 * Compiled patterns are cached in a bounded map.
 */
import { CfmlError, expressionError } from '../errors.js';
import { safeRegExp } from '../safe-regex.js';
import { BoundedMap } from '../bounded-map.js';

const POSIX: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\r\\n\\v\\f',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  word: '\\w',
  cntrl: '\\x00-\\x1f\\x7f',
  print: '\\x20-\\x7e',
  graph: '\\x21-\\x7e',
  ascii: '\\x00-\\x7f',
};

const escapeLiteral = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

interface Translated {
  source: string;
  flags: string;
}

/** Translates a CFML pattern to a JS RegExp source and flags (without 'g'). */
export function translatePattern(pattern: string, opts: { noCase?: boolean; multiline?: boolean } = {}): Translated {
  const flags = new Set<string>();
  if (opts.noCase) flags.add('i');
  if (opts.multiline) flags.add('m');
  else flags.add('s');
  let src = pattern;
  // Inline flags at the start: (?i) (?m) (?s) (?x) and combinations like (?im).
  let extended = false;
  for (let m = /^\(\?([imsx]+)\)/.exec(src); m; m = /^\(\?([imsx]+)\)/.exec(src)) {
    for (const f of m[1]!) {
      if (f === 'x') extended = true;
      else flags.add(f);
    }
    src = src.slice(m[0].length);
  }
  let out = '';
  let inClass = false;
  let classStart = false; // just after '[' or '[^', where ']' is literal
  let afterQuantifier: boolean = false;
  let usesUnicode = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    const wasQuantifier: boolean = afterQuantifier;
    afterQuantifier = false;
    if (c === '\\') {
      const n = src[i + 1];
      if (n === undefined) {
        out += '\\\\';
        continue;
      }
      if (n === 'Q') {
        const end = src.indexOf('\\E', i + 2);
        const lit = src.slice(i + 2, end < 0 ? src.length : end);
        out += inClass ? lit.replace(/[\\\]^-]/g, '\\$&') : escapeLiteral(lit);
        i = end < 0 ? src.length : end + 1;
        classStart = false;
        continue;
      }
      if (!inClass && n === 'A') out += '(?<![\\s\\S])';
      else if (!inClass && n === 'Z') out += '(?=\\n?(?![\\s\\S]))';
      else if (!inClass && n === 'z') out += '(?![\\s\\S])';
      else if (n === 'h') out += inClass ? ' \\t' : '[ \\t]';
      else if (n === 'p' || n === 'P') {
        usesUnicode = true;
        out += c + n;
      } else out += c + n;
      i++;
      classStart = false;
      continue;
    }
    if (inClass) {
      if (c === '[' && src[i + 1] === ':') {
        const m = /^\[:(\^?)([a-z]+):\]/.exec(src.slice(i));
        if (m && POSIX[m[2]!] !== undefined) {
          if (m[1]) throw new SyntaxError(`negated POSIX class [:^${m[2]}:] is not supported`);
          out += POSIX[m[2]!];
          i += m[0].length - 1;
          classStart = false;
          continue;
        }
        if (m) throw new SyntaxError(`unknown POSIX character class [:${m[2]}:]`);
      }
      if (c === ']' && !classStart) {
        inClass = false;
        out += ']';
        continue;
      }
      if (c === ']' || c === '[') {
        out += '\\' + c;
        classStart = false;
        continue;
      }
      if (c === '^' && classStart && out.endsWith('[')) {
        out += '^';
        continue;
      }
      out += c;
      classStart = false;
      continue;
    }
    if (extended) {
      if (/\s/.test(c)) continue;
      if (c === '#') {
        while (i < src.length && src[i] !== '\n') i++;
        continue;
      }
    }
    if (c === '[') {
      inClass = true;
      classStart = true;
      out += '[';
      continue;
    }
    if (c === '(' && src[i + 1] === '?') {
      // Inline flags in the middle of a pattern apply to the whole pattern (JS has no scoped flags).
      const inline = /^\(\?([ims]+)\)/.exec(src.slice(i));
      if (inline) {
        for (const f of inline[1]!) flags.add(f);
        i += inline[0].length - 1;
        continue;
      }
      // Atomic groups become plain groups; Python-style named groups become JS named groups.
      if (src[i + 2] === '>') {
        out += '(?:';
        i += 2;
        continue;
      }
      if (src[i + 2] === 'P' && src[i + 3] === '<') {
        out += '(?<';
        i += 3;
        continue;
      }
    }
    if (c === '+' && wasQuantifier) continue; // possessive quantifier: treated as greedy
    if (c === '*' || c === '+' || c === '?' || c === '}') {
      out += c;
      afterQuantifier = c !== '?' || !wasQuantifier;
      continue;
    }
    out += c;
  }
  if (inClass) throw new SyntaxError('unterminated character class');
  if (usesUnicode) flags.add('u');
  return { source: out, flags: [...flags].join('') };
}

const CACHE_MAX = 500;
const cache = new BoundedMap<string, RegExp>(CACHE_MAX);

/**
 * A compiled global RegExp for a CFML pattern (lastIndex reset to 0). Errors name the function
 * and the pattern. `indices` gives a sticky ('dy') RegExp for reading group positions at a match
 * already found with the plain one: V8 cannot bound the time of a 'd' RegExp (see safe-regex.ts),
 * so it only ever runs where a match is known to start.
 * @throws Expression error for an invalid pattern or one refused by safeRegExp.
 */
export function compileRegex(fn: string, pattern: string, opts: { noCase?: boolean; multiline?: boolean; indices?: boolean } = {}): RegExp {
  const key = `${opts.noCase ? 'i' : ''}${opts.multiline ? 'm' : ''}${opts.indices ? 'd' : ''}\u0000${pattern}`;
  let re = cache.get(key);
  if (!re) {
    try {
      const t = translatePattern(pattern, opts);
      re = safeRegExp(fn, pattern, t.source, t.flags + 'g');
      if (opts.indices) re = new RegExp(re.source, re.flags.replace('g', '') + 'dy');
    } catch (e) {
      if (e instanceof CfmlError) throw e;
      const msg = e instanceof Error ? e.message.replace(/^Invalid regular expression: /, '') : String(e);
      throw expressionError(`The regular expression [${pattern}] passed to function [${fn}] is invalid`, { detail: msg });
    }
    cache.set(key, re);
  }
  re.lastIndex = 0;
  return re;
}

type Piece = { kind: 'text'; text: string } | { kind: 'group'; n: number } | { kind: 'case'; op: 'u' | 'l' | 'U' | 'L' | 'E' };

const replacementCache = new BoundedMap<string, Piece[]>(CACHE_MAX);

function parseReplacement(rep: string): Piece[] {
  const cached = replacementCache.get(rep);
  if (cached) return cached;
  const pieces: Piece[] = [];
  let text = '';
  const flush = () => {
    if (text) pieces.push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < rep.length; i++) {
    const c = rep[i]!;
    const n = rep[i + 1];
    if (c === '\\' && n !== undefined) {
      if (n >= '0' && n <= '9') {
        flush();
        pieces.push({ kind: 'group', n: Number(n) });
        i++;
        continue;
      }
      if (n === 'u' || n === 'l' || n === 'U' || n === 'L' || n === 'E') {
        flush();
        pieces.push({ kind: 'case', op: n });
        i++;
        continue;
      }
    }
    text += c;
  }
  flush();
  replacementCache.set(rep, pieces);
  return pieces;
}

/** Builds the replacement text for one match from a CFML replacement string. */
export function expandReplacement(rep: string, match: RegExpExecArray): string {
  const pieces = parseReplacement(rep);
  let out = '';
  let mode: 'U' | 'L' | null = null;
  let once: 'u' | 'l' | null = null;
  const emit = (s: string) => {
    if (!s) return;
    if (mode === 'U') s = s.toUpperCase();
    else if (mode === 'L') s = s.toLowerCase();
    if (once) {
      s = (once === 'u' ? s[0]!.toUpperCase() : s[0]!.toLowerCase()) + s.slice(1);
      once = null;
    }
    out += s;
  };
  for (const p of pieces) {
    if (p.kind === 'text') emit(p.text);
    else if (p.kind === 'group') emit(match[p.n] ?? '');
    else if (p.op === 'E') mode = null;
    else if (p.op === 'U' || p.op === 'L') mode = p.op;
    else once = p.op;
  }
  return out;
}

/** Escapes the regex metacharacters of a string (reEscape). */
export function escapeRegex(s: string): string {
  return s.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
}
