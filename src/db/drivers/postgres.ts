/**
 * PostgreSQL through `pg` (node-postgres) and its pool. Rows come as arrays; int8 and numeric
 * become numbers (int8 beyond 2^53 stays text), date columns local-midnight dates.
 */
import type * as Pg from 'pg';
import type { BoundParam, DbColumn, DbErrorInfo, DbPool, DbResult, DbSession, DbStatement } from '../types.js';
import type { ResolvedDatasource } from '../config.js';
import { driverValue, isoDate, isoTime, loadDriver, toBuffer } from './load.js';

/** Type OIDs (pg_type) to JDBC-style names. */
const OID_TYPES: Record<number, string> = {
  16: 'BIT', 17: 'BLOB', 18: 'CHAR', 19: 'VARCHAR', 20: 'BIGINT', 21: 'SMALLINT', 23: 'INTEGER', 25: 'VARCHAR', 26: 'INTEGER',
  114: 'VARCHAR', 700: 'REAL', 701: 'DOUBLE', 790: 'NUMERIC', 1042: 'CHAR', 1043: 'VARCHAR', 1082: 'DATE', 1083: 'TIME',
  1114: 'TIMESTAMP', 1184: 'TIMESTAMP', 1266: 'TIME', 1700: 'NUMERIC', 2950: 'VARCHAR', 3802: 'VARCHAR',
};

const int8 = (s: string) => {
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : s;
};
const dateOnly = (s: string) => {
  const m = /^(\d{4,})-(\d\d)-(\d\d)$/.exec(s);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : s;
};
const timeOnly = (s: string) => {
  const m = /^(\d\d):(\d\d):(\d\d)(?:\.(\d{1,3}))?/.exec(s);
  return m ? new Date(1970, 0, 1, Number(m[1]), Number(m[2]), Number(m[3]), m[4] ? Number(m[4].padEnd(3, '0')) : 0) : s;
};

export class PostgresPool implements DbPool {
  readonly driver = 'postgresql' as const;
  private pool?: Pg.Pool;

  constructor(private readonly ds: ResolvedDatasource) {}

  placeholder(i: number): string {
    return '$' + i;
  }

  bind(p: BoundParam): unknown {
    return driverValue(p, ['1', '0']);
  }

  beginSql(isolation: string): string[] {
    return [isolation ? `BEGIN ISOLATION LEVEL ${isolation}` : 'BEGIN'];
  }

  private open(): Pg.Pool {
    if (!this.pool) {
      const pg = loadDriver<typeof Pg>('pg', 'PostgreSQL');
      const base = pg.types;
      const parsers: Record<number, (s: string) => unknown> = { 20: int8, 1700: Number, 790: (s) => Number(s.replace(/[^0-9.-]/g, '')), 1082: dateOnly, 1083: timeOnly };
      const { ds } = this;
      this.pool = new pg.Pool({
        host: ds.host,
        port: ds.port,
        database: ds.database,
        user: ds.username,
        password: ds.password,
        max: ds.connectionLimit,
        idleTimeoutMillis: ds.idleTimeoutMs,
        connectionTimeoutMillis: 15_000,
        types: {
          getTypeParser: ((oid: number, format?: 'text' | 'binary') => parsers[oid] ?? base.getTypeParser(oid, format as 'text')) as typeof base.getTypeParser,
        },
      });
      // an idle client that loses its server is dropped by the pool; the error must not kill the process
      this.pool.on('error', () => undefined);
    }
    return this.pool;
  }

  async acquire(): Promise<DbSession> {
    const client = await this.open().connect();
    let released = false;
    return {
      run: (stmt) => this.run(client, stmt),
      release: () => {
        if (!released) client.release();
        released = true;
      },
    };
  }

  private async run(client: Pg.PoolClient, stmt: DbStatement): Promise<DbResult> {
    let sql = stmt.sql;
    const addKeys = stmt.wantKeys && /^\s*insert\b/i.test(sql) && !/\breturning\b/i.test(sql);
    if (addKeys) sql = sql.replace(/;\s*$/, '') + ' RETURNING *';
    const r = await client.query({ text: sql, values: stmt.params, rowMode: 'array', query_timeout: stmt.timeoutMs } as Pg.QueryConfig);
    const fields = r.fields ?? [];
    if (addKeys) {
      const last = r.rows[r.rows.length - 1] as unknown[] | undefined;
      const keys: Record<string, unknown> = {};
      if (last && fields.length) {
        keys.generatedKey = last[0];
        fields.forEach((f, i) => (keys[f.name] = last[i]));
      }
      return { columns: [], rows: [], hasResultSet: false, updateCount: r.rowCount ?? 0, generatedKeys: last ? keys : undefined };
    }
    if (!fields.length && r.command !== 'SELECT') return { columns: [], rows: [], hasResultSet: false, updateCount: r.rowCount ?? 0 };
    const columns: DbColumn[] = fields.map((f) => ({ name: f.name, type: OID_TYPES[f.dataTypeID] ?? 'OTHER' }));
    let rows = r.rows as unknown[][];
    if (stmt.maxrows !== undefined && rows.length > stmt.maxrows) rows = rows.slice(0, stmt.maxrows);
    return { columns, rows, hasResultSet: true, updateCount: r.command === 'SELECT' ? 0 : r.rowCount ?? 0 };
  }

  describeError(e: unknown): DbErrorInfo {
    const message = e instanceof Error ? e.message : String(e);
    const code = (e as { code?: unknown }).code;
    // the PostgreSQL server reports an SQLState only; JDBC's vendor code is 0
    return { message, sqlState: typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : '08000', nativeErrorCode: 0 };
  }

  async close(): Promise<void> {
    const p = this.pool;
    this.pool = undefined;
    await p?.end();
  }
}
