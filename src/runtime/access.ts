import { Struct } from './struct.js';
import { Query, QueryColumnRef } from './query.js';
import { expressionError, type SourceLoc } from './errors.js';
import { simple, toNum, toStr, typeName } from './cast.js';
import { intern } from './intern.js';
import { arrayElement, arrayMeta, setArrayMeta } from './array-meta.js';
import { XmlNode, xmlGet, xmlSet } from './xml/node.js';
import { checkArrayIndex } from './limits.js';

/**
 * The arguments scope: named like a struct, and also an array of the values by position
 * (`arguments[1]`, arrayLen(arguments)): declared parameters first, then the other arguments in
 * call order, named or not (Lucee's ArgumentImpl).
 */
export class ArgumentsScope extends Struct {
  order: string[] = [];

  /** The name of the argument at a 1-based position given as digits, when there is one and it has a name of its own. */
  nameAt(key: string): string | undefined {
    if (!/^\d+$/.test(key)) return undefined;
    const name = this.order[Number(key) - 1];
    return name !== undefined && name !== key ? name : undefined;
  }
}

/** Reads `obj.key` (dot) or `obj[key]`. `ref` keeps `q.col` as a column reference. */
export function getKey(obj: unknown, key: unknown, loc: SourceLoc | undefined, dot: boolean, ref: boolean, soft = false): unknown {
  if (obj instanceof Struct) {
    const k = typeof key === 'string' ? key : toStr(key);
    const lower = k.toLowerCase();
    const v = obj.getLower(lower);
    if (v !== undefined) return v;
    const named = obj instanceof ArgumentsScope ? obj.nameAt(k) : undefined;
    if (named !== undefined) return obj.getLower(named.toLowerCase());
    if (soft) return undefined;
    if ((obj as Struct & { isCgi?: boolean }).isCgi) return '';
    throw expressionError(`key [${k}] doesn't exist`, {
      loc,
      detail: obj.size ? `keys available: [${obj.keys().slice(0, 30).join(', ')}]` : 'the struct is empty',
    });
  }
  if (Array.isArray(obj)) {
    if (dot) {
      if (soft) return undefined;
      throw expressionError(`can't access key [${String(key)}] of an Array with dot notation`, { loc });
    }
    const n = toNum(key);
    if (!Number.isInteger(n) || n < 1 || n > obj.length) {
      if (soft) return undefined;
      throw expressionError(`invalid array index [${toStr(key)}], the array has ${obj.length} elements`, { loc, detail: n === 0 ? 'arrays in CFML start at 1' : '' });
    }
    const v = obj[n - 1];
    if ((v === undefined || v === null) && !soft) throw expressionError(`the element at position [${n}] of the array is not defined`, { loc });
    return v;
  }
  if (obj instanceof Query) {
    const k = toStr(key);
    const lower = k.toLowerCase();
    if (obj.hasColumnLower(lower)) {
      const r = new QueryColumnRef(obj, k);
      return ref ? r : r.current();
    }
    if (lower === 'recordcount') return obj.recordCount;
    // Lucee (default config) lists the column names upper-case here
    if (lower === 'columnlist') return obj.columnList.toUpperCase();
    if (lower === 'currentrow') return obj.currentRow;
    if (!dot && /^\d+$/.test(k)) {
      const row = Number(k);
      const s = new Struct();
      const data = obj.row(row);
      for (const c of obj.columns) s.set(c, data[c]);
      return s;
    }
    if (soft) return undefined;
    throw expressionError(`column [${k}] doesn't exist in query`, { loc, detail: `available columns are [${obj.columnList}]` });
  }
  if (obj instanceof QueryColumnRef) {
    const row = toNum(key);
    if (!Number.isInteger(row) || row < 1 || row > obj.query.recordCount) {
      if (soft) return undefined;
      throw expressionError(`row [${toStr(key)}] doesn't exist in query column [${obj.name}], the query has ${obj.query.recordCount} rows`, { loc });
    }
    return obj.query.getCell(obj.name, row);
  }
  if (obj instanceof XmlNode) return xmlGet(obj, key, dot, loc, soft);
  if (soft && (obj === undefined || obj === null)) return undefined;
  const o = simple(obj);
  if (typeof o === 'string' && !dot) {
    const n = toNum(key);
    if (Number.isInteger(n) && n >= 1 && n <= o.length) return o[n - 1];
  }
  if (soft) return undefined;
  throw expressionError(`can't access key [${toStr(key)}] of a ${typeName(obj)}`, { loc, detail: 'only structs, arrays and queries have keys' });
}

/** Writes `obj.key = v` / `obj[key] = v`. Dot keys are stored upper-case, as in Lucee. */
export function setKey(obj: unknown, key: unknown, value: unknown, loc: SourceLoc | undefined, dot: boolean, keyName?: string): void {
  if (obj instanceof Struct) {
    const k = typeof key === 'string' ? key : toStr(key);
    const named = obj instanceof ArgumentsScope ? obj.nameAt(k) : undefined;
    if (named !== undefined) return obj.setLower(named.toLowerCase(), named, value);
    obj.setLower(intern(k.toLowerCase()), dot ? (keyName ?? k).toUpperCase() : k, value);
    return;
  }
  if (Array.isArray(obj) && !dot) {
    const n = toNum(key);
    if (!Number.isInteger(n) || n < 1) throw expressionError(`invalid array index [${toStr(key)}]`, { loc, detail: 'arrays in CFML start at 1' });
    checkArrayIndex(n, loc);
    const v = arrayElement(obj, value);
    while (obj.length < n - 1) obj.push(null);
    obj[n - 1] = v;
    return;
  }
  if (obj instanceof QueryColumnRef && !dot) {
    obj.query.setCell(obj.name, value, toNum(key));
    return;
  }
  if (obj instanceof Query) {
    obj.setCell(toStr(key), value, obj.currentRow);
    return;
  }
  if (obj instanceof XmlNode) {
    xmlSet(obj, key, value, dot, loc);
    return;
  }
  throw expressionError(`can't assign key [${toStr(key)}] to a ${typeName(obj)}`, { loc });
}

/** For `a.b.c = 1`: the container at `a.b`, created as structs along the way when missing. */
export function childContainer(obj: unknown, key: unknown, loc: SourceLoc | undefined, dot: boolean, keyName?: string): unknown {
  if (obj instanceof Struct) {
    const k = typeof key === 'string' ? key : toStr(key);
    const existing = obj.getLower(k.toLowerCase());
    if (existing !== undefined && existing !== null) return existing;
    const s = new Struct();
    obj.setLower(k.toLowerCase(), dot ? (keyName ?? k).toUpperCase() : k, s);
    return s;
  }
  if (Array.isArray(obj) && !dot) {
    const n = toNum(key);
    const existing = obj[n - 1];
    if (existing !== undefined && existing !== null) return existing;
    // arrayNew(2): `a[1][1] = x` creates the inner array
    const m = arrayMeta(obj);
    const s = m.dimensions > 1 ? setArrayMeta([], { dimensions: m.dimensions - 1, datatype: m.datatype }) : new Struct();
    setKey(obj, n, s, loc, false);
    return s;
  }
  return getKey(obj, key, loc, dot, true);
}

