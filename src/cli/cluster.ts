import cluster, { type Worker } from 'node:cluster';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import type { SessionStoreConfig } from '../engine.js';
import { DRAIN_LIMIT_MS, healthAnswer, type ServeOptions } from './serve.js';

/** Environment variable giving a worker the socket it listens on. */
export const WORKER_SOCKET_ENV = 'CFML_SERVE_WORKER_SOCKET';
/** Header through which the primary tells a worker the client's address (set by the primary only). */
export const CLIENT_ADDRESS_HEADER = 'x-cfml-client-address';

// Hop-by-hop headers (RFC 9110 7.6.1) are not forwarded in either direction.
const HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

/** How long a request waits for a worker when none is ready (all restarting) before a 503. */
const WAIT_FOR_WORKER_MS = 30_000;
/** A bodiless request whose kept-alive socket to a worker failed this soon is sent to another worker. */
const RETRY_WINDOW_MS = 250;
/** A busy worker that has finished nothing for this long is avoided (see pick). */
const STALL_MS = 50;

interface Slot {
  n: number;
  worker: Worker;
  socket: string;
  agent: http.Agent;
  ready: boolean;
  /** The requests this worker is running. */
  running: Set<object>;
  /** When it last finished a request or went from idle to busy (ms). */
  progressAt: number;
  startedAt: number;
}

/**
 * The primary of `cfml serve --workers N`: forks N workers (node:cluster), each serving the site
 * on a Unix socket in a private directory, and proxies every request to the least busy worker
 * (fewest running requests; between equals, the one whose oldest running request is the
 * youngest), so a slow page holds one worker while the others keep answering. Dispatching per
 * request, not per connection, is what keeps a keep-alive client away from a busy worker.
 *
 * A worker that dies is replaced (after a growing pause when it keeps dying right after start);
 * the request it was running gets a 502, the others are not touched. SIGTERM/SIGINT drains: the
 * listening socket closes, running requests finish, then each worker drains (onSessionEnd where
 * due, onApplicationEnd) and exits; the primary resolves 0 when all are gone.
 */
