/**
 * A small POP3 client (RFC 1939, STLS from RFC 2595, CAPA from RFC 2449) for `<cfpop>`.
 *
 * Written here because the npm clients are not fit: node-pop3 (the maintained one) treats every
 * TCP chunk as a whole response (a reply split across packets is misread, a terminator split
 * across packets hangs), does not undo dot-stuffing and has no STLS; poplib, mailpop3 and
 * yapople are unmaintained for a decade (yapople pins mailparser 0.6). The protocol needed here
 * is ten commands over a line-buffered socket.
 *
 * Replies are read line by line from a buffer, multi-line replies until the lone "." with
 * dot-unstuffing; message bytes stay bytes (no charset decoding here). Every wait is bounded by
 * the timeout. The password is sent only in PASS and never kept in an error.
 */
import * as net from 'node:net';
import * as tls from 'node:tls';

export type PopErrorCode = 'AUTHENTICATION' | 'CONNECTION' | 'TIMEOUT' | 'TLS' | 'PROTOCOL' | 'SELECTION_REQUIRED';

/** A POP3 server or protocol failure; the CFML layer raises it as type "POP" with this errorCode. */
export class PopError extends Error {
  constructor(
    readonly errorCode: PopErrorCode,
    message: string,
    readonly detail = '',
  ) {
    super(message);
    this.name = 'PopError';
  }
}

export interface PopConnectOptions {
  host: string;
  port: number;
  /** 'yes' = implicit TLS (995), 'starttls' = STLS required, 'no' = plain. */
  secure: 'yes' | 'no' | 'starttls';
  /** Check the server certificate (default true). */
  validateCertificate: boolean;
  /** Milliseconds for connecting and for each reply. */
  timeoutMs: number;
}

const CRLF = Buffer.from('\r\n');

export class PopClient {
  private socket!: net.Socket;
  private buf: Buffer = Buffer.alloc(0);
  private waiting: { resolve: () => void; reject: (e: Error) => void } | undefined;
  private failure: Error | undefined;
  private readonly label: string;

  private constructor(private readonly opts: PopConnectOptions) {
    this.label = `${opts.host}:${opts.port}`;
  }

  /** Connects (and upgrades with STLS when asked); throws PopError CONNECTION/TIMEOUT/TLS. */
  static async connect(opts: PopConnectOptions): Promise<PopClient> {
    const c = new PopClient(opts);
    try {
      await c.open();
    } catch (e) {
      c.abort();
      throw e;
    }
    return c;
  }

  private async open(): Promise<void> {
    const opts = this.opts;
    const tlsOpts = { servername: net.isIP(opts.host) ? undefined : opts.host, rejectUnauthorized: opts.validateCertificate };
    const sock = opts.secure === 'yes' ? tls.connect({ host: opts.host, port: opts.port, ...tlsOpts }) : net.connect({ host: opts.host, port: opts.port });
    this.attach(sock);
    await this.until(opts.secure === 'yes' ? 'secureConnect' : 'connect', 'connecting');
    const greeting = await this.line('reading the greeting');
    if (!greeting.startsWith('+OK')) throw new PopError('PROTOCOL', `The POP3 server [${this.label}] did not greet with +OK: ${greeting}`);
    if (opts.secure === 'starttls') {
      const r = await this.command('STLS', 'starting TLS');
      if (!r.startsWith('+OK')) throw new PopError('TLS', `The POP3 server [${this.label}] refused STLS: ${r}`);
      const plain = this.socket;
      plain.removeAllListeners('data');
      const secured = tls.connect({ socket: plain, ...tlsOpts });
      this.buf = Buffer.alloc(0);
      this.attach(secured);
      await this.until('secureConnect', 'starting TLS');
    }
  }

  private attach(sock: net.Socket): void {
    this.socket = sock;
    sock.setTimeout(this.opts.timeoutMs);
    sock.on('data', (d: Buffer) => {
      this.buf = this.buf.length ? Buffer.concat([this.buf, d]) : d;
      this.wake();
    });
    sock.on('timeout', () => this.fail(new PopError('TIMEOUT', `Timeout on POP3 server [${this.label}]: no answer within ${this.opts.timeoutMs / 1000} seconds`)));
    sock.on('error', (e: NodeJS.ErrnoException) => this.fail(this.mapSocketError(e)));
    sock.on('close', () => this.fail(new PopError('CONNECTION', `The connection to POP3 server [${this.label}] was closed`)));
  }

  private mapSocketError(e: NodeJS.ErrnoException): PopError {
    const code = e.code ?? '';
    if (/^(ERR_TLS_|ERR_SSL_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_|CERT_|HOSTNAME_MISMATCH)/.test(code) || /certificate|ssl|tls/i.test(e.message)) {
      return new PopError('TLS', `TLS failure with POP3 server [${this.label}]: ${e.message}`, code);
    }
    if (code === 'ETIMEDOUT') return new PopError('TIMEOUT', `Timeout on POP3 server [${this.label}]: ${e.message}`, code);
    return new PopError('CONNECTION', `Connection to POP3 server [${this.label}] failed: ${e.message}`, code);
  }

  private fail(e: Error): void {
    this.failure ??= e;
    this.wake();
  }

