import * as http from 'node:http';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { Engine } from '../engine.js';
import { createHandler } from '../web/handler.js';

/** Options of `cfml serve`. */
export interface ServeOptions {
  /** Default 8500, the CFML convention. */
  port?: number;
  /** Default 127.0.0.1 (only this machine). */
  host?: string;
  /** Full errors in the page (Lucee's developer page) instead of a request id. */
  dev?: boolean;
  /**
   * Production: a template, component or custom tag is read once and trusted until the server
   * restarts (inspectTemplates "never"). Otherwise `--dev` checks files on every use ("always")
   * and the default checks each at most once per request ("once").
   */
  production?: boolean;
  /** Largest request body in bytes (413 beyond); default 32 MiB. */
  maxBodySize?: number;
}

/**
 * `cfml serve DIR`: serves DIR over HTTP through createHandler until SIGINT/SIGTERM; resolves to
 * the exit code. A failing request never ends the process: errors outside any request are logged.
 */
export function serve(dir: string, o: ServeOptions = {}): Promise<number> {
  const root = path.resolve(dir);
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    process.stderr.write(`cfml: ${dir} is not a directory\n`);
    return Promise.resolve(2);
  }
  const port = o.port ?? 8500;
  const host = o.host ?? '127.0.0.1';
  // a page that loops for ever must not hold the server: 60 s unless the page sets requesttimeout
  const inspectTemplates = o.production ? 'never' : o.dev ? 'always' : 'once';
  const engine = new Engine({ mode: 'web', timeout: 60, root: fs.realpathSync(root), inspectTemplates });
  if (o.production && o.dev) process.stderr.write('cfml: --production with --dev: full errors in pages, template files trusted once loaded\n');
  const handler = createHandler({ root, engine, dev: o.dev, maxBodySize: o.maxBodySize });
  const server = http.createServer((req, res) => void handler(req, res));
  const logStray = (e: unknown) => process.stderr.write(`cfml: error outside a request: ${(e as Error)?.stack ?? e}\n`);
  process.on('unhandledRejection', logStray);
  process.on('uncaughtException', logStray);
  return new Promise((resolve) => {
    server.on('error', (e: NodeJS.ErrnoException) => {
      process.stderr.write(`cfml: cannot listen on ${host}:${port}: ${e.code === 'EADDRINUSE' ? 'the port is in use' : e.message}\n`);
      resolve(1);
    });
    server.listen(port, host, () => {
      const a = server.address() as import('node:net').AddressInfo;
      const shown = a.family === 'IPv6' ? `[${a.address}]` : a.address;
      process.stderr.write(`cfml: serving ${root} on http://${shown}:${a.port}/${o.dev ? ' (dev: full errors in pages)' : ''}${o.production ? ' (production: template files are read once)' : ''}\n`);
    });
    const stop = () => {
      server.close(() => engine.close().then(() => resolve(0)));
      server.closeAllConnections();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
