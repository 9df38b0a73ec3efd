/**
 * npm run bench:scale: `cfml serve` past one process, as a user runs it (dist/cfml.cjs), loaded by
 * autocannon (keep-alive, 10 connections) on this machine, with a private redis-server:
 *
 * 1. the session page (reads and writes session.n; every request carries one session cookie):
 *    one process with sessions in memory, `--workers 1 --session-store redis://` (the primary's
 *    relay and Redis, without a second worker), and `--workers 2 --session-store redis://`;
 * 2. fast requests (hello.cfm) while a slow page (a 2 s loop) runs again and again beside them:
 *    one process, where the slow page stalls everyone, against `--workers 2`.
 *    Target (issue 15): the fast requests' p99 with 2 workers < 50 ms.
 *
 * Prints requests/s and p99 latency; figures are from the same run, on the same machine.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import autocannon from 'autocannon';
import { startRedis } from '../test/support/redis.js';
import { startServe, type Served } from '../test/support/cluster.js';

const DURATION = Number(process.env.BENCH_DURATION ?? 8);
const CONNECTIONS = 10;

interface Run {
  rps: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
}

async function load(url: string, headers: Record<string, string> = {}, warm = true): Promise<Run> {
  if (warm) await autocannon({ url, connections: CONNECTIONS, duration: 1, headers });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}

/** Loads the session page of a server with one session cookie. */
async function sessionRun(s: Served): Promise<Run> {
  const first = await fetch(s.base + '/s/session.cfm');
  const cookie = first.headers.getSetCookie()[0]!.split(';')[0]!;
  await first.text();
  return load(s.base + '/s/session.cfm', { cookie });
}

/** hello.cfm under load while one client requests the 2 s slow page over and over. */
async function slowBeside(s: Served): Promise<Run & { slowDone: number }> {
  await load(s.base + '/hello.cfm', {}, true);
  let stop = false;
  let slowDone = 0;
  const slowLoop = (async () => {
    while (!stop) {
      const r = await fetch(s.base + '/slow.cfm');
      await r.text();
      if (r.status === 200) slowDone++;
    }
  })();
  // the first slow request is running before the measurement starts
  await new Promise((r) => setTimeout(r, 200));
  const run = await load(s.base + '/hello.cfm', {}, false);
  stop = true;
  await slowLoop;
  return { ...run, slowDone };
}

const site = fs.mkdtempSync(path.join(os.tmpdir(), 'cfml-bench-scale-'));
fs.writeFileSync(path.join(site, 'hello.cfm'), '<cfset name = "World"><cfoutput><!DOCTYPE html><html><body><h1>Hello, #name#!</h1></body></html></cfoutput>');
fs.writeFileSync(path.join(site, 'slow.cfm'), '<cfset t = getTickCount()><cfloop condition="getTickCount() - t lt 2000"></cfloop>slow');
fs.mkdirSync(path.join(site, 's'));
fs.writeFileSync(path.join(site, 's/Application.cfm'), '<cfapplication name="bench" sessionmanagement="true">');
fs.writeFileSync(path.join(site, 's/session.cfm'), '<cfparam name="session.n" default="0"><cfset session.n = session.n + 1><cfoutput><p>visit #session.n mod 10#</p></cfoutput>');

const redis = await startRedis();
const fmt = (r: Run) => `${r.rps.toFixed(0).padStart(7)} req/s  p50 ${String(r.p50).padStart(5)} ms  p99 ${String(r.p99).padStart(5)} ms  max ${String(r.max).padStart(5)} ms${r.errors || r.non2xx ? `  (${r.errors} errors, ${r.non2xx} non-2xx)` : ''}`;
try {
  const configs: [string, string[]][] = [
    ['1 process, memory sessions', []],
    ['--workers 1, redis sessions', ['--workers', '1', '--session-store', redis.url]],
    ['--workers 2, redis sessions', ['--workers', '2', '--session-store', redis.url]],
  ];
  const sessionRows: [string, Run][] = [];
  for (const [name, args] of configs) {
    const s = await startServe(site, args);
    try {
      sessionRows.push([name, await sessionRun(s)]);
    } finally {
      await s.stop();
    }
  }
  const slowRows: [string, Run & { slowDone: number }][] = [];
  for (const [name, args] of [configs[0]!, configs[2]!] as [string, string[]][]) {
    const s = await startServe(site, args);
    try {
      slowRows.push([name, await slowBeside(s)]);
    } finally {
      await s.stop();
    }
  }
  console.log(`bench:scale  (${CONNECTIONS} keep-alive connections, ${DURATION} s per run, autocannon, Node ${process.version}, ${os.cpus().length} cores)`);
  console.log('session page (one session cookie, read + write of session.n):');
  for (const [name, r] of sessionRows) console.log(`  ${name.padEnd(30)} ${fmt(r)}`);
  console.log('hello.cfm while a 2 s slow page runs again and again beside it:');
  for (const [name, r] of slowRows) console.log(`  ${name.padEnd(30)} ${fmt(r)}  (${r.slowDone} slow pages done)`);
  const p99 = slowRows[1]![1].p99;
  console.log(`target: fast requests' p99 with 2 workers < 50 ms: ${p99 < 50 ? 'met' : 'NOT met'} (${p99} ms)`);
} finally {
  await redis.stop();
  fs.rmSync(site, { recursive: true, force: true });
}
