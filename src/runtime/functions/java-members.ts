/**
 * Methods of the Java objects behind CFML values that Lucee lets templates call as member
 * functions (`s.startsWith("a")`, `s.indexOf("x")`, `st.putAll(other)`, `arr.toString()`).
 * They keep the Java semantics: string positions are 0-based, indexOf returns -1 when there is
 * no match, split/replaceAll/matches take a (Java) regular expression, compareTo returns the
 * character difference. They are member-only: `startsWith(s, "a")` is not a function.
 * Java regular expressions are run as JS ones (the syntax agrees for everyday patterns), after
 * translating leading inline flags `(?i)` `(?s)` `(?m)` and the `\A` `\z` `\Z` anchors.
 */
import { CfmlError, expressionError } from '../errors.js';
import { safeRegExp } from '../safe-regex.js';
import { isSimple, numberToString, toStr, typeName } from '../cast.js';
import { Struct } from '../struct.js';
import { Query } from '../query.js';
import { CfFunction } from '../function-value.js';
import type { FunctionDef, MemberReceiver, ParamSpec } from './types.js';
import { BoundedMap } from '../bounded-map.js';
import { encodeString } from './charset.js';

function member(type: MemberReceiver, name: string, params: ParamSpec[], impl: FunctionDef['impl']): FunctionDef {
  return { name: `${type}.${name}`, memberOnly: true, params: [{ name: 'self', type: 'any', required: true }, ...params], members: [{ type, name }], impl };
}

const str = (name: string, required = true): ParamSpec => ({ name, type: 'string', required });
const int = (name: string, required = true): ParamSpec => ({ name, type: 'numeric', required });

/** A Java int argument: whole numbers only, as the method signature demands. */
function javaInt(method: string, v: number): number {
  if (!Number.isInteger(v)) throw expressionError(`the argument of [${method}] must be an integer, not [${numberToString(v)}]`);
  return v;
}

function outOfBounds(method: string, s: string, detail: string): never {
  throw expressionError(`String index out of range in [${method}]: ${detail}`, { detail: `the string has ${s.length} characters; positions of Java string methods start at 0` });
}

const regexCache = new BoundedMap<string, RegExp>(200);

/**
 * A Java regular expression as a JS RegExp: `global` for replaceAll and split, `whole` for
 * matches (the pattern must match the whole string). Built through safeRegExp like every
 * pattern a page supplies, so `(a+)+$` runs in bounded time and a pattern that could not be
 * bounded is refused (issue 8).
 * @throws Expression error naming the method for an invalid or refused pattern.
 */
export function javaRegex(method: string, pattern: string, global: boolean, whole = false): RegExp {
  const key = (global ? 'g' : '-') + (whole ? 'w' : '-') + pattern;
  const hit = regexCache.get(key);
  if (hit) {
    hit.lastIndex = 0;
    return hit;
  }
  let src = pattern;
  const flags = new Set<string>(global ? ['g'] : []);
  const m = /^\(\?([imsx]+)\)/.exec(src);
  if (m) {
    for (const f of m[1]!) if (f !== 'x') flags.add(f);
    src = src.slice(m[0].length);
  }
  src = src.replace(/(\\\\)|\\A|\\[zZ]/g, (all, esc: string | undefined) => (esc ? esc : all === '\\A' ? '^' : '$'));
  // the whole input: with (?m) ^ and $ would also match at line ends
  if (whole) src = flags.has('m') ? `(?<![\\s\\S])(?:${src})(?![\\s\\S])` : `^(?:${src})$`;
  let re: RegExp;
  try {
    re = safeRegExp(method, pattern, src, [...flags].join(''));
  } catch (e) {
    if (e instanceof CfmlError) throw e;
    throw expressionError(`invalid regular expression [${pattern}] for [${method}]`, { detail: e instanceof Error ? e.message : String(e) });
  }
  regexCache.set(key, re);
  return re;
}

