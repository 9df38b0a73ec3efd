import * as path from 'node:path';
import { Struct } from './struct.js';
import { Query } from './query.js';
import { OdbcDate } from './dates.js';
import { CfFunction } from './function-value.js';
import { arrayMeta, setArrayMeta } from './array-meta.js';
import { applicationError } from './errors.js';
import { ComponentInstance } from './components/instance.js';
import type { EngineCore } from './engine-core.js';
import { connectionOwnerOf, setConnectionOwner } from './application.js';

/**
 * Session scopes as data, for stores shared by several processes (Redis). A session is written as
 * JSON with tagged objects, so every CFML data type comes back as itself:
 *
 * - strings, finite numbers, booleans and null as JSON values; NaN/Infinity as `{"$n": "NaN"}`;
 * - arrays as JSON arrays (`{"$a": [...], "m": meta}` when arrayNew gave a dimension or type);
 * - structs as `{"$s": [[key, value]...], "k": kind}` (key case and order kept);
 * - dates as `{"$d": epochMs}` (`"o": "d"|"t"` for createODBCDate/Time values);
 * - queries as `{"$q": columns, "t": types, "r": column arrays}`;
 * - binary as `{"$b": base64}`;
 * - components by their path and data: `{"$c": path, "r": root, "t": this-scope, "v": variables}`
 *   (the class's methods are not stored; on reading, the instance is rebuilt from the .cfc without
 *   running its pseudo-constructor, as Lucee deserializes a component).
 *
 * The root also keeps the session's named-connection owner (`"o"`).
 *
 * Anything else (a function, a connection, an XML node, a struct that contains itself) cannot be
 * stored: `encode` throws an Application error naming the variable, so the loss is never silent.
 */
export class SessionCodec {
  /** @param engine loads the component classes named in stored sessions */
  constructor(private readonly engine: EngineCore) {}

