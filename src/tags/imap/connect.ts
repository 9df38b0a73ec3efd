/** Building and connecting an imapflow client from the connection settings of a request. */
import { ImapFlow, type ImapFlowOptions, type Logger } from 'imapflow';
import { scrub, toImapError } from './errors.js';
import type { ImapLogger } from './types.js';

/** What identifies a server session: everything needed to (re)connect. Never shown to users. */
export interface ConnectionSpec {
  host: string;
  port: number;
  secure: 'yes' | 'no' | 'starttls';
  username: string;
  password?: string;
  accessToken?: string;
  validateCertificate: boolean;
  /** seconds */
  timeout: number;
}

export function serverLabel(spec: Pick<ConnectionSpec, 'host' | 'port'>): string {
  return `${spec.host}:${spec.port}`;
}

export function secretsOf(spec: ConnectionSpec): Array<string | undefined> {
  return [spec.password, spec.accessToken];
}

/** A stable key for "same server and credentials" (secrets compared, never printed). */
export function specFingerprint(spec: ConnectionSpec): string {
  return JSON.stringify([spec.host.toLowerCase(), spec.port, spec.secure, spec.username, spec.password ?? '', spec.accessToken ?? '', spec.validateCertificate, spec.timeout]);
}

/** Wraps a logger so that no entry can carry the secrets of the connection. */
export function scrubbingLogger(inner: ImapLogger, secrets: Array<string | undefined>): Logger {
  const clean = (obj: unknown): unknown => {
    if (typeof obj === 'string') return scrub(obj, secrets);
    if (!obj || typeof obj !== 'object') return obj;
    if (obj instanceof Error) return { name: obj.name, message: scrub(obj.message, secrets), code: (obj as { code?: string }).code };
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
      if (k === 'auth' || k === 'pass' || k === 'password' || k === 'accessToken') continue;
      out[k] = typeof v === 'string' ? scrub(v, secrets) : v instanceof Error ? clean(v) : v;
    }
    return out;
  };
  // imapflow serialises every FETCH response for a logger that has a trace method, so only offer
  // one when the inner logger has it.
  return {
    ...(inner.trace ? { trace: (o: unknown) => inner.trace?.(clean(o)) } : {}),
    debug: (o: unknown) => inner.debug(clean(o)),
    info: (o: unknown) => inner.info(clean(o)),
    warn: (o: unknown) => inner.warn(clean(o)),
    error: (o: unknown) => inner.error(clean(o)),
    fatal: (o: unknown) => inner.error(clean(o)),
  };
}

export interface ConnectedClient {
  client: ImapFlow;
  /** The last command error imapflow only logged (it returns false for some failed commands). */
  lastWarning(): unknown;
  /** The last 'error' event of the client (a socket timeout, a reset...). */
  lastError(): unknown;
}

/** Connects and logs in; throws ImapError (AUTHENTICATION, CONNECTION, TIMEOUT, TLS, PROTOCOL). */
export async function connectClient(spec: ConnectionSpec, logger: ImapLogger | false | undefined): Promise<ConnectedClient> {
  const ms = Math.max(1, spec.timeout) * 1000;
  const secrets = secretsOf(spec);
  let lastWarn: unknown;
  let lastErr: unknown;
  const noop = (): void => {};
  const captureWarn = (o: unknown): void => {
    const err = (o as { err?: unknown } | undefined)?.err;
    if (err) lastWarn = err;
  };
  // Without a user logger nothing is forwarded, so nothing needs scrubbing (and it costs nothing).
  // imapflow treats every level the logger has a method for as enabled (and serialises responses
  // for it), so without a user logger only warn (failed commands) and error are present.
  const wrapped: Logger = !logger
    ? ({ warn: captureWarn, error: noop, fatal: noop } as unknown as Logger)
    : scrubbingLogger(
        {
          debug: (o) => logger.debug(o),
          info: (o) => logger.info(o),
          error: (o) => logger.error(o),
          ...(logger.trace ? { trace: (o: unknown) => logger.trace?.(o) } : {}),
          warn: (o) => {
            captureWarn(o);
            logger.warn(o);
          },
        },
        secrets,
      );
  const options: ImapFlowOptions = {
    host: spec.host,
    port: spec.port,
    secure: spec.secure === 'yes',
    doSTARTTLS: spec.secure === 'starttls' ? true : spec.secure === 'no' ? false : undefined,
    tls: { rejectUnauthorized: spec.validateCertificate },
    auth: spec.accessToken ? { user: spec.username, accessToken: spec.accessToken } : { user: spec.username, pass: spec.password ?? '' },
    logger: wrapped,
    disableAutoIdle: true,
    connectionTimeout: ms,
    greetingTimeout: ms,
    socketTimeout: ms,
    clientInfo: { name: 'cfml-engine cfimap' },
  };
  const client = new ImapFlow(options);
  // A dropped connection emits 'error'; without a listener it would crash the process.
  client.on('error', (err: unknown) => {
    lastErr = err;
  });
  try {
    await client.connect();
  } catch (err) {
    try {
      client.close();
    } catch {
      /* ignore */
    }
    throw toImapError(err, { server: serverLabel(spec), username: spec.username, secrets, doing: 'connecting' });
  }
  return { client, lastWarning: () => lastWarn, lastError: () => lastErr };
}

/** LOGOUT, falling back to closing the socket; never throws. */
export async function safeLogout(client: ImapFlow): Promise<void> {
  if (client.isClosed) return;
  try {
    await Promise.race([
      client.logout(),
      new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 5000);
        t.unref();
      }),
    ]);
  } catch {
    /* ignore */
  }
  try {
    if (!client.isClosed) client.close();
  } catch {
    /* ignore */
  }
}