/** Java's Matcher replacement: `$1`, `${name}` insert groups, a backslash quotes the next char. */
function javaReplacement(method: string, rep: string): (match: string, ...rest: unknown[]) => string {
  return (match: string, ...rest: unknown[]) => {
    const last = rest[rest.length - 1];
    const groupsObj = typeof last === 'object' && last !== null ? (last as Record<string, string | undefined>) : undefined;
    const groups = rest.slice(0, groupsObj ? -3 : -2) as (string | undefined)[];
    let out = '';
    for (let i = 0; i < rep.length; i++) {
      const ch = rep[i]!;
      if (ch === '\\') {
        if (i + 1 >= rep.length) throw expressionError(`character to be escaped is missing in the replacement of [${method}]`);
        out += rep[++i];
      } else if (ch === '$') {
        if (rep[i + 1] === '{') {
          const end = rep.indexOf('}', i);
          const name = end < 0 ? '' : rep.slice(i + 2, end);
          if (!groupsObj || !(name in groupsObj)) throw expressionError(`no group with name {${name}} in the replacement of [${method}]`);
          out += groupsObj[name] ?? '';
          i = end;
        } else {
          let j = i + 1;
          if (!/\d/.test(rep[j] ?? '')) throw expressionError(`illegal group reference in the replacement of [${method}]`, { detail: 'write \\$ for a literal $' });
          let n = Number(rep[j]);
          // Java takes more digits only while they still name an existing group
          while (j + 1 < rep.length && /\d/.test(rep[j + 1]!) && n * 10 + Number(rep[j + 1]) <= groups.length) n = n * 10 + Number(rep[++j]);
          if (n > groups.length) throw expressionError(`no group ${n} in the replacement of [${method}]`);
          out += n === 0 ? match : (groups[n - 1] ?? '');
          i = j;
        }
      } else out += ch;
    }
    return out;
  };
}

/** Java String.compareTo: the first differing UTF-16 unit's difference, else the length difference. */
function compareTo(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** Java String.split(regex, limit): limit 0 drops trailing empty strings. */
function javaSplit(s: string, regex: string, limit: number): string[] {
  if (s === '') return [''];
  const re = javaRegex('split', regex, true);
  const out: string[] = [];
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    if (m[0] === '') {
      re.lastIndex++;
      if (m.index === 0 || m.index >= s.length) continue; // no empty leading piece for a zero-width match at 0
    }
    if (limit > 0 && out.length === limit - 1) break;
    out.push(s.slice(start, m.index));
    start = m.index + m[0].length;
  }
  out.push(s.slice(start));
  if (limit === 0) while (out.length > 1 && out[out.length - 1] === '') out.pop();
  return out;
}

/**
 * Lucee's text form of a collection (what `toString()` on a struct or array prints):
 * `{key={value}, key2={value2}}` and `[a, b]`, nested the same way.
 */
export function collectionText(v: unknown, seen = new Set<unknown>()): string {
  if (v === null || v === undefined) return 'null';
  if (isSimple(v)) return toStr(v);
  if (seen.has(v)) return 'parent reference';
  seen.add(v);
  try {
    if (v instanceof Struct) return '{' + v.keys().map((k) => `${k}={${collectionText(v.get(k), seen)}}`).join(', ') + '}';
    if (Array.isArray(v)) return '[' + v.map((x) => collectionText(x, seen)).join(', ') + ']';
    if (v instanceof Query) return `query(${v.columnList})`;
    if (v instanceof CfFunction) return typeName(v);
    return typeName(v);
  } finally {
    seen.delete(v);
  }
}

