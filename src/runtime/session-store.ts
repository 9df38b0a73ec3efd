import { Struct } from '../runtime/struct.js';

/**
 * Where session scopes live between requests. Small and async on purpose so that stores shared
 * by several processes (Redis, a database) can implement it later. Keys are `appName:sessionId`.
 * A store expires a session after `ttlMs` without a `get` or `set` (idle timeout, as Lucee's
 * sessionTimeout) and reports it through the expiry listener so `onSessionEnd` can run.
 */
export interface SessionStore {
  /** The name an application gives in this.sessionStorage ("memory", "redis"). */
  readonly name?: string;
  /** The session under key, or undefined when unknown or expired; restarts its idle time. */
  get(key: string): Promise<Struct | undefined>;
  /** Stores (or replaces) a session that expires after ttlMs of idleness. */
  set(key: string, session: Struct, ttlMs: number): Promise<void>;
  /**
   * Optional, for a store in this process's memory: get() and set() answered at once, without a
   * promise (every request of a session application reads and writes its session; a promise
   * makes the rest of the request run asynchronously). Same meaning as get and set.
   */
  getNow?(key: string): Struct | undefined;
  setNow?(key: string, session: Struct, ttlMs: number): void;
  /** Connects now when the store is remote (a server does it before taking requests); else nothing. */
  connect?(): Promise<void>;
  /** Removes a session (sessionInvalidate, sessionRotate); no expiry notice is given. */
  delete(key: string): Promise<void>;
  /**
   * Registers the function told about sessions that expired (key and the last scope). A store
   * shared by several processes tells only one of them, and only about keys `filter` accepts
   * (the applications that process runs).
   */
  onExpire(listener: (key: string, session: Struct) => void, filter?: (key: string) => boolean): void;
  /**
   * Stops timers and lets go of the sessions (Engine.close, a drained server): a store in this
   * process's memory ends every session (they cannot outlive the process), a shared store only
   * those due now.
   */
  close(): Promise<void>;
}

interface Entry {
  session: Struct;
  ttlMs: number;
  lastAccess: number;
}

/** Live sessions a MemorySessionStore keeps at most unless told otherwise. */
export const DEFAULT_MAX_SESSIONS = 100_000;

export interface MemorySessionStoreOptions {
  /** How often expired sessions are looked for, ms (default 5000; a lookup checks expiry too). */
  sweepMs?: number;
  /**
   * Live sessions kept at most (default 100,000). When a new session would pass it, the session
   * idle the longest is ended first (as if it had expired: onSessionEnd runs, its named
   * connections are logged out), so a flood of new clients cannot exhaust memory.
   */
  maxSessions?: number;
}

/**
 * The default store: sessions in this process's memory, swept for expiry every few seconds and
 * bounded in number (oldest idle evicted first). The map's order is the order of last access.
 */
export class MemorySessionStore implements SessionStore {
  readonly name = 'memory';
  private readonly map = new Map<string, Entry>();
  private listeners: ((key: string, session: Struct) => void)[] = [];
  private timer?: NodeJS.Timeout;
  private readonly sweepMs: number;
  readonly maxSessions: number;

  /** @param options the options, or (as before) just sweepMs */
  constructor(options: MemorySessionStoreOptions | number = {}) {
    const o = typeof options === 'number' ? { sweepMs: options } : options;
    this.sweepMs = o.sweepMs ?? 5000;
    this.maxSessions = Math.max(1, Math.floor(o.maxSessions ?? DEFAULT_MAX_SESSIONS));
  }

  async get(key: string): Promise<Struct | undefined> {
    return this.getNow(key);
  }

  async set(key: string, session: Struct, ttlMs: number): Promise<void> {
    this.setNow(key, session, ttlMs);
  }

  getNow(key: string): Struct | undefined {
    const e = this.map.get(key);
    if (!e) return undefined;
    const now = Date.now();
    if (now - e.lastAccess > e.ttlMs) {
      this.expire(key, e);
      return undefined;
    }
    e.lastAccess = now;
    // most recently used last: the first entry is always the one idle the longest
    this.map.delete(key);
    this.map.set(key, e);
    return e.session;
  }

  setNow(key: string, session: Struct, ttlMs: number): void {
    const e = this.map.get(key);
    if (e !== undefined && e.session === session) {
      // the session this request read (get moved it last already unless others came since)
      e.ttlMs = ttlMs;
      e.lastAccess = Date.now();
      this.map.delete(key);
      this.map.set(key, e);
      return;
    }
    if (e !== undefined) this.map.delete(key);
    else {
      while (this.map.size >= this.maxSessions) {
        const [oldKey, oldest] = this.map.entries().next().value as [string, Entry];
        this.expire(oldKey, oldest);
      }
    }
    this.map.set(key, { session, ttlMs, lastAccess: Date.now() });
    this.startSweeping();
  }

  async delete(key: string): Promise<void> {
    this.map.delete(key);
  }

  onExpire(listener: (key: string, session: Struct) => void): void {
    this.listeners.push(listener);
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    for (const [k, e] of [...this.map]) this.expire(k, e);
  }

  /** Number of live sessions (for tests and dumps). */
  get size(): number {
    return this.map.size;
  }

  private expire(key: string, e: Entry): void {
    this.map.delete(key);
    for (const l of this.listeners) l(key, e.session);
  }

  private startSweeping(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      const now = Date.now();
      for (const [k, e] of this.map) if (now - e.lastAccess > e.ttlMs) this.expire(k, e);
      if (this.map.size === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = undefined;
      }
    }, this.sweepMs);
    this.timer.unref();
  }
}
