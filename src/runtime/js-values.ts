import { Struct } from './struct.js';
import { Query, QueryColumnRef } from './query.js';
import { intern } from './intern.js';

/**
 * The mapping between JS and CFML values for embedding: plain objects become structs, arrays
 * stay arrays, Dates stay dates; an object `{ columns, rows }` or a Query passes as a query.
 */
export function toCfmlValue(v: unknown): unknown {
  if (v === undefined) return null;
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) out[i] = toCfmlValue(v[i]);
    return out;
  }
  if (v instanceof Date || v instanceof Struct || v instanceof Query || v instanceof Uint8Array) return v;
  return structOf(v as Record<string, unknown>);
}

/**
 * A struct of a plain object's own enumerable keys (case kept, looked up case-insensitively),
 * values converted with toCfmlValue. Runs once per object passed in; lower-cased keys are
 * interned, so the page's compiled lookups compare them by pointer.
 */
export function structOf(obj: Record<string, unknown>): Struct {
  const s = new Struct();
  for (const k of Object.keys(obj)) s.setLower(lowerKey(k), k, toCfmlValue(obj[k]));
  return s;
}

/** Lower-cased keys of the last objects converted (the rows of an array share their keys). */
const lowered = new Map<string, string>();
function lowerKey(k: string): string {
  let l = lowered.get(k);
  if (l === undefined) {
    if (lowered.size >= 4096) lowered.clear();
    lowered.set(k, (l = intern(k.toLowerCase())));
  }
  return l;
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
