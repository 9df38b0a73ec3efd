/**
 * Lucee functions real templates use that had no home yet:
 *  - setTimeZone / getTimeZone / clearTimeZone: a time zone per render, which every date function,
 *    date cast and date print then reads its wall clock in (time-zone.ts).
 *  - cachePut / cacheGet / cacheDelete / cacheClear / cacheKeyExists / cacheIdExists / cacheCount /
 *    cacheGetAll / cacheGetAllIds: an in-memory object cache per Engine (shared by its renders),
 *    with named caches, timeSpan (expiry after put) and idleTime (expiry after the last read).
 *  - arrayRange(from, to [, step]) and arrayRange("from..to").
 *  - runAsync(closure): a future (get, then, error, isDone, cancel, isCancelled). The closure runs
 *    at once, synchronously: templates see the same results, just without parallelism.
 *  - serialize(value): the CFML literal form Lucee's serialize() prints (strings in double quotes
 *    with " and # doubled, {"key":value}, [a,b], nullValue(), createDateTime(...), query(...)).
 */
import { expressionError, toCfmlError } from '../errors.js';
import { Struct } from '../struct.js';
import { Query } from '../query.js';
import { CfFunction, NativeMethod } from '../function-value.js';
import { isBooleanLike, numberToString, simple, toBool, toNum, toStr, typeName } from '../cast.js';
import { normalizeZone, dateParts } from './date-mask.js';
import { currentZone, setZone, zoneHolder, type ZoneHolder } from '../time-zone.js';
import { cfcatchStruct } from '../exceptions.js';
import type { FnContext, FunctionDef } from './types.js';
import { safeRegExp } from '../safe-regex.js';

// ---- time zone -----------------------------------------------------------------------------

function checkZone(zone: string): string {
  const z = normalizeZone(zone);
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: z });
    return zone.trim();
  } catch {
    throw expressionError(`invalid timezone [${zone}]`, { detail: 'use a zone name such as Europe/Berlin, CET, UTC or GMT+1' });
  }
}


/** The render's zone holder: its Ctx's, else the one of the async context running it. */
const holderOf = (ctx: FnContext): ZoneHolder | undefined => ctx.ctx?.timeZone ?? zoneHolder();

const timeZoneFunctions: FunctionDef[] = [
  {
    name: 'setTimeZone',
    params: [{ name: 'timezone', type: 'string', required: true }],
    impl: (ctx, tz: string) => {
      const h = holderOf(ctx);
      if (h) setZone(h, checkZone(tz));
      return null;
    },
  },
  { name: 'getTimeZone', params: [], impl: () => currentZone() },
  {
    name: 'clearTimeZone',
    params: [],
    impl: (ctx) => {
      const h = holderOf(ctx);
      if (h) delete h.zone;
      return null;
    },
  },
];

// ---- object cache --------------------------------------------------------------------------

interface CacheEntry {
  value: unknown;
  /** Epoch ms after which the entry is gone (0: never). */
  expires: number;
  /** Idle time in ms (0: none) and when it was last put or read. */
  idle: number;
  touched: number;
}

type Caches = Map<string, Map<string, CacheEntry>>;

const DAY_MS = 86_400_000;

function cacheOf(ctx: FnContext, name: unknown): Map<string, CacheEntry> {
  const all = ctx.service ? ctx.service<Caches>('cfml.objectCache', () => new Map()) : fallbackCaches;
  const key = name === undefined || name === null || toStr(name).trim() === '' ? 'object' : toStr(name).trim().toLowerCase();
  let c = all.get(key);
  if (!c) all.set(key, (c = new Map()));
  return c;
}

const fallbackCaches: Caches = new Map();

/** The live entry for `id`, dropping it when it has expired. */
function live(cache: Map<string, CacheEntry>, id: string, touch: boolean): CacheEntry | undefined {
  const e = cache.get(id);
  if (!e) return undefined;
  const now = Date.now();
  if ((e.expires && now > e.expires) || (e.idle && now - e.touched > e.idle)) {
    cache.delete(id);
    return undefined;
  }
  if (touch) e.touched = now;
  return e;
}

/** A timespan (days, from createTimeSpan) as ms; empty or 0 means no limit. */
function spanMs(v: unknown, what: string): number {
  if (v === undefined || v === null || v === '') return 0;
  const n = toNum(v);
  if (n < 0) throw expressionError(`the ${what} must not be negative`);
  return n * DAY_MS;
}

