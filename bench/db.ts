/**
 * Database benchmark: `npm run bench:db` (installs PostgreSQL when missing, builds, then
 * `node --import tsx bench/db.ts`; the engine side imports the built dist/index.js, as users run it).
 *
 * Two pieces of work, each done by a CFML page on the Engine and by the bare npm driver in the same
 * process, same run:
 *
 *   select  engine: `Engine.renderFile(select.cfm)`, a page with
 *                   `<cfquery name="q" datasource="db">SELECT id, name, email, score, created FROM bench</cfquery>`
 *                   and `<cfoutput>#q.recordCount#</cfoutput>`: 1,000 rows x 5 columns into a Query
 *                   (column types kept, the TIMESTAMP column as date values), output "1000".
 *                   renderFile is what a server does per request: the compiled page comes from the
 *                   Engine's template cache (compiled once, in the warm-up), the datasource's pool
 *                   stays open between renders.
 *           bare SQLite: `stmt.all()` on a statement prepared once in raw mode (rows as arrays,
 *                   the cheapest way the driver hands over every value), then the `created` text of
 *                   each row turned into a Date (`new Date(text)`), so both sides end with the same
 *                   values: better-sqlite3 gives dates as text, the page gets date values. Two more
 *                   lines compare against rows as objects (better-sqlite3's default), with and
 *                   without the dates; objects cost the driver more than arrays.
 *           bare PostgreSQL: `pool.query({ text, rowMode: 'array' })` on a pg.Pool (pg itself
 *                   parses the TIMESTAMP into Dates), and on the next line `pool.query(sql)`, rows
 *                   as objects (pg's default).
 *   insert  engine: `renderFile(insert.cfm)`: `<cftransaction>` around a `<cfloop>` of 1,000
 *                   `<cfquery>` INSERTs with 4 `<cfqueryparam>`s each (integer, varchar, varchar,
 *                   numeric scale=2), output "done".
 *           bare SQLite: `db.transaction(fn)` running `stmt.run(i, name, email, score)` 1,000 times
 *                   on a statement prepared once.
 *           bare PostgreSQL: one client from the pool; BEGIN, 1,000 `client.query(text, [4 values])`,
 *                   COMMIT, release.
 *           Before every insert (either side) the table is emptied; that is not timed.
 *
 * Timing: every operation is warmed up (WARMUP times each side) and then run in ROUNDS rounds;
 * a round runs a block of OPS operations of one side and then of the other (which side goes first
 * alternates per round), and records the time per operation of each block. SQLite does all its work
 * in this process, so its figure is CPU time (process.cpuUsage, user + system, all threads: GC
 * included, and not inflated by other processes on a loaded machine); its blocks are many
 * operations long, so the garbage a side makes is collected in its own block. PostgreSQL's work is
 * mostly in the server, so its figure is wall time (CPU time of this process shown beside it), and
 * its blocks are one operation long (more rounds instead): on a loaded machine the wait for a core
 * swings from one second to the next, and alternating single operations puts both sides under the
 * same swings. The
 * overhead printed is the median over rounds of (engine / bare - 1) of the same round, with the
 * medians of the per-operation times beside it. No forced GC: garbage each side makes is collected
 * in its own block and counted there.
 *
 * Environment: BENCH_DIST (the index.js of another build to measure), BENCH_ROUNDS (default 9; PostgreSQL runs 20x as many select rounds and 2x as many
 * insert rounds), BENCH_ONLY=sqlite|postgresql.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
// the built package, as users run it (run.ts does the same; the TS sources under tsx are slower);
// BENCH_DIST names another build's index.js (a before/after comparison)
import type { Engine as EngineType } from '../dist/index.js';
import { median } from './stats.js';
import { startPostgres } from '../test/support/databases.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const { Engine } = (await import(process.env.BENCH_DIST ? path.resolve(process.env.BENCH_DIST) : '../dist/index.js')) as { Engine: typeof EngineType };
const ONLY = process.env.BENCH_ONLY ?? '';
const ROWS = 1000;

const DDL = 'CREATE TABLE bench (id INTEGER PRIMARY KEY, name VARCHAR(50), email VARCHAR(100), score NUMERIC(10,2), created TIMESTAMP)';
const DDL_INS = 'CREATE TABLE bench_ins (id INTEGER PRIMARY KEY, name VARCHAR(50), email VARCHAR(100), score NUMERIC(10,2))';
const SELECT = 'SELECT id, name, email, score, created FROM bench';
const INSERT = 'INSERT INTO bench_ins (id, name, email, score) VALUES';

const selectPage = `<cfquery name="q" datasource="db">${SELECT}</cfquery><cfoutput>#q.recordCount#</cfoutput>`;
const insertPage = `<cftransaction><cfloop from="1" to="${ROWS}" index="i"><cfquery datasource="db">${INSERT} (<cfqueryparam value="#i#" cfsqltype="cf_sql_integer">, <cfqueryparam value="name #i#" cfsqltype="cf_sql_varchar">, <cfqueryparam value="u#i#@example.org" cfsqltype="cf_sql_varchar">, <cfqueryparam value="#i / 4#" cfsqltype="cf_sql_numeric" scale="2">)</cfquery></cfloop></cftransaction><cfoutput>done</cfoutput>`;

/** One side of a comparison: an operation and the value it must produce. */
interface Side {
  op: () => unknown;
  want: string;
}

