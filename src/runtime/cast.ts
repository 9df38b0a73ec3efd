import { expressionError } from './errors.js';
import { Struct } from './struct.js';
import { Query, QueryColumnRef } from './query.js';
import { CfFunction } from './function-value.js';
import { dateToNumber, formatTimestamp, numberToDate, parseDateString } from './dates.js';
import { XmlNode, serializeXml } from './xml/node.js';
import { ComponentInstance } from './components/instance.js';

/** Unwraps `q.col` references to the value at the current row. */
export function simple(v: unknown): unknown {
  return v instanceof QueryColumnRef ? v.current() : v;
}

/** The CFML type name used in messages ("can't cast Complex Object Type Struct to String"). */
export function typeName(v: unknown): string {
  v = simple(v);
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return 'Number';
  if (typeof v === 'boolean') return 'Boolean';
  if (v instanceof Date) return 'Date';
  if (Array.isArray(v)) return 'Array';
  if (v instanceof ComponentInstance) return 'Component';
  if (v instanceof Struct) return 'Struct';
  if (v instanceof Query) return 'Query';
  if (v instanceof CfFunction) return 'Function';
  if (v instanceof Uint8Array) return 'Binary';
  if (v instanceof XmlNode) return 'XML';
  return 'Object';
}

export function isSimple(v: unknown): boolean {
  v = simple(v);
  const t = typeof v;
  return t === 'string' || t === 'number' || t === 'boolean' || v instanceof Date;
}

/**
 * CFML prints doubles with at most 12 decimals and no trailing zeros, so `0.1 + 0.2` is `0.3`
 * and `acos(0.3)` is `1.266103672779`, as Lucee does.
 */
export function numberToString(n: number): string {
  // small whole numbers (loop counters, counts) first: String(-0) is already "0"
  if ((n | 0) === n) return String(n);
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : n < 0 ? '-Infinity' : 'NaN';
  // Lucee (Caster.toString(double)) never uses exponent notation: whole numbers print all their
  // digits, others at most 12 decimals, and anything within 1e-12 of a whole number prints as it.
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? (Object.is(n, -0) ? '0' : String(n)) : plainDigits(n);
  let s = n.toFixed(12);
  s = s.replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
}

/** All digits of a whole number too big for String() to print without an exponent. */
function plainDigits(n: number): string {
  const [mant, exp] = n.toExponential().split('e') as [string, string];
  const neg = mant.startsWith('-');
  const digits = mant.replace(/^-/, '').replace('.', '');
  return (neg ? '-' : '') + digits.padEnd(Number(exp) + 1, '0');
}

export function toStr(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberToString(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof QueryColumnRef) return toStr(v.current());
  if (v instanceof Date) return formatTimestamp(v);
  if (v === null || v === undefined) return '';
  if (v instanceof Uint8Array) throw expressionError("Can't cast Binary to String");
  // an XML document or node is its XML text, as in Lucee
  if (v instanceof XmlNode) return serializeXml(v);
  throw expressionError(`Can't cast Complex Object Type ${typeName(v)} to String`, {
    detail: 'Use Built-In-Function "serialize(' + typeName(v) + '):String" to create a String from ' + typeName(v),
  });
}

const NUMERIC_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

export function isNumericString(s: string): boolean {
  return NUMERIC_RE.test(s.trim());
}

export function isNumeric(v: unknown): boolean {
  v = simple(v);
  if (typeof v === 'number') return !Number.isNaN(v);
  if (typeof v === 'string') return isNumericString(v);
  return false;
}

/** Casts to a number or returns undefined (for comparisons that fall back to strings). */
export function tryNum(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const t = v.trim();
    return NUMERIC_RE.test(t) ? Number(t) : undefined;
  }
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date) return dateToNumber(v);
  if (v instanceof QueryColumnRef) return tryNum(v.current());
  return undefined;
}

export function toNum(v: unknown): number {
  const n = tryNum(v);
  if (n !== undefined) return n;
  if (typeof v === 'string') throw expressionError(`Can't cast String [${v}] to a value of type [Number]`);
  if (v === null || v === undefined) throw expressionError("Can't cast null to a value of type [Number]");
  throw expressionError(`Can't cast Complex Object Type ${typeName(v)} to a value of type [Number]`);
}

export function isBooleanLike(v: unknown): boolean {
  v = simple(v);
  if (typeof v === 'boolean' || typeof v === 'number') return true;
  if (typeof v === 'string') {
    const t = v.trim().toLowerCase();
    return t === 'true' || t === 'false' || t === 'yes' || t === 'no' || isNumericString(t);
  }
  return false;
}

export function toBool(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') {
    const t = v.trim().toLowerCase();
    if (t === 'true' || t === 'yes') return true;
    if (t === 'false' || t === 'no') return false;
    if (isNumericString(t)) return Number(t) !== 0;
    throw expressionError(`Can't cast String [${v}] to a value of type [Boolean]`);
  }
  if (v instanceof QueryColumnRef) return toBool(v.current());
  if (v === null || v === undefined) throw expressionError("Can't cast null to a value of type [Boolean]");
  throw expressionError(`Can't cast Complex Object Type ${typeName(v)} to a value of type [Boolean]`);
}

export function tryDate(v: unknown): Date | undefined {
  if (v instanceof Date) return v;
  if (typeof v === 'string') return parseDateString(v);
  if (v instanceof QueryColumnRef) return tryDate(v.current());
  return undefined;
}

export function toDate(v: unknown): Date {
  const d = tryDate(v);
  if (d) return d;
  if (typeof v === 'number') return numberToDate(v);
  if (typeof v === 'string') throw expressionError(`Can't cast String [${v}] to a value of type [DateTime]`);
  throw expressionError(`Can't cast ${typeName(v)} to a value of type [DateTime]`);
}

export function isStruct(v: unknown): v is Struct {
  return v instanceof Struct;
}

export function isQuery(v: unknown): v is Query {
  return v instanceof Query;
}
