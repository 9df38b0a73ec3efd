import { createHash } from 'node:crypto';
import type { Struct } from './struct.js';
import type { SessionStore } from './session-store.js';
import { applicationError } from './errors.js';

/** Reads and writes session scopes as text (SessionCodec; a fake in unit tests). */
export interface SessionEncoder {
  encode(scope: Struct, storage: string): string;
  decode(text: string): Struct;
}

/** Options of RedisSessionStore. */
export interface RedisSessionStoreOptions {
  /** `redis://[user:password@]host:port[/db]` (or `rediss://` for TLS). */
  url: string;
  /** Prefix of every key, so several sites can share one Redis (default `cfml:`). */
  prefix?: string;
  /** How often this process looks for sessions that expired (default 1000 ms). */
  sweepMs?: number;
  /**
   * How long a session's data outlives its expiry (default 60 000 ms), so the process that claims
   * the expired session still reads it for onSessionEnd; Redis then drops it by its TTL even when
   * no server is running.
   */
  graceMs?: number;
  /** Told when Redis cannot be reached in the background (default: ignored; requests fail on their own). */
  onError?: (e: Error) => void;
}

// One clock for every machine: Redis's. Scripts run atomically, so a session is read, renewed,
// written or ended as one step.
const NOW = `local function now() local t = redis.call('TIME') return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) end\n`;

/** KEYS: expiry zset, data hash. ARGV: member, grace ms. The value, or nil when unknown or due; renews the idle time. */
const GET = `${NOW}local at = redis.call('ZSCORE', KEYS[1], ARGV[1])
local t = now()
if (not at) or tonumber(at) <= t then return false end
local r = redis.call('HMGET', KEYS[2], 'v', 'ttl')
if not r[1] then return false end
local ttl = tonumber(r[2])
redis.call('ZADD', KEYS[1], t + ttl, ARGV[1])
redis.call('PEXPIRE', KEYS[2], ttl + tonumber(ARGV[2]))
return r[1]`;

/** KEYS: expiry zset, data hash. ARGV: member, value, ttl ms, grace ms. */
const SET = `${NOW}local ttl = tonumber(ARGV[3])
redis.call('HSET', KEYS[2], 'v', ARGV[2], 'ttl', ttl)
redis.call('PEXPIRE', KEYS[2], ttl + tonumber(ARGV[4]))
redis.call('ZADD', KEYS[1], now() + ttl, ARGV[1])
return 1`;

/** KEYS: expiry zset, data hash. ARGV: member. */
const DEL = `redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('DEL', KEYS[2])
return 1`;

/** KEYS: expiry zset. ARGV: limit. Members due now (by Redis's clock). */
const DUE = `${NOW}return redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now(), 'LIMIT', 0, tonumber(ARGV[1]))`;

/**
 * KEYS: expiry zset, data hash. ARGV: member. Claims a due session: exactly one caller gets its
 * value ('' when the data is gone), the others nil; a session renewed meanwhile is not claimed.
 */
const CLAIM = `${NOW}local at = redis.call('ZSCORE', KEYS[1], ARGV[1])
if (not at) or tonumber(at) > now() then return false end
redis.call('ZREM', KEYS[1], ARGV[1])
local v = redis.call('HGET', KEYS[2], 'v')
redis.call('DEL', KEYS[2])
return v or ''`;

type Client = { sendCommand<T = unknown>(args: string[]): Promise<T>; connect(): Promise<unknown>; close?(): Promise<unknown>; quit?(): Promise<unknown>; destroy?(): void; on(ev: string, fn: (e: Error) => void): unknown };

/**
 * Sessions in Redis, shared by every process and machine that uses the same Redis: a session
 * written by one worker is read by the next request wherever it lands.
 *
 * Layout (prefix `cfml:`): the scope in the hash `cfml:session:<app>:<id>` (fields `v`, the encoded
 * scope, and `ttl`), and its expiry time in the sorted set `cfml:session-expiry`. Expiry is decided
 * by Redis's clock in Lua scripts: a read after the idle timeout finds nothing, each process looks
 * for due sessions every sweepMs and claims each one atomically (ZREM inside a script: exactly one
 * process wins), so onSessionEnd runs once across all workers and machines. The data's own Redis
 * TTL (timeout + graceMs) removes it even when no server is left to claim it.
 *
 * Values are written as data through the encoder: a value that cannot be (a function, a
 * connection) fails the request's save with a CFML error naming it.
 */
export class RedisSessionStore implements SessionStore {
  readonly name = 'redis';
  private client?: Client;
  private connecting?: Promise<Client>;
  private readonly shas = new Map<string, string>();
  private listeners: ((key: string, session: Struct) => void)[] = [];
  private filter: (key: string) => boolean = () => true;
  private timer?: NodeJS.Timeout;
  private sweeping = false;
  private closed = false;
  private readonly prefix: string;
  private readonly zset: string;
  private readonly graceMs: number;
  private readonly sweepMs: number;