/** Lucee's cache filters: `*` any run, `?` one character, case-insensitive. */
function idFilter(filter: unknown): (id: string) => boolean {
  if (filter === undefined || filter === null || toStr(filter) === '' || toStr(filter) === '*') return () => true;
  const src = toStr(filter)
    .toLowerCase()
    .replace(/[\\^$.+()[\]{}|/-]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  const re = safeRegExp('filter', toStr(filter), `^${src}$`, '');
  return (id) => re.test(id);
}

const idOf = (id: unknown) => toStr(id).toLowerCase();

const cacheFunctions: FunctionDef[] = [
  {
    name: 'cachePut',
    params: [
      { name: 'id', type: 'string', required: true },
      { name: 'value', type: 'any', required: true },
      { name: 'timeSpan', type: 'any' },
      { name: 'idleTime', type: 'any' },
      { name: 'cacheName', type: 'any' },
    ],
    impl: (ctx, id: string, value: unknown, span: unknown, idle: unknown, name: unknown) => {
      const now = Date.now();
      const ttl = spanMs(span, 'timeSpan');
      cacheOf(ctx, name).set(idOf(id), { value, expires: ttl ? now + ttl : 0, idle: spanMs(idle, 'idleTime'), touched: now });
      return null;
    },
  },
  {
    name: 'cacheGet',
    // Lucee: cacheGet(id, throwWhenNotExist, cacheName); ACF: cacheGet(id, cacheName). A second
    // argument that is not a boolean is taken as the cache name.
    params: [
      { name: 'id', type: 'string', required: true },
      { name: 'throwWhenNotExist', type: 'any' },
      { name: 'cacheName', type: 'any' },
    ],
    impl: (ctx, id: string, second: unknown, third: unknown) => {
      let throwIt = false;
      let name = third;
      if (second !== undefined && second !== null && second !== '') {
        if (isBooleanLike(second) && typeof second !== 'number') throwIt = toBool(second);
        else if (name === undefined) name = second;
      }
      const e = live(cacheOf(ctx, name), idOf(id), true);
      if (!e) {
        if (throwIt) throw expressionError(`there is no entry in the cache with the id [${id}]`);
        return null;
      }
      return e.value;
    },
  },
  {
    name: 'cacheDelete',
    params: [
      { name: 'id', type: 'string', required: true },
      { name: 'throwOnError', type: 'boolean', default: false },
      { name: 'cacheName', type: 'any' },
    ],
    impl: (ctx, id: string, throwIt: boolean, name: unknown) => {
      const cache = cacheOf(ctx, name);
      const had = live(cache, idOf(id), false) !== undefined;
      cache.delete(idOf(id));
      if (!had && throwIt) throw expressionError(`can't delete the cache entry [${id}]: it doesn't exist`);
      return null;
    },
  },
  {
    name: 'cacheKeyExists',
    params: [{ name: 'id', type: 'string', required: true }, { name: 'cacheName', type: 'any' }],
    impl: (ctx, id: string, name: unknown) => live(cacheOf(ctx, name), idOf(id), false) !== undefined,
  },
  {
    name: 'cacheIdExists',
    params: [{ name: 'id', type: 'string', required: true }, { name: 'cacheName', type: 'any' }],
    impl: (ctx, id: string, name: unknown) => live(cacheOf(ctx, name), idOf(id), false) !== undefined,
  },
  {
    name: 'cacheClear',
    params: [{ name: 'filter', type: 'any' }, { name: 'cacheName', type: 'any' }],
    impl: (ctx, filter: unknown, name: unknown) => {
      const cache = cacheOf(ctx, name);
      const keep = idFilter(filter);
      let n = 0;
      for (const id of [...cache.keys()]) {
        if (!keep(id)) continue;
        if (live(cache, id, false)) n++;
        cache.delete(id);
      }
      return n;
    },
  },
  {
    name: 'cacheCount',
    params: [{ name: 'cacheName', type: 'any' }],
    impl: (ctx, name: unknown) => {
      const cache = cacheOf(ctx, name);
      return [...cache.keys()].filter((id) => live(cache, id, false)).length;
    },
  },
  {
    name: 'cacheGetAllIds',
    params: [{ name: 'filter', type: 'any' }, { name: 'cacheName', type: 'any' }],
    impl: (ctx, filter: unknown, name: unknown) => {
      const cache = cacheOf(ctx, name);
      const keep = idFilter(filter);
      return [...cache.keys()].filter((id) => keep(id) && live(cache, id, false)).map((id) => id.toUpperCase());
    },
  },
  {
    name: 'cacheGetAll',
    params: [{ name: 'filter', type: 'any' }, { name: 'cacheName', type: 'any' }],
    impl: (ctx, filter: unknown, name: unknown) => {
      const cache = cacheOf(ctx, name);
      const keep = idFilter(filter);
      const s = new Struct();
      for (const id of [...cache.keys()]) {
        const e = keep(id) ? live(cache, id, false) : undefined;
        if (e) s.set(id.toUpperCase(), e.value);
      }
      return s;
    },
  },
];

// ---- arrayRange ----------------------------------------------------------------------------

const arrayRangeFunction: FunctionDef = {
  name: 'arrayRange',
  params: [{ name: 'from', type: 'any', required: true }, { name: 'to', type: 'any' }, { name: 'step', type: 'numeric', default: 1 }],
  impl: (_ctx, from: unknown, to: unknown, step: number) => {
    let a: number;
    let b: number;
    if (to === undefined) {
      const m = /^\s*(-?\d+(?:\.\d+)?)\s*\.\.\s*(-?\d+(?:\.\d+)?)\s*$/.exec(toStr(from));
      if (!m) throw expressionError(`invalid range [${toStr(from)}] for function [arrayRange], write it as "from..to" (e.g. "1..10") or pass from and to`);
      a = Number(m[1]);
      b = Number(m[2]);
    } else {
      a = toNum(from);
      b = toNum(to);
    }
    if (step === 0 || !Number.isFinite(step)) throw expressionError('the step of function [arrayRange] must not be 0');
    const s = Math.abs(step) * (b < a ? -1 : 1);
    const n = Math.floor((b - a) / s) + 1;
    if (n > 10_000_000) throw expressionError(`function [arrayRange]: the range ${numberToString(a)}..${numberToString(b)} is too large`);
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push(a + i * s);
    return out;
  },
};

// ---- runAsync ------------------------------------------------------------------------------


type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

function settle(ctx: FnContext, fn: CfFunction, args: unknown[]): Outcome {
  try {
    return { ok: true, value: ctx.call(fn, args) };
  } catch (e) {
    return { ok: false, error: e };
  }
}

function future(ctx: FnContext, outcome: Outcome): Struct {
  const f = new Struct();
  const needFn = (v: unknown, method: string): CfFunction => {
    if (!(v instanceof CfFunction)) throw expressionError(`the argument of future.${method}() must be a function, not a ${typeName(v)}`);
    return v;
  };
  f.set('get', new NativeMethod('get', () => {
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }));
  f.set('then', new NativeMethod('then', (fn) => future(ctx, outcome.ok ? settle(ctx, needFn(fn, 'then'), [outcome.value]) : outcome)));
  f.set('error', new NativeMethod('error', (fn) => {
    if (outcome.ok) return future(ctx, outcome);
    const err = toCfmlError(outcome.error);
    return future(ctx, settle(ctx, needFn(fn, 'error'), [cfcatchStruct(err)]));
  }));
  f.set('isDone', new NativeMethod('isDone', () => true));
  f.set('isCancelled', new NativeMethod('isCancelled', () => false));
  f.set('cancel', new NativeMethod('cancel', () => false));
  return f;
}

const runAsyncFunction: FunctionDef = {
  name: 'runAsync',
  params: [{ name: 'function', type: 'function', required: true }, { name: 'executor', type: 'any' }],
  impl: (ctx, fn: CfFunction) => future(ctx, settle(ctx, fn, [])),
};

// ---- serialize -----------------------------------------------------------------------------

const quote = (s: string) => '"' + s.replace(/"/g, '""').replace(/#/g, '##') + '"';

function serializeValue(v: unknown, seen: Set<unknown>): string {
  v = simple(v);
  if (v === null || v === undefined) return 'nullValue()';
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number') return numberToString(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) {
    const p = dateParts(v);
    const zone = currentZone();
    return `createDateTime(${p.year},${p.month},${p.day},${p.hour},${p.minute},${p.second},${p.ms},${quote(zone)})`;
  }
  if (seen.has(v)) return 'nullValue()';
  seen.add(v);
  try {
    if (Array.isArray(v)) return '[' + v.map((x) => serializeValue(x, seen)).join(',') + ']';
    if (v instanceof Struct) {
      const body = v.keys().map((k) => `${quote(k)}:${serializeValue(v.get(k), seen)}`).join(',');
      return v.kind === 'ordered' ? `[${body}]` : `{${body}}`;
    }
    if (v instanceof Query) {
      const q = v;
      return 'query(' + q.columns.map((c) => `${quote(c)}:[${q.column(c).map((x) => serializeValue(x, seen)).join(',')}]`).join(',') + ')';
    }
  } finally {
    seen.delete(v);
  }
  throw expressionError(`can't serialize a value of type ${typeName(v)}`);
}

const serializeFunction: FunctionDef = {
  name: 'serialize',
  // the second argument some examples pass ("json") is accepted and ignored
  params: [{ name: 'var', type: 'any', required: true }, { name: 'format', type: 'any' }],
  impl: (_ctx, v: unknown) => serializeValue(v, new Set()),
};

export const luceeExtraFunctions: readonly FunctionDef[] = [
  ...timeZoneFunctions,
  ...cacheFunctions,
  arrayRangeFunction,
  runAsyncFunction,
  serializeFunction,
];
