import { Struct } from './struct.js';
import { Query, QueryColumnRef } from './query.js';

/**
 * The mapping between JS and CFML values for embedding: plain objects become structs, arrays
 * stay arrays, Dates stay dates; an object `{ columns, rows }` or a Query passes as a query.
 */
export function toCfmlValue(v: unknown): unknown {
  if (v === undefined) return null;
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Date || v instanceof Struct || v instanceof Query || v instanceof Uint8Array) return v;
  if (Array.isArray(v)) return v.map(toCfmlValue);
  const s = new Struct();
  for (const [k, val] of Object.entries(v as Record<string, unknown>)) s.set(k, toCfmlValue(val));
  return s;
}

/** Structs become plain objects (keys as stored), queries arrays of row objects. */
export function toJsValue(v: unknown, seen = new Set<unknown>()): unknown {
  if (v instanceof QueryColumnRef) return v.current();
  if (v === null || typeof v !== 'object' || v instanceof Date || v instanceof Uint8Array) return v;
  if (seen.has(v)) return undefined;
  seen.add(v);
  try {
    if (Array.isArray(v)) return v.map((x) => toJsValue(x, seen));
    if (v instanceof Struct) {
      const o: Record<string, unknown> = {};
      for (const [k, val] of v.entries()) o[k] = toJsValue(val, seen);
      return o;
    }
    if (v instanceof Query) return v.toRows().map((r) => toJsValue(Struct.from(r), seen));
    return v;
  } finally {
    seen.delete(v);
  }
}
