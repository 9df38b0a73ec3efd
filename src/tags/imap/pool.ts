/**
 * Named IMAP connections (`<cfimap action="open" connection="x">`) and transient ones.
 *
 * - A named entry keeps its settings; its socket is logged out after `idleTimeoutMs` without use
 *   and reconnected on the next call (the name stays valid until `close` or `closeAll()`).
 * - Calls on one entry run one at a time (a promise queue).
 * - Only connection settings live in an entry; per-call settings are never stored.
 * - closeAll() logs everything out and leaves no socket or timer behind.
 * - Every named connection belongs to an OWNER (an opaque key: a session, an application or one
 *   render; see `ImapOwner`). A name is only visible to its owner: the same name under two owners
 *   is two connections, and releaseOwner() logs out everything an owner opened.
 */
import type { ImapFlow } from 'imapflow';
import { connectClient, safeLogout, specFingerprint, type ConnectedClient, type ConnectionSpec } from './connect.js';
import { ImapError } from './errors.js';
import { ListingStore } from './listings.js';
import type { ImapLogger } from './types.js';

export interface ImapPoolOptions {
  /** Idle time after which a named connection is logged out; default 60 000 ms. */
  idleTimeoutMs?: number;
  /** Receives imapflow's log entries (commands included), with credentials removed. Default: no logging. */
  logger?: ImapLogger | false;
  /**
   * Named connections kept logged in per IMAP user (host, port and user name) in this pool,
   * default 5. Connecting one more first logs out that user's least recently used one (its name
   * stays valid and logs in again when next used), so N worker processes hold at most N x this
   * many sessions per user: keep it under the server's limit (Dovecot: mail_max_userip_connections, 10).
   */
  maxConnectionsPerUser?: number;
}

/**
 * Who named connections (and message-number listings) belong to: an opaque, non-secret key.
 * The CFML layer uses the render's `Ctx.connectionOwner` (the session id in a web application),
 * else a key unique to the render. '' is the owner of TypeScript callers that pass none.
 */
export type ImapOwner = string;

/** The session a queued action runs on. */
export interface Session {
  client: ImapFlow;
  spec: ConnectionSpec;
  lastWarning(): unknown;
  lastError(): unknown;
}

class NamedConnection {
  conn: ConnectedClient | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  closed = false;
  /** When it was last used (ms), for the per-user limit's least-recently-used choice. */
  lastUsed = 0;
  /** Jobs of its queue running now (a busy connection is not logged out for the limit). */
  busy = 0;

  constructor(
    readonly name: string,
    readonly owner: ImapOwner,
    readonly spec: ConnectionSpec,
    private readonly pool: ImapPool,
  ) {}

  get fingerprint(): string {
    return specFingerprint(this.spec);
  }

  get connected(): boolean {
    return !!this.conn && this.conn.client.usable && !this.conn.client.isClosed;
  }

  /** Queues fn; connects first when needed. */
  run<T>(fn: (s: Session) => Promise<T>): Promise<T> {
    this.lastUsed = Date.now();
    const job = this.queue.then(async () => {
      this.busy++;
      this.clearTimer();
      if (this.closed) throw new ImapError('NO_CONNECTION', `There is no connection available with name [${this.name}]`);
      try {
        const conn = await this.ensure();
        return await fn({ client: conn.client, spec: this.spec, lastWarning: conn.lastWarning, lastError: conn.lastError });
      } finally {
        this.busy--;
        this.armTimer();
      }
    });
    this.queue = job.catch(() => undefined);
    return job;
  }

  async ensure(): Promise<ConnectedClient> {
    if (this.conn && this.connected) return this.conn;
    if (this.conn) {
      await safeLogout(this.conn.client);
      this.conn = undefined;
    }
    await this.pool.makeRoomFor(this);
    this.conn = await connectClient(this.spec, this.pool.logger);
    return this.conn;
  }

  /** The user this connection logs in as: the per-user limit counts by it. */
  get userKey(): string {
    return `${this.spec.host.toLowerCase()}:${this.spec.port}:${this.spec.username.toLowerCase()}`;
  }

  /** Logs the socket out after the queued work (the name stays usable: it logs in again when used). */
  logOutSocket(): Promise<void> {
    const done = this.queue.then(async () => {
      const c = this.conn;
      this.conn = undefined;
      this.clearTimer();
      if (c) await safeLogout(c.client);
    });
    this.queue = done.catch(() => undefined);
    return done.catch(() => undefined);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private armTimer(): void {
    this.clearTimer();
    if (this.closed || !this.conn) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // Log out through the queue, so it never cuts into a running command.
      this.queue = this.queue.then(async () => {
        if (this.timer || !this.conn) return;
        const c = this.conn;
        this.conn = undefined;
        await safeLogout(c.client);
      });
    }, this.pool.idleTimeoutMs);
    this.timer.unref();
  }

  /** Logs out after the queued work; the entry can not be used afterwards. */
  async shutdown(): Promise<void> {
    this.closed = true;
    this.clearTimer();
    await this.queue.catch(() => undefined);
    const c = this.conn;
    this.conn = undefined;
    if (c) await safeLogout(c.client);
  }
}

export class ImapPool {
  readonly idleTimeoutMs: number;
  readonly maxConnectionsPerUser: number;
  readonly logger: ImapLogger | false;
  private readonly named = new Map<string, NamedConnection>();
  private readonly transient = new Set<ImapFlow>();
  /** The last getHeaderOnly/getAll listing per owner, connection and folder (message-number rule). */
  readonly listings = new ListingStore();

