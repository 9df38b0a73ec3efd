/**
 * `<cfhttp>` and `<cfhttpparam>` on Node's fetch (undici). The result lands in `result`
 * (default `cfhttp`) as Lucee fills it; `name` turns a CSV response into a query. Redirects are
 * followed here (at most 15) so that redirect="false" shows the 3xx itself. A server that never
 * answers ends at `timeout` seconds (default: what is left of the render's time limit, else 60).
 * The password appears in no error, dump or log.
 */
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { defineTag, Signal, type TagCall } from '../types.js';
import { CfmlError, ErrorCode } from '../../runtime/errors.js';
import { toStr } from '../../runtime/cast.js';
import { scrub } from '../../runtime/secrets.js';
import { bool, num, str } from '../attr-values.js';
import { collectChildren, parentList } from '../child-tags.js';
import { buildRequest, type HttpParam, type HttpRequestSpec } from './request.js';
import { failureStruct, reasonOf, resultStruct } from './response.js';
import { csvToQuery } from './csv.js';

const PARAMS_KEY = 'http.params';
const MAX_REDIRECTS = 15;
const DEFAULT_TIMEOUT_S = 60;
const METHODS = ['get', 'post', 'put', 'delete', 'head', 'trace', 'options', 'patch'];

function timeoutMs(call: TagCall): number {
  const t = num(call.attrs.timeout);
  if (t !== undefined && t > 0) return t * 1000;
  const left = call.ctx.deadline - Date.now();
  return Number.isFinite(left) ? Math.max(1, left) : DEFAULT_TIMEOUT_S * 1000;
}

function httpError(call: TagCall, message: string, detail: string, secrets: string[], errorCode = ''): CfmlError {
  return new CfmlError(scrub(message, secrets), { type: 'Application', detail: scrub(detail, secrets), errorCode, loc: call.node.loc, code: ErrorCode.Http });
}

