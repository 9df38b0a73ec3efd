/**
 * SQLite through better-sqlite3 (embedded, synchronous). One connection per database: a session
 * held by a transaction that waits on something async makes other renders queue behind it, so no
 * render ever runs inside another render's transaction.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { BoundParam, DbErrorInfo, DbColumn, DbPool, DbResult, DbSession, DbStatement } from '../types.js';
import type { ResolvedDatasource } from '../config.js';
import { isoDate, isoTime, isoTimestamp, loadDriver, toBuffer } from './load.js';

type Database = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement;

const DATE_TYPES = /^(date|datetime|timestamp)/i;
const TIME_TYPE = /^time$/i;
const INSERT_SQL = /^\s*(insert|replace)\b/i;
const LOCAL_TS = /^(\d{4})-(\d\d)-(\d\d)(?:[ T](\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,3})\d*)?)?)?$/;

/** Declared column type of SQLite to the JDBC-style name getMetadata shows. */
function typeName(declared: string | null, sample: unknown): string {
  if (declared) {
    const d = declared.toUpperCase().replace(/\(.*$/, '').trim();
    if (/INT/.test(d)) return d === 'BIGINT' ? 'BIGINT' : 'INTEGER';
    if (/CHAR|CLOB|TEXT/.test(d)) return 'VARCHAR';
    if (/BLOB/.test(d)) return 'BLOB';
    if (/REAL|FLOA|DOUB/.test(d)) return 'DOUBLE';
    if (d === 'DATETIME') return 'TIMESTAMP';
    return d;
  }
  if (typeof sample === 'number') return Number.isInteger(sample) ? 'INTEGER' : 'DOUBLE';
  if (typeof sample === 'bigint') return 'BIGINT';
  if (sample instanceof Uint8Array) return 'BLOB';
  return 'VARCHAR';
}

/** A date text stored by a DATE/DATETIME/TIMESTAMP column as a date value (local time, as written). */
function readDate(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const m = LOCAL_TS.exec(v);
  if (!m) return v;
  const n = (i: number) => (m[i] ? Number(m[i]) : 0);
  return new Date(n(1), n(2) - 1, n(3), n(4), n(5), n(6), m[7] ? Number(m[7].padEnd(3, '0')) : 0);
}

/** SQLite's primary result codes by name (sqlite3.h), the nativeErrorCode of a SqliteError. */
const SQLITE_CODES: Record<string, number> = {
  SQLITE_ERROR: 1, SQLITE_INTERNAL: 2, SQLITE_PERM: 3, SQLITE_ABORT: 4, SQLITE_BUSY: 5, SQLITE_LOCKED: 6, SQLITE_NOMEM: 7,
  SQLITE_READONLY: 8, SQLITE_INTERRUPT: 9, SQLITE_IOERR: 10, SQLITE_CORRUPT: 11, SQLITE_FULL: 13, SQLITE_CANTOPEN: 14,
  SQLITE_SCHEMA: 17, SQLITE_TOOBIG: 18, SQLITE_CONSTRAINT: 19, SQLITE_MISMATCH: 20, SQLITE_MISUSE: 21, SQLITE_RANGE: 25,
};

export class SqlitePool implements DbPool {
  readonly driver = 'sqlite' as const;
  private db?: Database;
  private readonly statements = new Map<string, Statement>();
  private busy = false;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly ds: ResolvedDatasource) {}

  placeholder(): string {
    return '?';
  }

  bind(p: BoundParam): unknown {
    const v = p.value;
    if (p.isNull || v === null || v === undefined) return null;
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (v instanceof Date) return p.type === 'date' ? isoDate(v) : p.type === 'time' ? isoTime(v) : isoTimestamp(v);
    if (v instanceof Uint8Array) return toBuffer(v);
    return v;
  }

  beginSql(): string[] {
    // SQLite transactions are serializable whatever level is asked for
    return ['BEGIN'];
  }

  private open(): Database {
    if (!this.db) {
      const Ctor = loadDriver<typeof BetterSqlite3>('better-sqlite3', 'SQLite');
      this.db = new Ctor(this.ds.database);
      if (this.ds.database !== ':memory:') this.db.pragma('journal_mode = WAL');
      this.db.pragma('foreign_keys = ON');
    }
    return this.db;
  }

  acquire(): DbSession | Promise<DbSession> {
    if (!this.busy) {
      this.busy = true;
      return this.session();
    }
    return new Promise((resolve) => this.waiting.push(() => resolve(this.session())));
  }

  private session(): DbSession {
    let released = false;
    return {
      run: (stmt) => this.run(stmt),
      release: () => {
        if (released) return;
        released = true;
        const next = this.waiting.shift();
        if (next) next();
        else this.busy = false;
      },
    };
  }

  private prepare(sql: string): Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.open().prepare(sql);
      if (this.statements.size >= 500) this.statements.delete(this.statements.keys().next().value!);
      this.statements.set(sql, st);
    }
    return st;
  }

  private run(stmt: DbStatement): DbResult {
    const st = this.prepare(stmt.sql);
    if (!st.reader) {
      const info = st.run(...stmt.params);
      const isInsert = INSERT_SQL.test(stmt.sql);
      return {
        columns: [],
        rows: [],
        hasResultSet: false,
        updateCount: info.changes,
        generatedKeys: isInsert && info.changes > 0 ? { generatedKey: Number(info.lastInsertRowid), ROWID: Number(info.lastInsertRowid) } : undefined,
      };
    }
    st.raw(true);
    const meta = st.columns();
    const rows: unknown[][] = [];
    const max = stmt.maxrows ?? Infinity;
    if (max === Infinity) rows.push(...(st.all(...stmt.params) as unknown[][]));
    else {
      for (const r of st.iterate(...stmt.params) as IterableIterator<unknown[]>) {
        if (rows.length >= max) break;
        rows.push(r);
      }
    }
    const columns: DbColumn[] = meta.map((c, i) => {
      let sample: unknown = null;
      if (!c.type) for (const r of rows) if ((sample = r[i]) !== null) break;
      return { name: c.name, type: typeName(c.type, sample) };
    });
    columns.forEach((c, i) => {
      if (DATE_TYPES.test(c.type)) for (const r of rows) r[i] = readDate(r[i]);
      else if (TIME_TYPE.test(c.type)) for (const r of rows) if (typeof r[i] === 'string') r[i] = readDate('1970-01-01 ' + (r[i] as string));
    });
    return { columns, rows, hasResultSet: true, updateCount: 0 };
  }

  describeError(e: unknown): DbErrorInfo {
    const code = String((e as { code?: unknown }).code ?? '');
    const message = e instanceof Error ? e.message : String(e);
    // SQLite has no SQLState: constraint failures get the standard class 23, the rest HY000
    return { message, sqlState: code.startsWith('SQLITE_CONSTRAINT') ? '23000' : 'HY000', nativeErrorCode: SQLITE_CODES[code.replace(/^(SQLITE_[A-Z]+).*$/, '$1')] ?? 1 };
  }

  async close(): Promise<void> {
    this.statements.clear();
    this.db?.close();
    this.db = undefined;
  }
}
