/**
 * cftransaction's state for one render: a session per datasource, held from the first query
 * inside the transaction to its end. BEGIN is sent lazily on that first query. A nested
 * cftransaction is a savepoint of the outer one: an error inside it rolls back to the savepoint
 * (Lucee 6 nests the same way); only the outermost commits.
 */
import type { Ctx } from '../runtime/context.js';
import { AbortPage } from '../runtime/context.js';
import { CfmlError, ErrorCode } from '../runtime/errors.js';
import { andThen, isThenable } from '../runtime/maybe.js';
import type { MaybePromise } from '../tags/types.js';
import type { DbPool, DbSession } from './types.js';

interface TxSession {
  pool: DbPool;
  session: DbSession;
  /** BEGIN was sent and no COMMIT/ROLLBACK since. */
  begun: boolean;
}

interface TxFrame {
  savepoint: string | null;
  /** Sessions whose BEGIN was sent inside this frame: rolling the frame back rolls them back whole. */
  opened: Set<TxSession>;
  /** Sessions that got this frame's savepoint. */
  saved: Set<TxSession>;
}

/** The open transaction of a render. */
export class Transaction {
  readonly frames: TxFrame[] = [];
  readonly sessions = new Map<DbPool, TxSession>();
  constructor(readonly isolation: string) {}

  /** The session of `pool` inside this transaction, BEGIN sent. */
  session(pool: DbPool): MaybePromise<DbSession> {
    const ts = this.sessions.get(pool);
    if (ts) return ts.begun ? ts.session : this.begin(ts);
    return andThen(pool.acquire(), (session) => {
      const t: TxSession = { pool, session, begun: false };
      this.sessions.set(pool, t);
      return this.begin(t);
    });
  }

  private begin(ts: TxSession): MaybePromise<DbSession> {
    return andThen(runAll(ts, ts.pool.beginSql(this.isolation)), () => {
      ts.begun = true;
      this.frames[this.frames.length - 1]!.opened.add(ts);
      return ts.session;
    });
  }

  /** COMMIT (or ROLLBACK) every begun session; the transaction goes on with a new BEGIN on the next query. */
  end(how: 'COMMIT' | 'ROLLBACK'): MaybePromise<void> {
    return each([...this.sessions.values()], (ts) => {
      if (!ts.begun) return;
      ts.begun = false;
      return runAll(ts, [how]);
    });
  }

  savepoint(name: string): MaybePromise<void> {
    return each([...this.sessions.values()], (ts) => (ts.begun ? runAll(ts, [`SAVEPOINT ${name}`]) : undefined));
  }

  rollbackTo(name: string): MaybePromise<void> {
    return each([...this.sessions.values()], (ts) => (ts.begun ? runAll(ts, [`ROLLBACK TO SAVEPOINT ${name}`]) : undefined));
  }

  release(): void {
    for (const ts of this.sessions.values()) ts.session.release();
    this.sessions.clear();
  }
}

const KEY = 'db.transaction';

/** The transaction the render is in, if any. */
export const currentTransaction = (ctx: Ctx): Transaction | undefined => ctx.locals.get(KEY) as Transaction | undefined;

const ISOLATION: Record<string, string> = {
  read_uncommitted: 'READ UNCOMMITTED',
  read_committed: 'READ COMMITTED',
  repeatable_read: 'REPEATABLE READ',
  serializable: 'SERIALIZABLE',
};

/** The SQL words of a cftransaction isolation attribute; throws for unknown levels. */
export function isolationLevel(v: string | undefined): string {
  if (!v) return '';
  const l = ISOLATION[v.toLowerCase().replace(/[\s-]/g, '_')];
  if (!l) throw new CfmlError(`invalid isolation [${v}], valid values are [read_uncommitted, read_committed, repeatable_read, serializable]`, { type: 'Application', code: ErrorCode.TransactionUsage });
  return l;
}