async function readBody(res: Response, signal: AbortSignal): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  const reader = res.body.getReader();
  for (;;) {
    if (signal.aborted) throw signal.reason;
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Sends the request, following redirects when asked; returns the final response with its body read. */
async function send(spec: HttpRequestSpec, follow: boolean, ms: number): Promise<{ res: Response; body: Uint8Array; url: URL }> {
  const built = buildRequest(spec);
  let { url } = built;
  let init = built.init;
  const signal = AbortSignal.timeout(ms);
  for (let hops = 0; ; hops++) {
    const res = await fetch(url, { ...init, signal });
    const location = res.headers.get('location');
    if (follow && location && res.status >= 300 && res.status < 400 && res.status !== 304) {
      if (hops >= MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects`);
      await res.body?.cancel();
      const next = new URL(location, url);
      // 301/302/303 continue as GET without a body (as browsers and Lucee's client); 307/308 resend as is
      if (res.status !== 307 && res.status !== 308) {
        const headers = new Headers(init.headers);
        headers.delete('content-type');
        init = { ...init, method: init.method === 'HEAD' ? 'HEAD' : 'GET', body: undefined, headers };
      }
      if (next.origin !== url.origin) {
        const headers = new Headers(init.headers);
        headers.delete('authorization');
        headers.delete('cookie');
        init = { ...init, headers };
      }
      url = next;
      continue;
    }
    return { res, body: await readBody(res, signal), url };
  }
}

function describeFailure(e: unknown, ms: number): { timeout: boolean; detail: string } {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return { timeout: true, detail: `the server did not answer within ${ms / 1000} seconds` };
  const cause = err?.cause;
  const why = cause?.code ? `${cause.code}${cause.message ? ` (${cause.message})` : ''}` : cause?.message ?? err?.message ?? String(e);
  return { timeout: false, detail: why };
}

function specOf(call: TagCall, params: HttpParam[]): HttpRequestSpec {
  const a = call.attrs;
  const method = (str(a.method) ?? 'get').trim().toLowerCase();
  if (!METHODS.includes(method)) throw call.error(`invalid value [${method}] for attribute [method], valid values are [${METHODS.join(',')}]`);
  if (method === 'trace') throw call.error('method [trace] is not supported by this engine (Node\'s fetch refuses TRACE)');
  const mt = (str(a.multiparttype) ?? 'form-data').toLowerCase();
  return {
    url: toStr(a.url),
    method,
    port: num(a.port),
    username: str(a.username),
    password: str(a.password),
    userAgent: str(a.useragent) || 'cfml-engine',
    charset: str(a.charset) || 'utf-8',
    multipart: bool(a.multipart) ?? false,
    multipartType: mt === 'related' ? 'related' : 'form-data',
    params,
  };
}

function getAsBinaryOf(call: TagCall): 'no' | 'yes' | 'auto' | 'never' {
  const v = (str(call.attrs.getasbinary) ?? 'auto').trim().toLowerCase();
  if (v === 'never') return 'never';
  if (v === 'auto' || v === '') return 'auto';
  if (v === 'no' || v === 'false') return 'no';
  return 'yes';
}

/** `<cfhttp>`: one HTTP request; see the file comment. */
export const httpTag = defineTag({
  name: 'http',
  body: 'optional',
  attrs: [
    { name: 'url', required: true }, { name: 'method' }, { name: 'port' }, { name: 'result' }, { name: 'name' }, { name: 'charset' },
    { name: 'timeout' }, { name: 'redirect' }, { name: 'throwonerror' }, { name: 'username' }, { name: 'password' },
    { name: 'getasbinary' }, { name: 'multipart' }, { name: 'multiparttype' }, { name: 'useragent' }, { name: 'resolveurl' },
    { name: 'columns' }, { name: 'delimiter' }, { name: 'textqualifier' }, { name: 'firstrowasheaders' }, { name: 'path' }, { name: 'file' },
    { name: 'compression' }, { name: 'encodeurl' }, { name: 'authtype' }, { name: 'proxyserver' }, { name: 'proxyport' },
    { name: 'proxyuser' }, { name: 'proxypassword' }, { name: 'clientcert' }, { name: 'clientcertpassword' }, { name: 'cachedwithin' },
  ],
  async run(call) {
    const params = await collectChildren<HttpParam>(call, PARAMS_KEY);
    const spec = specOf(call, params);
    const secrets = [spec.password, spec.username !== undefined ? Buffer.from(`${spec.username}:${spec.password ?? ''}`).toString('base64') : undefined].filter((x): x is string => !!x);
    const throwOnError = bool(call.attrs.throwonerror) ?? false;
    const follow = bool(call.attrs.redirect) ?? true;
    const ms = timeoutMs(call);
    const started = Date.now();
    let result;
    try {
      const { res, body } = await send(spec, follow, ms);
      result = resultStruct(
        { status: res.status, statusText: res.statusText, headers: res.headers, body, elapsed: Date.now() - started },
        { charset: spec.charset, getAsBinary: getAsBinaryOf(call) },
      );
      if (throwOnError && res.status >= 400) {
        const status = `${res.status} ${reasonOf(res.status, res.statusText)}`.trim();
        throw httpError(call, status, `${spec.method.toUpperCase()} ${scrub(spec.url, secrets)} answered ${status}`, secrets, String(res.status));
      }
    } catch (e) {
      if (e instanceof CfmlError) throw e;
      if (e instanceof Error && /^(unsupported protocol|a body param|the file|a request with method|Invalid URL)/.test(e.message)) {
        throw httpError(call, `<cfhttp>: ${e.message}`, `url [${spec.url}]`, secrets);
      }
      const f = describeFailure(e, ms);
      // Lucee: with throwOnError an error, else a result with 408 (timeout) or "Connection Failure"
      if (throwOnError) {
        throw f.timeout
          ? httpError(call, '408 Request Time-out', `a timeout occurred in tag http: ${f.detail} (${spec.method.toUpperCase()} ${spec.url})`, secrets, '408')
          : httpError(call, `Connection Failure: ${f.detail}`, `${spec.method.toUpperCase()} ${spec.url}`, secrets);
      }
      result = f.timeout
        ? failureStruct('408 Request Time-out', 408, 'Connection Timeout', scrub(f.detail, secrets), Date.now() - started)
        : failureStruct('Connection Failure. Status code unavailable.', 0, 'Connection Failure', scrub(f.detail, secrets), Date.now() - started);
    }
    const name = str(call.attrs.name);
    if (name) {
      const content = result.get('fileContent');
      call.setVariable(name, csvToQuery(typeof content === 'string' ? content : '', {
        columns: str(call.attrs.columns),
        delimiter: str(call.attrs.delimiter) || ',',
        qualifier: str(call.attrs.textqualifier) ?? '"',
        firstRowAsHeaders: bool(call.attrs.firstrowasheaders) ?? true,
      }));
    }
    const file = str(call.attrs.file);
    if (file) {
      const dir = str(call.attrs.path) ? nodePath.resolve(call.ctx.template.dir, str(call.attrs.path)!) : call.ctx.template.dir;
      const content = result.get('fileContent');
      fs.writeFileSync(nodePath.join(dir, nodePath.basename(file)), typeof content === 'string' ? content : (content as Buffer));
    }
    call.setVariable(str(call.attrs.result) || 'cfhttp', result);
    return Signal.Normal;
  },
});

/** `<cfhttpparam type="header|cgi|body|xml|file|formfield|url|cookie">` inside `<cfhttp>` (at any depth). */
export const httpParamTag = defineTag({
  name: 'httpparam',
  attrs: [
    { name: 'type', required: true, values: ['header', 'cgi', 'body', 'xml', 'file', 'formfield', 'url', 'cookie'] },
    { name: 'name' }, { name: 'value' }, { name: 'file' }, { name: 'encoded' }, { name: 'mimetype' },
  ],
  run(call) {
    const list = parentList<HttpParam>(call, PARAMS_KEY, 'http');
    const a = call.attrs;
    const type = toStr(a.type).toLowerCase() as HttpParam['type'];
    const name = str(a.name) ?? '';
    if (!name && type !== 'body' && type !== 'xml') throw call.error(`Attribute [name] is required for tag [cfhttpparam] if attribute type has the value [${type}]`);
    const file = str(a.file);
    if (type === 'file' && !file) throw call.error('Attribute [file] is required for tag [cfhttpparam] if attribute type has the value [file]');
    const p: HttpParam = { type, name, value: a.value ?? '' };
    if (file) p.file = nodePath.resolve(call.ctx.template.dir, file);
    const mime = str(a.mimetype);
    if (mime) p.mimeType = mime;
    const enc = bool(a.encoded);
    if (enc !== undefined) p.encoded = enc;
    list.push(p);
    return Signal.Normal;
  },
});
