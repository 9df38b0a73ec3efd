/**
 * MySQL and MariaDB through mysql2's pool, with server-side prepared statements (execute), so
 * values travel apart from the SQL. Decimals and big integers come back as numbers when exact.
 */
import type * as MySql from 'mysql2/promise';
import type { BoundParam, DbColumn, DbErrorInfo, DbPool, DbResult, DbSession, DbStatement } from '../types.js';
import type { ResolvedDatasource } from '../config.js';
import { driverValue, isoDate, isoTime, loadDriver, toBuffer } from './load.js';

/** MySQL protocol column types to JDBC-style names. */
const MYSQL_TYPES: Record<number, string> = {
  0: 'DECIMAL', 1: 'TINYINT', 2: 'SMALLINT', 3: 'INTEGER', 4: 'REAL', 5: 'DOUBLE', 7: 'TIMESTAMP', 8: 'BIGINT', 9: 'INTEGER',
  10: 'DATE', 11: 'TIME', 12: 'TIMESTAMP', 13: 'INTEGER', 15: 'VARCHAR', 16: 'BIT', 245: 'VARCHAR', 246: 'DECIMAL', 247: 'CHAR',
  248: 'CHAR', 249: 'BLOB', 250: 'BLOB', 251: 'BLOB', 252: 'BLOB', 253: 'VARCHAR', 254: 'CHAR',
};
const BINARY_CHARSET = 63;

interface MyField {
  name: string;
  columnType?: number;
  type?: number;
  characterSet?: number;
}

function columnType(f: MyField): string {
  const t = MYSQL_TYPES[f.columnType ?? f.type ?? 253] ?? 'OTHER';
  // TEXT columns travel as BLOB types with a text character set
  if (t === 'BLOB' && f.characterSet !== BINARY_CHARSET) return 'VARCHAR';
  return t;
}

export class MysqlPool implements DbPool {
  readonly driver = 'mysql' as const;
  private pool?: MySql.Pool;

  constructor(private readonly ds: ResolvedDatasource) {}

  placeholder(): string {
    return '?';
  }

  bind(p: BoundParam): unknown {
    return driverValue(p, [1, 0]);
  }

  beginSql(isolation: string): string[] {
    return isolation ? [`SET TRANSACTION ISOLATION LEVEL ${isolation}`, 'START TRANSACTION'] : ['START TRANSACTION'];
  }

  private open(): MySql.Pool {
    if (!this.pool) {
      const mysql = loadDriver<typeof MySql>('mysql2/promise', 'MySQL');
      const { ds } = this;
      this.pool = mysql.createPool({
        host: ds.host,
        port: ds.port,
        database: ds.database,
        user: ds.username,
        password: ds.password,
        connectionLimit: ds.connectionLimit,
        maxIdle: ds.connectionLimit,
        idleTimeout: ds.idleTimeoutMs,
        connectTimeout: 15_000,
        rowsAsArray: true,
        supportBigNumbers: true,
        bigNumberStrings: false,
        decimalNumbers: true,
        dateStrings: false,
        timezone: 'local',
        multipleStatements: false,
      });
    }
    return this.pool;
  }

  async acquire(): Promise<DbSession> {
    const conn = await this.open().getConnection();
    let released = false;
    return {
      run: (stmt) => this.run(conn, stmt),
      release: () => {
        if (!released) conn.release();
        released = true;
      },
    };
  }

  private async run(conn: MySql.PoolConnection, stmt: DbStatement): Promise<DbResult> {
    // statements without parameters go through the text protocol: some (BEGIN, SET, DDL) cannot be prepared
    const opts = { sql: stmt.sql, timeout: stmt.timeoutMs, rowsAsArray: true };
    const [res, fields] = stmt.params.length ? await conn.execute(opts, stmt.params as MySql.ExecuteValues[]) : await conn.query(opts);
    if (!Array.isArray(res)) {
      const h = res as MySql.ResultSetHeader;
      const keys = h.insertId ? { generatedKey: h.insertId, GENERATED_KEY: h.insertId } : undefined;
      return { columns: [], rows: [], hasResultSet: false, updateCount: h.affectedRows, generatedKeys: keys };
    }
    const columns: DbColumn[] = ((fields ?? []) as unknown as MyField[]).map((f) => ({ name: f.name, type: columnType(f) }));
    let rows = res as unknown[][];
    if (stmt.maxrows !== undefined && rows.length > stmt.maxrows) rows = rows.slice(0, stmt.maxrows);
    columns.forEach((c, i) => {
      // BIT(1) arrives as a one-byte buffer
      if (c.type === 'BIT') for (const r of rows) if (Buffer.isBuffer(r[i])) r[i] = (r[i] as Buffer).readUIntBE(0, Math.min(6, (r[i] as Buffer).length));
    });
    return { columns, rows, hasResultSet: true, updateCount: 0 };
  }

  describeError(e: unknown): DbErrorInfo {
    const message = e instanceof Error ? e.message : String(e);
    const x = e as { sqlState?: unknown; errno?: unknown };
    return { message, sqlState: typeof x.sqlState === 'string' ? x.sqlState : '08000', nativeErrorCode: typeof x.errno === 'number' ? x.errno : 0 };
  }

  async close(): Promise<void> {
    const p = this.pool;
    this.pool = undefined;
    await p?.end();
  }
}
