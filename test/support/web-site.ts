/** A throw-away site on 127.0.0.1: files written to a temp dir, served by createHandler. */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHandler, type HandlerOptions } from '../../src/web/handler.js';
import { Engine } from '../../src/engine.js';

export interface Site {
  base: string;
  port: number;
  root: string;
  engine: Engine;
  /** Lines the handler logged (full errors). */
  logs: string[];
  close(): Promise<void>;
}

type SiteOptions = Partial<HandlerOptions> & { engineOptions?: ConstructorParameters<typeof Engine>[0] };

/** Writes `files` (relative path -> content) under a new temp dir and serves it; close() removes the dir. */
export async function startSite(files: Record<string, string>, o: SiteOptions = {}): Promise<Site> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cfml-site-'));
  for (const [rel, text] of Object.entries(files)) {
    const f = path.join(root, rel);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, text);
  }
  const site = await serveDir(root, o);
  return { ...site, close: () => site.close().then(() => fs.rmSync(root, { recursive: true, force: true })) };
}

/** Serves an existing directory with an Engine of its own (e.g. a second "worker" on a site); close() leaves the dir. */
export async function serveDir(root: string, o: SiteOptions = {}): Promise<Site> {
  const logs: string[] = [];
  const engine = o.engine ?? new Engine({ mode: 'web', root: fs.realpathSync(root), logger: (l) => logs.push(l), ...o.engineOptions });
  const handler = createHandler({ root, engine, logger: (l) => logs.push(l), ...o });
  const server = http.createServer((req, res) => void handler(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    root,
    engine,
    logs,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await engine.close();
    },
  };
}

/** A client with its own cookie jar (name -> value; Max-Age/Expires in the past removes). */
export class Browser {
  readonly jar = new Map<string, string>();
  constructor(private readonly base: string) {}

  async get(p: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.jar.size) headers.set('Cookie', [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const r = await fetch(this.base + p, { ...init, headers, redirect: 'manual' });
    for (const line of r.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i).trim();
      const expired = attrs.some((a) => /^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]!) < Date.now());
      if (expired) this.jar.delete(name);
      else this.jar.set(name, pair!.slice(i + 1).trim());
    }
    return r;
  }

  async text(p: string, init?: RequestInit): Promise<string> {
    return (await this.get(p, init)).text();
  }
}

/** Sends raw bytes and returns the raw response (for request lines fetch refuses to send). */
export function rawRequest(port: number, data: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const c = net.connect(port, '127.0.0.1', () => c.write(data));
    let out = '';
    c.on('data', (d) => (out += d.toString('latin1')));
    c.on('end', () => resolve(out));
    c.on('error', reject);
    c.setTimeout(5000, () => {
      c.destroy();
      resolve(out);
    });
  });
}