export function runPrimary(root: string, o: ServeOptions, store: SessionStoreConfig | undefined): Promise<number> {
  const count = o.workers === 'auto' || o.workers === undefined ? Math.max(1, os.availableParallelism?.() ?? os.cpus().length) : Math.max(1, o.workers);
  const sockDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfml-serve-'));
  fs.chmodSync(sockDir, 0o700);
  const slots = new Map<number, Slot>();
  const failures = new Map<number, number>();
  let generation = 0;
  let draining = false;
  let rr = 0;
  const log = (text: string) => process.stderr.write(`cfml: ${text}\n`);

  const fork = (n: number) => {
    const socket = path.join(sockDir, `w${n}-${++generation}.sock`);
    const worker = cluster.fork({ [WORKER_SOCKET_ENV]: socket });
    const slot: Slot = { n, worker, socket, agent: new http.Agent({ keepAlive: true, maxSockets: Infinity }), ready: false, running: new Set(), progressAt: Date.now(), startedAt: Date.now() };
    slots.set(n, slot);
    worker.on('message', (m: { cfml?: string }) => {
      if (m?.cfml !== 'ready') return;
      slot.ready = true;
      const queued = [...waiting];
      waiting.clear();
      for (const go of queued) go();
    });
    // the IPC channel closes the moment the process dies, often before 'exit' is reported
    worker.on('disconnect', () => (slot.ready = false));
    worker.on('exit', (code, signal) => {
      slot.ready = false;
      slot.agent.destroy();
      if (slots.get(n) === slot) slots.delete(n);
      fs.rmSync(socket, { force: true });
      if (draining) return maybeDone();
      const quick = Date.now() - slot.startedAt < 5000;
      const tries = quick ? (failures.get(n) ?? 0) + 1 : 0;
      failures.set(n, tries);
      const pause = Math.min(10_000, tries * 500);
      log(`worker ${n} (pid ${worker.process.pid}) ${signal ? `was killed (${signal})` : `exited (${code})`}; starting another${pause ? ` in ${pause} ms` : ''}`);
      setTimeout(() => !draining && fork(n), pause).unref();
    });
  };

  /**
   * The least busy ready worker, except `not`. A worker that has requests running but has not
   * finished one for STALL_MS is taken to be stuck in a long page (a CPU loop holds its whole
   * event loop) and gets new requests only when every worker is.
   */
  const pick = (not?: Slot): Slot | undefined => {
    let best: Slot | undefined;
    let bestScore = Infinity;
    const now = Date.now();
    const all = [...slots.values()];
    for (let i = 0; i < all.length; i++) {
      const s = all[(rr + i) % all.length]!;
      if (!s.ready || s === not) continue;
      const stalled = s.running.size > 0 && now - s.progressAt > STALL_MS;
      const score = s.running.size + (stalled ? 1_000_000 : 0);
      if (score < bestScore) {
        best = s;
        bestScore = score;
      }
    }
    rr = (rr + 1) % Math.max(1, all.length);
    return best;
  };

  /** Requests waiting for a worker to be ready. */
  const waiting = new Set<() => void>();
  let inFlight = 0;
  const forward = (req: http.IncomingMessage, res: http.ServerResponse, retry: boolean, not?: Slot) => {
    const slot = pick(not);
    if (!slot) {
      // every worker is starting (after a crash): wait for one rather than fail at once
      if (draining || slots.size === 0) return unavailable(res);
      const t = setTimeout(() => {
        waiting.delete(go);
        unavailable(res);
      }, WAIT_FOR_WORKER_MS);
      const go = () => {
        clearTimeout(t);
        if (!res.destroyed) forward(req, res, retry);
      };
      waiting.add(go);
      return;
    }
    const headers: http.OutgoingHttpHeaders = {};
    for (const [k, v] of Object.entries(req.headers)) if (!HOP.has(k) && k !== CLIENT_ADDRESS_HEADER && v !== undefined) headers[k] = v;
    headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? '';
    const started = {};
    if (slot.running.size === 0) slot.progressAt = Date.now();
    slot.running.add(started);
    inFlight++;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      slot.running.delete(started);
      slot.progressAt = Date.now();
      inFlight--;
      maybeDone();
    };
    const sentAt = Date.now();
    const preq = http.request({ socketPath: slot.socket, agent: slot.agent, method: req.method, path: req.url, headers });
    let sentBody = false;
    preq.on('response', (pres) => {
      const out: http.OutgoingHttpHeaders = {};
      for (const [k, v] of Object.entries(pres.headers)) if (!HOP.has(k) && v !== undefined) out[k] = v;
      if (draining) out.connection = 'close';
      res.writeHead(pres.statusCode ?? 502, pres.statusMessage, out);
      pres.pipe(res);
      pres.on('end', finish);
      pres.on('error', () => (res.destroy(), finish()));
    });
    preq.on('error', (e: NodeJS.ErrnoException) => {
      finish();
      // The request most likely never ran: the socket could not connect, or it was reset at once
      // (the worker died a moment before and its exit was not seen yet). Bodiless requests go to
      // another worker once. A request that failed later was running when its worker died: it
      // gets the 502 (it is not run twice).
      const early = Date.now() - sentAt < RETRY_WINDOW_MS;
      const neverArrived = e.code === 'ECONNREFUSED' || e.code === 'ENOENT' || (e.code === 'ECONNRESET' && early);
      if (retry && !sentBody && neverArrived && !res.headersSent) return forward(req, res, false, slot);
      if (res.headersSent) return void res.destroy();
      log(`worker ${slot.n}: ${req.method} ${req.url} failed after ${Date.now() - sentAt} ms (${e.code ?? e.message}${retry ? "" : ", on a second worker"}): 502`);
      const body = 'Bad Gateway: the worker running this request stopped\n';
      res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body), Connection: draining ? 'close' : 'keep-alive' });
      res.end(body);
    });
    res.on('close', () => {
      if (!res.writableFinished) preq.destroy();
      finish();
    });
    const bodiless = (req.method === 'GET' || req.method === 'HEAD') && !req.headers['content-length'] && !req.headers['transfer-encoding'];
    if (bodiless) preq.end();
    else {
      sentBody = true;
      req.pipe(preq);
    }
  };

  const unavailable = (res: http.ServerResponse) => {
    const body = 'Service Unavailable: no worker is ready\n';
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body), 'Retry-After': '1' });
    res.end(body);
  };

  const server = http.createServer((req, res) => {
    if (o.health && req.url === o.health) return healthAnswer(res, !draining && [...slots.values()].some((s) => s.ready));
    forward(req, res, true);
  });
  // the primary only relays; each worker enforces its own limits
  server.requestTimeout = 0;

  let resolveDone!: (code: number) => void;
  const done = new Promise<number>((r) => (resolveDone = r));
  let workersTold = false;
  function maybeDone() {
    if (!draining) return;
    if (inFlight === 0 && !workersTold) {
      workersTold = true;
      for (const s of slots.values()) s.worker.send({ cfml: 'drain' });
    }
    if (workersTold && slots.size === 0) {
      fs.rmSync(sockDir, { recursive: true, force: true });
      resolveDone(0);
    }
  }

  const drain = () => {
    if (draining) return;
    draining = true;
    log('draining: finishing running requests, then ending sessions and applications');
    server.close();
    server.closeIdleConnections();
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    idle.unref();
    setTimeout(() => {
      server.closeAllConnections();
      for (const s of slots.values()) s.worker.kill('SIGKILL');
    }, DRAIN_LIMIT_MS * 2).unref();
    maybeDone();
  };

  return new Promise((resolve) => {
    server.on('error', (e: NodeJS.ErrnoException) => {
      log(`cannot listen on ${o.host ?? '127.0.0.1'}:${o.port ?? 8500}: ${e.code === 'EADDRINUSE' ? 'the port is in use' : e.message}`);
      draining = true;
      for (const s of slots.values()) s.worker.kill();
      fs.rmSync(sockDir, { recursive: true, force: true });
      resolve(1);
    });
    for (let n = 1; n <= count; n++) fork(n);
    server.listen(o.port ?? 8500, o.host ?? '127.0.0.1', () => {
      const a = server.address() as import('node:net').AddressInfo;
      const shown = a.family === 'IPv6' ? `[${a.address}]` : a.address;
      log(`serving ${root} on http://${shown}:${a.port}/ with ${count} workers${o.dev ? ' (dev: full errors in pages)' : ''}${store ? ' (sessions in redis)' : ''}`);
      if (!store && count > 1)
        log('note: sessions are kept in each worker\'s memory (per process): a client whose next request reaches another worker starts a new session. Share them with --session-store redis://host:port');
    });
    process.once('SIGINT', drain);
    process.once('SIGTERM', drain);
    done.then(resolve);
  });
}
