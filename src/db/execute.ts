/**
 * Runs one statement for cfquery / queryExecute: finds the datasource and its pool, joins the
 * render's transaction or takes a session of its own, serves cachedWithin/cachedAfter from the
 * Engine's cache, and turns the result into a CFML Query (NULL as "", or null with full null
 * support) and the `result` struct.
 * Driver errors become Database errors with Lucee's cfcatch keys.
 */
import type { Ctx } from '../runtime/context.js';
import { CfmlError, ControlSignal, ErrorCode, type SourceLoc } from '../runtime/errors.js';
import { Struct } from '../runtime/struct.js';
import { Query } from '../runtime/query.js';
import { toDate, toNum, toStr } from '../runtime/cast.js';
import { andThen, isThenable } from '../runtime/maybe.js';
import type { EngineCore } from '../runtime/engine-core.js';
import type { MaybePromise } from '../tags/types.js';
import { redact, type ResolvedDatasource } from './config.js';
import { DatabaseService, type DatasourceSettings } from './service.js';
import { displaySql, flatParams, renderSql, whereText, type SqlTemplate } from './statement.js';
import { currentTransaction } from './transaction.js';
import type { DbPool, DbResult, DbSession, DbStatement } from './types.js';

/** The options cfquery and queryExecute share (attribute names, lower-case). */
export interface QueryOptions {
  /** A name, an inline definition (struct), or undefined for the default datasource. */
  datasource?: unknown;
  maxrows?: number;
  /** Seconds. */
  timeout?: number;
  /** A timespan in days (createTimeSpan) or "request". */
  cachedwithin?: unknown;
  /** A date: results are cached once the clock has passed it. */
  cachedafter?: unknown;
  username?: string;
  password?: string;
  /** The caller reads `result` (generated keys are fetched only then). */
  wantResult?: boolean;
  /**
   * false when the caller does not read the Query of a statement without a result set (a cfquery
   * INSERT without `name`): no empty Query is made then (QueryOutcome.query is a placeholder).
   */
  wantQuery?: boolean;
}

/** The QueryOutcome.query of a statement whose caller said it will not read it (wantQuery false). */
const UNREAD = new Query();

export interface QueryOutcome {
  /** An empty Query for a statement without a result set (a shared placeholder when QueryOptions.wantQuery is false: not to be read). */
  query: Query;
  /** Built only when QueryOptions.wantResult is set (an empty struct otherwise). */
  result: Struct;
}

/** The database service of an Engine. */
export function databaseService(engine: EngineCore): DatabaseService {
  return engine.service('database', () => new DatabaseService(engine.databaseSettings));
}

/** Runs a statement; synchronous for SQLite outside a waiting transaction, a promise otherwise. */
export function executeQuery(ctx: Ctx, t: SqlTemplate, o: QueryOptions, loc?: SourceLoc): MaybePromise<QueryOutcome> {
  const service = databaseService(ctx.engine);
  let ds = service.datasource(o.datasource, ctx.appDatasources as DatasourceSettings | undefined);
  if (o.username !== undefined || o.password !== undefined) {
    ds = { ...ds, username: o.username ?? ds.username, password: o.password ?? ds.password };
    ds.key = `${ds.key}|as:${ds.username}|${ds.password.length}`;
  }
  const pool = service.pool(ds);
  const cacheKey = o.cachedwithin !== undefined || o.cachedafter !== undefined ? cacheKeyOf(ctx, service, ds, t, o) : undefined;
  if (cacheKey) {
    const hit = cacheKey.store.get(cacheKey.key);
    if (hit && hit.expires > Date.now()) return outcome(copyQuery(hit.query), t, undefined, 0, true, o.wantResult);
  }
  const { sql, values } = renderSql(t, pool);
  const stmt: DbStatement = {
    sql,
    params: values,
    maxrows: o.maxrows !== undefined && o.maxrows >= 0 ? o.maxrows : undefined,
    timeoutMs: o.timeout && o.timeout > 0 ? o.timeout * 1000 : undefined,
    wantKeys: o.wantResult,
  };
  // executionTime is only shown in the result struct
  const started = o.wantResult ? performance.now() : 0;
  let r: MaybePromise<DbResult>;
  try {
    const tx = currentTransaction(ctx);
    r = tx ? runIn(tx.session(pool), stmt) : runAlone(pool, stmt);
  } catch (e) {
    throw databaseError(e, pool, ds, t, loc);
  }
  if (isThenable(r)) {
    return (r as Promise<DbResult>).then(
      (res) => done(res, t, o, started, cacheKey, ctx.fullNullSupport),
      (e) => Promise.reject(databaseError(e, pool, ds, t, loc)),
    );
  }
  return done(r as DbResult, t, o, started, cacheKey, ctx.fullNullSupport);
}

/** Runs a statement on a session (a transaction's, which may still be on its way). */
function runIn(session: MaybePromise<DbSession>, stmt: DbStatement): MaybePromise<DbResult> {
  return isThenable(session) ? (session as Promise<DbSession>).then((s) => s.run(stmt)) : (session as DbSession).run(stmt);
}

