import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import send from 'send';
import { Engine, type RenderResult } from '../engine.js';
import { readBody, hasNoBody, NO_BODY, HttpError, type ParsedBody } from './body.js';
import { resolvePath, type Resolved } from './paths.js';
import { BoundedMap } from '../runtime/bounded-map.js';
import type { HttpRequestData } from '../runtime/context.js';
import { cgiOf } from './cgi.js';
import { errorPage } from './error-page.js';
import { RemoteCallError } from '../runtime/remote-cfc.js';

/** Options of createHandler. */
export interface HandlerOptions {
  /** The directory served: its .cfm pages run, its other files are sent as they are. */
  root: string;
  /** The Engine that runs the pages (default: a new one in web mode with a 60 s request timeout). */
  engine?: Engine;
  /** Show full errors (message, location, code frame) in the page instead of a request id only. */
  dev?: boolean;
  /** Largest request body in bytes; a larger one gets 413 (default 32 MiB). */
  maxBodySize?: number;
  /** Where failed requests are logged in full (default: stderr). */
  logger?: (line: string) => void;
  /** Where uploads are streamed (default: the system temp dir); each request gets its own dir inside. */
  uploadDir?: string;
  /**
   * The client's address for cgi.remote_addr when the socket's is not it (behind a proxy you
   * trust, e.g. `cfml serve --workers`' primary); default: the socket's remote address.
   */
  clientAddress?: (req: http.IncomingMessage) => string | undefined;
}

/** `(req, res, next?)`: for http.createServer, or Express/Connect middleware (next() for what it does not serve). */
export type CfmlHandler = ((req: http.IncomingMessage, res: http.ServerResponse, next?: (err?: unknown) => void) => Promise<void>) & {
  /** The Engine running the pages. */
  readonly engine: Engine;
};

const STATIC_METHODS = new Set(['GET', 'HEAD']);
/** Methods a missing page's onMissingTemplate answers (others get 404 without running CFML). */
const PAGE_METHODS = new Set(['GET', 'HEAD', 'POST']);