  constructor(
    private readonly options: RedisSessionStoreOptions,
    private readonly codec: SessionEncoder,
  ) {
    this.prefix = options.prefix ?? 'cfml:';
    this.zset = this.prefix + 'session-expiry';
    this.graceMs = options.graceMs ?? 60_000;
    this.sweepMs = options.sweepMs ?? 1000;
  }

  /** Connects now (otherwise the first request does); rejects when Redis cannot be reached. */
  async connect(): Promise<void> {
    await this.redis();
  }

  async get(key: string): Promise<Struct | undefined> {
    const text = await this.run<string | null>(GET, [this.zset, this.dataKey(key)], [key, String(this.graceMs)]);
    this.startSweeping();
    return text ? this.codec.decode(text) : undefined;
  }

  async set(key: string, session: Struct, ttlMs: number): Promise<void> {
    const text = this.codec.encode(session, this.name);
    await this.run(SET, [this.zset, this.dataKey(key)], [key, text, String(Math.max(1, Math.round(ttlMs))), String(this.graceMs)]);
    this.startSweeping();
  }

  async delete(key: string): Promise<void> {
    await this.run(DEL, [this.zset, this.dataKey(key)], [key]);
  }

  /**
   * @param filter only sessions it accepts are claimed by this process (the ones of applications
   *   it runs, so their onSessionEnd can run here); others are left for a process that runs them
   */
  onExpire(listener: (key: string, session: Struct) => void, filter?: (key: string) => boolean): void {
    this.listeners.push(listener);
    if (filter) this.filter = filter;
  }

  /** Ends the sessions due now (claimed by this process), then disconnects. Live sessions stay in Redis. */
  async close(): Promise<void> {
    if (this.closed) return;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.client) await this.sweep().catch(() => undefined);
    this.closed = true;
    const c = this.client;
    this.client = undefined;
    this.connecting = undefined;
    if (c) await (c.close ?? c.quit)!.call(c).catch(() => c.destroy?.());
  }

  /** Claims the sessions that are due and tells the listeners (once per session across all processes). */
  async sweep(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      const due = await this.run<string[]>(DUE, [this.zset], ['200']);
      for (const key of due) {
        // a session of an application this process does not run is claimed only once its data is gone
        const mine = this.filter(key);
        const text = await this.run<string | null>(CLAIM, [this.zset, this.dataKey(key)], [key]).catch(() => null);
        if (text === null) continue;
        if (!mine || text === '') continue;
        let scope: Struct;
        try {
          scope = this.codec.decode(text);
        } catch (e) {
          this.options.onError?.(e as Error);
          continue;
        }
        for (const l of this.listeners) l(key, scope);
      }
    } finally {
      this.sweeping = false;
    }
  }

  private dataKey(key: string): string {
    return `${this.prefix}session:${key}`;
  }

  private startSweeping(): void {
    if (this.timer || this.closed) return;
    this.timer = setInterval(() => {
      this.sweep().catch((e) => this.options.onError?.(e as Error));
    }, this.sweepMs);
    this.timer.unref();
  }

  private redis(): Promise<Client> {
    if (this.client) return Promise.resolve(this.client);
    this.closed = false;
    this.connecting ??= (async () => {
      const { createClient } = await import('./redis-client.js');
      let connected = false;
      const c = createClient({
        url: this.options.url,
        // a request fails at once while Redis is away instead of waiting in a queue
        disableOfflineQueue: true,
        socket: { connectTimeout: 5000, reconnectStrategy: (n: number) => (!connected && n > 3 ? new Error('unreachable') : Math.min(100 * n, 2000)) },
      }) as unknown as Client;
      c.on('error', (e: Error) => this.options.onError?.(e));
      try {
        await c.connect();
        connected = true;
      } catch (e) {
        this.connecting = undefined;
        c.destroy?.();
        throw this.unreachable(e);
      }
      this.client = c;
      return c;
    })();
    return this.connecting;
  }

  /** A CFML error naming the server (never the password in the URL). */
  private unreachable(e: unknown): Error {
    let where = 'redis';
    try {
      const u = new URL(this.options.url);
      where = `${u.hostname}:${u.port || 6379}`;
    } catch {
      /* an unparsable URL is named by the client's own message */
    }
    return applicationError(`The session storage [redis] at ${where} cannot be reached: ${(e as Error)?.message ?? e}`);
  }

  /** EVALSHA, loading the script on NOSCRIPT (a restarted Redis forgets scripts). */
  private async run<T>(script: string, keys: string[], args: string[]): Promise<T> {
    const c = await this.redis();
    if (!c) throw this.unreachable('closed');
    let sha = this.shas.get(script);
    if (!sha) this.shas.set(script, (sha = createHash('sha1').update(script).digest('hex')));
    try {
      return await c.sendCommand<T>(['EVALSHA', sha, String(keys.length), ...keys, ...args]);
    } catch (e) {
      if (!String((e as Error)?.message).startsWith('NOSCRIPT')) throw /ECONNREFUSED|closed|offline|Socket/i.test(String((e as Error)?.message)) ? this.unreachable(e) : e;
      return await c.sendCommand<T>(['EVAL', script, String(keys.length), ...keys, ...args]);
    }
  }
}
