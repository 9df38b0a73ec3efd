import { ComponentInstance, duplicateInstance } from '../components/instance.js';
/**
 * Helpers shared by the array, struct and query families: CFML equality for searches, index
 * checks, closure-result casts, deep copies and row structs.
 */
import { expressionError } from '../errors.js';
import { isBooleanLike, isSimple, simple, toBool, toStr, tryNum, typeName } from '../cast.js';
import { compareValues } from '../compare.js';
import { Struct } from '../struct.js';
import { Query } from '../query.js';
import { CfFunction } from '../function-value.js';
import type { FnContext } from './types.js';
import { XmlNode } from '../xml/node.js';

/** A slot of a sparse array (or a null element): `arrayIsDefined` says false. */
export const isMissing = (v: unknown): boolean => v === undefined || v === null;

/** Index-like numbers are truncated like Lucee's int casts (2.7 -> 2). */
export const toInt = (n: number): number => (Number.isFinite(n) ? Math.trunc(n) : n);

/**
 * CFML equality as used by arrayFind/arrayDelete/arrayContains and structFindValue, as Lucee's
 * OpUtil.equals: case-sensitive searches compare the two values as strings (`1` finds `"1"` but not
 * `"01"`, `true` does not find `"yes"`); case-insensitive ones use the comparison rule of the EQ
 * operator (compare.ts: numbers numerically, boolean literals as booleans, dates by time).
 * Arrays, structs and queries compare element by element.
 */
export function cfEquals(a: unknown, b: unknown, caseSensitive: boolean): boolean {
  a = simple(a);
  b = simple(b);
  if (a === b) return true;
  if (isMissing(a) || isMissing(b)) return false;
  if (isSimple(a) && isSimple(b)) return caseSensitive ? toStr(a) === toStr(b) : compareValues(a, b) === 0;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      if (isMissing(a[i]) && isMissing(b[i])) continue;
      if (!cfEquals(a[i], b[i], caseSensitive)) return false;
    }
    return true;
  }
  if (a instanceof Struct && b instanceof Struct) {
    if (a.size !== b.size) return false;
    for (const [k, v] of a.entries()) {
      if (!b.has(k)) return false;
      const w = b.get(k);
      if (isMissing(v) && isMissing(w)) continue;
      if (!cfEquals(v, w, caseSensitive)) return false;
    }
    return true;
  }
  if (a instanceof Query && b instanceof Query) {
    if (a.recordCount !== b.recordCount || a.columns.length !== b.columns.length) return false;
    for (const c of a.columns) {
      if (!b.hasColumn(c)) return false;
      if (!cfEquals(a.column(c), b.column(c), caseSensitive)) return false;
    }
    return true;
  }
  return false;
}

/** Casts what a predicate closure returned to a boolean, with a message naming the function. */
export function predicateResult(fnName: string, v: unknown): boolean {
  v = simple(v);
  if (isBooleanLike(v)) return toBool(v);
  throw expressionError(`return value of the closure passed to function [${fnName}] cannot be casted to a boolean value, got ${v === undefined ? 'nothing' : typeName(v)}`);
}

/** Calls a closure; an absent return value becomes null (as a CFML value). */
export function callClosure(ctx: FnContext, fn: CfFunction, args: unknown[]): unknown {
  const r = ctx.call(fn, args);
  return r === undefined ? null : r;
}

/** Deep (or one level) copy of arrays, structs, queries and dates; functions stay shared. */
export function duplicateValue(v: unknown, deep = true, seen = new Map<unknown, unknown>()): unknown {
  v = simple(v);
  if (v === null || v === undefined || typeof v !== 'object') return v;
  if (seen.has(v)) return seen.get(v);
  if (v instanceof Date) return new Date(v.getTime());
  // an XML document or node: a deep copy of the DOM node
  if (v instanceof XmlNode) return new XmlNode(v.node.cloneNode(true));
  if (Array.isArray(v)) {
    const out: unknown[] = new Array(v.length);
    seen.set(v, out);
    for (let i = 0; i < v.length; i++) {
      if (!(i in v)) continue;
      out[i] = deep ? duplicateValue(v[i], true, seen) : v[i];
    }
    return out;
  }
  if (v instanceof ComponentInstance) {
    return duplicateInstance(v, (x) => (deep ? duplicateValue(x, true, seen) : x));
  }
  if (v instanceof Struct) {
    const out = new Struct();
    out.kind = v.kind;
    seen.set(v, out);
    for (const [k, val] of v.entries()) out.set(k, deep ? duplicateValue(val, true, seen) : val);
    return out;
  }
  if (v instanceof Query) {
    const out = copyQueryShape(v);
    seen.set(v, out);
    if (v.recordCount) out.addRows(v.recordCount);
    for (const c of v.columns) {
      const src = v.column(c);
      const dst = out.column(c);
      for (let i = 0; i < src.length; i++) dst[i] = deep ? duplicateValue(src[i], true, seen) : src[i];
    }
    out.currentRow = v.currentRow;
    return out;
  }
  if (v instanceof Uint8Array) return v.slice();
  return v;
}

