/**
 * SMTP server settings of `<cfmail>`: the tag's attributes win, then Application.cfc's
 * `this.smtpServerSettings` (handed to the render as `ctx.applicationSettings.smtpServerSettings`),
 * then `EngineOptions.mail`. Nothing is hard-coded: without a server anywhere the tag says so.
 */
import { Struct } from '../../runtime/struct.js';
import { toBool, toNum, toStr } from '../../runtime/cast.js';

/** SMTP settings as EngineOptions.mail and Application.cfc's this.smtpServerSettings give them. */
export interface MailServerSettings {
  /** Host name or IP of the SMTP server. */
  server?: string;
  /** Default 25, or 465 with useSSL. */
  port?: number;
  username?: string;
  password?: string;
  /** Implicit TLS from the first byte (SMTPS, port 465). */
  useSSL?: boolean;
  /** STARTTLS is required (the send fails when the server does not offer it). */
  useTLS?: boolean;
  /** Seconds for connecting, the greeting and each reply; default 60. */
  timeout?: number;
  /** Check the server's certificate (default true). Only for test servers with self-signed certificates. */
  validateCertificate?: boolean;
  /** PEM certificates to trust besides the system's (a private CA, a test server). */
  ca?: string | string[];
  /** Default sender when the tag has no `from`. */
  from?: string;
}

const KEYS: Record<string, keyof MailServerSettings> = {
  server: 'server', host: 'server', smtp: 'server', port: 'port', username: 'username', user: 'username', password: 'password',
  usessl: 'useSSL', ssl: 'useSSL', usetls: 'useTLS', tls: 'useTLS', timeout: 'timeout', validatecertificate: 'validateCertificate', from: 'from', ca: 'ca',
};

/** Reads a settings struct (or plain object) with Lucee's key names, case-insensitively. */
export function settingsFrom(v: unknown): MailServerSettings {
  const out: MailServerSettings = {};
  if (!v || typeof v !== 'object') return out;
  const entries = v instanceof Struct ? v.entries() : Object.entries(v as Record<string, unknown>);
  for (const [k, val] of entries) {
    const key = KEYS[k.toLowerCase()];
    if (!key || val === undefined || val === null || val === '') continue;
    switch (key) {
      case 'port':
      case 'timeout':
        out[key] = toNum(val);
        break;
      case 'useSSL':
      case 'useTLS':
      case 'validateCertificate':
        out[key] = toBool(val);
        break;
      case 'ca':
        out.ca = Array.isArray(val) ? val.map((x) => toStr(x)) : toStr(val);
        break;
      default:
        out[key] = toStr(val);
    }
  }
  return out;
}

/** Layers settings: later layers win for every key they set. */
export function mergeSettings(...layers: MailServerSettings[]): MailServerSettings {
  const out: MailServerSettings = {};
  for (const l of layers) for (const [k, v] of Object.entries(l)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}
