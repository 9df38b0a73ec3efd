/**
 * What arrayNew records about an array: its dimension (arrayNew(2) makes `a[1][1] = x` create
 * inner arrays, not structs) and its declared element type (`arrayNew["string"](1)`, Lucee).
 * Kept beside the JS array, so plain arrays cost nothing.
 */
export interface ArrayMeta {
  dimensions: number;
  /** Declared element type as written, or 'any'. */
  datatype: string;
}

const meta = new WeakMap<unknown[], ArrayMeta>();

export function setArrayMeta(arr: unknown[], m: ArrayMeta): unknown[] {
  if (m.dimensions !== 1 || m.datatype.toLowerCase() !== 'any') meta.set(arr, m);
  return arr;
}

export function arrayMeta(arr: unknown[]): ArrayMeta {
  return meta.get(arr) ?? { dimensions: 1, datatype: 'any' };
}