  constructor(opts: ImapPoolOptions = {}) {
    this.idleTimeoutMs = opts.idleTimeoutMs ?? 60_000;
    this.maxConnectionsPerUser = Math.max(1, opts.maxConnectionsPerUser ?? 5);
    this.logger = opts.logger ?? false;
  }

  /** Names are case-insensitive within their owner; the owner is compared exactly. */
  private key(name: string, owner: ImapOwner): string {
    return `${owner}\u0000${name.trim().toLowerCase()}`;
  }

  /** Opens (connects now) a named connection; a name already open with other settings is replaced. */
  async open(name: string, spec: ConnectionSpec, owner: ImapOwner = ''): Promise<void> {
    const k = this.key(name, owner);
    const existing = this.named.get(k);
    if (existing && existing.fingerprint === specFingerprint(spec)) {
      await existing.run(async () => undefined);
      return;
    }
    const entry = new NamedConnection(name, owner, spec, this);
    // Connect before replacing, so a failed reopen leaves nothing half-done.
    await entry.run(async () => undefined).catch(async (err: unknown) => {
      await entry.shutdown();
      throw err;
    });
    this.named.set(k, entry);
    if (existing) await existing.shutdown();
  }

  /** Logs out and forgets a named connection; throws NO_CONNECTION when the name is unknown. */
  async close(name: string, owner: ImapOwner = ''): Promise<void> {
    const k = this.key(name, owner);
    const entry = this.named.get(k);
    if (!entry) throw new ImapError('NO_CONNECTION', `There is no connection available with name [${name}]`);
    this.named.delete(k);
    await entry.shutdown();
  }

  /** Whether `owner` has an open connection of this name. */
  has(name: string, owner: ImapOwner = ''): boolean {
    return this.named.has(this.key(name, owner));
  }

  /** Whether `owner`'s connection of this name was opened with exactly these settings and credentials. */
  matches(name: string, spec: ConnectionSpec, owner: ImapOwner = ''): boolean {
    return this.named.get(this.key(name, owner))?.fingerprint === specFingerprint(spec);
  }

  /** Server settings (host, port) of `owner`'s connection of this name, for calls that name only some. */
  serverOf(name: string, owner: ImapOwner = ''): { host: string; port: number } | undefined {
    const e = this.named.get(this.key(name, owner));
    return e ? { host: e.spec.host, port: e.spec.port } : undefined;
  }

  /** Runs fn on `owner`'s named connection (queued); NO_CONNECTION when the owner has no such name. */
  runNamed<T>(name: string, fn: (s: Session) => Promise<T>, owner: ImapOwner = ''): Promise<T> {
    const entry = this.named.get(this.key(name, owner));
    if (!entry) return Promise.reject(new ImapError('NO_CONNECTION', `There is no connection available with name [${name}]`));
    return entry.run(fn);
  }

  /** Connects, runs fn, logs out. */
  async runTransient<T>(spec: ConnectionSpec, fn: (s: Session) => Promise<T>): Promise<T> {
    const conn = await connectClient(spec, this.logger);
    this.transient.add(conn.client);
    try {
      return await fn({ client: conn.client, spec, lastWarning: conn.lastWarning, lastError: conn.lastError });
    } finally {
      await safeLogout(conn.client);
      this.transient.delete(conn.client);
    }
  }

  /**
   * Before `entry` logs in: while its user has maxConnectionsPerUser named connections logged in,
   * logs out the least recently used idle one. Connections running a command are never cut (and
   * not waited for: two of them could be waiting for each other), so a burst of that user's
   * commands on more connections than the limit at the same moment can pass it briefly.
   */
  async makeRoomFor(entry: NamedConnection): Promise<void> {
    const user = entry.userKey;
    for (;;) {
      const others = [...this.named.values()].filter((e) => e !== entry && e.conn && e.userKey === user);
      if (others.length < this.maxConnectionsPerUser) return;
      const idle = others.filter((e) => e.busy === 0).sort((a, b) => a.lastUsed - b.lastUsed);
      if (!idle.length) return;
      await idle[0]!.logOutSocket();
    }
  }

  /** Names and socket state of the named connections of one owner (all owners when omitted), for diagnostics and tests. */
  stats(owner?: ImapOwner): { name: string; connected: boolean; server: string }[] {
    return [...this.named.values()]
      .filter((e) => owner === undefined || e.owner === owner)
      .map((e) => ({ name: e.name, connected: e.connected, server: `${e.spec.host}:${e.spec.port}` }));
  }

  /** Logs out every named connection of `owner` and forgets its listings (end of a render or session). */
  async releaseOwner(owner: ImapOwner): Promise<void> {
    const mine = [...this.named.entries()].filter(([, e]) => e.owner === owner);
    for (const [k] of mine) this.named.delete(k);
    this.listings.releaseOwner(owner);
    await Promise.all(mine.map(([, e]) => e.shutdown()));
  }

  /** Logs out every connection. The pool stays usable. */
  async closeAll(): Promise<void> {
    const entries = [...this.named.values()];
    this.named.clear();
    this.listings.clear();
    const clients = [...this.transient];
    this.transient.clear();
    await Promise.all([...entries.map((e) => e.shutdown()), ...clients.map((c) => safeLogout(c))]);
  }
}