const stringMembers: FunctionDef[] = [
  member('string', 'startsWith', [str('prefix'), int('offset', false)], (_c, s: string, p: string, off?: number) =>
    off === undefined ? s.startsWith(p) : off >= 0 && s.startsWith(p, javaInt('startsWith', off)),
  ),
  member('string', 'endsWith', [str('suffix')], (_c, s: string, p: string) => s.endsWith(p)),
  member('string', 'toUpperCase', [], (_c, s: string) => s.toUpperCase()),
  member('string', 'toLowerCase', [], (_c, s: string) => s.toLowerCase()),
  member('string', 'length', [], (_c, s: string) => s.length),
  member('string', 'isEmpty', [], (_c, s: string) => s.length === 0),
  member('string', 'indexOf', [str('str'), int('fromIndex', false)], (_c, s: string, x: string, from?: number) =>
    s.indexOf(x, from === undefined ? 0 : Math.max(0, javaInt('indexOf', from))),
  ),
  member('string', 'lastIndexOf', [str('str'), int('fromIndex', false)], (_c, s: string, x: string, from?: number) =>
    from === undefined ? s.lastIndexOf(x) : javaInt('lastIndexOf', from) < 0 ? -1 : s.lastIndexOf(x, from),
  ),
  member('string', 'substring', [int('beginIndex'), int('endIndex', false)], (_c, s: string, b: number, e?: number) => {
    const end = e === undefined ? s.length : javaInt('substring', e);
    javaInt('substring', b);
    if (b < 0 || end > s.length || b > end) outOfBounds('substring', s, `begin ${b}, end ${end}`);
    return s.slice(b, end);
  }),
  member('string', 'charAt', [int('index')], (_c, s: string, i: number) => {
    javaInt('charAt', i);
    if (i < 0 || i >= s.length) outOfBounds('charAt', s, `index ${i}`);
    return s[i]!;
  }),
  member('string', 'equals', [{ name: 'other', type: 'any', required: true }], (_c, s: string, o: unknown) => typeof o === 'string' && s === o),
  member('string', 'equalsIgnoreCase', [{ name: 'other', type: 'any', required: true }], (_c, s: string, o: unknown) =>
    isSimple(o) && o !== null && s.toLowerCase() === toStr(o).toLowerCase(),
  ),
  member('string', 'contains', [str('str')], (_c, s: string, x: string) => s.includes(x)),
  member('string', 'concat', [str('str')], (_c, s: string, x: string) => s + x),
  member('string', 'compareTo', [str('other')], (_c, s: string, o: string) => compareTo(s, o)),
  member('string', 'compareToIgnoreCase', [str('other')], (_c, s: string, o: string) => compareTo(s.toLowerCase(), o.toLowerCase())),
  member('string', 'split', [str('regex'), int('limit', false)], (_c, s: string, re: string, limit?: number) =>
    javaSplit(s, re, limit === undefined ? 0 : javaInt('split', limit)),
  ),
  member('string', 'matches', [str('regex')], (_c, s: string, re: string) => {
    // the whole string must match
    return javaRegex('matches', re, false, true).test(s);
  }),
  member('string', 'replaceAll', [str('regex'), str('replacement')], (_c, s: string, re: string, rep: string) =>
    s.replace(javaRegex('replaceAll', re, true), javaReplacement('replaceAll', rep)),
  ),
  member('string', 'replaceFirst', [str('regex'), str('replacement')], (_c, s: string, re: string, rep: string) =>
    s.replace(javaRegex('replaceFirst', re, false), javaReplacement('replaceFirst', rep)),
  ),
  // String.getBytes([charset]): the text's bytes (UTF-8 by default, as Lucee's JVM), a binary value
  member('string', 'getBytes', [str('charset', false)], (_c, s: string, cs?: string) => encodeString(s, cs, 'getBytes')),
  // String.toCharArray(): an array of the text's characters (UTF-16 units, as Java's chars)
  member('string', 'toCharArray', [], (_c, s: string) => s.split('')),
];

const collectionMembers: FunctionDef[] = [
  member('struct', 'toString', [], (_c, s: Struct) => collectionText(s)),
  member('array', 'toString', [], (_c, a: unknown[]) => collectionText(a)),
  member('struct', 'putAll', [{ name: 'map', type: 'struct', required: true }], (_c, s: Struct, o: Struct) => {
    for (const k of o.keys()) s.set(k, o.get(k));
    return null;
  }),
  member('struct', 'keySet', [], (_c, s: Struct) => s.keys()),
  member('struct', 'values', [], (_c, s: Struct) => s.keys().map((k) => s.get(k))),
  member('struct', 'containsKey', [{ name: 'key', type: 'string', required: true }], (_c, s: Struct, k: string) => s.has(k)),
  member('array', 'size', [], (_c, a: unknown[]) => a.length),
  member('struct', 'size', [], (_c, s: Struct) => s.size),
];

export const javaMemberFunctions: readonly FunctionDef[] = [...stringMembers, ...collectionMembers];
