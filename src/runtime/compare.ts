/**
 * CFML comparison of two simple values, the rule behind EQ/NEQ/GT/LT/GTE/LTE (and their symbol
 * forms), script `switch/case`, arrayFindNoCase-style searches and Query of Queries.
 *
 * The rule is Lucee's (OpUtil.compare), decided by the pair of types:
 * - a string that is a number compares numerically with a number, a boolean or another numeric string;
 * - a string that is a boolean literal (`true`, `false`, `yes`, `no`, any case, no blanks) compares
 *   as that boolean: `'yes' == 'true'`, `1 == 'true'`, `'no' == 0` all hold;
 * - a boolean against a number is 1 or 0 against it;
 * - a date against a string that parses as a date (or a number, a day count) compares by time, to
 *   the second;
 * - two other strings compare case-insensitively; a non-numeric string against a number sorts by
 *   its first character (after any number when it is a letter).
 * null compares as the empty string. Complex values (struct, array, query, function) throw.
 */
import { QueryColumnRef } from './query.js';
import { XmlNode, serializeXml } from './xml/node.js';
import { isNumericString, toStr } from './cast.js';
import { numberToDate, parseDateString } from './dates.js';

const sign = (a: number, b: number): number => (a < b ? -1 : a > b ? 1 : 0);
/** The comparison seen from the other side (never -0). */
const flip = (n: number): number => (n === 0 ? 0 : -n);

/** Lucee's boolean literals for comparison: exactly true/false/yes/no in any case (no trimming). */
export function booleanLiteral(s: string): boolean | undefined {
  if (s.length < 2 || s.length > 5) return undefined;
  const t = s.toLowerCase();
  if (t === 'true' || t === 'yes') return true;
  if (t === 'false' || t === 'no') return false;
  return undefined;
}

function compareText(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Date against date: whole seconds, as Lucee compares date-times. */
const compareDates = (a: Date, b: Date): number => sign(Math.trunc(a.getTime() / 1000), Math.trunc(b.getTime() / 1000));

/** A string that is neither numeric nor a boolean literal, against a number written as `shown`. */
function looseTextAgainstNumber(s: string, shown: string): number {
  if (s === '') return -1;
  const first = s.charCodeAt(0);
  if (first >= 48 && first <= 57) return compareText(s, shown);
  return first - 48;
}

function stringVsNumber(s: string, n: number): number {
  if (isNumericString(s)) return sign(Number(s.trim()), n);
  const b = booleanLiteral(s);
  if (b !== undefined) return sign(b ? 1 : 0, n);
  return looseTextAgainstNumber(s, toStr(n));
}

function stringVsBoolean(s: string, bool: boolean): number {
  const b = booleanLiteral(s);
  if (b !== undefined) return sign(Number(b), Number(bool));
  if (isNumericString(s)) return sign(Number(s.trim()), bool ? 1 : 0);
  return looseTextAgainstNumber(s, bool ? '1' : '0');
}

function dateVsString(d: Date, s: string): number {
  if (isNumericString(s)) return compareDates(d, numberToDate(Number(s.trim())));
  const other = parseDateString(s);
  if (other) return compareDates(d, other);
  return compareText(toStr(d), s);
}

function stringVsString(a: string, b: string): number {
  if (isNumericString(a)) {
    if (isNumericString(b)) return sign(Number(a.trim()), Number(b.trim()));
    return flip(stringVsNumber(b, Number(a.trim())));
  }
  const bool = booleanLiteral(a);
  if (bool !== undefined) return flip(stringVsBoolean(b, bool));
  return compareText(a, b);
}

type Simple = string | number | boolean | Date;

/** Unwraps a query column reference and an XML node (its text); null becomes "". */
function operand(v: unknown): Simple | object {
  if (v instanceof QueryColumnRef) v = v.current();
  if (v === null || v === undefined) return '';
  if (v instanceof XmlNode) return serializeXml(v);
  return v;
}

/**
 * Compares two CFML values by the rule above. Returns <0, 0 or >0.
 * Throws a CFML expression error for a complex operand (via the string cast).
 */
export function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return sign(a, b);
  const x = operand(a);
  const y = operand(b);
  if (typeof x === 'string') {
    if (typeof y === 'string') return stringVsString(x, y);
    if (typeof y === 'number') return stringVsNumber(x, y);
    if (typeof y === 'boolean') return stringVsNumber(x, y ? 1 : 0);
    if (y instanceof Date) return flip(dateVsString(y, x));
  } else if (typeof x === 'number') {
    if (typeof y === 'number') return sign(x, y);
    if (typeof y === 'string') return flip(stringVsNumber(y, x));
    if (typeof y === 'boolean') return sign(x, y ? 1 : 0);
    if (y instanceof Date) return compareDates(numberToDate(x), y);
  } else if (typeof x === 'boolean') {
    if (typeof y === 'boolean') return sign(Number(x), Number(y));
    if (typeof y === 'string') return flip(stringVsBoolean(y, x));
    if (typeof y === 'number') return sign(x ? 1 : 0, y);
    if (y instanceof Date) return compareDates(numberToDate(x ? 1 : 0), y);
  } else if (x instanceof Date) {
    if (y instanceof Date) return compareDates(x, y);
    if (typeof y === 'string') return dateVsString(x, y);
    if (typeof y === 'number') return compareDates(x, numberToDate(y));
    if (typeof y === 'boolean') return compareDates(x, numberToDate(y ? 1 : 0));
  }
  // a complex operand: the string cast throws the CFML error naming its type
  return compareText(toStr(x), toStr(y));
}
