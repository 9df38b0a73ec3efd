/**
 * String layout and per-character functions: wrap, ucFirst, getToken, paragraphFormat, the
 * justify family, and the string closure functions (stringEach, stringMap... members s.each(),
 * s.map()...), which call the closure once per character.
 */
import { expressionError } from '../errors.js';
import { toBool, toStr } from '../cast.js';
import type { CfFunction } from '../function-value.js';
import type { FnContext, FunctionDef, MemberSpec, ParamSpec } from './types.js';
import { checkCount, MAX_STRING_LENGTH } from '../limits.js';

const str = (name: string): ParamSpec => ({ name, type: 'string', required: true });
const num = (name: string): ParamSpec => ({ name, type: 'numeric', required: true });
const fnp = (name: string, required = true): ParamSpec => ({ name, type: 'function', required });
const m = (name: string): MemberSpec[] => [{ type: 'string', name }];

/** Wraps one line at `limit` characters, breaking at the last space or tab when there is one. */
function wrapLine(line: string, limit: number): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > limit) {
    const head = rest.slice(0, limit);
    const next = rest[limit]!;
    if (next === ' ' || next === '\t') {
      out.push(head);
      rest = rest.slice(limit + 1);
      continue;
    }
    const cut = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\t'));
    if (cut < 0) {
      out.push(head);
      rest = rest.slice(limit);
    } else {
      out.push(head.slice(0, cut));
      rest = rest.slice(cut + 1);
    }
  }
  out.push(rest);
  return out;
}

function capitalizeWords(s: string): string {
  let out = '';
  let boundary = true;
  for (const c of s) {
    if (/\s/.test(c)) {
      out += c;
      boundary = true;
      continue;
    }
    out += boundary ? c.toUpperCase() : c;
    boundary = c === '.' || c === '-' || c === '(' || c === ')';
  }
  return out;
}

function isAllUpperCase(s: string): boolean {
  let letters = false;
  for (const c of s) {
    if (c.toLowerCase() !== c.toUpperCase()) {
      letters = true;
      if (c !== c.toUpperCase()) return false;
    }
  }
  return letters;
}

function justifyLength(fn: string, length: number): number {
  const n = Math.trunc(length);
  if (n < 1) throw expressionError(`Parameter 2 of function [${fn}] which is now [${n}] must be a positive integer`);
  return checkCount(fn, 'length', n, MAX_STRING_LENGTH, 'characters');
}

const chars = (s: string) => s.split('');

function reduceChars(ctx: FnContext, s: string, fn: CfFunction, init: unknown, right: boolean): unknown {
  const cs = chars(s);
  let acc = init;
  let i = right ? cs.length - 1 : 0;
  if (acc === undefined && cs.length) {
    acc = cs[i];
    i += right ? -1 : 1;
  }
  for (; right ? i >= 0 : i < cs.length; i += right ? -1 : 1) acc = ctx.call(fn, [acc, cs[i], i + 1, s]);
  return acc;
}