/** Runs a statement on a session of its own, given back when the statement ends. */
function runAlone(pool: DbPool, stmt: DbStatement): MaybePromise<DbResult> {
  return andThen(pool.acquire(), (s) => {
    let res: MaybePromise<DbResult>;
    try {
      res = s.run(stmt);
    } catch (e) {
      s.release();
      throw e;
    }
    if (isThenable(res)) return (res as Promise<DbResult>).finally(() => s.release());
    s.release();
    return res;
  });
}

/** The outcome of a statement that ran: its Query (kept in the cache when cached) and result struct. */
function done(r: DbResult, t: SqlTemplate, o: QueryOptions, started: number, cacheKey: CacheSlot | undefined, nulls: boolean): QueryOutcome {
  const ms = o.wantResult ? Math.round(performance.now() - started) : 0;
  const q = r.hasResultSet || o.wantQuery !== false || o.wantResult ? toQuery(r, nulls) : UNREAD;
  if (cacheKey && r.hasResultSet) cacheKey.store.set(cacheKey.key, { query: copyQuery(q), expires: cacheKey.expires });
  return outcome(q, t, r, ms, false, o.wantResult);
}

interface CacheSlot {
  store: Map<string, { query: Query; expires: number }>;
  key: string;
  expires: number;
}

/** Where a cachedWithin/cachedAfter result lives and until when; undefined when the query is not cached. */
function cacheKeyOf(ctx: Ctx, service: DatabaseService, ds: ResolvedDatasource, t: SqlTemplate, o: QueryOptions): CacheSlot | undefined {
  let expires: number;
  let store = service.cache;
  if (o.cachedwithin !== undefined && o.cachedwithin !== '') {
    if (typeof o.cachedwithin === 'string' && o.cachedwithin.toLowerCase() === 'request') {
      store = ctx.locals.get('db.requestCache') as typeof store;
      if (!store) ctx.locals.set('db.requestCache', (store = new Map()));
      expires = Infinity;
    } else {
      const days = toNum(o.cachedwithin);
      if (!(days > 0)) return undefined;
      expires = Date.now() + days * 86_400_000;
    }
  } else if (o.cachedafter !== undefined && o.cachedafter !== '') {
    if (toDate(o.cachedafter).getTime() > Date.now()) return undefined;
    expires = Infinity;
  } else return undefined;
  const vals = flatParams(t).map((p) => (p.isNull ? null : p.value instanceof Uint8Array ? Buffer.from(p.value).toString('base64') : p.value));
  return { store, key: [ds.key, o.maxrows ?? -1, displaySql(t), JSON.stringify(vals)].join('\0'), expires };
}

/**
 * A Query from a driver result, column types kept. NULL reads as "" as in Lucee without full null
 * support, or stays null with it (`nulls`, see Ctx.fullNullSupport).
 */
export function toQuery(r: DbResult, nulls = false): Query {
  const none = nulls ? null : '';
  const q = new Query();
  const seen = new Set<string>();
  const n = r.rows.length;
  r.columns.forEach((c, i) => {
    const lower = c.name.toLowerCase();
    // SELECT a.id, b.id: the first column of a name wins, as in Lucee
    if (seen.has(lower)) return;
    seen.add(lower);
    const col = new Array<unknown>(n);
    for (let j = 0; j < n; j++) {
      const v = r.rows[j]![i];
      col[j] = v === null || v === undefined ? none : v;
    }
    q.addColumn(c.name, col, c.type);
  });
  if (!r.columns.length && n) q.addRows(n);
  return q;
}

function copyQuery(q: Query): Query {
  const c = new Query();
  for (const name of q.columns) c.addColumn(name, q.column(name).slice(), q.types.get(name.toLowerCase()));
  return c;
}

/** The `result` struct: Lucee's keys (generated keys per driver as well as generatedKey). */
function outcome(q: Query, t: SqlTemplate, r: DbResult | undefined, ms: number, cached: boolean, want = true): QueryOutcome {
  const s = new Struct();
  if (!want) return { query: q, result: s };
  s.set('cached', cached);
  s.set('columnList', q.columnList);
  s.set('executionTime', ms);
  s.set('recordCount', r && !r.hasResultSet ? r.updateCount : q.recordCount);
  s.set('sql', displaySql(t));
  const params = flatParams(t);
  if (params.length) s.set('sqlParameters', params.map((p) => (p.isNull ? '' : p.value)));
  if (r && !r.hasResultSet) s.set('updateCount', r.updateCount);
  if (r?.generatedKeys) for (const [k, v] of Object.entries(r.generatedKeys)) s.set(k, v);
  return { query: q, result: s };
}

/** A Database error with the cfcatch keys Lucee fills (sqlState, nativeErrorCode, sql, queryError, where). */
export function databaseError(e: unknown, pool: DbPool, ds: ResolvedDatasource, t: SqlTemplate | undefined, loc?: SourceLoc): CfmlError {
  if (e instanceof CfmlError) return e.at(loc);
  if (e instanceof ControlSignal) throw e;
  const info = pool.describeError(e);
  const message = redact(info.message, ds);
  const sql = t ? displaySql(t) : '';
  const err = new CfmlError(message, { type: 'Database', code: ErrorCode.Database, loc, detail: sql ? `SQL: ${sql}` : '' });
  err.extra = {
    sqlState: info.sqlState,
    nativeErrorCode: info.nativeErrorCode,
    sql,
    queryError: message,
    where: t ? whereText(t) : '',
    datasource: ds.name,
  };
  return err;
}

