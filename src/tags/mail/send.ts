/**
 * Sending the mails of one `<cfmail>` through nodemailer (loaded on the first `<cfmail>`, so pages
 * without it start fast). Sending is direct: spoolEnable is accepted but nothing is queued.
 * Display names and subjects are encoded per RFC 2047 by nodemailer; non-ASCII addresses use
 * SMTPUTF8 (RFC 6531/6532) when the server offers it. Errors never carry the password.
 */
import * as fs from 'node:fs/promises';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { scrub } from '../../runtime/secrets.js';
import type { MailServerSettings } from './settings.js';
import type { MailSpec } from './message.js';

/** A server-side failure (connection, TLS, authentication, a refused recipient...). */
export class MailSendError extends Error {
  constructor(
    message: string,
    readonly errorCode: string,
    readonly detail: string,
  ) {
    super(message);
    this.name = 'MailSendError';
  }
}

export interface MailSender {
  send(m: MailSpec): Promise<void>;
  close(): void;
}

const PRIORITY_WORDS = ['', 'Highest', 'High', 'Normal', 'Low', 'Lowest'];

function messageOf(m: MailSpec): Mail.Options {
  const headers: Record<string, string | string[]> = {};
  for (const h of m.headers) {
    const prev = headers[h.name];
    headers[h.name] = prev === undefined ? h.value : ([] as string[]).concat(prev, h.value);
  }
  if (m.priority) headers['X-Priority'] = `${m.priority} (${PRIORITY_WORDS[m.priority]})`;
  const opts: Mail.Options = {
    from: m.from,
    to: m.to,
    subject: m.subject,
    headers,
    xMailer: m.mailerId || false,
    attachments: m.attachments.map((a) => ({
      ...(a.file ? { path: a.file } : { content: a.content ?? '' }),
      ...(a.fileName ? { filename: a.fileName } : {}),
      ...(a.type ? { contentType: a.type } : {}),
      ...(a.contentID ? { cid: a.contentID.replace(/^<|>$/g, '') } : {}),
      contentDisposition: a.disposition ?? (a.contentID ? 'inline' : 'attachment'),
    })),
  };
  if (m.cc) opts.cc = m.cc;
  if (m.bcc) opts.bcc = m.bcc;
  if (m.replyTo) opts.replyTo = m.replyTo;
  if (m.text !== undefined) opts.text = m.text;
  if (m.html !== undefined) opts.html = m.html;
  if (m.failTo) {
    const recipients = [m.to, m.cc, m.bcc].filter((x): x is string => !!x);
    opts.envelope = { from: m.failTo, to: recipients.join(', ') };
  }
  return opts;
}

interface NodemailerError {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  message?: string;
}

function mapError(e: unknown, label: string, secrets: string[]): MailSendError {
  const err = (e ?? {}) as NodemailerError;
  const code = err.code ?? 'ESEND';
  const what: Record<string, string> = {
    EAUTH: 'Authentication failed',
    ECONNECTION: 'Could not connect',
    ETIMEDOUT: 'Timeout',
    ESOCKET: 'Connection failure',
    ETLS: 'TLS failure',
    EENVELOPE: 'The server refused the sender or a recipient',
    EMESSAGE: 'The server refused the message',
    EPROTOCOL: 'Protocol error',
  };
  const msg = `${what[code] ?? 'Sending failed'} on SMTP server [${label}]: ${err.message ?? String(e)}`;
  const detail = [err.command ? `command=${err.command}` : '', err.response ?? ''].filter(Boolean).join(' ');
  return new MailSendError(scrub(msg, secrets), code, scrub(detail, secrets));
}

/** Opens one SMTP transport for the mails of a tag; close() when done. */
export function createSender(s: MailServerSettings & { server: string }): MailSender {
  const secure = s.useSSL === true;
  const port = s.port && s.port > 0 ? s.port : secure ? 465 : 25;
  const ms = (s.timeout && s.timeout > 0 ? s.timeout : 60) * 1000;
  const options: SMTPTransport.Options = {
    host: s.server,
    port,
    secure,
    requireTLS: s.useTLS === true,
    connectionTimeout: ms,
    greetingTimeout: ms,
    socketTimeout: ms,
    tls: { rejectUnauthorized: s.validateCertificate !== false, ...(s.ca ? { ca: s.ca } : {}) },
    logger: false,
    debug: false,
  };
  if (s.username) options.auth = { user: s.username, pass: s.password ?? '' };
  const transport = nodemailer.createTransport(options);
  const label = `${s.server}:${port}`;
  const secrets = [s.password].filter((x): x is string => !!x);
  return {
    async send(m) {
      try {
        await transport.sendMail(messageOf(m));
      } catch (e) {
        throw mapError(e, label, secrets);
      }
      for (const a of m.attachments) if (a.remove && a.file) await fs.unlink(a.file).catch(() => undefined);
    },
    close() {
      transport.close();
    },
  };
}
