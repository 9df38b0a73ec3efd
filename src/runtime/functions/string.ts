/**
 * String functions: lengths, case, trimming, substrings, searching and replacing. Formatting and
 * per-character iteration helpers are in string-format.ts. Positions are 1-based and counted in
 * UTF-16 code units, as in Lucee (Java strings).
 */
import { expressionError } from '../errors.js';
import { isSimple, toStr } from '../cast.js';
import { Struct } from '../struct.js';
import { Query, QueryColumnRef } from '../query.js';
import { CfFunction } from '../function-value.js';
import type { FnContext, FunctionDef, MemberSpec, ParamSpec } from './types.js';
import { splitList } from './list-util.js';
import { stringFormatFunctions } from './string-format.js';
import { checkCount, MAX_STRING_LENGTH } from '../limits.js';

const str = (name: string): ParamSpec => ({ name, type: 'string', required: true });
const num = (name: string, required = true, def?: number): ParamSpec => ({ name, type: 'numeric', required, default: def });
const m = (name: string, receiverArg?: number): MemberSpec[] => [{ type: 'string', name, ...(receiverArg ? { receiverArg } : {}) }];
const int = (n: number) => Math.trunc(n);

/** Java's String.trim: strips characters up to and including the space (not NBSP). */
const isTrimmable = (c: number) => c <= 0x20;
export function ltrim(s: string): string {
  let i = 0;
  while (i < s.length && isTrimmable(s.charCodeAt(i))) i++;
  return s.slice(i);
}
export function rtrim(s: string): string {
  let i = s.length;
  while (i > 0 && isTrimmable(s.charCodeAt(i - 1))) i--;
  return s.slice(0, i);
}

function len(v: unknown): number {
  if (typeof v === 'string') return v.length;
  if (Array.isArray(v)) return v.length;
  if (v instanceof Struct) return v.size;
  if (v instanceof Query) return v.recordCount;
  if (v instanceof Uint8Array) return v.length;
  if (v instanceof QueryColumnRef) return len(v.current());
  if (v === null || v === undefined) return 0;
  if (isSimple(v)) return toStr(v).length;
  throw expressionError(`Function [len] does not support a value of type [${v instanceof CfFunction ? 'Function' : 'Object'}]`);
}

function indexOf(hay: string, needle: string, from: number, noCase: boolean): number {
  if (noCase) return hay.toLowerCase().indexOf(needle.toLowerCase(), from);
  return hay.indexOf(needle, from);
}

function find(noCase: boolean) {
  return (_c: FnContext, sub: string, s: string, start: number): number => {
    const from = Math.max(1, int(start));
    if (sub === '') return from <= s.length + 1 ? from : 0;
    return indexOf(s, sub, from - 1, noCase) + 1;
  };
}

function findLast(noCase: boolean) {
  return (_c: FnContext, sub: string, s: string, start: number): number => {
    const hay = noCase ? s.toLowerCase() : s;
    const needle = noCase ? sub.toLowerCase() : sub;
    return hay.lastIndexOf(needle, start && start > 0 ? int(start) - 1 : s.length) + 1;
  };
}

/** Lucee: any scope other than "all" replaces the first occurrence only. */
function isAll(scope: string): boolean {
  return scope.trim().toLowerCase() === 'all';
}

/** replace / replaceNoCase: literal search, scope one|all, optional start, a closure or a struct of pairs. */
function replaceImpl(fn: string, noCase: boolean) {
  return (ctx: FnContext, s: string, find: unknown, repl: unknown, scope: string, start: number): string => {
    if (find instanceof Struct && repl === undefined) return replaceStruct(s, find, noCase);
    if (repl === undefined) throw expressionError(`The parameter [${fn === 'replace' ? 'obj' : 'callback'}] to function [${fn}] is required but was not passed in.`);
    if (!isSimple(find)) throw expressionError(`Function [${fn}]: when passing three arguments or more, the second argument must be a simple value`);
    return replaceText(ctx, fn, s, toStr(find), repl, isAll(scope), noCase, start);
  };
}

function replaceText(ctx: FnContext, fn: string, s: string, find: string, repl: unknown, all: boolean, noCase: boolean, start: number): string {
  if (find === '') {
    if (noCase) throw expressionError(`Argument [substring1] of function [${fn}] must not be an empty string`);
    return s;
  }
  const callback = repl instanceof CfFunction ? repl : undefined;
  const text = callback ? '' : toStr(repl);
  const hay = noCase ? s.toLowerCase() : s;
  const needle = noCase ? find.toLowerCase() : find;
  let out = '';
  let last = 0;
  let i = hay.indexOf(needle, Math.max(0, int(start) - 1));
  while (i >= 0) {
    const found = s.slice(i, i + find.length);
    // the callback gets the match, its 0-based offset (Lucee's) and the whole string
    out += s.slice(last, i) + (callback ? toStr(ctx.call(callback, [found, i, s])) : text);
    last = i + find.length;
    if (!all) break;
    i = hay.indexOf(needle, last);
  }
  return out + s.slice(last);
}

