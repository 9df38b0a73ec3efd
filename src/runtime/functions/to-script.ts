/**
 * toScript(value, javaScriptVariable, outputFormat=true, asFormat=false), as Lucee's JSConverter:
 * JavaScript statements that rebuild a CFML value in a browser variable.
 * - strings in double quotes with `\\`, `\"`, `\n`-style escapes, and control and non-ASCII
 *   characters as `\uXXXX`; numbers as CFML prints them; booleans as the strings "true"/"false";
 *   dates as `new Date(y, month0, d, h, m, s)` in the request's time zone; null as `null`.
 * - arrays as `new Array()` (or `[]` with asFormat) and one assignment per element (0-based);
 *   structs as `new Object()` (`{}`) with lower-cased keys; a value met again inside itself is null.
 * - queries, with outputFormat, as a `WddxRecordset` built column by column (`colN` arrays);
 *   without it as an array of row objects.
 * Safer than Lucee: every `</` in a string is written `<\/`, so no text closes the script block
 * it is written into (Lucee escapes only a lower-case `</script`).
 */
import type { FnContext, FunctionDef } from './types.js';
import { numberToString, simple } from '../cast.js';
import { Struct } from '../struct.js';
import { Query } from '../query.js';
import { dateParts } from './date-mask.js';

/** A JavaScript string literal in double quotes. */
export function jsQuote(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const code = s.charCodeAt(i);
    switch (c) {
      case '\\':
        out += '\\\\';
        break;
      case '"':
        out += '\\"';
        break;
      case '\n':
        out += '\\n';
        break;
      case '\r':
        out += '\\r';
        break;
      case '\t':
        out += '\\t';
        break;
      case '\f':
        out += '\\f';
        break;
      case '\b':
        out += '\\b';
        break;
      case '/':
        out += s[i - 1] === '<' ? '\\/' : '/';
        break;
      default:
        out += code < 0x20 || code >= 0x7f ? '\\u' + code.toString(16).padStart(4, '0') : c;
    }
  }
  return out + '"';
}

interface Options {
  wddx: boolean;
  shortcuts: boolean;
  zone: string | undefined;
}

function write(name: string, value: unknown, o: Options, seen: Set<object>, out: string[]): void {
  const v = simple(value);
  if (v === null || v === undefined) return void out.push('null;');
  if (typeof v === 'string') return void out.push(jsQuote(v) + ';');
  if (typeof v === 'number') return void out.push(numberToString(v) + ';');
  if (typeof v === 'boolean') return void out.push(`"${v}";`);
  if (v instanceof Date) {
    const p = dateParts(v, o.zone);
    return void out.push(`new Date(${p.year},${p.month - 1},${p.day},${p.hour},${p.minute},${p.second});`);
  }
  if (typeof v !== 'object' || seen.has(v)) return void out.push('null;');
  seen.add(v);
  try {
    if (Array.isArray(v)) {
      out.push(o.shortcuts ? '[];' : 'new Array();');
      v.forEach((item, i) => {
        out.push(`${name}[${i}]=`);
        write(`${name}[${i}]`, item, o, seen, out);
      });
    } else if (v instanceof Struct) {
      out.push(o.shortcuts ? '{};' : 'new Object();');
      for (const [k, item] of v.entries()) {
        const key = jsQuote(k.toLowerCase());
        out.push(`${name}[${key}]=`);
        write(`${name}[${key}]`, item, o, seen, out);
      }
    } else if (v instanceof Query) {
      if (o.wddx) writeRecordset(name, v, o, seen, out);
      else writeRows(name, v, o, seen, out);
    } else out.push('null;');
  } finally {
    seen.delete(v);
  }
}

function writeRecordset(name: string, q: Query, o: Options, seen: Set<object>, out: string[]): void {
  out.push('new WddxRecordset();');
  q.columns.forEach((c, i) => {
    const col = `col${i}`;
    out.push(o.shortcuts ? `${col}=[];` : `${col}=new Array();`);
    q.column(c).forEach((cell, r) => {
      out.push(`${col}[${r}]=`);
      write(`${col}[${r}]`, cell, o, seen, out);
    });
    out.push(`${name}[${jsQuote(c.toLowerCase())}]=${col};${col}=null;`);
  });
}

function writeRows(name: string, q: Query, o: Options, seen: Set<object>, out: string[]): void {
  out.push(o.shortcuts ? '[];' : 'new Array();');
  const keys = q.columns.map((c) => jsQuote(c));
  for (let r = 0; r < q.recordCount; r++) {
    out.push(o.shortcuts ? `${name}[${r}]={};` : `${name}[${r}]=new Object();`);
    q.columns.forEach((c, i) => {
      out.push(`${name}[${r}][${keys[i]}]=`);
      write(`${name}[${r}][${keys[i]}]`, q.column(c)[r], o, seen, out);
    });
  }
}

/** The statements toScript returns for `value` in the JavaScript variable `jsName`. */
export function toScript(ctx: FnContext, value: unknown, jsName: string, wddx: boolean, shortcuts: boolean): string {
  const out: string[] = [];
  write(jsName, value, { wddx, shortcuts, zone: ctx.locals.get('timezone') as string | undefined }, new Set(), out);
  const body = out.join('').trim();
  return `${jsName}=${body}${body.endsWith(';') ? '' : ';'}`;
}

export const toScriptFunctions: FunctionDef[] = [
  {
    name: 'toScript',
    params: [
      { name: 'cfvar', type: 'any', required: true },
      { name: 'javaScriptVar', type: 'string', required: true },
      { name: 'outputFormat', type: 'boolean', default: true },
      { name: 'ASFormat', type: 'boolean', default: false },
    ],
    impl: (ctx, value: unknown, jsName: string, wddx: boolean, shortcuts: boolean) => toScript(ctx, value, jsName, wddx, shortcuts),
  },
];