interface Case {
  label: string;
  engine: Side;
  bare: Side;
  /** Untimed, before every operation of either side. */
  reset?: () => unknown;
  /** Operations per block. */
  ops: number;
  warmup: number;
  /** Rounds (default ROUNDS). */
  rounds?: number;
}

interface Sample {
  wall: number;
  cpu: number;
}

/** Runs a block of `n` operations; ms per operation, wall and CPU, the resets left out. */
async function block(side: Side, n: number, reset: (() => unknown) | undefined): Promise<Sample> {
  let wall = 0;
  let cpu = 0;
  for (let i = 0; i < n; i++) {
    if (reset) await reset();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const v = await side.op();
    wall += performance.now() - t0;
    const c = process.cpuUsage(c0);
    cpu += (c.user + c.system) / 1000;
    if (String(v).trim() !== side.want) throw new Error(`expected ${side.want}, got ${String(v)}`);
  }
  return { wall: wall / n, cpu: cpu / n };
}

const fmt = (ms: number) => ms.toFixed(ms < 10 ? 3 : 2).padStart(8);
const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} %`.padStart(9);

/** Measures a case; `by` picks the figure the overhead is computed on. */
async function measure(c: Case, by: keyof Sample): Promise<void> {
  for (let i = 0; i < c.warmup; i++) {
    await block(c.engine, 1, c.reset);
    await block(c.bare, 1, c.reset);
  }
  const e: Sample[] = [];
  const b: Sample[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < (c.rounds ?? ROUNDS); r++) {
    let se: Sample, sb: Sample;
    if (r % 2 === 0) {
      se = await block(c.engine, c.ops, c.reset);
      sb = await block(c.bare, c.ops, c.reset);
    } else {
      sb = await block(c.bare, c.ops, c.reset);
      se = await block(c.engine, c.ops, c.reset);
    }
    e.push(se);
    b.push(sb);
    ratios.push(se[by] / sb[by] - 1);
  }
  const other: keyof Sample = by === 'cpu' ? 'wall' : 'cpu';
  const m = (xs: Sample[], k: keyof Sample) => median(xs.map((x) => x[k]));
  console.log(
    `  ${c.label.padEnd(38)} engine ${fmt(m(e, by))} ms   bare ${fmt(m(b, by))} ms   overhead ${pct(median(ratios))}` +
      `   (${other}: engine ${fmt(m(e, other))} ms, bare ${fmt(m(b, other))} ms)`,
  );
}

async function sqlite(dir: string, selectFile: string, insertFile: string): Promise<void> {
  const file = path.join(dir, 'bench.db');
  const bare = new Database(file);
  bare.pragma('journal_mode = WAL');
  bare.exec(DDL);
  bare.exec(DDL_INS);
  const fill = bare.prepare('INSERT INTO bench VALUES (?, ?, ?, ?, ?)');
  bare.transaction(() => {
    for (let i = 1; i <= ROWS; i++) fill.run(i, `name ${i}`, `u${i}@example.org`, i / 4, `2024-01-${String((i % 28) + 1).padStart(2, '0')} 10:00:00`);
  })();
  const engine = new Engine({ datasources: { db: { driver: 'sqlite', database: file } } });
  const sel = bare.prepare(SELECT);
  const raw = bare.prepare(SELECT).raw(true);
  const ins = bare.prepare(`${INSERT} (?, ?, ?, ?)`);
  const bareInsert = bare.transaction(() => {
    for (let i = 1; i <= ROWS; i++) ins.run(i, `name ${i}`, `u${i}@example.org`, Math.round((i / 4) * 100) / 100);
  });
  const reset = () => bare.exec('DELETE FROM bench_ins');
  const want = String(ROWS);
  console.log(`SQLite (better-sqlite3), ${ROUNDS} rounds, median CPU time per operation (load ${os.loadavg()[0]!.toFixed(1)}):`);
  const selectEngine: Side = { op: () => engine.renderFile(selectFile), want };
  await measure({
    label: 'select 1,000 rows x 5 columns',
    engine: selectEngine,
    bare: {
      op: () => {
        const rows = raw.all() as unknown[][];
        for (const r of rows) r[4] = new Date(r[4] as string);
        return rows.length;
      },
      want,
    },
    ops: 40,
    warmup: 20,
  }, 'cpu');
  await measure({
    label: '  (bare: rows as objects, dates)',
    engine: selectEngine,
    bare: {
      op: () => {
        const rows = sel.all() as { created: string | Date }[];
        for (const r of rows) r.created = new Date(r.created as string);
        return rows.length;
      },
      want,
    },
    ops: 40,
    warmup: 5,
  }, 'cpu');
  await measure({
    label: '  (bare: rows as objects, date text)',
    engine: selectEngine,
    bare: { op: () => sel.all().length, want },
    ops: 40,
    warmup: 5,
  }, 'cpu');
  await measure({
    label: 'insert 1,000 rows in a transaction',
    engine: { op: () => engine.renderFile(insertFile), want: 'done' },
    bare: { op: () => (bareInsert(), 'done'), want: 'done' },
    reset,
    ops: 10,
    warmup: 10,
  }, 'cpu');
  await engine.close();
  bare.close();
}

async function postgres(selectFile: string, insertFile: string): Promise<void> {
  const server = await startPostgres();
  try {
    const database = await server.createDatabase('bench');
    const conn = { host: server.host, port: server.port, database, user: server.username, password: server.password };
    const pool = new pg.Pool({ ...conn, max: 2 });
    // the server stops right after pool.end(): an idle client may still hear its goodbye
    pool.on('error', () => undefined);
    await pool.query(DDL);
    await pool.query(DDL_INS);
    await pool.query(`INSERT INTO bench SELECT g, 'name ' || g, 'u' || g || '@example.org', g / 4.0, TIMESTAMP '2024-01-01 10:00:00' + (g % 28) * INTERVAL '1 day' FROM generate_series(1, ${ROWS}) g`);
    const engine = new Engine({ datasources: { db: { driver: 'postgresql', host: conn.host, port: conn.port, database, username: conn.user, password: conn.password } } });
    const want = String(ROWS);
    const bareInsert = async () => {
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
    console.log(`PostgreSQL (pg), one operation a block, median wall time per operation (load ${os.loadavg()[0]!.toFixed(1)}):`);
    const selectEngine: Side = { op: () => engine.renderFile(selectFile), want };
    await measure({
      label: 'select 1,000 rows x 5 columns',
      engine: selectEngine,
      bare: { op: async () => (await pool.query({ text: SELECT, rowMode: 'array' })).rows.length, want },
      ops: 1,
      rounds: ROUNDS * 20,
      warmup: 10,
    }, 'wall');
    await measure({
      label: '  (bare: rows as objects)',
      engine: selectEngine,
      bare: { op: async () => (await pool.query(SELECT)).rows.length, want },
      ops: 1,
      rounds: ROUNDS * 20,
      warmup: 3,
    }, 'wall');
    await measure({
      label: 'insert 1,000 rows in a transaction',
      engine: { op: () => engine.renderFile(insertFile), want: 'done' },
      bare: { op: bareInsert, want: 'done' },
      reset: () => pool.query('TRUNCATE bench_ins'),
      ops: 1,
      rounds: ROUNDS * 2,
      warmup: 3,
    }, 'wall');
    await engine.close();
    await pool.end();
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfml-bench-db-'));
  try {
    const selectFile = path.join(dir, 'select.cfm');
    const insertFile = path.join(dir, 'insert.cfm');
    fs.writeFileSync(selectFile, selectPage);
    fs.writeFileSync(insertFile, insertPage);
    if (!ONLY || ONLY === 'sqlite') await sqlite(dir, selectFile, insertFile);
    if (!ONLY || ONLY === 'postgresql') await postgres(selectFile, insertFile);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
