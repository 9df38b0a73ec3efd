/**
 * Private PostgreSQL and MariaDB servers for tests and benchmarks. Each start makes a temp dir,
 * runs initdb / mariadb-install-db into it, and starts the server on a free port on 127.0.0.1
 * with its own settings (no system cluster or /etc config is used). As root the servers run as
 * the packages' unprivileged users (postgres, mysql). stop() kills the server and removes the dir.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export interface DbServer {
  driver: 'postgresql' | 'mysql';
  host: '127.0.0.1';
  port: number;
  username: string;
  password: string;
  /** A database that exists (the tests create their own beside it). */
  database: string;
  dir: string;
  /** Creates an empty database and returns its name. */
  createDatabase(name: string): Promise<string>;
  log(): Promise<string>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** uid/gid of a system user, for running a server as it when we are root. */
function userIds(name: string): { uid: number; gid: number } | undefined {
  if (!isRoot()) return undefined;
  const r = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const g = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  if (r.status !== 0 || g.status !== 0) throw new Error(`user [${name}] is missing: run scripts/ensure-databases.sh`);
  return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
}

function run(cmd: string, args: string[], ids: { uid: number; gid: number } | undefined, cwd: string): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8', cwd, ...(ids ?? {}) });
  if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${r.stderr || r.stdout}`);
}

async function waitForPort(port: number, proc: ChildProcess, logFile: string, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (proc.exitCode !== null) throw new Error(`server exited (${proc.exitCode}): ${await fs.readFile(logFile, 'utf8').catch(() => '')}`);
    const ok = await new Promise<boolean>((r) => {
      const s = net.connect(port, '127.0.0.1', () => (s.destroy(), r(true)));
      s.on('error', () => r(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not listen on ${port}: ${await fs.readFile(logFile, 'utf8').catch(() => '')}`);
}

async function makeDir(prefix: string, ids: { uid: number; gid: number } | undefined): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  if (ids) await fs.chown(dir, ids.uid, ids.gid);
  await fs.chmod(dir, 0o700);
  return dir;
}

function stopper(proc: ChildProcess, dir: string, signal: NodeJS.Signals) {
  return async () => {
    if (proc.exitCode === null) {
      const gone = new Promise<void>((r) => proc.once('exit', () => r()));
      proc.kill(signal);
      const t = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      await gone;
      clearTimeout(t);
    }
    await fs.rm(dir, { recursive: true, force: true });
  };
}

function pgBin(name: string): string {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base).filter((v) => existsSync(path.join(base, v, 'bin', name))).sort((a, b) => Number(b) - Number(a));
    if (versions.length) return path.join(base, versions[0]!, 'bin', name);
  }
  return name;
}

/** Starts PostgreSQL with password (scram) authentication for user `cfml`. */
export async function startPostgres(): Promise<DbServer> {
  const ids = userIds('postgres');
  const dir = await makeDir('cfml-pg-', ids);
  const data = path.join(dir, 'data');
  const password = 'pw-' + Math.random().toString(36).slice(2);
  const pwfile = path.join(dir, 'pw');
  await fs.writeFile(pwfile, password + '\n');
  if (ids) await fs.chown(pwfile, ids.uid, ids.gid);
  run(pgBin('initdb'), ['-D', data, '-U', 'cfml', '--pwfile', pwfile, '--auth', 'scram-sha-256', '-E', 'UTF8', '--locale', 'C', '--no-sync'], ids, dir);
  const port = await freePort();
  const logFile = path.join(dir, 'server.log');
  const out = await fs.open(logFile, 'w');
  if (ids) await fs.chown(logFile, ids.uid, ids.gid);
  const proc = spawn(
    pgBin('postgres'),
    ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=50', '-c', 'TimeZone=UTC'],
    { cwd: dir, stdio: ['ignore', out.fd, out.fd], ...(ids ?? {}) },
  );
  await out.close();
  await waitForPort(port, proc, logFile);
  // the port answers before the server accepts logins
  await new Promise((r) => setTimeout(r, 300));
  const server: DbServer = {
    driver: 'postgresql',
    host: '127.0.0.1',
    port,
    username: 'cfml',
    password,
    database: 'postgres',
    dir,
    async createDatabase(name) {
      const pg = (await import('pg')).default;
      const c = new pg.Client({ host: '127.0.0.1', port, user: 'cfml', password, database: 'postgres' });
      await c.connect();
      try {
        await c.query(`CREATE DATABASE ${name}`);
      } finally {
        await c.end();
      }
      return name;
    },
    log: () => fs.readFile(logFile, 'utf8'),
    stop: stopper(proc, dir, 'SIGINT'),
  };
  await waitForLogin(() => server.createDatabase('cfml_ready'));
  return server;
}

/** Starts MariaDB with user `cfml` (a password, all privileges). */
export async function startMariadb(): Promise<DbServer> {
  const ids = userIds('mysql');
  const dir = await makeDir('cfml-maria-', ids);
  const data = path.join(dir, 'data');
  const password = 'pw-' + Math.random().toString(36).slice(2);
  run('mariadb-install-db', ['--no-defaults', `--datadir=${data}`, '--auth-root-authentication-method=socket', '--skip-test-db', ...(ids ? ['--user=mysql'] : [])], ids, dir);
  const port = await freePort();
  const logFile = path.join(dir, 'server.log');
  const out = await fs.open(logFile, 'w');
  const sock = path.join(dir, 'mysqld.sock');
  const init = path.join(dir, 'init.sql');
  await fs.writeFile(init, `CREATE USER IF NOT EXISTS 'cfml'@'127.0.0.1' IDENTIFIED BY '${password}';\nGRANT ALL PRIVILEGES ON *.* TO 'cfml'@'127.0.0.1';\nFLUSH PRIVILEGES;\n`);
  if (ids) for (const f of [logFile, init]) await fs.chown(f, ids.uid, ids.gid);
  const mariadbd = existsSync('/usr/sbin/mariadbd') ? '/usr/sbin/mariadbd' : 'mariadbd';
  const proc = spawn(
    mariadbd,
    [
      '--no-defaults', `--datadir=${data}`, `--port=${port}`, '--bind-address=127.0.0.1', `--socket=${sock}`, `--pid-file=${path.join(dir, 'pid')}`,
      `--init-file=${init}`, '--skip-name-resolve', '--skip-log-bin', '--innodb-buffer-pool-size=32M', '--innodb-flush-log-at-trx-commit=0',
      '--character-set-server=utf8mb4', '--collation-server=utf8mb4_bin', '--default-time-zone=+00:00', '--max-connections=50',
      ...(ids ? ['--user=mysql'] : []),
    ],
    { cwd: dir, stdio: ['ignore', out.fd, out.fd], ...(ids ?? {}) },
  );
  await out.close();
  await waitForPort(port, proc, logFile);
  const server: DbServer = {
    driver: 'mysql',
    host: '127.0.0.1',
    port,
    username: 'cfml',
    password,
    database: 'mysql',
    dir,
    async createDatabase(name) {
      const mysql = (await import('mysql2/promise')).default;
      const c = await mysql.createConnection({ host: '127.0.0.1', port, user: 'cfml', password });
      try {
        await c.query(`CREATE DATABASE ${name}`);
      } finally {
        await c.end();
      }
      return name;
    },
    log: () => fs.readFile(logFile, 'utf8'),
    stop: stopper(proc, dir, 'SIGTERM'),
  };
  await waitForLogin(() => server.createDatabase('cfml_ready'));
  return server;
}

async function waitForLogin(tryIt: () => Promise<unknown>, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      await tryIt();
      return;
    } catch (e) {
      if (Date.now() > until) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
