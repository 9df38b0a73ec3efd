/**
 * What arrayNew records about an array: its dimension (arrayNew(2) makes `a[1][1] = x` create
 * inner arrays, not structs) and its declared element type (`arrayNew["string"](1)`, Lucee).
 * Kept beside the JS array, so plain arrays cost nothing.
 */
import { expressionError } from './errors.js';
import { isSimple, toBool, toDate, toNum, toStr, typeName } from './cast.js';
import { checkType } from './types-check.js';

export interface ArrayMeta {
  dimensions: number;
  /** Declared element type as written, or 'any'. */
  datatype: string;
}

const meta = new WeakMap<unknown[], ArrayMeta>();

export function setArrayMeta(arr: unknown[], m: ArrayMeta): unknown[] {
  if (m.datatype.toLowerCase() !== 'any') typedArrays++;
  if (m.dimensions !== 1 || m.datatype.toLowerCase() !== 'any') meta.set(arr, m);
  return arr;
}

export function arrayMeta(arr: unknown[]): ArrayMeta {
  return meta.get(arr) ?? { dimensions: 1, datatype: 'any' };
}

/** How many typed arrays were ever made: while none, element writes skip the lookup. */
let typedArrays = 0;

/**
 * The value as element of `arr`: for a typed array (`arrayNew(1, "string")`) cast to the declared
 * type, as Lucee's ArrayTyped does on every write (1 becomes "1" in a string array, 123 becomes
 * true in a boolean array); other types are checked as cfargument checks them.
 * @throws Expression error when the value does not convert to the array's type.
 */
export function arrayElement(arr: unknown[], v: unknown): unknown {
  if (typedArrays === 0) return v;
  const m = meta.get(arr);
  if (!m) return v;
  const t = m.datatype.toLowerCase();
  if (t === 'any') return v;
  try {
    const cast = ELEMENT_CASTS[t];
    if (cast) return cast(v);
    if (checkType(v, t)) return v;
  } catch {
    // the message below names the array's type
  }
  throw expressionError(`can't add a value of type [${typeName(v)}] to an array of type [${m.datatype}]`);
}

const ELEMENT_CASTS: Record<string, (v: unknown) => unknown> = {
  string: (v) => {
    if (!isSimple(v)) throw new Error('not simple');
    return toStr(v);
  },
  numeric: (v) => toNum(v),
  number: (v) => toNum(v),
  boolean: (v) => toBool(v),
  date: (v) => toDate(v),
  datetime: (v) => toDate(v),
};
