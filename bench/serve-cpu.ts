/**
 * `node --import tsx bench/serve-cpu.ts`: CPU time per request of createHandler (as `cfml serve`
 * sets it up) against a bare node:http handler writing the same bytes, in one process, both
 * behind a real node:http server fed through an in-memory connection (no kernel, no load
 * generator), in interleaved rounds. A tool for working on the serve path: on the shared machine
 * this CPU time moves far less with the load than bench:serve's requests/s. The pages are
 * bench:serve's (hello.cfm, and the session page with one session cookie).
 * BENCH_REQUESTS (per round, default 4000), BENCH_ROUNDS (default 7), BENCH_PROFILE=1 runs only
 * the cfml side (for node --cpu-prof), BENCH_PAGE=hello|session only that page. Uses the built dist/ (npm run build first).
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { Duplex } from 'node:stream';

const root = path.resolve(import.meta.dirname, '..');
const { Engine, createHandler } = (await import(path.join(root, 'dist/index.js'))) as typeof import('../src/index.js');
const N = Number(process.env.BENCH_REQUESTS ?? 4000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

const site = fs.mkdtempSync(path.join(os.tmpdir(), 'cfml-bench-serve-cpu-'));
fs.writeFileSync(path.join(site, 'hello.cfm'), '<cfset name = "World"><cfoutput><!DOCTYPE html><html><body><h1>Hello, #name#!</h1></body></html></cfoutput>');
fs.mkdirSync(path.join(site, 's'));
fs.writeFileSync(path.join(site, 's/Application.cfm'), '<cfapplication name="bench" sessionmanagement="true">');
fs.writeFileSync(path.join(site, 's/session.cfm'), '<cfparam name="session.n" default="0"><cfset session.n = session.n + 1><cfoutput><p>visit #session.n mod 10#</p></cfoutput>');

/** A keep-alive connection to `server` held in memory: send() writes one request and resolves to the raw response. */
function connect(server: http.Server): { send(req: string): Promise<string> } {
  let pending: ((s: string) => void) | undefined;
  let got = '';
  const sock = new Duplex({
    read() {},
    write(chunk: Buffer, _enc, cb) {
      got += chunk.toString('latin1');
      // one response: the head, then Content-Length bytes of body
      const h = got.indexOf('\r\n\r\n');
      if (h >= 0) {
        const len = Number(/content-length: (\d+)/i.exec(got.slice(0, h))?.[1] ?? 0);
        if (got.length >= h + 4 + len) {
          const r = got;
          got = '';
          const p = pending;
          pending = undefined;
          p?.(r);
        }
      }
      cb();
    },
  });
  Object.assign(sock, { remoteAddress: '127.0.0.1', localAddress: '127.0.0.1', localPort: 8500, setTimeout: () => sock, setNoDelay: () => sock, setKeepAlive: () => sock });
  server.emit('connection', sock);
  return {
    send: (req) =>
      new Promise((resolve) => {
        pending = resolve;
        sock.push(req);
      }),
  };
}

const engine = new Engine({ mode: 'web', timeout: 60, root: fs.realpathSync(site), inspectTemplates: (process.env.BENCH_INSPECT as 'once') ?? 'once' });
const handler = createHandler({ root: site, engine });
const cfServer = http.createServer((req, res) => void handler(req, res));
const cf = connect(cfServer);

const reqOf = (p: string, cookie = '') => `GET ${p} HTTP/1.1\r\nHost: 127.0.0.1:8500\r\nConnection: keep-alive\r\n${cookie ? `Cookie: ${cookie}\r\n` : ''}\r\n`;
const bodyOf = (raw: string) => raw.slice(raw.indexOf('\r\n\r\n') + 4);
const helloRaw = await cf.send(reqOf('/hello.cfm'));
const first = await cf.send(reqOf('/s/session.cfm'));
const cookie = /set-cookie: ([^;\r\n]+)/i.exec(first)![1]!;
const pages: Record<string, Buffer> = { '/hello.cfm': Buffer.from(bodyOf(helloRaw), 'latin1'), '/s/session.cfm': Buffer.from(bodyOf(first), 'latin1') };
const bareServer = http.createServer((req, res) => {
  const body = pages[req.url!] ?? Buffer.alloc(0);
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
  res.end(body);
});
const bare = connect(bareServer);

/** CPU µs per request of `n` requests in a row on one connection. */
async function round(c: { send(r: string): Promise<string> }, req: string, n: number): Promise<number> {
  const t0 = process.cpuUsage();
  for (let i = 0; i < n; i++) await c.send(req);
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / n;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
try {
  for (const [name, p, ck] of [['hello.cfm', '/hello.cfm', ''], ['session page', '/s/session.cfm', cookie]] as const) {
    if (process.env.BENCH_PAGE && !p.includes(process.env.BENCH_PAGE)) continue;
    const req = reqOf(p, ck);
    await round(cf, req, N); // warm-up
    await round(bare, req, N);
    const c: number[] = [];
    const b: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      c.push(await round(cf, req, N));
      if (!process.env.BENCH_PROFILE) b.push(await round(bare, req, N));
    }
    const mc = median(c);
    const mb = b.length ? median(b) : NaN;
    console.log(`${name.padEnd(13)} CPU µs/request: cfml ${mc.toFixed(1)}, bare node:http ${mb.toFixed(1)}, bare/cfml ${((mb / mc) * 100).toFixed(1)} %  (median of ${ROUNDS} rounds of ${N}; load ${os.loadavg()[0]!.toFixed(1)})`);
  }
} finally {
  await engine.close();
  fs.rmSync(site, { recursive: true, force: true });
}