  private wake(): void {
    const w = this.waiting;
    this.waiting = undefined;
    w?.resolve();
  }

  private async until(event: 'connect' | 'secureConnect', doing: string): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new PopError('TIMEOUT', `Timeout on POP3 server [${this.label}] while ${doing}`)), this.opts.timeoutMs);
      const done = (e?: Error) => {
        clearTimeout(t);
        this.socket.off(event, ok);
        this.socket.off('error', bad);
        if (e) reject(e);
        else resolve();
      };
      const ok = () => done();
      const bad = (e: NodeJS.ErrnoException) => done(this.mapSocketError(e));
      this.socket.once(event, ok);
      this.socket.once('error', bad);
    });
  }

  /** The next line (without CRLF) as bytes. */
  private async lineBytes(doing: string): Promise<Buffer> {
    for (;;) {
      const i = this.buf.indexOf(CRLF);
      if (i >= 0) {
        const l = this.buf.subarray(0, i);
        this.buf = this.buf.subarray(i + 2);
        return l;
      }
      if (this.failure) {
        const f = this.failure as PopError;
        throw new PopError(f.errorCode ?? 'CONNECTION', `${f.message} (while ${doing})`, f.detail);
      }
      await new Promise<void>((resolve, reject) => (this.waiting = { resolve, reject }));
    }
  }

  private async line(doing: string): Promise<string> {
    return (await this.lineBytes(doing)).toString('latin1');
  }

  /** Sends a command and returns the status line. */
  async command(cmd: string, doing: string): Promise<string> {
    if (/[\r\n]/.test(cmd)) throw new PopError('PROTOCOL', 'a POP3 command must not contain a line break');
    this.socket.write(cmd + '\r\n');
    return this.line(doing);
  }

  /** Reads the lines of a multi-line reply up to the lone ".", undoing dot-stuffing. */
  private async multiline(doing: string): Promise<Buffer[]> {
    const lines: Buffer[] = [];
    for (;;) {
      const l = await this.lineBytes(doing);
      if (l.length === 1 && l[0] === 0x2e) return lines;
      lines.push(l[0] === 0x2e ? l.subarray(1) : l);
    }
  }

  private async ok(cmd: string, doing: string): Promise<string> {
    const r = await this.command(cmd, doing);
    if (!r.startsWith('+OK')) throw new PopError('PROTOCOL', `The POP3 server [${this.label}] refused ${cmd.split(' ')[0]} while ${doing}: ${r}`);
    return r;
  }

  /** USER/PASS; throws PopError AUTHENTICATION (the message names the user, never the password). */
  async login(user: string, pass: string): Promise<void> {
    const r1 = await this.command(`USER ${user}`, 'logging in');
    if (r1.startsWith('+OK')) {
      const r2 = await this.command(`PASS ${pass}`, 'logging in');
      if (r2.startsWith('+OK')) return;
      throw new PopError('AUTHENTICATION', `Authentication failed for user [${user}] on POP3 server [${this.label}]: ${r2.replace(/^-ERR\s*/, '')}`);
    }
    throw new PopError('AUTHENTICATION', `Authentication failed for user [${user}] on POP3 server [${this.label}]: ${r1.replace(/^-ERR\s*/, '')}`);
  }

  /** Message numbers with their sizes (LIST). */
  async list(): Promise<Array<{ n: number; size: number }>> {
    await this.ok('LIST', 'listing messages');
    return (await this.multiline('listing messages')).map((l) => {
      const [n, size] = l.toString('latin1').trim().split(/\s+/);
      return { n: Number(n), size: Number(size) };
    });
  }

  /** Message numbers with their unique ids (UIDL). */
  async uidl(): Promise<Map<number, string>> {
    await this.ok('UIDL', 'listing unique ids');
    const out = new Map<number, string>();
    for (const l of await this.multiline('listing unique ids')) {
      const [n, uid] = l.toString('latin1').trim().split(/\s+/);
      out.set(Number(n), uid ?? '');
    }
    return out;
  }

  /** The header block of a message (TOP n 0). */
  async top(n: number): Promise<Buffer> {
    await this.ok(`TOP ${n} 0`, `reading the header of message ${n}`);
    return join(await this.multiline(`reading the header of message ${n}`));
  }

  /** The whole message source (RETR). */
  async retr(n: number): Promise<Buffer> {
    await this.ok(`RETR ${n}`, `reading message ${n}`);
    return join(await this.multiline(`reading message ${n}`));
  }

  /** Marks a message deleted; the server removes it only at QUIT. */
  async dele(n: number): Promise<void> {
    await this.ok(`DELE ${n}`, `deleting message ${n}`);
  }

  /** QUIT: commits deletions and closes. */
  async quit(): Promise<void> {
    try {
      await this.ok('QUIT', 'closing the session');
    } finally {
      this.socket.destroy();
    }
  }

  /** Closes without QUIT: deletions marked in this session are not committed. */
  abort(): void {
    this.socket.destroy();
  }
}

function join(lines: Buffer[]): Buffer {
  const parts: Buffer[] = [];
  for (const l of lines) parts.push(l, CRLF);
  return Buffer.concat(parts);
}