/** A new empty query with the same columns (and declared types) as `q`. */
export function copyQueryShape(q: Query): Query {
  return new Query(
    q.columns.slice(),
    q.columns.map((c) => q.types.get(c.toLowerCase()) ?? ''),
  );
}

/** Row `n` of a query as a struct keyed by the column names (column order kept). */
export function rowStruct(q: Query, n: number): Struct {
  const s = new Struct();
  s.kind = 'ordered';
  for (const c of q.columns) s.set(c, q.column(c)[n - 1]);
  return s;
}

/** Appends one row of data taken from a struct (matching columns, case-insensitively). */
export function appendRowFromStruct(fnName: string, q: Query, data: Struct): number {
  for (const k of data.keys()) {
    if (!q.hasColumn(k)) throw expressionError(`column [${k}] doesn't exist in query, function [${fnName}]`, { detail: `available columns are [${q.columnList}]` });
  }
  const n = q.addRows(1);
  for (const [k, v] of data.entries()) q.setCell(k, v ?? null, n);
  return n;
}

/** Appends one row from an array of values in column order. */
export function appendRowFromArray(fnName: string, q: Query, data: unknown[]): number {
  if (data.length > q.columns.length) {
    throw expressionError(`function [${fnName}]: the row has ${data.length} values but the query has only ${q.columns.length} columns`);
  }
  const n = q.addRows(1);
  data.forEach((v, i) => q.setCell(q.columns[i]!, v ?? null, n));
  return n;
}

/** Text comparison used by the sort functions ("text" is by code unit, "textnocase" folds case). */
export function compareText(a: string, b: string, noCase: boolean): number {
  if (noCase) {
    a = a.toLowerCase();
    b = b.toLowerCase();
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortDirection(fnName: string, order: string): 1 | -1 {
  const o = order.trim().toLowerCase();
  if (o === 'asc' || o === '') return 1;
  if (o === 'desc') return -1;
  throw expressionError(`invalid sort order [${order}] for function [${fnName}], valid values are [asc, desc]`);
}

/**
 * A comparator for the "numeric" / "text" / "textnocase" sort types of arraySort, structSort and
 * querySort. Values that a numeric sort cannot read are an error, as in Lucee.
 */
export function typedComparator(fnName: string, sortType: string, order: string): (a: unknown, b: unknown) => number {
  const dir = sortDirection(fnName, order);
  const t = sortType.trim().toLowerCase();
  if (t === 'numeric') {
    return (a, b) => {
      const na = tryNum(simple(a));
      const nb = tryNum(simple(b));
      if (na === undefined || nb === undefined) {
        const bad = na === undefined ? a : b;
        throw expressionError(`function [${fnName}] can't sort with type [numeric]: value [${isSimple(bad) ? toStr(bad) : typeName(bad)}] is not numeric`);
      }
      return (na - nb) * dir;
    };
  }
  if (t === 'text' || t === 'textnocase') {
    const noCase = t === 'textnocase';
    return (a, b) => compareText(sortText(fnName, a), sortText(fnName, b), noCase) * dir;
  }
  throw expressionError(`invalid sort type [${sortType}] for function [${fnName}], valid values are [text, textnocase, numeric]`);
}

function sortText(fnName: string, v: unknown): string {
  v = simple(v);
  if (isMissing(v)) return '';
  if (!isSimple(v)) throw expressionError(`function [${fnName}] can only sort simple values, got ${typeName(v)}`);
  return toStr(v);
}

/** Comparator from a closure returning <0, 0, >0 (arraySort, structSort, querySort). */
export function closureComparator(ctx: FnContext, fnName: string, fn: CfFunction): (a: unknown, b: unknown) => number {
  return (a, b) => {
    const r = simple(ctx.call(fn, [a, b]));
    const n = tryNum(r);
    if (n === undefined) throw expressionError(`return value of the closure passed to function [${fnName}] cannot be casted to an integer, got ${r === undefined ? 'nothing' : typeName(r)}`);
    return n;
  };
}
