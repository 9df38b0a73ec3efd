/**
 * The result struct of `<cfhttp>` as Lucee fills it: fileContent, statusCode ("200 OK"),
 * status_code, status_text, responseHeader, header, mimeType, charset, text, errorDetail,
 * cookies (a query), executionTime.
 */
import { Struct } from '../../runtime/struct.js';
import { Query } from '../../runtime/query.js';

/** MIME types whose bodies are text (Lucee's HTTPUtil.isTextMimeType). */
export function isTextMime(mime: string): boolean {
  const m = mime.toLowerCase();
  return (
    m === '' ||
    m.startsWith('text/') ||
    /[/+](json|xml|javascript|ecmascript|x-www-form-urlencoded|csv|html|xhtml\+xml)$/.test(m) ||
    m.startsWith('message/') ||
    m === 'application/x-javascript'
  );
}

/** `text/html; charset=ISO-8859-1` -> ['text/html', 'ISO-8859-1']. */
export function splitContentType(ct: string | null): [string, string] {
  if (!ct) return ['', ''];
  const [mime, ...rest] = ct.split(';');
  const cs = rest.map((p) => p.trim()).find((p) => /^charset=/i.test(p));
  return [mime!.trim(), cs ? cs.slice(8).trim().replace(/^"|"$/g, '') : ''];
}

function decode(bytes: Uint8Array, charset: string): string {
  try {
    return new TextDecoder(charset || 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** Set-Cookie headers as Lucee's cookies query (name, value, path, domain, expires, secure, httpOnly, samesite). */
function cookiesQuery(setCookies: string[]): Query {
  const q = new Query(['name', 'value', 'path', 'domain', 'expires', 'secure', 'httpOnly', 'samesite']);
  for (const sc of setCookies) {
    const [pair, ...attrs] = sc.split(';');
    const eq = pair!.indexOf('=');
    const n = q.addRows(1);
    q.setCell('name', eq >= 0 ? pair!.slice(0, eq).trim() : pair!.trim(), n);
    let value = eq >= 0 ? pair!.slice(eq + 1).trim() : '';
    try {
      value = decodeURIComponent(value);
    } catch {
      /* keep as sent */
    }
    q.setCell('value', value, n);
    for (const c of ['path', 'domain', 'expires', 'samesite']) q.setCell(c, '', n);
    q.setCell('secure', false, n);
    q.setCell('httpOnly', false, n);
    for (const a of attrs) {
      const i = a.indexOf('=');
      const k = (i >= 0 ? a.slice(0, i) : a).trim().toLowerCase();
      const v = i >= 0 ? a.slice(i + 1).trim() : '';
      if (k === 'path' || k === 'domain' || k === 'expires' || k === 'samesite') q.setCell(k, v, n);
      else if (k === 'secure') q.setCell('secure', true, n);
      else if (k === 'httponly') q.setCell('httpOnly', true, n);
    }
  }
  return q;
}

export interface RawResponse {
  status: number;
  statusText: string;
  headers: Headers;
  body: Uint8Array;
  /** ms from the start of the request. */
  elapsed: number;
}

/** Lucee's reason phrases for when a server sends none (HTTP/2, or an empty reason). */
const REASONS: Record<number, string> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 206: 'Partial Content', 301: 'Moved Permanently', 302: 'Found',
  303: 'See Other', 304: 'Not Modified', 307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request', 401: 'Unauthorized',
  403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 408: 'Request Time-out', 409: 'Conflict', 410: 'Gone', 415: 'Unsupported Media Type',
  422: 'Unprocessable Entity', 429: 'Too Many Requests', 500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

export function reasonOf(status: number, given: string): string {
  return given || REASONS[status] || '';
}

/**
 * The result struct of a response. getAsBinary: 'no' = text when the MIME type is text (a binary
 * body stays binary), 'yes' = always binary, 'auto' = by MIME type, 'never' = always text.
 */
export function resultStruct(r: RawResponse, opts: { charset: string; getAsBinary: 'no' | 'yes' | 'auto' | 'never' }): Struct {
  const [mime, declared] = splitContentType(r.headers.get('content-type'));
  const charset = declared || (isTextMime(mime) ? opts.charset : '');
  const text = isTextMime(mime);
  const asBinary = opts.getAsBinary === 'yes' || (opts.getAsBinary !== 'never' && !text);
  const reason = reasonOf(r.status, r.statusText);
  const statusCode = `${r.status} ${reason}`.trim();
  const responseHeader = new Struct();
  const lines = [`HTTP/1.1 ${statusCode}`];
  for (const [k, v] of (r.headers as unknown as { entries(): Iterable<[string, string]> }).entries()) {
    if (k === 'set-cookie') continue;
    lines.push(`${k}: ${v}`);
    responseHeader.set(k, v);
  }
  const setCookies = r.headers.getSetCookie();
  if (setCookies.length) {
    responseHeader.set('set-cookie', setCookies.length === 1 ? setCookies[0] : setCookies);
    for (const c of setCookies) lines.push(`set-cookie: ${c}`);
  }
  responseHeader.set('Status_Code', String(r.status));
  responseHeader.set('Explanation', reason);
  responseHeader.set('Http_Version', 'HTTP/1.1');
  const s = new Struct();
  s.set('charset', charset);
  s.set('errorDetail', '');
  s.set('fileContent', asBinary ? Buffer.from(r.body) : decode(r.body, charset || 'utf-8'));
  s.set('header', lines.join('\r\n') + '\r\n');
  s.set('mimeType', mime);
  s.set('responseHeader', responseHeader);
  s.set('statusCode', statusCode);
  s.set('status_code', r.status);
  s.set('status_text', reason);
  s.set('text', text);
  s.set('cookies', cookiesQuery(setCookies));
  s.set('executionTime', r.elapsed);
  const location = r.headers.get('location');
  if (location) s.set('location', location);
  return s;
}

/** Lucee's result when no response came ("Connection Failure" / "Connection Timeout"), the reason in errorDetail. */
export function failureStruct(statusCode: string, status: number, content: string, detail: string, elapsed: number): Struct {
  const s = new Struct();
  s.set('charset', '');
  s.set('errorDetail', detail);
  s.set('fileContent', content);
  s.set('header', '');
  s.set('mimeType', 'Unable to determine MIME type of file.');
  s.set('responseHeader', new Struct());
  s.set('statusCode', statusCode);
  s.set('status_code', status);
  s.set('status_text', statusCode.replace(/^\d+\s*/, ''));
  s.set('text', true);
  s.set('cookies', cookiesQuery([]));
  s.set('executionTime', elapsed);
  return s;
}