/** The request as getHttpRequestData shows it; the headers are copied only when a page asks. */
class NodeHttpRequest implements HttpRequestData {
  constructor(
    private readonly req: http.IncomingMessage,
    readonly content: string,
  ) {}
  get method(): string {
    return this.req.method ?? 'GET';
  }
  get protocol(): string {
    return `HTTP/${this.req.httpVersion}`;
  }
  /** Repeated headers joined with ", ". */
  get headers(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(this.req.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
    return out;
  }
}

const hasField = (scope: Record<string, unknown>, name: string) => Object.keys(scope).some((k) => k.toLowerCase() === name);

/**
 * Serves a directory as `cfml serve` does: .cfm pages through the Engine inside their application
 * (Application.cfm, sessions, cookies), other files through `send` (Content-Type, ETag,
 * Last-Modified, Range). Never serves .cfc, Application.cfm, OnRequestEnd.cfm, dotfiles or
 * anything outside the root (404); bad URLs get 400, bodies over maxBodySize 413. A request never
 * throws out of the handler: failures become an error page (production: a request id only; the
 * full error is logged under that id).
 */
export function createHandler(options: HandlerOptions): CfmlHandler {
  const root = path.resolve(options.root);
  const realRoot = fs.realpathSync(root);
  const engine = options.engine ?? new Engine({ mode: 'web', timeout: 60, root: realRoot });
  const dev = options.dev ?? false;
  const maxBody = options.maxBodySize ?? 32 * 1024 * 1024;
  const log = options.logger ?? ((line: string) => process.stderr.write(line + '\n'));
  const resolve = resolverFor(realRoot, engine.inspector.mode);

  const fail = (res: http.ServerResponse, req: http.IncomingMessage, err: unknown) => {
    // a refused remote call (not remote, no such method, bad returnFormat) says so: it names only what the client sent
    if (err instanceof RemoteCallError && !res.headersSent) return plain(res, err.status, `${err.message}: ${err.detail}`);
    const id = randomBytes(6).toString('hex');
    let full: string;
    try {
      full = engine.formatError(err);
    } catch {
      full = String((err as Error)?.stack ?? err);
    }
    log(`[error] request ${id} ${req.method} ${req.url}\n${full}`);
    if (res.headersSent) {
      // cfflush sent part of the page: the error ends it (in production with the request id only)
      if (res.writableEnded) return;
      const notice = dev ? errorPage(500, id, err, full, dev) : `<p>The request could not be completed. Request id: <code>${id}</code></p>`;
      res.end(req.method === 'HEAD' ? undefined : notice);
      return;
    }
    for (const h of res.getHeaderNames()) res.removeHeader(h);
    const body = errorPage(500, id, err, full, dev);
    res.writeHead(500, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const handler = async (req: http.IncomingMessage, res: http.ServerResponse, next?: (err?: unknown) => void): Promise<void> => {
    try {
      const raw = req.url ?? '/';
      if (!raw.startsWith('/')) return plain(res, 400, 'Bad Request');
      const q = raw.indexOf('?');
      const rawPath = q < 0 ? raw : raw.slice(0, q);
      const query = q < 0 ? '' : raw.slice(q + 1);
      const r = resolve(rawPath);
      /** The cgi scope of a CFML target, built only when the page reads cgi (most pages never do). */
      const cgiFor = (scriptName: string, pathInfo: string, file: string) => () =>
        cgiOf(req, { scriptName: ((req as { baseUrl?: string }).baseUrl ?? '') + scriptName, pathInfo, query, file, remoteAddr: options.clientAddress?.(req) });
      switch (r.kind) {
        case 'bad':
          return plain(res, 400, 'Bad Request');
        case 'missing': {
          if (r.page && r.file && PAGE_METHODS.has(req.method ?? 'GET')) {
            if (await runPage(req, res, { kind: 'missing', file: r.file }, query, cgiFor(r.scriptName, '', r.file))) return;
          }
          return next ? next() : plain(res, 404, 'Not Found');
        }
        case 'component': {
          if (await runPage(req, res, { kind: 'component', file: r.file }, query, cgiFor(r.scriptName, '', r.file))) return;
          return next ? next() : plain(res, 404, 'Not Found');
        }
        case 'redirect': {
          const base = (req as { baseUrl?: string }).baseUrl ?? '';
          res.writeHead(301, { Location: base + r.location + (query ? '?' + query : ''), 'Content-Length': 0 });
          return void res.end();
        }
        case 'static':
          if (!STATIC_METHODS.has(req.method ?? 'GET')) {
            res.setHeader('Allow', 'GET, HEAD');
            return plain(res, 405, 'Method Not Allowed');
          }
          return await sendStatic(req, res, realRoot, r.rel, next);
        case 'page': {
          await runPage(req, res, { kind: 'page', file: r.file }, query, cgiFor(r.scriptName, r.pathInfo, r.file));
          return;
        }
      }
    } catch (e) {
      fail(res, req, e);
    }
  };

  /**
   * Runs a page, a missing page (onMissingTemplate) or a component (remote call when the request
   * has a `method` field). Resolves to false when nothing answered (the caller sends its 404).
   */
  const runPage = async (req: http.IncomingMessage, res: http.ServerResponse, target: { kind: 'page' | 'missing' | 'component'; file: string }, query: string, cgi: () => Record<string, string>): Promise<boolean> => {
    let body: ParsedBody;
    if (hasNoBody(req)) body = NO_BODY;
    else {
      try {
        body = await readBody(req, maxBody, options.uploadDir);
      } catch (e) {
        if (!(e instanceof HttpError)) throw e;
        res.setHeader('Connection', 'close');
        plain(res, e.status, e.status === 413 ? 'Payload Too Large' : 'Bad Request');
        return true;
      }
    }
    try {
      const form: Record<string, unknown> | undefined = body.fieldNames.length ? { ...body.form, fieldnames: body.fieldNames.map((n) => n.toUpperCase()).join(',') } : undefined;
      // no query string, no url scope to parse
      const url = query ? queryScope(query) : undefined;
      // a component answers remote calls only: without a method it stays 404, its source never leaves
      if (target.kind === 'component' && !(url && hasField(url, 'method')) && !(form && hasField(form, 'method'))) return false;
      let result: RenderResult | null;
      try {
        const onFlush = (chunk: string, head?: RenderResult) => {
          if (head) {
            writeHead(res, head);
            res.flushHeaders();
          }
          if (chunk && req.method !== 'HEAD') res.write(chunk);
        };
        const httpRequest = new NodeHttpRequest(req, body.content ?? '');
        const input = { url, form, cgi, cookie: req.headers.cookie, files: body === NO_BODY ? undefined : body.files, web: true, root: realRoot, onFlush, httpRequest };
        result =
          target.kind === 'page'
            ? await engine.renderFileWithMeta(target.file, input)
            : target.kind === 'missing'
              ? await engine.renderMissingWithMeta(target.file, input)
              : await engine.invokeRemoteWithMeta(target.file, input);
      } catch (e) {
        fail(res, req, e);
        return true;
      }
      if (!result) return false;
      // uploads the page did not move are removed before the response ends (a file sent with
      // cfcontent file= may be one of them: then after)
      if (!result.file && body !== NO_BODY) await body.cleanup();
      const sent = writeResult(req, res, result);
      if (sent) await sent;
      return true;
    } finally {
      if (body !== NO_BODY) await body.cleanup();
    }
  };

  return Object.assign(handler, { engine });
}

/** How long a found page or static file's path resolution is reused, per inspectTemplates mode (ms). */
const RESOLVE_TTL = { always: 0, once: 2000, never: Infinity } as const;
/** Request paths whose resolution is kept (they come from requests: bounded). */
const RESOLVE_MAX = 4096;

/**
 * resolvePath with its found pages and static files remembered for a while (RESOLVE_TTL: not
 * under inspectTemplates "always", until restart under "never"), so a busy server does not
 * decode, stat and realpath the same URL on every request. Misses, redirects and bad paths are
 * never kept. As with Application.cfm's lookup, a file replaced on disk by a symlink is seen
 * within the TTL.
 */
function resolverFor(realRoot: string, mode: keyof typeof RESOLVE_TTL): (rawPath: string) => Resolved {
  const ttl = RESOLVE_TTL[mode];
  if (ttl === 0) return (rawPath) => resolvePath(realRoot, rawPath);
  const known = new BoundedMap<string, { at: number; r: Resolved }>(RESOLVE_MAX);
  return (rawPath) => {
    const now = ttl === Infinity ? 0 : Date.now();
    const k = known.get(rawPath);
    if (k && now - k.at < ttl) return k.r;
    const r = resolvePath(realRoot, rawPath);
    if (r.kind === 'page' || r.kind === 'static') known.set(rawPath, { at: now, r });
    return r;
  };
}

/** The url scope: repeated keys joined with commas, as Lucee does. */
function queryScope(query: string): Record<string, string> {
  const out: Record<string, string> = {};
  const seen = new Map<string, string>();
  for (const [k, v] of new URLSearchParams(query)) {
    const lower = k.toLowerCase();
    const key = seen.get(lower);
    if (key === undefined) {
      seen.set(lower, k);
      out[k] = v;
    } else out[key] += ',' + v;
  }
  return out;
}

function plain(res: http.ServerResponse, status: number, text: string): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function sendStatic(req: http.IncomingMessage, res: http.ServerResponse, realRoot: string, rel: string, next?: (err?: unknown) => void): Promise<void> {
  return new Promise((resolve) => {
    const urlPath = '/' + rel.split(path.sep).map(encodeURIComponent).join('/');
    const stream = send(req, urlPath, { root: realRoot, dotfiles: 'deny', index: false, etag: true, lastModified: true });
    stream.on('error', (err: { status?: number }) => {
      const status = err.status ?? 500;
      if (status === 404 && next) next();
      else plain(res, status, http.STATUS_CODES[status] ?? 'Error');
      resolve();
    });
    stream.on('end', resolve);
    res.on('close', resolve);
    stream.pipe(res);
  });
}

/**
 * Writes a render's result: status, headers (checked: a page cannot inject CR/LF), cookies, then
 * the body. Returns a promise only when a file is streamed (cfcontent file=).
 */
function writeResult(req: http.IncomingMessage, res: http.ServerResponse, r: RenderResult): Promise<void> | undefined {
  if (res.headersSent) {
    // cfflush sent the head and part of the body: the rest follows, then the end of the chunked body
    res.end(req.method === 'HEAD' || !r.output ? undefined : r.output);
    return;
  }
  if (r.file) {
    writeHead(res, r);
    return sendFile(req, res, r.file);
  }
  const body = r.body ? Buffer.from(r.body) : undefined;
  const length = body ? body.length : Buffer.byteLength(r.output, 'utf8');
  if (!r.cookies.length && r.contentType === undefined && r.statusText === undefined && isEmpty(r.headers)) {
    // the usual page: status, the default type and the length in one writeHead
    res.writeHead(r.status, { 'Content-Type': DEFAULT_TYPE, 'Content-Length': length });
  } else {
    writeHead(res, r);
    res.setHeader('Content-Length', length);
  }
  // a string body goes out in one write with the headers (node joins them for strings)
  if (req.method === 'HEAD') res.end();
  else if (body) res.end(body);
  else res.end(r.output, 'utf8');
}

const DEFAULT_TYPE = 'text/html; charset=utf-8';

function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}

/** `<cfcontent file=>`: streams the file as the body (then deletes it when asked). */
async function sendFile(req: http.IncomingMessage, res: http.ServerResponse, f: { path: string; deleteAfter: boolean }): Promise<void> {
  const { path: file, deleteAfter } = f;
  const size = (await fs.promises.stat(file)).size;
  res.setHeader('Content-Length', size);
  if (req.method === 'HEAD') return void res.end();
  await new Promise<void>((resolve) => {
    const s = fs.createReadStream(file);
    s.on('error', () => {
      res.destroy();
      resolve();
    });
    res.on('close', resolve);
    s.pipe(res);
  });
  if (deleteAfter) await fs.promises.rm(file, { force: true });
}

/** Sets the status and headers of a render's result (checked: a page cannot inject CR/LF) without sending the body. */
function writeHead(res: http.ServerResponse, r: RenderResult): void {
  const headers: [string, string | string[]][] = [];
  let type = r.contentType;
  for (const [name, value] of Object.entries(r.headers)) {
    if (name.toLowerCase() === 'content-type') type = value;
    else headers.push([name, value]);
  }
  if (r.cookies.length) headers.push(['Set-Cookie', r.cookies]);
  for (const [name, value] of headers) {
    http.validateHeaderName(name);
    for (const v of Array.isArray(value) ? value : [value]) http.validateHeaderValue(name, v);
  }
  const contentType = type ?? DEFAULT_TYPE;
  http.validateHeaderValue('Content-Type', contentType);
  res.statusCode = r.status;
  if (r.statusText && !/[\r\n]/.test(r.statusText)) res.statusMessage = r.statusText;
  for (const [name, value] of headers) res.setHeader(name, value);
  res.setHeader('Content-Type', contentType);
}