/**
 * Runs `body` in a transaction. Outermost: commits at the end, rolls back on an error (cfabort
 * and cflocation end the page normally, so they commit). Nested: a savepoint, rolled back to on
 * an error.
 */
export function inTransaction<T>(ctx: Ctx, isolation: string, body: () => MaybePromise<T>): MaybePromise<T> {
  const outer = currentTransaction(ctx);
  const tx = outer ?? new Transaction(isolation);
  if (!outer) ctx.locals.set(KEY, tx);
  const depth = tx.frames.length;
  const frame: TxFrame = { savepoint: depth ? `cftx_${depth}` : null, opened: new Set(), saved: new Set() };
  const start = frame.savepoint
    ? each([...tx.sessions.values()], (ts) => {
        if (!ts.begun) return;
        frame.saved.add(ts);
        return runAll(ts, [`SAVEPOINT ${frame.savepoint}`]);
      })
    : undefined;
  const finish = (ok: boolean): MaybePromise<void> => {
    tx.frames.pop();
    if (!outer) {
      ctx.locals.delete(KEY);
      return andThen(
        guard(() => tx.end(ok ? 'COMMIT' : 'ROLLBACK'), () => tx.release()),
        () => tx.release(),
      );
    }
    if (ok) return;
    return each([...tx.sessions.values()], (ts) => {
      if (frame.opened.has(ts)) {
        ts.begun = false;
        return runAll(ts, ['ROLLBACK']);
      }
      if (frame.saved.has(ts) && ts.begun) return runAll(ts, [`ROLLBACK TO SAVEPOINT ${frame.savepoint}`]);
    });
  };
  const onError = (e: unknown): MaybePromise<T> => {
    const ok = e instanceof AbortPage;
    let r: MaybePromise<void>;
    try {
      r = finish(ok);
    } catch {
      throw e;
    }
    if (isThenable(r)) return (r as Promise<void>).then(() => Promise.reject(e), () => Promise.reject(e));
    throw e;
  };
  tx.frames.push(frame);
  let r: MaybePromise<T>;
  try {
    r = andThen(start, body);
  } catch (e) {
    return onError(e);
  }
  if (isThenable(r)) return (r as Promise<T>).then((v) => andThen(finish(true), () => v), onError);
  return andThen(finish(true), () => r as T);
}

/** Runs statements in order on a transaction's session; a driver error becomes a Database error. */
function runAll(ts: TxSession, sqls: string[]): MaybePromise<void> {
  const fail = (e: unknown, sql: string): never => {
    if (e instanceof CfmlError) throw e;
    const info = ts.pool.describeError(e);
    const err = new CfmlError(info.message, { type: 'Database', code: ErrorCode.Database, detail: `SQL: ${sql}` });
    err.extra = { sqlState: info.sqlState, nativeErrorCode: info.nativeErrorCode, sql, queryError: info.message, where: '' };
    throw err;
  };
  return each(sqls, (sql) => {
    let r;
    try {
      r = ts.session.run({ sql, params: [] });
    } catch (e) {
      return fail(e, sql);
    }
    return isThenable(r) ? (r as Promise<unknown>).then(() => undefined, (e) => fail(e, sql)) : undefined;
  });
}

/** Calls f on each item in order, waiting for the ones that answer with a promise. */
export function each<X>(items: X[], f: (x: X) => MaybePromise<void> | undefined, from = 0): MaybePromise<void> {
  for (let i = from; i < items.length; i++) {
    const r = f(items[i]!);
    if (isThenable(r)) return (r as Promise<void>).then(() => each(items, f, i + 1));
  }
}

/** Runs fn; when it throws or rejects, runs cleanup first and passes the error on. */
function guard(fn: () => MaybePromise<void>, cleanup: () => void): MaybePromise<void> {
  let r: MaybePromise<void>;
  try {
    r = fn();
  } catch (e) {
    cleanup();
    throw e;
  }
  if (isThenable(r)) return (r as Promise<void>).catch((e) => (cleanup(), Promise.reject(e)));
  return r;
}
