/**
 * SQLite through better-sqlite3 (embedded, synchronous). One connection per database: a session
 * held by a transaction that waits on something async makes other renders queue behind it, so no
 * render ever runs inside another render's transaction.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { BoundParam, DbErrorInfo, DbColumn, DbPool, DbResult, DbSession, DbStatement } from '../types.js';
import type { ResolvedDatasource } from '../config.js';
import { driverValue, isoDate, isoTime, isoTimestamp, loadDriver, toBuffer } from './load.js';

type Database = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement;

/** A prepared statement with what is known of it once (cached per SQL text on the connection). */
interface Prepared {
  st: Statement;
  isInsert: boolean;
}

/** The columns and rows of a statement without a result set (read only). */
const NONE: never[] = [];

const DATE_TYPES = /^(date|datetime|timestamp)/i;
const TIME_TYPE = /^time$/i;

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

/** The digits of `s` from `i` to `j` (exclusive) as a number, or -1 when one is not a digit. */
function digits(s: string, i: number, j: number): number {
  let n = 0;
  for (; i < j; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * A date text stored by a DATE/DATETIME/TIMESTAMP column as a date value (local time, as written):
 * `YYYY-MM-DD`, optionally `[ T]HH:MM`, `:SS`, `.fraction` (milliseconds kept). Anything else is
 * returned unchanged. Read by char codes: it runs once per row and column.
 */
function readDate(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const len = v.length;
  if (len < 10 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return v; // '-'
  const y = digits(v, 0, 4), mo = digits(v, 5, 7), d = digits(v, 8, 10);
  if (y < 0 || mo < 0 || d < 0) return v;
  let h = 0, mi = 0, sec = 0, ms = 0;
  if (len > 10) {
    const sep = v.charCodeAt(10);
    if ((sep !== 32 && sep !== 84) || len < 16 || v.charCodeAt(13) !== 58) return v; // ' ' 'T' ':'
    h = digits(v, 11, 13);
    mi = digits(v, 14, 16);
    if (h < 0 || mi < 0) return v;
    if (len > 16) {
      if (len < 19 || v.charCodeAt(16) !== 58 || (sec = digits(v, 17, 19)) < 0) return v;
      if (len > 19) {
        if (v.charCodeAt(19) !== 46 || len === 20 || digits(v, 20, len) < 0) return v; // '.'
        ms = digits(v, 20, Math.min(len, 23));
        for (let k = Math.min(len, 23) - 20; k < 3; k++) ms *= 10;
      }
    }
  }
  return new Date(y, mo - 1, d, h, mi, sec, ms);
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
  private readonly statements = new Map<string, Prepared>();
  private busy = false;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly ds: ResolvedDatasource) {}

  placeholder(): string {
    return '?';
  }

  bind(p: BoundParam): unknown {
    return driverValue(p, [1, 0], isoTimestamp);
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

  private prepare(sql: string): Prepared {
    let p = this.statements.get(sql);
    if (!p) {
      const st = this.open().prepare(sql);
      if (st.reader) st.raw(true);
      p = { st, isInsert: /^\s*(insert|replace)\b/i.test(sql) };
      if (this.statements.size >= 500) this.statements.delete(this.statements.keys().next().value!);
      this.statements.set(sql, p);
    }
    return p;
  }

  private run(stmt: DbStatement): DbResult {
    const p = this.prepare(stmt.sql);
    const st = p.st;
    if (!st.reader) {
      const info = st.run(...stmt.params);
      return {
        columns: NONE,
        rows: NONE,
        hasResultSet: false,
        updateCount: info.changes,
        generatedKeys: stmt.wantKeys && p.isInsert && info.changes > 0 ? { generatedKey: Number(info.lastInsertRowid), ROWID: Number(info.lastInsertRowid) } : undefined,
      };
    }
    let rows: unknown[][];
    const max = stmt.maxrows ?? Infinity;
    if (max === Infinity) rows = st.all(...stmt.params) as unknown[][];
    else {
      rows = [];
      for (const r of st.iterate(...stmt.params) as IterableIterator<unknown[]>) {
        if (rows.length >= max) break;
        rows.push(r);
      }
    }
    // st.columns() per run: a schema change re-prepares the statement and may change them
    const columns: DbColumn[] = st.columns().map((c, i) => {
      let sample: unknown = null;
      if (!c.type) for (const r of rows) if ((sample = r[i]) !== null) break;
      return { name: c.name, type: typeName(c.type, sample) };
    });
    const n = rows.length;
    for (let i = 0; i < columns.length; i++) {
      const type = columns[i]!.type;
      if (DATE_TYPES.test(type)) for (let j = 0; j < n; j++) rows[j]![i] = readDate(rows[j]![i]);
      else if (TIME_TYPE.test(type)) for (let j = 0; j < n; j++) if (typeof rows[j]![i] === 'string') rows[j]![i] = readDate('1970-01-01 ' + (rows[j]![i] as string));
    }
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
