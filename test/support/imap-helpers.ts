/** Small helpers shared by the IMAP tests. */
import type { ImapFlow } from 'imapflow';
import type { ImapLogger, ImapRequest } from '../../src/tags/imap/index.js';
import type { DovecotServer, DovecotUser } from './dovecot.js';
import { withAdmin } from './seed-mail.js';

/** Connection attributes for a plain (no TLS) transient connection to the test server. */
export function creds(server: DovecotServer, user: DovecotUser): Pick<ImapRequest, 'server' | 'port' | 'username' | 'password' | 'secure'> {
  return { server: server.host, port: server.port, username: user.user, password: user.pass, secure: 'no' };
}

export interface ServerMessage {
  uid: number;
  seq: number;
  flags: Set<string>;
  subject: string;
}

/** What the server holds in a folder right now (checked with a separate client). */
export async function serverState(server: DovecotServer, user: DovecotUser, folder = 'INBOX'): Promise<ServerMessage[]> {
  return withAdmin(server, user, async (c: ImapFlow) => {
    const box = await c.mailboxOpen(folder, { readOnly: true });
    if (!box.exists) return [];
    const out: ServerMessage[] = [];
    for await (const m of c.fetch('1:*', { uid: true, flags: true, envelope: true })) {
      out.push({ uid: m.uid, seq: m.seq, flags: m.flags ?? new Set(), subject: m.envelope?.subject ?? '' });
    }
    return out;
  });
}

export async function folderPaths(server: DovecotServer, user: DovecotUser): Promise<string[]> {
  return withAdmin(server, user, async (c) => (await c.list()).map((f) => f.path).sort());
}

/** Runs fn and returns what it threw (fails when it did not throw). */
export async function caught(fn: () => Promise<unknown>): Promise<Error & { errorCode?: string; detail?: string }> {
  try {
    await fn();
  } catch (e) {
    return e as Error & { errorCode?: string };
  }
  throw new Error('expected an error, got none');
}

/** A logger that records the IMAP commands the client sends (imapflow logs them as src 'c'). */
export function commandLogger(commands: string[]): ImapLogger {
  return {
    debug(o) {
      const e = o as { src?: string; msg?: string };
      if (e.src === 'c' && typeof e.msg === 'string') commands.push(e.msg);
    },
    info() {},
    warn() {},
    error() {},
  };
}
