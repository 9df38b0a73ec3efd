import * as http from 'node:http';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { Engine } from '../engine.js';
import { CfmlError } from '../runtime/errors.js';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `cfml serve DIR`: .cfm pages of DIR over HTTP on 127.0.0.1; nothing outside DIR is served. */
export function serve(dir: string, port: number): Promise<number> {
  const root = path.resolve(dir);
  // a page that loops for ever must not hold the server: 60 s unless the page sets requesttimeout
  const engine = new Engine({ mode: 'web', timeout: 60 });
  const server = http.createServer(async (req, res) => {
    const u = new URL(req.url ?? '/', 'http://localhost');
    let rel = decodeURIComponent(u.pathname);
    if (rel.endsWith('/')) rel += 'index.cfm';
    const file = path.resolve(root, '.' + rel);
    if (!file.startsWith(root + path.sep) || !file.endsWith('.cfm') || !fs.existsSync(file)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('Not found');
      return;
    }
    const body = await readBody(req);
    const form = Object.fromEntries(new URLSearchParams(body));
    try {
      const r = await engine.renderFileWithMeta(file, {
        url: Object.fromEntries(u.searchParams),
        form,
        cgi: { script_name: rel, request_method: req.method ?? 'GET', query_string: u.search.slice(1), http_user_agent: req.headers['user-agent'] ?? '' },
      });
      res.writeHead(r.status, { 'Content-Type': r.contentType ?? 'text/html; charset=utf-8', ...r.headers });
      res.end(r.output);
    } catch (e) {
      res.writeHead(500, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<pre>${escapeHtml(e instanceof CfmlError ? engine.formatError(e) : String(e))}</pre>`);
    }
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => process.stderr.write(`cfml: serving ${root} on http://127.0.0.1:${port}/\n`));
    const stop = () => server.close(() => engine.close().then(() => resolve(0)));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let s = '';
    req.on('data', (d) => (s += d));
    req.on('end', () => resolve(s));
  });
}
