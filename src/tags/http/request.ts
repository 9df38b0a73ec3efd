/**
 * Building the request of `<cfhttp>` from its attributes and `<cfhttpparam>`s (Lucee's Http tag):
 * URL and query string, headers, cookies, Basic auth, and the body (raw, XML, url-encoded form or
 * multipart/form-data with files).
 */
import * as fs from 'node:fs';
import * as nodePath from 'node:path';

/** One `<cfhttpparam>`, evaluated. */
export interface HttpParam {
  type: 'header' | 'cgi' | 'body' | 'xml' | 'file' | 'formfield' | 'url' | 'cookie';
  name: string;
  value: unknown;
  /** file params: absolute path of the file to send. */
  file?: string;
  mimeType?: string;
  /** formfield/cgi: URL-encode the value (default true). */
  encoded?: boolean;
}

export interface HttpRequestSpec {
  url: string;
  method: string;
  port?: number;
  username?: string;
  password?: string;
  userAgent: string;
  /** Request charset for form/url encoding and the default response charset. */
  charset: string;
  multipart: boolean;
  multipartType: 'form-data' | 'related';
  params: HttpParam[];
}

export interface BuiltRequest {
  url: URL;
  init: RequestInit & { headers: Headers };
  /** Values that must never be shown: the password and the Basic auth header value. */
  secrets: string[];
}

/** URL-encodes in the given charset (Lucee encodes form fields and url params with the request charset). */
export function urlEncode(s: string, charset: string): string {
  if (!latin1(charset)) return encodeURIComponent(s);
  const bytes = Buffer.from(s, latin1(charset) ? 'latin1' : 'utf8');
  let out = '';
  for (const b of bytes) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9\-_.!~*'()]/.test(c) ? c : '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

const latin1 = (charset: string): boolean => /^(iso-?8859-1|latin1|windows-1252|cp1252)$/i.test(charset.trim());

const asText = (v: unknown): string => (typeof v === 'string' ? v : v instanceof Uint8Array ? Buffer.from(v).toString('utf8') : String(v ?? ''));

/** Parses the url attribute: no scheme means http://; the port attribute applies when the URL has none. */
export function parseUrl(raw: string, port?: number): URL {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw.trim()) ? raw.trim() : 'http://' + raw.trim();
  const url = new URL(withScheme);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`unsupported protocol [${url.protocol.replace(/:$/, '')}], use http or https`);
  if (!url.port && port && port > 0) url.port = String(port);
  return url;
}

/** Turns the spec into a fetch() URL and init. Throws Error with a clear message on bad params. */
export function buildRequest(spec: HttpRequestSpec): BuiltRequest {
  const url = parseUrl(spec.url, spec.port);
  const headers = new Headers();
  const secrets: string[] = [];
  headers.set('user-agent', spec.userAgent);
  if (spec.username !== undefined && spec.username !== '') {
    const token = Buffer.from(`${spec.username}:${spec.password ?? ''}`, 'utf8').toString('base64');
    headers.set('authorization', `Basic ${token}`);
    secrets.push(token);
  }
  if (spec.password) secrets.push(spec.password);
  const cookies: string[] = [];
  const form: HttpParam[] = [];
  const files: HttpParam[] = [];
  let body: string | Uint8Array | undefined;
  let bodyType: string | undefined;
  for (const p of spec.params) {
    switch (p.type) {
      case 'header':
        headers.append(p.name, asText(p.value));
        break;
      case 'cgi':
        headers.append(p.name, p.encoded === false ? asText(p.value) : urlEncode(asText(p.value), spec.charset));
        break;
      case 'cookie':
        cookies.push(`${p.name}=${urlEncode(asText(p.value), spec.charset)}`);
        break;
      case 'url':
        url.search += (url.search ? '&' : '') + `${urlEncode(p.name, spec.charset)}=${urlEncode(asText(p.value), spec.charset)}`;
        break;
      case 'formfield':
        form.push(p);
        break;
      case 'file':
        files.push(p);
        break;
      case 'body':
        body = p.value instanceof Uint8Array ? p.value : asText(p.value);
        break;
      case 'xml':
        body = asText(p.value);
        bodyType = `text/xml; charset=${spec.charset}`;
        break;
    }
  }
  if (cookies.length) headers.append('cookie', cookies.join('; '));
  const method = spec.method.toUpperCase();
  if ((form.length || files.length) && body !== undefined) throw new Error('a body param cannot be combined with formfield or file params');
  if (files.length || (spec.multipart && form.length)) {
    const fd = new FormData();
    for (const f of form) fd.append(f.name, asText(f.value));
    for (const f of files) {
      if (!f.file) throw new Error(`the file param [${f.name}] needs the attribute [file]`);
      let content: Buffer;
      try {
        content = fs.readFileSync(f.file);
      } catch (e) {
        throw new Error(`the file [${f.file}] of param [${f.name}] can not be read: ${(e as Error).message}`);
      }
      fd.append(f.name, new Blob([new Uint8Array(content)], { type: f.mimeType || 'application/octet-stream' }), nodePath.basename(f.file));
    }
    body = undefined;
    return { url, init: { method, headers, body: fd, redirect: 'manual' }, secrets };
  }
  if (form.length) {
    body = form.map((f) => `${urlEncode(f.name, spec.charset)}=${f.encoded === false ? asText(f.value) : urlEncode(asText(f.value), spec.charset)}`).join('&');
    bodyType = `application/x-www-form-urlencoded`;
  }
  if (bodyType && !headers.has('content-type')) headers.set('content-type', bodyType);
  if (body !== undefined && (method === 'GET' || method === 'HEAD')) {
    throw new Error(`a request with method [${method}] cannot have a body; use method="post" (or put/patch)`);
  }
  const init: RequestInit & { headers: Headers } = { method, headers, redirect: 'manual' };
  if (body !== undefined) init.body = new Uint8Array(typeof body === 'string' ? Buffer.from(body, latin1(spec.charset) ? 'latin1' : 'utf8') : body);
  return { url, init, secrets };
}
