/**
 * A real SMTP server for the `<cfmail>` tests: the `smtp-server` package on 127.0.0.1, a free port.
 * It keeps what it receives (envelope and raw source) and, when given a Dovecot, delivers each
 * message to the INBOX of every local recipient it knows (IMAP APPEND as that user), so a test can
 * send with `<cfmail>` and read the same message back with `<cfimap>`.
 */
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { ImapFlow } from 'imapflow';
import type { AddressInfo } from 'node:net';
import type { DovecotServer } from './dovecot.js';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: Buffer;
  /** The AUTH user, when the client logged in. */
  user?: string;
}

export interface SmtpSink {
  host: '127.0.0.1';
  port: number;
  received: ReceivedMail[];
  /** Resolves when `n` messages have been received (and delivered). */
  waitFor(n: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  stop(): Promise<void>;
}

export interface SmtpSinkOptions {
  /** Accepted logins; without it AUTH is optional and any client may send. */
  users?: Array<{ user: string; pass: string }>;
  /** Deliver to this Dovecot: recipient `u@anything` goes to user u's INBOX. */
  dovecot?: DovecotServer;
  /** Offer the SMTPUTF8 extension (default true). */
  smtputf8?: boolean;
}

async function appendTo(dovecot: DovecotServer, user: string, raw: Buffer): Promise<void> {
  const account = dovecot.users.find((u) => u.user === user);
  if (!account) return;
  const client = new ImapFlow({ host: '127.0.0.1', port: dovecot.port, secure: false, doSTARTTLS: false, auth: { user: account.user, pass: account.pass }, logger: false });
  await client.connect();
  try {
    await client.append('INBOX', raw);
  } finally {
    await client.logout().catch(() => undefined);
  }
}

export async function startSmtpSink(opts: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const waiters: Array<() => void> = [];
  const options: SMTPServerOptions = {
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: !opts.users,
    allowInsecureAuth: true,
    hideSMTPUTF8: opts.smtputf8 === false,
    logger: false,
    onAuth(auth, _session, cb) {
      const ok = opts.users?.some((u) => u.user === auth.username && u.pass === auth.password);
      if (ok) cb(null, { user: auth.username });
      else cb(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const mail: ReceivedMail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          ...(typeof session.user === 'string' ? { user: session.user } : {}),
        };
        const deliver = opts.dovecot ? Promise.all(mail.to.map((addr) => appendTo(opts.dovecot!, addr.split('@')[0]!, raw))) : Promise.resolve();
        deliver.then(
          () => {
            received.push(mail);
            waiters.splice(0).forEach((w) => w());
            cb();
          },
          (e: Error) => cb(e),
        );
      });
    },
  };
  const server = new SMTPServer(options);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    host: '127.0.0.1',
    port,
    received,
    waitFor(n, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`only ${received.length} of ${n} mails arrived`)), timeoutMs);
        const check = () => {
          if (received.length >= n) {
            clearTimeout(t);
            resolve(received.slice());
          } else waiters.push(check);
        };
        check();
      });
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