  /**
   * The session scope as a JSON string.
   * @param storage the store's name, for the error message
   * @throws CfmlError (type Application) naming `session.a.b` when a value cannot be stored
   */
  encode(scope: Struct, storage: string): string {
    const seen = new Set<object>();
    const fail = (where: string, what: string) =>
      applicationError(`The session variable [${where}] cannot be kept in the session storage [${storage}]: ${what} cannot be stored`, {
        detail: 'A shared session storage keeps data only: strings, numbers, booleans, dates, arrays, structs, queries, binary values and components (by their properties). Keep functions and connections out of the session scope, e.g. in the application scope or a named connection.',
      });
    const enc = (v: unknown, where: string): unknown => {
      if (v === null || v === undefined || typeof v === 'string' || typeof v === 'boolean') return v ?? null;
      if (typeof v === 'number') return Number.isFinite(v) ? v : { $n: String(v) };
      if (typeof v === 'bigint') return { $n: v.toString() };
      if (typeof v !== 'object' && typeof v !== 'function') throw fail(where, `a value of type ${typeof v}`);
      if (v instanceof CfFunction || typeof v === 'function') throw fail(where, 'a function');
      if (v instanceof Date) return v instanceof OdbcDate ? { $d: v.getTime(), o: v.odbc } : { $d: v.getTime() };
      if (v instanceof Uint8Array) return { $b: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') };
      if (seen.has(v)) throw fail(where, 'a value that contains itself');
      seen.add(v);
      try {
        if (Array.isArray(v)) {
          const items = v.map((x, i) => enc(x, `${where}[${i + 1}]`));
          const m = arrayMeta(v);
          return m.dimensions === 1 && m.datatype.toLowerCase() === 'any' ? items : { $a: items, m };
        }
        if (v instanceof Query) {
          const cols = v.columns.map((c) => v.column(c).map((x, i) => enc(x, `${where}.${c}[${i + 1}]`)));
          return { $q: v.columns, t: v.columns.map((c) => v.types.get(c.toLowerCase()) ?? ''), r: cols };
        }
        if (v instanceof ComponentInstance) return this.encodeComponent(v, where, enc);
        if (v instanceof Struct && v.constructor === Struct) {
          const entries = v.entries().map(([k, x]) => [k, enc(x, `${where}.${k}`)]);
          return v.kind === 'normal' ? { $s: entries } : { $s: entries, k: v.kind };
        }
      } finally {
        seen.delete(v);
      }
      throw fail(where, `a value of type ${(v as object).constructor?.name ?? 'object'}`);
    };
    const root = enc(scope, 'session') as Record<string, unknown>;
    // the session's named-connection owner travels with it (each process keeps its own connections under it)
    root.o = connectionOwnerOf(scope);
    return JSON.stringify(root);
  }

  private encodeComponent(c: ComponentInstance, where: string, enc: (v: unknown, where: string) => unknown): unknown {
    const own = (s: Struct, scope: string) => {
      const out: [string, unknown][] = [];
      for (const [k, x] of Struct.prototype.entries.call(s)) {
        if (x === c || (x instanceof CfFunction && c.cls.methods.get(k.toLowerCase()) === x)) continue;
        out.push([k, enc(x, `${where}${scope}.${k}`)]);
      }
      return out;
    };
    return { $c: c.cls.path, r: rootOf(c.cls.path, c.cls.fullName), t: own(c, ''), v: own(c.variables, '(variables)') };
  }

  /**
   * The session scope back from `encode`'s JSON.
   * @throws CfmlError when a stored component's .cfc no longer loads
   */
  decode(json: string): Struct {
    const dec = (v: unknown): unknown => {
      if (v === null || typeof v !== 'object') return v;
      if (Array.isArray(v)) return v.map(dec);
      const o = v as Record<string, unknown>;
      if ('$s' in o) {
        const s = new Struct();
        if (typeof o.k === 'string') s.kind = o.k as Struct['kind'];
        for (const [k, x] of o.$s as [string, unknown][]) s.set(k, dec(x));
        return s;
      }
      if ('$d' in o) return o.o === 'd' || o.o === 't' ? new OdbcDate(o.$d as number, o.o) : new Date(o.$d as number);
      if ('$n' in o) return o.$n === 'NaN' || o.$n === 'Infinity' || o.$n === '-Infinity' ? Number(o.$n) : BigInt(o.$n as string);
      if ('$a' in o) return setArrayMeta((o.$a as unknown[]).map(dec), o.m as { dimensions: number; datatype: string });
      if ('$b' in o) return new Uint8Array(Buffer.from(o.$b as string, 'base64'));
      if ('$q' in o) {
        const cols = o.$q as string[];
        const q = new Query([], []);
        cols.forEach((c, i) => q.addColumn(c, (o.r as unknown[][])[i]!.map(dec), (o.t as string[])[i] || undefined));
        return q;
      }
      if ('$c' in o) {
        const cls = this.engine.components.load(o.$c as string, o.r as string);
        const inst = new ComponentInstance(cls);
        for (const [k, x] of o.t as [string, unknown][]) inst.set(k, dec(x));
        for (const [k, x] of o.v as [string, unknown][]) inst.variables.set(k, dec(x));
        return inst;
      }
      return v;
    };
    const root = JSON.parse(json) as Record<string, unknown>;
    const s = dec(root);
    const scope = s instanceof Struct ? s : new Struct();
    if (typeof root?.o === 'string') setConnectionOwner(scope, root.o);
    return scope;
  }
}

/** The application root a component's dotted name is relative to (its directory when the name does not match the path). */
function rootOf(file: string, fullName: string): string {
  const rel = fullName.split('.').join(path.sep) + '.cfc';
  return file.toLowerCase().endsWith(path.sep + rel.toLowerCase()) ? file.slice(0, file.length - rel.length - 1) || path.sep : path.dirname(file);
}
