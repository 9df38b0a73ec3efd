/**
 * Database benchmark: `npm run bench:db` (builds, installs PostgreSQL when missing, then
 * `node --import tsx bench/db.ts`).
 *
 * Two pieces of work, each through a CFML page on the Engine and through the bare npm driver in
 * the same run, interleaved, median of ROUNDS:
 *   select: `<cfquery>` reading 1,000 rows x 5 columns into a Query, against better-sqlite3's
 *           prepare().all() and pg's client.query() (rows as objects);
 *   insert: 1,000 `<cfquery>` INSERTs with 4 `<cfqueryparam>`s each inside one `<cftransaction>`,
 *           against a better-sqlite3 transaction of stmt.run() and pg BEGIN / 1,000 parameterised
 *           queries / COMMIT on one pooled client.
 * SQLite uses a file in a temp dir; PostgreSQL a private server on 127.0.0.1 (test/support).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import Database from 'better-sqlite3';
import pg from 'pg';
// the built package (`npm run bench:db` builds it first): what users run, not tsx's on-the-fly transform
import { Engine } from '../dist/index.js';
import { median } from './stats.js';
import { startPostgres } from '../test/support/databases.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const ROWS = 1000;
v8.setFlagsFromString('--expose_gc');
const gc = vm.runInNewContext('gc') as () => void;

const DDL = 'CREATE TABLE bench (id INTEGER PRIMARY KEY, name VARCHAR(50), email VARCHAR(100), score NUMERIC(10,2), created TIMESTAMP)';
const DDL_INS = 'CREATE TABLE bench_ins (id INTEGER PRIMARY KEY, name VARCHAR(50), email VARCHAR(100), score NUMERIC(10,2))';
const SELECT = 'SELECT id, name, email, score, created FROM bench';
const INSERT = 'INSERT INTO bench_ins (id, name, email, score) VALUES';

const selectPage = `<cfquery name="q" datasource="db">${SELECT}</cfquery><cfoutput>#q.recordCount#</cfoutput>`;
const insertPage = `<cftransaction><cfloop from="1" to="${ROWS}" index="i"><cfquery datasource="db">${INSERT} (<cfqueryparam value="#i#" cfsqltype="cf_sql_integer">, <cfqueryparam value="name #i#" cfsqltype="cf_sql_varchar">, <cfqueryparam value="u#i#@example.org" cfsqltype="cf_sql_varchar">, <cfqueryparam value="#i / 4#" cfsqltype="cf_sql_numeric" scale="2">)</cfquery></cfloop></cftransaction><cfoutput>done</cfoutput>`;

async function time(fn: () => unknown, check: (v: unknown) => void): Promise<number> {
  gc();
  const t = process.hrtime.bigint();
  const v = await fn();
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  check(v);
  return ms;
}

interface Pair {
  engine: () => Promise<unknown>;
  bare: () => unknown;
  reset?: () => unknown;
  checkEngine: (v: unknown) => void;
  checkBare: (v: unknown) => void;
}

async function measure(label: string, p: Pair): Promise<void> {
  const e: number[] = [];
  const b: number[] = [];
  // warm-up of both sides (JIT, statement caches, the page compile)
  for (let i = 0; i < 2; i++) {
    await p.reset?.();
    await p.engine();
    await p.reset?.();
    await p.bare();
  }
  for (let r = 0; r < ROUNDS; r++) {
    await p.reset?.();
    e.push(await time(p.engine, p.checkEngine));
    await p.reset?.();
    b.push(await time(p.bare, p.checkBare));
  }
  const me = median(e);
  const mb = median(b);
  console.log(`${label.padEnd(34)} engine ${me.toFixed(2).padStart(8)} ms   bare ${mb.toFixed(2).padStart(8)} ms   overhead ${(((me - mb) / mb) * 100).toFixed(1).padStart(6)} %`);
}

const expectEq = (want: unknown) => (v: unknown) => {
  if (String(v).trim() !== String(want)) throw new Error(`expected ${want}, got ${String(v)}`);
};

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfml-bench-db-'));
  const server = await startPostgres();
  try {
    // --- SQLite: one file, the engine and the bare driver each with their own connection
    const file = path.join(dir, 'bench.db');
    const bare = new Database(file);
    bare.pragma('journal_mode = WAL');
    bare.exec(DDL);
    bare.exec(DDL_INS);
    const fill = bare.prepare('INSERT INTO bench VALUES (?, ?, ?, ?, ?)');
    bare.transaction(() => {
      for (let i = 1; i <= ROWS; i++) fill.run(i, `name ${i}`, `u${i}@example.org`, i / 4, `2024-01-${String((i % 28) + 1).padStart(2, '0')} 10:00:00`);
    })();
    const sqliteEngine = new Engine({ datasources: { db: { driver: 'sqlite', database: file } } });
    const selectFile = path.join(dir, 'select.cfm');
    const insertFile = path.join(dir, 'insert.cfm');
    fs.writeFileSync(selectFile, selectPage);
    fs.writeFileSync(insertFile, insertPage);
    const sel = bare.prepare(SELECT);
    const ins = bare.prepare(`${INSERT} (?, ?, ?, ?)`);
    const bareInsert = bare.transaction(() => {
      for (let i = 1; i <= ROWS; i++) ins.run(i, `name ${i}`, `u${i}@example.org`, Math.round((i / 4) * 100) / 100);
    });
    const resetSqlite = () => bare.exec('DELETE FROM bench_ins');
    console.log(`SQLite (better-sqlite3), ${ROUNDS} interleaved rounds, median:`);
    await measure('  select 1,000 rows x 5 columns', {
      engine: () => sqliteEngine.renderFile(selectFile),
      bare: () => sel.all().length,
      checkEngine: expectEq(ROWS),
      checkBare: expectEq(ROWS),
    });
    await measure('  insert 1,000 rows in a transaction', {
      engine: () => sqliteEngine.renderFile(insertFile),
      bare: () => (bareInsert(), 'done'),
      reset: resetSqlite,
      checkEngine: expectEq('done'),
      checkBare: expectEq('done'),
    });
    await sqliteEngine.close();
    bare.close();

    // --- PostgreSQL: a private server; the engine's pool and a bare pg.Pool
    const database = await server.createDatabase('bench');
    const conn = { host: server.host, port: server.port, database, user: server.username, password: server.password };
    const pool = new pg.Pool({ ...conn, max: 2 });
    await pool.query(DDL);
    await pool.query(DDL_INS);
    await pool.query(`INSERT INTO bench SELECT g, 'name ' || g, 'u' || g || '@example.org', g / 4.0, TIMESTAMP '2024-01-01 10:00:00' + (g % 28) * INTERVAL '1 day' FROM generate_series(1, ${ROWS}) g`);
    const pgEngine = new Engine({ datasources: { db: { driver: 'postgresql', host: conn.host, port: conn.port, database, username: conn.user, password: conn.password } } });
    const bareSelect = async () => (await pool.query(SELECT)).rows.length;
    const bareInsertPg = async () => {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        for (let i = 1; i <= ROWS; i++) await c.query(`${INSERT} ($1, $2, $3, $4)`, [i, `name ${i}`, `u${i}@example.org`, Math.round((i / 4) * 100) / 100]);
        await c.query('COMMIT');
      } finally {
        c.release();
      }
      return 'done';
    };
    console.log(`PostgreSQL (pg), ${ROUNDS} interleaved rounds, median:`);
    await measure('  select 1,000 rows x 5 columns', {
      engine: () => pgEngine.renderFile(selectFile),
      bare: bareSelect,
      checkEngine: expectEq(ROWS),
      checkBare: expectEq(ROWS),
    });
    await measure('  insert 1,000 rows in a transaction', {
      engine: () => pgEngine.renderFile(insertFile),
      bare: bareInsertPg,
      reset: () => pool.query('TRUNCATE bench_ins'),
      checkEngine: expectEq('done'),
      checkBare: expectEq('done'),
    });
    await pgEngine.close();
    await pool.end();
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
