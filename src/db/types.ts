/**
 * The driver boundary of the database layer: a pool per datasource hands out sessions (one
 * connection each); a session runs one statement at a time. SQLite answers synchronously, the
 * network drivers with promises, and the tags pass both through the engine's maybe-async path.
 */
import type { MaybePromise } from '../tags/types.js';

/** Driver names as the configuration spells them after normalising aliases. */
export type DriverName = 'sqlite' | 'postgresql' | 'mysql';

/** A result column: its name as the database gave it and a JDBC-style type name (VARCHAR, INTEGER...). */
export interface DbColumn {
  name: string;
  type: string;
}

/** What one statement produced. `rows` are arrays in column order; NULL is `null` here. */
export interface DbResult {
  columns: DbColumn[];
  rows: unknown[][];
  /** Whether the statement returned a result set (SELECT, RETURNING...). */
  hasResultSet: boolean;
  /** Rows changed by INSERT/UPDATE/DELETE (0 for a SELECT). */
  updateCount: number;
  /** Driver-specific generated keys (GENERATED_KEY for MySQL, ROWID for SQLite...), with `generatedKey` first. */
  generatedKeys?: Record<string, unknown>;
}

/** One statement as sent: SQL with the driver's placeholders, values already converted for the driver. */
export interface DbStatement {
  sql: string;
  params: unknown[];
  /** Stop reading after this many rows (cfquery maxrows). */
  maxrows?: number;
  /** Milliseconds before the driver gives up (cfquery timeout, given in seconds). */
  timeoutMs?: number;
  /** Ask for generated keys of an INSERT (PostgreSQL appends RETURNING *). */
  wantKeys?: boolean;
}

/** A bound parameter before the driver converts it: the checked value and its cf_sql type (lower-case, no prefix). */
export interface BoundParam {
  value: unknown;
  type: string;
  isNull: boolean;
}

/** One connection taken from a pool. `release` gives it back; it must not be used afterwards. */
export interface DbSession {
  run(stmt: DbStatement): MaybePromise<DbResult>;
  release(): void;
}

/** The pool of one datasource. */
export interface DbPool {
  readonly driver: DriverName;
  /** The placeholder for the i-th parameter, 1-based: `?` or `$1`. */
  placeholder(i: number): string;
  /** Converts a checked parameter into what the driver binds (dates for SQLite become text...). */
  bind(p: BoundParam): unknown;
  /** The statement that opens a transaction with an isolation level ('' for the default). */
  beginSql(isolation: string): string[];
  acquire(): MaybePromise<DbSession>;
  /** What a driver error says, in JDBC's terms (SQLState, the vendor's error code). */
  describeError(e: unknown): DbErrorInfo;
  /** Ends every connection; pending sessions fail afterwards. */
  close(): Promise<void>;
}

/** A driver error in the terms cfcatch uses. */
export interface DbErrorInfo {
  message: string;
  sqlState: string;
  nativeErrorCode: number;
}
