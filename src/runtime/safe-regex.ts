/**
 * Regular expressions that cannot hang a render (issue 8, item 9). V8's backtracking engine takes
 * exponential time on patterns like `(a+)+b`; V8 also has a linear-time engine it can fall back to
 * after too many backtracks, for the patterns that engine supports (no back-references, no
 * lookaround, no `i`/`u`/`d` flags, no large counted repetition). The strategy:
 *  1. before the first pattern is compiled, turn on V8's fallback
 *     (`--enable-experimental-regexp-engine-on-excessive-backtracks`): ordinary patterns keep the
 *     fast engine, a pattern that starts to backtrack without end continues in linear time with
 *     the same result. Done on first use rather than at load: node:v8 brings the stream modules
 *     with it (a twentieth of a CLI start), and a V8 flag set at start would also have to be set
 *     before the CLI's code cache is read (V8 rejects a cache made under other flags);
 *  2. a case-insensitive pattern is rewritten with explicit cases (`a` -> `[aA]`) when it is plain
 *     ASCII, so that it too can fall back;
 *  3. a pattern that still cannot fall back and nests repetition (`(x+)*`, `(\w*\s?)+`) together
 *     with a back-reference or lookaround is refused with an Expression error naming the function:
 *     it may take exponential time (Lucee would run it; we choose the safe side).
 * Measured cost on ordinary patterns: see bench/run.ts (regex ratio).
 */
import * as v8 from 'node:v8';
import { expressionError } from './errors.js';

let linearEngineOn = false;

/** Turns on V8's fallback to its linear engine, once, before any pattern of ours is compiled. */
function turnOnLinearEngine(): void {
  if (linearEngineOn) return;
  linearEngineOn = true;
  v8.setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
  // lets the 'l' flag be parsed, which is how we ask V8 whether a pattern is linear-capable
  v8.setFlagsFromString('--enable-experimental-regexp-engine');
}

/** True when V8's linear engine supports `source` with `flags` (so the fallback can happen). */
export function canRunLinear(source: string, flags: string): boolean {
  turnOnLinearEngine();
  try {
    new RegExp(source, flags.replace(/[dgyl]/g, '') + 'l');
    return true;
  } catch {
    return false;
  }
}

/**
 * `source` with every ASCII letter made case-insensitive by hand, or undefined when that is not
 * a faithful rewrite (non-ASCII letters, escapes that name characters by code, back-references,
 * ranges that cross letters and other characters).
 */
export function expandCase(source: string): string | undefined {
  let out = '';
  let inClass = false;
  const other = (c: string) => (c >= 'a' && c <= 'z' ? c.toUpperCase() : c >= 'A' && c <= 'Z' ? c.toLowerCase() : undefined);
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const n = source[i + 1];
      if (n === undefined) return undefined;
      // code escapes and back-references could name a letter; \p needs the u flag anyway
      if (/[xucpPk1-9]/.test(n)) return undefined;
      out += c + n;
      i++;
      continue;
    }
    if (c.charCodeAt(0) > 127 && c.toLowerCase() !== c.toUpperCase()) return undefined;
    if (inClass) {
      if (c === ']') {
        inClass = false;
        out += c;
        continue;
      }
      if (source[i + 1] === '-' && source[i + 2] !== undefined && source[i + 2] !== ']') {
        const hi = source[i + 2]!;
        if (hi === '\\') return undefined;
        const lo = c;
        out += lo + '-' + hi;
        const lower = lo >= 'a' && hi <= 'z';
        const upper = lo >= 'A' && hi <= 'Z';
        if (lower || upper) out += other(lo)! + '-' + other(hi)!;
        else if (!(hi < 'A' || lo > 'z' || (lo > 'Z' && hi < 'a'))) return undefined;
        i += 2;
        continue;
      }
      out += c + (other(c) ?? '');
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (source[i + 1] === '^') {
        out += '^';
        i++;
      }
      if (source[i + 1] === ']') {
        out += '\\]';
        i++;
      }
      continue;
    }
    if (c === '(' && source[i + 1] === '?' && source[i + 2] === '<' && source[i + 3] !== '=' && source[i + 3] !== '!') {
      const end = source.indexOf('>', i);
      if (end < 0) return undefined;
      out += source.slice(i, end + 1); // a group name keeps its letters
      i = end;
      continue;
    }
    if (c === '{') {
      // a counted repetition keeps its digits; a literal '{' is copied as it is
      const m = /^\{\d*(,\d*)?\}/.exec(source.slice(i));
      if (m) {
        out += m[0];
        i += m[0].length - 1;
        continue;
      }
    }
    const o = other(c);
    out += o ? `[${c}${o}]` : c;
  }
  return out;
}

/**
 * True when the pattern repeats a group that itself contains a repetition (`(a+)+`, `(?:\w*,?)*`,
 * `(a{1,3}){2,}`): the shape that makes a backtracking engine take exponential time.
 */
export function hasNestedRepetition(source: string): boolean {
  const stack: boolean[] = []; // per open group: does it contain a repetition?
  let inClass = false;
  let lastGroupRepeats = false; // the group that just closed contains a repetition
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    const closed = lastGroupRepeats;
    lastGroupRepeats = false;
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') stack.push(false);
    else if (c === ')') {
      lastGroupRepeats = stack.pop() ?? false;
      if (lastGroupRepeats && stack.length) stack[stack.length - 1] = true;
    } else if (c === '*' || c === '+' || c === '{') {
      if (c === '{' && !/^\{\d+,\d*\}/.test(source.slice(i))) {
        if (!/^\{\d+\}/.test(source.slice(i))) continue; // a literal brace
        continue; // {n}: a fixed count does not add choices
      }
      if (closed) return true;
      if (stack.length) stack[stack.length - 1] = true;
    }
  }
  return false;
}

/**
 * A RegExp for a translated CFML pattern that cannot run in exponential time (see the module
 * comment). `fn` names the CFML function in the error for a refused pattern.
 * @throws Expression error for a pattern that could backtrack without end and cannot be bounded.
 */
export function safeRegExp(fn: string, pattern: string, source: string, flags: string): RegExp {
  let src = source;
  let fl = flags;
  if (fl.includes('i') && !fl.includes('u')) {
    const expanded = expandCase(src);
    if (expanded !== undefined) {
      src = expanded;
      fl = fl.replace('i', '');
    }
  }
  turnOnLinearEngine();
  const re = new RegExp(src, fl); // throws SyntaxError for an invalid pattern, as before
  if (!canRunLinear(src, fl) && hasNestedRepetition(src)) {
    throw expressionError(`The regular expression [${pattern}] passed to function [${fn}] nests repetitions and uses back-references, lookaround or Unicode classes: it could take exponential time and is refused`, {
      detail: 'Rewrite the pattern without the nested repetition (for example (a+)+ is a+), or without the back-reference/lookaround.',
    });
  }
  return re;
}
