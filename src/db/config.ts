/**
 * Datasource definitions: what EngineOptions.datasources, Application.cfc's this.datasources and a
 * per-tag struct may hold, normalised into one shape. Lucee's key names are accepted too (type,
 * class, connectionString, connectionLimit, connectionTimeout in minutes).
 */
import * as path from 'node:path';
import { Struct } from '../runtime/struct.js';
import { CfmlError, ErrorCode } from '../runtime/errors.js';
import { toNum, toStr } from '../runtime/cast.js';
import type { DriverName } from './types.js';

/** A datasource as the embedding application writes it. */
export interface DatasourceConfig {
  /** sqlite (default when only `database` is a file), postgresql (postgres, pg), mysql (mariadb). */
  driver?: string;
  /** SQLite: a file path (relative to the current directory) or ":memory:"; otherwise the database name. */
  database?: string;
  host?: string;
  port?: number;
  username?: string;
  password?: string;
  /** `postgresql://user:pass@host:port/db`, `mysql://...`, `sqlite:path`, or the jdbc: forms. */
  connectionString?: string;
  /** Most connections the pool opens (default 10; SQLite always uses one). */
  connectionLimit?: number;
  /** Milliseconds an idle pooled connection stays open (default 30 s). */
  idleTimeoutMs?: number;
}

/** A definition: an object, a CFML struct or a connection string. */
export type DatasourceInput = DatasourceConfig | Struct | string;

/** The normalised definition a pool is made from. `key` identifies the pool (it holds no password). */
export interface ResolvedDatasource {
  name: string;
  driver: DriverName;
  database: string;
  host: string;
  port: number;
  username: string;
  password: string;
  connectionLimit: number;
  idleTimeoutMs: number;
  key: string;
}

const DRIVERS: Record<string, DriverName> = {
  sqlite: 'sqlite', sqlite3: 'sqlite', 'org.sqlite.jdbc': 'sqlite',
  postgresql: 'postgresql', postgres: 'postgresql', pg: 'postgresql', 'org.postgresql.driver': 'postgresql',
  mysql: 'mysql', mariadb: 'mysql', 'com.mysql.cj.jdbc.driver': 'mysql', 'com.mysql.jdbc.driver': 'mysql', 'org.mariadb.jdbc.driver': 'mysql',
};
const DEFAULT_PORT: Record<DriverName, number> = { sqlite: 0, postgresql: 5432, mysql: 3306 };

const configError = (name: string, message: string) =>
  new CfmlError(`datasource [${name}]: ${message}`, { type: 'Database', code: ErrorCode.DatasourceConfig });

/** Reads a key case-insensitively from an object or struct, trying each spelling in turn. */
function pick(src: Record<string, unknown> | Struct, ...keys: string[]): unknown {
  for (const k of keys) {
    if (src instanceof Struct) {
      const v = src.getLower(k.toLowerCase());
      if (v !== undefined) return v;
    } else {
      const hit = Object.keys(src).find((x) => x.toLowerCase() === k.toLowerCase());
      if (hit !== undefined && src[hit] !== undefined) return src[hit];
    }
  }
  return undefined;
}

function driverOf(name: string, v: string): DriverName {
  const d = DRIVERS[v.toLowerCase()];
  if (!d) throw configError(name, `unknown driver [${v}], supported drivers are [sqlite, postgresql, mysql]`);
  return d;
}

