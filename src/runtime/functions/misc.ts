/**
 * Smaller built-ins the cfdocs examples use: Swatch beat, numeric dates, locale-aware parsing for
 * the en_US locale, LDAP/DN/XPath escaping, isLocalhost, echo, nullValue, valueArray,
 * structToQueryString, getFunctionList and a few aliases (empty, lsParseDateTime).
 */
import { expressionError } from '../errors.js';
import { lsParseLocaleDate } from './locale-date.js';
import { isNumericString, toStr, tryDate, typeName, simple } from '../cast.js';
import { dateToNumber } from '../dates.js';
import { Struct } from '../struct.js';
import { Query, QueryColumnRef } from '../query.js';
import type { FnContext, FunctionDef } from './types.js';
import { invokeBuiltin } from './invoke.js';
import { dateFunctions } from './date.js';
import { decisionFunctions } from './decision.js';
import { urlEncodedFormat } from './encoding.js';

const str = (name: string) => ({ name, type: 'string' as const, required: true });
const delegate = (defs: FunctionDef[], name: string) => (ctx: FnContext, ...args: unknown[]) => {
  const d = defs.find((f) => f.name.toLowerCase() === name.toLowerCase())!;
  while (args.length && args[args.length - 1] === undefined) args.pop();
  return invokeBuiltin(d, ctx, args);
};

/** ESAPI's LDAP search-filter escaping (RFC 4515). */
export function encodeLdap(s: string): string {
  return s.replace(/[\\*()\0]/g, (c) => '\\' + c.charCodeAt(0).toString(16).padStart(2, '0'));
}

/** ESAPI's distinguished-name escaping (RFC 2253). */
export function encodeDn(s: string): string {
  let out = s.replace(/[\\,+"<>;]/g, (c) => '\\' + c);
  if (out.startsWith(' ') || out.startsWith('#')) out = '\\' + out;
  if (out.endsWith(' ') && !out.endsWith('\\ ')) out = out.slice(0, -1) + '\\ ';
  return out;
}

/** ESAPI's XPath encoding: HTML numeric references for everything but letters, digits and `,.-_ `. */
export function encodeXpath(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    out += /[A-Za-z0-9,.\-_ ]/.test(ch) ? ch : `&#x${cp.toString(16)};`;
  }
  return out;
}

const canonParam = { name: 'canonicalize', type: 'boolean' as const, default: false };

export const miscFunctions: FunctionDef[] = [
  {
    name: 'beat',
    params: [{ name: 'time', type: 'any' }],
    impl: (_c, t?: unknown) => {
      const v = t === undefined ? undefined : simple(t);
      // A bare time ("14:02") counts from midnight of the current day.
      const hm = typeof v === 'string' ? /^\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$/.exec(v) : null;
      const d = v === undefined ? new Date() : hm ? new Date(new Date().setHours(+hm[1]!, +hm[2]!, +(hm[3] ?? 0), 0)) : tryDate(v);
      if (!d) throw expressionError(`can't cast [${toStr(t)}] to a date value`);
      // Biel Mean Time is UTC+1; a beat is 1/1000 of its day, shown with 3 decimals (truncated).
      const ms = (((d.getTime() + 3_600_000) % 86_400_000) + 86_400_000) % 86_400_000;
      // thousandths of a beat in integers (ms * 10 / 864): 12:00 BMT is exactly 500, not 499.999
      return Math.floor((ms * 10) / 864) / 1000;
    },
  },
  {
    name: 'getNumericDate',
    params: [{ name: 'datetime', type: 'date', required: true }],
    impl: (_c, d: Date) => dateToNumber(d),
  },
  {
    name: 'isNumericDate',
    params: [{ name: 'number', type: 'any', required: true }],
    impl: (_c, v: unknown) => {
      v = simple(v);
      // Lucee: a date value, a number, or a string that casts to either ("11/10/1992" too)
      return v instanceof Date || typeof v === 'number' || (typeof v === 'string' && (isNumericString(v.trim()) || tryDate(v) !== undefined));
    },
  },
  { name: 'isDateObject', params: [{ name: 'value', type: 'any', required: true }], impl: (_c, v: unknown) => v instanceof Date },
  {
    name: 'lsParseDateTime',
    params: [{ name: 'date', type: 'any', required: true }, { name: 'locale', type: 'string' }, { name: 'timezone', type: 'string' }, { name: 'format', type: 'string' }],
    // without a mask the locale's own forms come first ("05.03.2024" in de_DE), then parseDateTime's
    impl: (ctx, v: unknown, locale?: string, tz?: string, format?: string) =>
      (format ? undefined : lsParseLocaleDate(ctx, v, locale)) ?? delegate(dateFunctions, 'parseDateTime')(ctx, v, format, tz),
  },
  {
    name: 'isLocalhost',
    params: [str('ip')],
    impl: (_c, ip: string) => /^(127\.0\.0\.1|::1|0:0:0:0:0:0:0:1|localhost)$/i.test(ip.trim()),
  },
  { name: 'nullValue', params: [], impl: () => null },
  {
    name: 'echo',
    params: [{ name: 'string', type: 'string', required: true }],
    impl: (ctx, s: string) => {
      ctx.write(s);
      return null;
    },
  },
  { name: 'empty', params: [{ name: 'value', type: 'any' }], impl: delegate(decisionFunctions, 'isEmpty') },
  {
    name: 'valueArray',
    params: [{ name: 'query', type: 'any', required: true }, { name: 'column', type: 'string' }],
    impl: (_c, q: unknown, column?: string) => {
      if (q instanceof QueryColumnRef) return q.values().slice();
      if (q instanceof Query && column !== undefined) {
        if (!q.hasColumn(column)) throw expressionError(`column [${column}] does not exist in the query, it has the columns [${q.columnList}]`);
        return q.column(column).slice();
      }
      throw expressionError(`Invalid argument for function [valueArray], pass a query column (query.column) or a query and a column name, got ${typeName(q)}`);
    },
  },
  {
    name: 'structToQueryString',
    params: [{ name: 'struct', type: 'struct', required: true }, { name: 'delimiter', type: 'string', default: '&' }],
    members: [{ type: 'struct', name: 'toQueryString' }],
    impl: (_c, s: Struct, delimiter: string) =>
      [...s.entries()]
        .map(([k, v]) => {
          if (v !== null && v !== undefined && typeof v === 'object' && !(v instanceof Date)) {
            throw expressionError(`function [structToQueryString]: the value of key [${k}] is not a simple value but ${typeName(v)}`);
          }
          return `${k}=${urlEncodedFormat(v === null || v === undefined ? '' : toStr(v))}`;
        })
        .join(delimiter),
  },
  { name: 'encodeForLDAP', params: [str('string'), canonParam], members: [{ type: 'string', name: 'encodeForLDAP' }], impl: (_c, s: string) => encodeLdap(s) },
  { name: 'encodeForDN', params: [str('string'), canonParam], members: [{ type: 'string', name: 'encodeForDN' }], impl: (_c, s: string) => encodeDn(s) },
  { name: 'encodeForXPath', params: [str('string'), canonParam], members: [{ type: 'string', name: 'encodeForXPath' }], impl: (_c, s: string) => encodeXpath(s) },
];

/** getFunctionList(): a struct with the name of every built-in, read from the given list at call time. */
export function functionListFunction(list: () => readonly FunctionDef[]): FunctionDef {
  return {
    name: 'getFunctionList',
    params: [],
    impl: () => {
      const s = new Struct();
      for (const f of list()) s.set(f.name, f.name);
      return s;
    },
  };
}
