/**
 * getPageContext(): the parts of Lucee's PageContext (a Java object there) that CFML code commonly
 * calls, as a struct of methods: getRequest() (method, URI, query string, headers, parameters,
 * remote address, server name/port, scheme), getResponse() (setStatus, setHeader/addHeader,
 * setContentType, getStatus, isCommitted), getOut() (clearBuffer, flush) and flush(). Headers set
 * here go through the same checks as cfheader (none after cfflush).
 */
import { Struct } from '../struct.js';
import { expressionError } from '../errors.js';
import { toNum, toStr } from '../cast.js';
import { NativeMethod } from '../function-value.js';
import type { Ctx } from '../context.js';
import type { FunctionDef } from './types.js';

function methods(entries: Record<string, (...args: unknown[]) => unknown>): Struct {
  const s = new Struct();
  for (const [name, fn] of Object.entries(entries)) s.set(name, new NativeMethod(name, fn));
  return s;
}

const cgi = (ctx: Ctx, key: string) => toStr(ctx.cgi.get(key) ?? '');

/** The request's header `name` (from cgi.http_*), or null when it was not sent (as Java's getHeader). */
function header(ctx: Ctx, name: unknown): string | null {
  const key = 'http_' + toStr(name).toLowerCase().replace(/-/g, '_');
  if (key === 'http_content_type') return ctx.cgi.has('content_type') && cgi(ctx, 'content_type') ? cgi(ctx, 'content_type') : null;
  return ctx.cgi.has(key) ? cgi(ctx, key) : null;
}

function request(ctx: Ctx): Struct {
  return methods({
    getMethod: () => cgi(ctx, 'request_method') || 'GET',
    getRequestURI: () => cgi(ctx, 'script_name') + cgi(ctx, 'path_info'),
    getRequestURL: () => `${cgi(ctx, 'https') === 'on' ? 'https' : 'http'}://${cgi(ctx, 'http_host') || cgi(ctx, 'server_name')}${cgi(ctx, 'script_name')}${cgi(ctx, 'path_info')}`,
    getQueryString: () => cgi(ctx, 'query_string') || null,
    getHeader: (name) => header(ctx, name),
    getParameter: (name) => {
      const v = ctx.form.get(toStr(name)) ?? ctx.url.get(toStr(name));
      return v === undefined ? null : toStr(v);
    },
    getRemoteAddr: () => cgi(ctx, 'remote_addr'),
    getServerName: () => cgi(ctx, 'server_name'),
    getServerPort: () => toNum(cgi(ctx, 'server_port') || 80),
    getScheme: () => (cgi(ctx, 'https') === 'on' ? 'https' : 'http'),
    isSecure: () => cgi(ctx, 'https') === 'on',
    getContextPath: () => '',
    getContentType: () => cgi(ctx, 'content_type') || null,
  });
}

function response(ctx: Ctx): Struct {
  const setHeader = (name: unknown, value: unknown) => {
    ctx.checkNotFlushed('getPageContext().getResponse().setHeader');
    const n = toStr(name);
    if (n.toLowerCase() === 'content-type') ctx.response.contentType = toStr(value);
    ctx.response.headers[n] = toStr(value);
    return null;
  };
  return methods({
    setStatus: (code, text) => {
      ctx.checkNotFlushed('getPageContext().getResponse().setStatus');
      const n = toNum(code);
      if (!Number.isInteger(n) || n < 100 || n > 999) throw expressionError(`invalid HTTP status code [${toStr(code)}]`);
      ctx.response.status = n;
      if (text !== undefined) ctx.response.statusText = toStr(text);
      return null;
    },
    getStatus: () => ctx.response.status,
    setHeader,
    addHeader: setHeader,
    containsHeader: (name) => Object.keys(ctx.response.headers).some((k) => k.toLowerCase() === toStr(name).toLowerCase()),
    setContentType: (type) => setHeader('Content-Type', type),
    getContentType: () => ctx.response.contentType ?? 'text/html; charset=utf-8',
    isCommitted: () => ctx.flushed,
  });
}

function out(ctx: Ctx): Struct {
  return methods({
    clearBuffer: () => {
      ctx.out = '';
      return null;
    },
    flush: () => {
      ctx.flush();
      return null;
    },
  });
}

export const pageContextFunctions: FunctionDef[] = [
  {
    name: 'getPageContext',
    params: [],
    impl: (fc) => {
      const ctx = fc.ctx;
      if (!ctx) throw expressionError('getPageContext() needs a request');
      const memo = ctx.locals.get('pageContext') as Struct | undefined;
      if (memo) return memo;
      const pc = methods({
        getRequest: () => request(ctx),
        getResponse: () => response(ctx),
        getOut: () => out(ctx),
        flush: () => {
          ctx.flush();
          return null;
        },
      });
      ctx.locals.set('pageContext', pc);
      return pc;
    },
  },
];