export const stringFormatFunctions: FunctionDef[] = [
  {
    name: 'wrap',
    params: [str('String'), num('limit'), { name: 'strip', type: 'boolean', default: false }],
    members: m('wrap'),
    impl: (_c, s: string, limit: number, strip: boolean) => {
      const n = Math.trunc(limit);
      if (n < 1) throw expressionError(`Parameter 2 of function [wrap] which is now [${n}] must be a positive integer`);
      if (strip) s = s.replace(/[ \t\r\n\v\f]/g, ' ');
      return s
        .split(/\r?\n/)
        .flatMap((line) => wrapLine(line, n))
        .join('\n');
    },
  },
  {
    name: 'ucFirst',
    params: [str('string'), { name: 'doAll', type: 'boolean', default: false }, { name: 'doLowerIfAllUppercase', type: 'boolean', default: false }],
    members: m('ucFirst'),
    impl: (_c, s: string, doAll: boolean, lowerAllUpper: boolean) => {
      if (lowerAllUpper && isAllUpperCase(s)) s = s.toLowerCase();
      if (doAll) return capitalizeWords(s);
      return s.length ? s[0]!.toUpperCase() + s.slice(1) : s;
    },
  },
  {
    name: 'getToken',
    params: [str('String'), num('index'), { name: 'delimiters', type: 'string', default: ' \t\r\n' }],
    members: m('getToken'),
    impl: (_c, s: string, index: number, d: string) => {
      const i = Math.trunc(index);
      if (i < 1) throw expressionError(`Parameter 2 of function [getToken] must be a positive number, now [${i}]`);
      const tokens: string[] = [];
      let cur = '';
      for (const c of s) {
        if (d.includes(c)) {
          if (cur) tokens.push(cur);
          cur = '';
        } else cur += c;
      }
      if (cur) tokens.push(cur);
      return tokens[i - 1] ?? '';
    },
  },
  {
    name: 'paragraphFormat',
    params: [str('String')],
    members: m('paragraphFormat'),
    impl: (_c, s: string) => {
      // A single line break becomes a space, a blank line (two breaks) a paragraph mark.
      let out = '';
      let pending = false;
      for (let i = 0; i < s.length; i++) {
        const c = s[i]!;
        if (c === '\r') {
          if (s[i + 1] === '\r') pending = false;
          out += ' ';
        } else if (c === '\n') {
          if (pending) {
            out += ' <P>\r\n';
            pending = false;
          } else {
            out += ' ';
            pending = true;
          }
        } else {
          out += c;
          pending = false;
        }
      }
      return out + ' <P>';
    },
  },
  {
    name: 'lJustify',
    params: [str('String'), num('length')],
    members: m('lJustify'),
    impl: (_c, s: string, length: number) => s.padEnd(justifyLength('lJustify', length), ' '),
  },
  {
    name: 'rJustify',
    params: [str('String'), num('length')],
    members: m('rJustify'),
    impl: (_c, s: string, length: number) => s.padStart(justifyLength('rJustify', length), ' '),
  },
  {
    name: 'cJustify',
    params: [str('string'), num('length')],
    members: m('cJustify'),
    impl: (_c, s: string, length: number) => {
      const extra = justifyLength('cJustify', length) - s.length;
      if (extra <= 0) return s;
      const left = Math.floor(extra / 2);
      return ' '.repeat(left) + s + ' '.repeat(extra - left);
    },
  },
  {
    name: 'stringEach',
    params: [str('string'), fnp('callback')],
    members: m('each'),
    impl: (ctx, s: string, fn: CfFunction) => {
      chars(s).forEach((c, i) => ctx.call(fn, [c, i + 1, s]));
      return null;
    },
  },
  {
    name: 'stringMap',
    params: [str('string'), fnp('callback')],
    members: m('map'),
    impl: (ctx, s: string, fn: CfFunction) =>
      chars(s)
        .map((c, i) => toStr(ctx.call(fn, [c, i + 1, s])))
        .join(''),
  },
  {
    name: 'stringFilter',
    params: [str('string'), fnp('callback')],
    members: m('filter'),
    impl: (ctx, s: string, fn: CfFunction) =>
      chars(s)
        .filter((c, i) => toBool(ctx.call(fn, [c, i + 1, s])))
        .join(''),
  },
  {
    name: 'stringSome',
    params: [str('inputString'), fnp('callback')],
    members: m('some'),
    impl: (ctx, s: string, fn: CfFunction) => chars(s).some((c, i) => toBool(ctx.call(fn, [c, i + 1, s]))),
  },
  {
    name: 'stringEvery',
    params: [str('string'), fnp('callback')],
    members: m('every'),
    impl: (ctx, s: string, fn: CfFunction) => chars(s).every((c, i) => toBool(ctx.call(fn, [c, i + 1, s]))),
  },
  {
    name: 'stringReduce',
    params: [str('string'), fnp('callback'), { name: 'initialVal' }],
    members: m('reduce'),
    impl: (ctx, s: string, fn: CfFunction, init: unknown) => reduceChars(ctx, s, fn, init, false),
  },
  {
    name: 'stringReduceRight',
    params: [str('string'), fnp('callback'), { name: 'initialValue' }],
    members: m('reduceRight'),
    impl: (ctx, s: string, fn: CfFunction, init: unknown) => reduceChars(ctx, s, fn, init, true),
  },
  {
    name: 'stringSort',
    params: [str('inputString')],
    members: m('sort'),
    impl: (_c, s: string) => chars(s).sort().join(''),
  },
];
