import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

/**
 * The cgi scope of an HTTP request as Lucee fills it: request_method, query_string, script_name,
 * path_info, path_translated, server_name/port/protocol, https, remote_addr/host, content_type,
 * content_length and every request header as http_<name> (http_host, http_referer, http_accept...).
 */
export function cgiOf(req: IncomingMessage, o: { scriptName: string; pathInfo: string; query: string; file: string; remoteAddr?: string }): Record<string, string> {
  const secure = Boolean((req.socket as TLSSocket).encrypted);
  const host = req.headers.host ?? '';
  const m = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(host);
  const cgi: Record<string, string> = {
    request_method: req.method ?? 'GET',
    query_string: o.query,
    script_name: o.scriptName,
    path_info: o.pathInfo,
    path_translated: o.file,
    cf_template_path: o.file,
    request_url: `${secure ? 'https' : 'http'}://${host}${o.scriptName}${o.pathInfo}${o.query ? '?' + o.query : ''}`,
    server_name: m?.[1] || req.socket.localAddress || 'localhost',
    server_port: m?.[2] ?? String(req.socket.localPort ?? ''),
    server_port_secure: secure ? '1' : '0',
    server_protocol: `HTTP/${req.httpVersion}`,
    server_software: 'cfml-engine',
    https: secure ? 'on' : 'off',
    remote_addr: o.remoteAddr ?? req.socket.remoteAddress ?? '',
    remote_host: o.remoteAddr ?? req.socket.remoteAddress ?? '',
    remote_user: '',
    auth_type: '',
    content_type: req.headers['content-type'] ?? '',
    content_length: req.headers['content-length'] ?? '',
  };
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue;
    cgi['http_' + k.toLowerCase().replace(/-/g, '_')] = Array.isArray(v) ? v.join(', ') : v;
  }
  for (const k of ['http_host', 'http_referer', 'http_user_agent', 'http_accept', 'http_accept_language', 'http_accept_encoding', 'http_cookie']) cgi[k] ??= '';
  return cgi;
}
