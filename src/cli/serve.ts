import cluster from 'node:cluster';
import * as http from 'node:http';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { Engine, type SessionStoreConfig } from '../engine.js';
import { createHandler } from '../web/handler.js';
import { RedisSessionStore } from '../runtime/redis-session-store.js';
import { runPrimary, CLIENT_ADDRESS_HEADER, WORKER_SOCKET_ENV } from './cluster.js';

/** Options of `cfml serve`. */
export interface ServeOptions {
  /** Default 8500, the CFML convention. */
  port?: number;
  /** Default 127.0.0.1 (only this machine). */
  host?: string;
  /** Full errors in the page (Lucee's developer page) instead of a request id. */
  dev?: boolean;
  /** Largest request body in bytes (413 beyond); default 32 MiB. */
  maxBodySize?: number;
  /**
   * Worker processes (node:cluster) behind a primary that hands each request to the least busy
   * one and restarts dead ones; 'auto' = one per CPU. Undefined: one process, no primary.
   */
  workers?: number | 'auto';
  /** A path answering 200 "ok" for load balancers (503 while the server drains), e.g. /__health. */
  health?: string;
  /** `memory` or a `redis://host:port` URL: where sessions live (default memory, per process). */
  sessionStore?: string;
  /** Named `<cfimap>` connections one process keeps open per IMAP user (default 5). */
  imapMaxPerUser?: number;
  /** Live sessions kept at most (EngineOptions.maxSessions); default 100,000. */
  maxSessions?: number;
}

/** How long a drain waits for running requests (the request timeout, 60 s, plus a margin). */
export const DRAIN_LIMIT_MS = 65_000;

/**
 * `cfml serve DIR`: serves DIR over HTTP through createHandler until SIGINT/SIGTERM; resolves to
 * the exit code. A failing request never ends the process: errors outside any request are logged.
 * With `workers`, the process is the primary of a node:cluster (see runPrimary) and each worker
 * runs this same function. SIGTERM drains: no new connections, running requests finish, then
 * sessions that end with the process and the applications end (onSessionEnd, onApplicationEnd).
 */
export async function serve(dir: string, o: ServeOptions = {}): Promise<number> {
  const root = path.resolve(dir);
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    process.stderr.write(`cfml: ${dir} is not a directory\n`);
    return 2;
  }
  let store: SessionStoreConfig | undefined;
  try {
    store = sessionStoreConfig(o.sessionStore);
  } catch (e) {
    process.stderr.write(`cfml: ${(e as Error).message}\n`);
    return 2;
  }
  if (cluster.isWorker && process.env[WORKER_SOCKET_ENV]) return runServer(root, o, store, { path: process.env[WORKER_SOCKET_ENV]! });
  if (store?.type === 'redis') {
    // fail at start, with a clear message, rather than on every request
    const probe = new RedisSessionStore({ url: store.url }, { encode: () => '', decode: () => { throw new Error('unused'); } });
    try {
      await probe.connect();
    } catch (e) {
      process.stderr.write(`cfml: ${(e as Error).message}\n`);
      return 1;
    } finally {
      await probe.close();
    }
  }
  if (o.workers !== undefined) return runPrimary(root, o, store);
  return runServer(root, o, store, { port: o.port ?? 8500, host: o.host ?? '127.0.0.1' });
}

/** `--session-store`: memory, or redis:// / rediss:// URLs. */
export function sessionStoreConfig(given: string | undefined): SessionStoreConfig | undefined {
  if (given === undefined || given === '' || given === 'memory') return undefined;
  if (/^rediss?:\/\//i.test(given)) return { type: 'redis', url: given };
  throw new Error(`--session-store must be memory or a redis://host:port URL, not [${given.replace(/\/\/[^@/]*@/, '//***@')}]`);
}

/** Text for the health path. */
export function healthAnswer(res: http.ServerResponse, ok: boolean): void {
  const body = ok ? 'ok\n' : 'draining\n';
  res.writeHead(ok ? 200 : 503, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': body.length, 'Cache-Control': 'no-store' });
  res.end(body);
}

/** One serving process: the whole server (no workers), or a cluster worker on its private socket. */
function runServer(root: string, o: ServeOptions, store: SessionStoreConfig | undefined, listen: { port: number; host: string } | { path: string }): Promise<number> {
  const worker = 'path' in listen;
  // a page that loops for ever must not hold the server: 60 s unless the page sets requesttimeout
  const engine = new Engine({ mode: 'web', timeout: 60, root: fs.realpathSync(root), sessionStore: store, maxSessions: o.maxSessions, imap: o.imapMaxPerUser === undefined ? undefined : { maxConnectionsPerUser: o.imapMaxPerUser } });
  // a worker is reached only through the primary (a socket in a private dir), which passes the client's address
  const handler = createHandler({ root, engine, dev: o.dev, maxBodySize: o.maxBodySize, clientAddress: worker ? (req) => headerOf(req, CLIENT_ADDRESS_HEADER) : undefined });
  let draining = false;
  const server = http.createServer((req, res) => {
    if (draining) res.setHeader('Connection', 'close');
    if (!worker && o.health && req.url === o.health) return healthAnswer(res, !draining);
    void handler(req, res);
  });
  const logStray = (e: unknown) => process.stderr.write(`cfml: error outside a request: ${(e as Error)?.stack ?? e}\n`);
  process.on('unhandledRejection', logStray);
  process.on('uncaughtException', logStray);
  return new Promise((resolve) => {
    server.on('error', (e: NodeJS.ErrnoException) => {
      const where = 'path' in listen ? listen.path : `${listen.host}:${listen.port}`;
      process.stderr.write(`cfml: cannot listen on ${where}: ${e.code === 'EADDRINUSE' ? 'the port is in use' : e.message}\n`);
      resolve(1);
    });
    const onListening = () => {
      if (worker) return void process.send?.({ cfml: 'ready' });
      const a = server.address() as import('node:net').AddressInfo;
      const shown = a.family === 'IPv6' ? `[${a.address}]` : a.address;
      process.stderr.write(`cfml: serving ${root} on http://${shown}:${a.port}/${o.dev ? ' (dev: full errors in pages)' : ''}${store ? ' (sessions in redis)' : ''}\n`);
    };
    if ('path' in listen) server.listen({ path: listen.path, exclusive: true }, onListening);
    else server.listen(listen.port, listen.host, onListening);
    const drain = () => {
      if (draining) return;
      draining = true;
      // stop accepting; idle keep-alive connections close now, busy ones after their response
      server.close(() => {
        clearTimeout(limit);
        clearInterval(idle);
        engine.close().then(
          () => resolve(0),
          (e) => {
            logStray(e);
            resolve(1);
          },
        );
      });
      // a connection whose response was running when the drain began closes once it is idle
      const idle = setInterval(() => server.closeIdleConnections(), 100);
      server.closeIdleConnections();
      const limit = setTimeout(() => server.closeAllConnections(), DRAIN_LIMIT_MS);
      limit.unref();
    };
    process.once('SIGINT', drain);
    process.once('SIGTERM', drain);
    if (worker) process.on('message', (m: { cfml?: string }) => m?.cfml === 'drain' && drain());
  });
}

function headerOf(req: http.IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