/** Parses a connection string into config fields; returns undefined when it is not one. */
function parseConnectionString(name: string, s: string): DatasourceConfig | undefined {
  let str = s.trim().replace(/^jdbc:/i, '');
  const sqlite = /^sqlite:(?:\/\/)?(.*)$/i.exec(str);
  if (sqlite) return { driver: 'sqlite', database: sqlite[1] };
  const m = /^([a-z0-9]+):\/\//i.exec(str);
  if (!m) return undefined;
  const driver = driverOf(name, m[1]!);
  str = str.replace(/^mariadb:/i, 'mysql:');
  let u: URL;
  try {
    u = new URL(str.replace(/^[a-z0-9]+:/i, 'db:'));
  } catch {
    throw configError(name, 'the connection string is not a valid URL (driver://user:password@host:port/database)');
  }
  const q = u.searchParams;
  return {
    driver,
    host: u.hostname || undefined,
    port: u.port ? Number(u.port) : undefined,
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || q.get('database') || undefined,
    username: u.username ? decodeURIComponent(u.username) : q.get('user') ?? undefined,
    password: u.password ? decodeURIComponent(u.password) : q.get('password') ?? undefined,
  };
}

/**
 * Normalises a datasource definition. `baseDir` resolves a relative SQLite path. Throws a
 * Database error naming the datasource (never its password) when the definition is unusable.
 */
export function resolveDatasource(name: string, input: DatasourceInput, baseDir = process.cwd()): ResolvedDatasource {
  let cfg: DatasourceConfig;
  if (typeof input === 'string') {
    cfg = parseConnectionString(name, input) ?? { driver: 'sqlite', database: input };
  } else {
    const src = input as Record<string, unknown> | Struct;
    const str = (...keys: string[]) => {
      const v = pick(src, ...keys);
      return v === undefined || v === null ? undefined : toStr(v);
    };
    const num = (...keys: string[]) => {
      const v = pick(src, ...keys);
      return v === undefined || v === '' ? undefined : toNum(v);
    };
    const conn = str('connectionString', 'url', 'dsn');
    const fromConn = conn ? parseConnectionString(name, conn) : undefined;
    const minutes = num('connectionTimeout');
    cfg = {
      ...fromConn,
      driver: str('driver', 'type', 'dbdriver', 'class') ?? fromConn?.driver,
      database: str('database', 'dbname', 'file', 'path') ?? fromConn?.database,
      host: str('host', 'server') ?? fromConn?.host,
      port: num('port') ?? fromConn?.port,
      username: str('username', 'user') ?? fromConn?.username,
      password: str('password') ?? fromConn?.password,
      connectionLimit: num('connectionLimit', 'max', 'poolSize'),
      idleTimeoutMs: num('idleTimeoutMs') ?? (minutes !== undefined ? minutes * 60_000 : undefined),
    };
  }
  const driver = cfg.driver ? driverOf(name, cfg.driver) : 'sqlite';
  let database = cfg.database ?? '';
  if (driver === 'sqlite') {
    if (!database) throw configError(name, 'a SQLite datasource needs a database (a file path or ":memory:")');
    if (database !== ':memory:') database = path.resolve(baseDir, database);
  } else if (!database) throw configError(name, `a ${driver} datasource needs a database name`);
  const host = cfg.host || '127.0.0.1';
  const port = cfg.port || DEFAULT_PORT[driver];
  const username = cfg.username ?? '';
  const limit = cfg.connectionLimit && cfg.connectionLimit > 0 ? Math.floor(cfg.connectionLimit) : 10;
  const idle = cfg.idleTimeoutMs && cfg.idleTimeoutMs > 0 ? cfg.idleTimeoutMs : 30_000;
  const password = cfg.password ?? '';
  return {
    name,
    driver,
    database,
    host,
    port,
    username,
    password,
    connectionLimit: limit,
    idleTimeoutMs: idle,
    // the pool key tells definitions apart without holding the password itself
    key: [driver, host, port, database, username, passwordTag(password), limit, idle].join('|'),
  };
}

/** A short non-reversible tag of a password, so two definitions differing only in it get two pools. */
function passwordTag(pw: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < pw.length; i++) h = Math.imul(h ^ pw.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

/** Removes a password from a message, for errors coming from drivers. */
export function redact(message: string, ds: ResolvedDatasource | undefined): string {
  if (!ds || !ds.password || ds.password.length < 2) return message;
  return message.split(ds.password).join('****');
}