/**
 * replace(string, struct): every key is replaced by its value in one pass from left to right, so
 * a replacement is never searched again (`{"Susi": "Sorglos", "Sorglos": "Susi"}` swaps the two).
 * At one position the longest key wins.
 */
function replaceStruct(s: string, pairs: Struct, noCase: boolean): string {
  const keys = pairs.keys().filter((k) => k !== '').sort((a, b) => b.length - a.length);
  const hay = noCase ? s.toLowerCase() : s;
  const needles = keys.map((k) => (noCase ? k.toLowerCase() : k));
  let out = '';
  let i = 0;
  while (i < s.length) {
    const k = needles.findIndex((n) => hay.startsWith(n, i));
    if (k < 0) {
      out += s[i++];
      continue;
    }
    out += toStr(pairs.get(keys[k]!));
    i += keys[k]!.length;
  }
  return out;
}

function replaceList(fn: string, noCase: boolean) {
  return (ctx: FnContext, s: string, list1: string, list2: string, d1: string, d2: string | undefined, inc: boolean): string => {
    const from = splitList(list1, d1);
    const to = splitList(list2, d2 ?? d1, { includeEmpty: inc });
    // Pairs are applied one after the other over the whole string, as Lucee does.
    from.forEach((f, k) => {
      if (f !== '') s = replaceText(ctx, fn, s, f, to[k] ?? '', true, noCase, 1);
    });
    return s;
  };
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const baseStringFunctions: FunctionDef[] = [
  { name: 'len', params: [{ name: 'Object', required: true }], members: m('len'), impl: (_c, v: unknown) => len(v) },
  { name: 'stringLen', params: [str('string')], impl: (_c, s: string) => s.length },
  { name: 'trim', params: [str('String')], members: m('trim'), impl: (_c, s: string) => rtrim(ltrim(s)) },
  { name: 'lTrim', params: [str('String')], members: m('lTrim'), impl: (_c, s: string) => ltrim(s) },
  { name: 'rTrim', params: [str('String')], members: m('rTrim'), impl: (_c, s: string) => rtrim(s) },
  { name: 'uCase', params: [str('String')], members: m('uCase'), impl: (_c, s: string) => s.toUpperCase() },
  { name: 'lCase', params: [str('String')], members: m('lCase'), impl: (_c, s: string) => s.toLowerCase() },
  {
    name: 'left',
    params: [str('String'), num('count')],
    members: m('left'),
    impl: (_c, s: string, count: number) => {
      let n = int(count);
      if (n === 0) throw expressionError(`Parameter 2 of the function [left] can not be 0 for the string [${s}]`);
      if (Math.abs(n) >= s.length) return s;
      if (n < 0) n = s.length + n;
      return s.slice(0, n);
    },
  },
  {
    name: 'right',
    params: [str('String'), num('count')],
    members: m('right'),
    impl: (_c, s: string, count: number) => {
      let n = int(count);
      if (n === 0) throw expressionError(`Parameter 2 of the function [right] can not be 0 for the string [${s}]`);
      if (Math.abs(n) >= s.length) return s;
      if (n < 0) n = s.length + n;
      return s.slice(s.length - n);
    },
  },
  {
    name: 'mid',
    params: [str('String'), num('start'), num('count', false, -1)],
    members: m('mid'),
    impl: (_c, s: string, start: number, count: number) => {
      const from = int(start);
      const c = int(count);
      if (from < 1) throw expressionError(`Parameter 2 of function [mid] which is now [${from}] must be a positive integer`);
      if (c < -1) throw expressionError(`Parameter 3 of function [mid] which is now [${c}] must be a non-negative integer or -1 (for the rest of the string)`);
      return c === -1 ? s.slice(from - 1) : s.slice(from - 1, from - 1 + c);
    },
  },
  { name: 'find', params: [str('substring'), str('string'), num('start', false, 1)], members: m('find', 1), impl: find(false) },
  { name: 'findNoCase', params: [str('substring'), str('string'), num('start', false, 1)], members: m('findNoCase', 1), impl: find(true) },
  { name: 'findLast', params: [str('substring'), str('string'), num('start', false, 0)], members: m('findLast', 1), impl: findLast(false) },
  { name: 'findLastNoCase', params: [str('substring'), str('string'), num('start', false, 0)], members: m('findLastNoCase', 1), impl: findLast(true) },
  {
    name: 'findOneOf',
    params: [str('set'), str('string'), num('start', false, 1)],
    members: m('findOneOf', 1),
    impl: (_c, set: string, s: string, start: number) => {
      if (!set) return 0;
      for (let i = Math.max(0, int(start) - 1); i < s.length; i++) if (set.includes(s[i]!)) return i + 1;
      return 0;
    },
  },
  {
    name: 'replace',
    params: [str('string'), { name: 'substring1', required: true }, { name: 'obj' }, { name: 'scope', type: 'string', default: 'one' }, num('start', false, 1)],
    members: m('replace'),
    impl: replaceImpl('replace', false),
  },
  {
    name: 'replaceNoCase',
    params: [str('string'), { name: 'substring1', required: true }, { name: 'callback' }, { name: 'scope', type: 'string', default: 'one' }, num('start', false, 1)],
    members: m('replaceNoCase'),
    impl: replaceImpl('replaceNoCase', true),
  },
  ...(['replaceList', 'replaceListNoCase'] as const).map(
    (name): FunctionDef => ({
      name,
      params: [
        str('String'),
        str('list1'),
        str('list2'),
        // Lucee: the delimiters of list1 (also named delimiter; "," by default), of list2 (those of list1 by default)
        { name: 'delimiter', type: 'string', default: ',' },
        { name: 'delimiterList2', type: 'string' },
        { name: 'includeEmptyFields', type: 'boolean', default: false },
      ],
      members: m(name),
      impl: replaceList(name, name === 'replaceListNoCase'),
    }),
  ),
  {
    name: 'repeatString',
    params: [str('String'), num('count')],
    members: m('repeatString'),
    impl: (_c, s: string, count: number) => {
      const n = int(count);
      if (n < 0) throw expressionError(`Parameter 2 of function [repeatString] which is now [${n}] must be a non-negative integer`);
      if (s.length) checkCount('repeatString', 'count', n * s.length, MAX_STRING_LENGTH, 'characters');
      return s.repeat(n);
    },
  },
  { name: 'reverse', params: [str('String')], members: m('reverse'), impl: (_c, s: string) => s.split('').reverse().join('') },
  { name: 'compare', params: [str('string1'), str('string2')], members: m('compare'), impl: (_c, a: string, b: string) => compareStrings(a, b) },
  {
    name: 'compareNoCase',
    params: [str('string1'), str('string2')],
    members: m('compareNoCase'),
    impl: (_c, a: string, b: string) => compareStrings(a.toLowerCase(), b.toLowerCase()),
  },
  {
    name: 'chr',
    params: [num('number')],
    impl: (_c, n: number) => {
      const v = int(n);
      if (v === 0) return '';
      if (v < 0 || v > 0x10ffff) throw expressionError(`Parameter 1 of function [chr] which is now [${v}] must be a code point between 0 and 1114111`);
      return String.fromCodePoint(v);
    },
  },
  {
    name: 'asc',
    params: [str('string'), num('position', false, 1)],
    members: m('asc'),
    impl: (_c, s: string, pos: number) => {
      const p = int(pos);
      if (p < 1 || p > s.length) return 0;
      return s.codePointAt(p - 1)!;
    },
  },
  { name: 'ascii', params: [str('string')], impl: (_c, s: string) => (s.length ? s.codePointAt(0)! : 0) },
  {
    name: 'insert',
    params: [str('substring'), str('String'), num('position')],
    members: m('insert', 1),
    impl: (_c, sub: string, s: string, pos: number) => {
      const p = int(pos);
      if (p < 0 || p > s.length) throw expressionError(`Parameter 3 of function [insert] must be between 0 and ${s.length}, now [${p}]`);
      return s.slice(0, p) + sub + s.slice(p);
    },
  },
  {
    name: 'removeChars',
    params: [str('String'), num('start'), num('count')],
    members: m('removeChars'),
    impl: (_c, s: string, start: number, count: number) => {
      const from = int(start);
      const n = int(count);
      if (from < 1 || from > s.length) {
        throw expressionError(`Parameter 2 of function [removeChars] which is now [${from}] must be greater than 0 and not greater than the length of the string (${s.length})`);
      }
      if (n < 0) throw expressionError(`Parameter 3 of function [removeChars] which is now [${n}] must be a non-negative integer`);
      return s.slice(0, from - 1) + s.slice(from - 1 + n);
    },
  },
  {
    name: 'spanExcluding',
    params: [str('String'), str('set')],
    members: m('spanExcluding'),
    impl: (_c, s: string, set: string) => {
      let i = 0;
      while (i < s.length && !set.includes(s[i]!)) i++;
      return s.slice(0, i);
    },
  },
  {
    name: 'spanIncluding',
    params: [str('String'), str('set')],
    members: m('spanIncluding'),
    impl: (_c, s: string, set: string) => {
      let i = 0;
      while (i < s.length && set.includes(s[i]!)) i++;
      return s.slice(0, i);
    },
  },
  { name: 'stripCR', params: [str('String')], members: m('stripCR'), impl: (_c, s: string) => s.replace(/\r/g, '') },
];

export const stringFunctions: FunctionDef[] = [...baseStringFunctions, ...stringFormatFunctions];
