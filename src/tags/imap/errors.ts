/** Errors of the IMAP engine, and the mapping of imapflow / socket errors onto them. */
import { scrub } from '../../runtime/secrets.js';

export { scrub };

export type ImapErrorCode =
  | 'AUTHENTICATION'
  | 'CONNECTION'
  | 'TIMEOUT'
  | 'TLS'
  | 'FOLDER_NOT_FOUND'
  | 'FOLDER_EXISTS'
  | 'PROTECTED_FOLDER'
  | 'NO_CONNECTION'
  | 'SELECTION_REQUIRED'
  | 'UNLISTED_MESSAGE'
  | 'PROTOCOL';

/** A server-side failure; the CFML layer raises it as type "IMAP" with this errorCode. */
export class ImapError extends Error {
  readonly errorCode: ImapErrorCode;
  readonly detail?: string;
  /** `host:port` of the server, when known. */
  readonly server?: string;
  /** The folder the action worked on, when there was one. */
  readonly folder?: string;
  constructor(errorCode: ImapErrorCode, message: string, opts: { detail?: string; server?: string; folder?: string } = {}) {
    super(message);
    this.name = 'ImapError';
    this.errorCode = errorCode;
    if (opts.detail !== undefined) this.detail = opts.detail;
    if (opts.server !== undefined) this.server = opts.server;
    if (opts.folder !== undefined) this.folder = opts.folder;
  }
}

/** A mistake in the tag itself; the CFML layer raises it as type "Application". Lucee's wording. */
export class ImapUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImapUsageError';
  }
}

export interface ErrorContext {
  /** host:port */
  server: string;
  username?: string;
  folder?: string;
  secrets: Array<string | undefined>;
  /** What the engine was doing, e.g. "connecting" or "fetching messages". */
  doing?: string;
}

interface FlowLikeError {
  message?: string;
  code?: string;
  authenticationFailed?: boolean;
  tlsFailed?: boolean;
  responseText?: string;
  serverResponseCode?: string;
  response?: unknown;
  reason?: string;
  mailboxMissing?: boolean;
  responseStatus?: string;
}

const TIMEOUT_CODES = new Set(['CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT', 'ETIMEOUT', 'ETIMEDOUT', 'LockTimeout']);
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'NoConnection',
  'EConnectionClosed',
  'StateLogout',
  'ClosedAfterConnectText',
  'ClosedAfterConnectTLS',
  'EPROXY',
  'ProxyError',
]);

function isTlsError(e: FlowLikeError): boolean {
  if (e.tlsFailed) return true;
  const code = e.code ?? '';
  if (/^(ERR_TLS_|ERR_SSL_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_|CERT_|HOSTNAME_MISMATCH|ERR_TLS_CERT)/.test(code)) return true;
  if (code === 'STARTTLS_INJECTION') return true;
  const msg = e.message ?? '';
  return /certificate|ssl3?_|tls|wrong version number|STARTTLS/i.test(msg) && !/timeout/i.test(msg);
}

function serverText(e: FlowLikeError): string {
  const parts: string[] = [];
  if (e.serverResponseCode) parts.push(`[${e.serverResponseCode}]`);
  if (e.responseText) parts.push(e.responseText);
  else if (typeof e.response === 'string' && e.response) parts.push(e.response);
  if (!parts.length && e.reason) parts.push(e.reason);
  return parts.join(' ').trim();
}

/** Turns anything thrown by imapflow or the socket layer into an ImapError with a clear message. */
export function toImapError(err: unknown, ctx: ErrorContext): ImapError {
  if (err instanceof ImapError) return err;
  const e = (typeof err === 'object' && err !== null ? err : { message: String(err) }) as FlowLikeError;
  // Only the server's and the library's words can carry a secret: they are scrubbed, the
  // engine's wording around them is not (masking it would be an oracle).
  const raw = scrub(e.message ?? String(err), ctx.secrets);
  const text = scrub(serverText(e), ctx.secrets);
  const where = `IMAP server [${ctx.server}]`;
  const folderPart = ctx.folder ? ` (folder [${ctx.folder}])` : '';
  const doing = ctx.doing ? ` while ${ctx.doing}` : '';
  const detailParts = [e.code ? `code=${e.code}` : '', text || raw].filter(Boolean);
  const detail = detailParts.join(' ');
  const mk = (code: ImapErrorCode, msg: string): ImapError =>
    new ImapError(code, msg, { detail, server: ctx.server, ...(ctx.folder ? { folder: ctx.folder } : {}) });

  if (e.authenticationFailed || e.serverResponseCode === 'AUTHENTICATIONFAILED' || e.serverResponseCode === 'AUTHORIZATIONFAILED') {
    const user = ctx.username ? ` for user [${ctx.username}]` : '';
    return mk('AUTHENTICATION', `Authentication failed${user} on ${where}: ${text || raw}`);
  }
  const code = e.code ?? '';
  if (TIMEOUT_CODES.has(code) || /timed? ?out/i.test(raw)) {
    return mk('TIMEOUT', `Timeout${doing} on ${where}${folderPart}: ${raw}`);
  }
  if (isTlsError(e)) {
    return mk('TLS', `TLS failure with ${where}: ${raw}`);
  }
  if (CONNECTION_CODES.has(code) || /socket|connection (closed|reset|refused)|unexpected close/i.test(raw)) {
    const how = ctx.doing && ctx.doing !== 'connecting' ? `The connection to ${where} was lost${doing}` : `Connection to ${where} failed${doing}`;
    return mk('CONNECTION', `${how}${folderPart}: ${raw}${text && !raw.includes(text) ? ` (${text})` : ''}`);
  }
  if (e.mailboxMissing || e.serverResponseCode === 'NONEXISTENT') {
    return mk('FOLDER_NOT_FOUND', `There is no folder with name [${ctx.folder ?? ''}].`);
  }
  return mk('PROTOCOL', `The ${where} refused a command${doing}${folderPart}: ${text || raw}`);
}
