/**
 * `cfml serve --workers 2` as a user runs it (dist/cfml.cjs), with a real redis-server on
 * 127.0.0.1: a session continues across workers, a worker killed mid-request is replaced and
 * other clients see no error, SIGTERM drains (running requests finish, onSessionEnd and
 * onApplicationEnd run).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../support/web-site.js';
import { startRedis, type RedisServer } from '../support/redis.js';
import { cpuTicks, startServe, type Served } from '../support/cluster.js';

let redis: RedisServer;
let site: string;
const servers: Served[] = [];

beforeAll(async () => {
  redis = await startRedis();
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'cfml-cluster-'));
  fs.writeFileSync(
    path.join(site, 'Application.cfc'),
    `component {
      this.name = "clustered";
      this.sessionManagement = true;
      function onApplicationStart() { application.token = createUUID(); }
      function onSessionEnd(sessionScope, applicationScope) { fileAppend(getDirectoryFromPath(getCurrentTemplatePath()) & "sessions-ended.txt", arguments.sessionScope.cfid & chr(10)); }
      function onApplicationEnd(applicationScope) { fileAppend(getDirectoryFromPath(getCurrentTemplatePath()) & "apps-ended.txt", arguments.applicationScope.token & chr(10)); }
    }`,
  );
  fs.writeFileSync(path.join(site, 'count.cfm'), '<cfparam name="session.n" default="0"><cfset session.n++><cfoutput>#session.n# #application.token#</cfoutput>');
  fs.writeFileSync(path.join(site, 'slow.cfm'), '<cfset session.slow = true><cfset t = getTickCount()><cfloop condition="getTickCount() - t lt url.ms"></cfloop><cfoutput>slept #url.ms#</cfoutput>');
}, 60_000);

afterAll(async () => {
  for (const s of servers) await s.stop().catch(() => undefined);
  await redis?.stop();
  fs.rmSync(site, { recursive: true, force: true });
});

/** Counts with one client until its requests have reached two different workers (two application tokens). */
async function countAcrossWorkers(c: Browser, start: number, tokens = new Set<string>()): Promise<number> {
  let n = start;
  const until = Date.now() + 30_000;
  do {
    const [count, token] = (await c.text('/count.cfm')).split(' ');
    expect(Number(count)).toBe(++n);
    tokens.add(token!);
  } while (tokens.size < 2 && Date.now() < until);
  expect(tokens.size).toBe(2);
  return n;
}

describe('cfml serve --workers 2 --session-store redis://', () => {
  let s: Served;
  beforeAll(async () => {
    s = await startServe(site, ['--workers', '2', '--session-store', redis.url]);
    servers.push(s);
  }, 90_000);

  it('answers the health path and keeps a session across both workers', async () => {
    expect((await fetch(s.base + '/__health')).status).toBe(200);
    expect(s.stderr()).toMatch(/with 2 workers \(sessions in redis\)/);
    expect(s.stderr()).not.toMatch(/per process/);
    const c = new Browser(s.base);
    await countAcrossWorkers(c, 0);
  });

  it('a worker killed mid-request is replaced; that request fails, other clients see no error and keep their sessions', async () => {
    const alice = new Browser(s.base);
    let n = await countAcrossWorkers(alice, 0);
    const [w1, w2] = s.workers();
    expect(w2).toBeDefined();
    // a slow page occupies one worker; find it by the CPU it burns
    const slow = fetch(s.base + '/slow.cfm?ms=8000').then((r) => r.status, () => 'connection error');
    const before = new Map([w1!, w2!].map((p) => [p, cpuTicks(p)]));
    await new Promise((r) => setTimeout(r, 1500));
    const busy = [w1!, w2!].sort((a, b) => cpuTicks(b) - before.get(b)! - (cpuTicks(a) - before.get(a)!))[0]!;
    // another client keeps making requests while the busy worker dies and is replaced
    const bob = new Browser(s.base);
    let stop = false;
    const statuses: number[] = [];
    const bobLoop = (async () => {
      while (!stop) statuses.push((await bob.get('/count.cfm')).status);
    })();
    await new Promise((r) => setTimeout(r, 300));
    process.kill(busy, 'SIGKILL');
    expect(await slow).toBe(502);
    const replaced = new RegExp(`worker \\d \\(pid ${busy}\\) was killed \\(SIGKILL\\); starting another`);
    const until = Date.now() + 60_000;
    do await new Promise((r) => setTimeout(r, 100));
    while (!(replaced.test(s.stderr()) && s.workers().length === 2 && !s.workers().includes(busy)) && Date.now() < until);
    expect(s.stderr()).toMatch(replaced);
    // alice's session survives and her requests reach both workers again (the new one included)
    n = await countAcrossWorkers(alice, n);
    stop = true;
    await bobLoop;
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((x) => x === 200)).toBe(true);
    if (process.env.SHOW_SERVE_LOG) console.log(s.stderr());
  }, 120_000);

  it('requests sent right after an idle worker is killed do not fail (they go to the other worker)', async () => {
    const carol = new Browser(s.base);
    let n = await countAcrossWorkers(carol, 0);
    for (let round = 0; round < 3; round++) {
      const [victim] = s.workers();
      process.kill(victim!, 'SIGKILL');
      for (let i = 0; i < 3; i++) {
        const r = await carol.get('/count.cfm');
        expect(r.status, s.stderr()).toBe(200);
        expect(Number((await r.text()).split(' ')[0])).toBe(++n);
      }
      const until = Date.now() + 60_000;
      do await new Promise((r) => setTimeout(r, 100));
      while (!(s.workers().length === 2 && !s.workers().includes(victim!)) && Date.now() < until);
      expect((await fetch(s.base + '/__health')).status).toBe(200);
    }
  }, 180_000);
});

describe('cfml serve --workers 2 with sessions in memory: SIGTERM drains', () => {
  it('says sessions are per process; a running request finishes, then onSessionEnd and onApplicationEnd run in each worker', async () => {
    fs.rmSync(path.join(site, 'sessions-ended.txt'), { force: true });
    fs.rmSync(path.join(site, 'apps-ended.txt'), { force: true });
    const s = await startServe(site, ['--workers', '2']);
    servers.push(s);
    expect(s.stderr()).toMatch(/sessions are kept in each worker's memory \(per process\)/);
    // both workers start the application (requests alternate between idle workers)
    const tokens = new Set<string>();
    const cfids: string[] = [];
    for (let i = 0; i < 20 && tokens.size < 2; i++) {
      const c = new Browser(s.base);
      tokens.add((await c.text('/count.cfm')).split(' ')[1]!);
      cfids.push(c.jar.get('CFID')!);
    }
    expect(tokens.size).toBe(2);
    const slowClient = new Browser(s.base);
    const slow = slowClient.get('/slow.cfm?ms=2000').then(async (r) => `${r.status} ${await r.text()}`);
    await new Promise((r) => setTimeout(r, 500));
    s.proc.kill('SIGTERM');
    expect(await slow).toBe('200 slept 2000');
    expect(await s.exited).toBe(0);
    // the listening socket is closed
    await expect(fetch(s.base + '/count.cfm')).rejects.toThrow();
    const apps = fs.readFileSync(path.join(site, 'apps-ended.txt'), 'utf8').split('\n').filter(Boolean);
    expect(new Set(apps)).toEqual(tokens);
    const sessions = fs.readFileSync(path.join(site, 'sessions-ended.txt'), 'utf8').split('\n').filter(Boolean);
    expect(sessions.sort()).toEqual([...cfids, slowClient.jar.get('CFID')!].sort());
    expect(s.stderr()).toMatch(/draining/);
  }, 120_000);
});
