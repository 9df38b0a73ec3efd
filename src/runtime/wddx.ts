/**
 * WDDX 1.0 packets (`returnFormat=wddx` of remote calls), as ColdFusion and Lucee write them:
 * `<wddxPacket version='1.0'><header/><data>...</data></wddxPacket>` with string, number,
 * boolean, dateTime, null, binary (base64), array, struct (`var name=`) and recordset elements.
 */
import { Struct } from './struct.js';
import { Query, QueryColumnRef } from './query.js';
import { CfFunction } from './function-value.js';
import { ComponentInstance, propertyValues } from './components/instance.js';
import { expressionError } from './errors.js';
import { numberToString } from './cast.js';

const text = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const attr = (s: string) => text(s).replace(/'/g, '&apos;');
const two = (n: number) => String(Math.abs(n));

/** Control characters are `<char code='0A'/>` elements (XML 1.0 cannot carry most of them). */
function stringElement(s: string): string {
  const body = text(s).replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\r\n\t]/g, (c) => `<char code='${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}'/>`);
  return `<string>${body}</string>`;
}

/** ISO-style date with the local offset, as WDDX writes it: 2024-1-5T9:3:0+1:0. */
function dateElement(d: Date): string {
  const off = -d.getTimezoneOffset();
  const sign = off < 0 ? '-' : '+';
  return `<dateTime>${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}T${d.getHours()}:${d.getMinutes()}:${d.getSeconds()}${sign}${two(Math.trunc(off / 60))}:${two(off % 60)}</dateTime>`;
}

function element(v: unknown, seen: Set<object>): string {
  if (v instanceof QueryColumnRef) v = v.current();
  if (v === null || v === undefined) return '<null/>';
  if (typeof v === 'string') return stringElement(v);
  if (typeof v === 'number') return `<number>${numberToString(v)}</number>`;
  if (typeof v === 'boolean') return `<boolean value='${v}'/>`;
  if (v instanceof Date) return dateElement(v);
  if (v instanceof Uint8Array) return `<binary length='${v.length}'>${Buffer.from(v).toString('base64')}</binary>`;
  if (v instanceof CfFunction) throw expressionError(`can't serialize a function [${v.name}] to WDDX`);
  if (typeof v !== 'object') return stringElement(String(v));
  if (seen.has(v)) throw expressionError("can't serialize a value to WDDX that contains itself (circular reference)");
  seen.add(v);
  try {
    if (Array.isArray(v)) return `<array length='${v.length}'>${v.map((x) => element(x, seen)).join('')}</array>`;
    if (v instanceof ComponentInstance) return element(propertyValues(v), seen);
    if (v instanceof Query) {
      const fields = v.columns.map((c) => `<field name='${attr(c.toUpperCase())}'>${v.column(c).map((x) => element(x, seen)).join('')}</field>`);
      return `<recordset rowCount='${v.recordCount}' fieldNames='${attr(v.columns.map((c) => c.toUpperCase()).join(','))}' type='coldfusion.sql.QueryTable'>${fields.join('')}</recordset>`;
    }
    const entries = v instanceof Struct ? v.entries() : Object.entries(v);
    return `<struct>${entries.map(([k, x]) => `<var name='${attr(k)}'>${element(x, seen)}</var>`).join('')}</struct>`;
  } finally {
    seen.delete(v);
  }
}

/**
 * A CFML value as a WDDX packet.
 * @throws CfmlError for functions and circular values
 */
export function toWddx(value: unknown): string {
  return `<wddxPacket version='1.0'><header/><data>${element(value, new Set())}</data></wddxPacket>`;
}
