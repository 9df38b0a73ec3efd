import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Struct } from './struct.js';
import { toBool, toNum, toStr } from './cast.js';
import { applicationError } from './errors.js';
import { LockManager } from './locks.js';
import { MemorySessionStore, type SessionStore } from './session-store.js';
import type { MaybePromise } from '../tags/types.js';
import type { CookieScope } from './cookies.js';
import type { Ctx } from './context.js';
import { normalizeMappings, type Mappings } from './components/loader.js';
import type { DatasourceSettings } from '../db/service.js';
import { loadClientScope } from './client-scope.js';

const DAY_MS = 86_400_000;

/** How the session id cookie is sent (`this.sessionCookie` / `<cfapplication sessioncookie=>`). */
export interface SessionCookieSettings {
  /** Cookie name; CFID as in Lucee. */
  name: string;
  httpOnly: boolean;
  secure: boolean;
  sameSite: 'lax' | 'strict' | 'none';
  /** Days the cookie lives in the browser; undefined = until the browser closes. */
  timeoutDays?: number;
  domain?: string;
  path: string;
}

/** An application's settings, from Application.cfc's `this` scope or `<cfapplication>`'s attributes. */
export interface ApplicationSettings {
  name: string;
  /** Idle time after which the application ends (onApplicationEnd), in ms. Lucee default 1 day. */
  applicationTimeoutMs: number;
  sessionManagement: boolean;
  /** Idle time after which a session expires (onSessionEnd), in ms. Lucee default 30 minutes. */
  sessionTimeoutMs: number;
  /** Send the session cookie (default true). */
  setClientCookies: boolean;
  clientManagement: boolean;
  sessionCookie: SessionCookieSettings;
  /** Virtual path -> directory (`this.mappings`). */
  mappings: Record<string, string>;
  /** The same, longest prefix first, as Ctx.appMappings takes them. */
  mappingList: Mappings;
  /** `this.customTagPaths`, as directories. */
  customTagPaths: string[];
  /** `this.datasource` / `this.datasources` as cfquery looks them up (Ctx.appDatasources); undefined when neither is set. */
  datasourceSettings?: DatasourceSettings;
  /**
   * `this.sessionStorage`: the name of the session store ("memory", "redis"); undefined = the
   * Engine's default store (EngineOptions.sessionStore, `cfml serve --session-store`).
   */
  sessionStorage?: string;
  /** Every setting as given, for getApplicationSettings(). */
  given: Struct;
}

const spanMs = (v: unknown, dflt: number) => (v === undefined || v === null || v === '' ? dflt : toNum(v) * DAY_MS);

/** Reads settings from a struct of given values (keys case-insensitive); `dir` resolves relative paths. */
export function settingsFrom(given: Struct, dir: string): ApplicationSettings {
  const g = (k: string) => given.get(k);
  const sc = g('sessioncookie');
  const scs = sc instanceof Struct ? sc : new Struct();
  const sameSite = toStr(scs.get('samesite') ?? 'lax').toLowerCase();
  if (sameSite !== 'lax' && sameSite !== 'strict' && sameSite !== 'none') throw applicationError(`invalid sessionCookie.sameSite [${sameSite}]`, { detail: 'use lax, strict or none' });
  const mappings: Record<string, string> = {};
  const m = g('mappings');
  if (m instanceof Struct) for (const [k, v] of m.entries()) mappings[k] = path.resolve(dir, toStr(v instanceof Struct ? v.get('physical') : v));
  const ctp = g('customtagpaths');
  const customTagPaths = ctp === undefined ? [] : (Array.isArray(ctp) ? ctp.map(toStr) : toStr(ctp).split(',')).map((p) => p.trim()).filter(Boolean).map((p) => path.resolve(dir, p));
  const timeoutDays = scs.get('timeout');
  return {
    name: toStr(g('name') ?? ''),
    applicationTimeoutMs: spanMs(g('applicationtimeout'), DAY_MS),
    sessionManagement: g('sessionmanagement') === undefined ? false : toBool(g('sessionmanagement')),
    sessionTimeoutMs: spanMs(g('sessiontimeout'), 30 * 60_000),
    setClientCookies: g('setclientcookies') === undefined ? true : toBool(g('setclientcookies')),
    clientManagement: g('clientmanagement') === undefined ? false : toBool(g('clientmanagement')),
    sessionCookie: {
      name: toStr(scs.get('name') ?? 'CFID'),
      httpOnly: scs.get('httponly') === undefined ? true : toBool(scs.get('httponly')),
      secure: scs.get('secure') === undefined ? false : toBool(scs.get('secure')),
      sameSite,
      timeoutDays: timeoutDays === undefined || toNum(timeoutDays) < 0 ? undefined : toNum(timeoutDays),
      domain: scs.get('domain') === undefined ? undefined : toStr(scs.get('domain')),
      path: toStr(scs.get('path') ?? '/'),
    },
    mappings,
    mappingList: normalizeMappings(mappings),
    customTagPaths,
    datasourceSettings: datasourcesFrom(g('datasources'), g('datasource'), dir),
    sessionStorage: g('sessionstorage') === undefined || g('sessionstorage') === '' ? undefined : toStr(g('sessionstorage')).toLowerCase(),
    given,
  };
}

/**
 * `this.datasources` (a struct of name -> definition) and `this.datasource` (the default: a name
 * or a definition) as the database service reads them; relative SQLite paths start at `dir`.
 */
function datasourcesFrom(datasources: unknown, datasource: unknown, dir: string): DatasourceSettings | undefined {
  if ((datasources === undefined || datasources === null) && (datasource === undefined || datasource === null || datasource === '')) return undefined;
  if (datasources !== undefined && datasources !== null && !(datasources instanceof Struct)) {
    throw applicationError('this.datasources must be a struct of datasource definitions by name', { detail: 'e.g. this.datasources = { main: { driver: "sqlite", database: "data/app.db" } }' });
  }
  return {
    datasources: datasources ?? undefined,
    datasource: datasource === undefined || datasource === null || datasource === '' ? undefined : (datasource instanceof Struct ? datasource : toStr(datasource)) as DatasourceSettings['datasource'],
    baseDir: dir,
  };
}

/** Lifecycle callbacks an Application.cfc supplies; Application.cfm applications have none. */
export interface ApplicationHooks {
  onApplicationEnd?(app: Application): MaybePromise<unknown>;
  onSessionEnd?(app: Application, session: Struct): MaybePromise<unknown>;
}

/** One running application: its scope and settings, shared by every request naming it. */
export class Application {
  readonly scope = new Struct();
  lastAccess = Date.now();
  hooks: ApplicationHooks = {};
  private started?: Promise<boolean> | boolean;

  constructor(
    readonly name: string,
    public settings: ApplicationSettings,
  ) {
    this.scope.set('applicationName', name);
  }

  /**
   * Runs `start` (onApplicationStart) once per application: concurrent first requests wait for the
   * one run. Resolves to false when start returned false (the application did not start; the next
   * request tries again, as in Lucee).
   */
  startOnce(start: () => MaybePromise<unknown>): MaybePromise<boolean> {
    if (this.started !== undefined) return this.started;
    const r = start();
    const done = (v: unknown) => {
      const ok = v !== false;
      this.started = ok ? true : undefined;
      return ok;
    };
    if (r instanceof Promise) {
      const p = r.then(done, (e) => {
        this.started = undefined;
        throw e;
      });
      this.started = p;
      return p;
    }
    return done(r);
  }
}

/** A request's session: its id (the CFID cookie value), store key and scope. */
export interface SessionRef {
  app: Application;
  id: string;
  key: string;
  scope: Struct;
  /** Started by this request (onSessionStart runs). */
  isNew: boolean;
  /**
   * Not in the store yet: a request without a (valid) session cookie gets a session that is kept,
   * and its cookie sent, only when the request uses it (see save), so a flood of cookieless
   * requests does not fill the store.
   */
  pending: boolean;
  /** The request used the session: read or wrote the session scope, or kept a named connection in it. */
  used?: boolean;
}

const OWNER = Symbol('connectionOwner');

/** Gives a session read back from a shared store its connection owner (see connectionOwnerOf). */
export function setConnectionOwner(session: Struct, owner: string): void {
  (session as Struct & { [OWNER]?: string })[OWNER] = owner;
}

/**
 * The owner of a session's named `<cfimap>` connections (Ctx.connectionOwner): an id of its own,
 * kept across sessionRotate (the connections follow the session to its new id), never shown to CFML.
 */
export function connectionOwnerOf(session: Struct): string {
  const s = session as Struct & { [OWNER]?: string };
  return (s[OWNER] ??= `session:${randomUUID()}`);
}

const ID_FORM = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The applications of one Engine, their sessions (in a SessionStore) and their locks. Applications
 * and sessions end after their idle timeouts; ending runs the Application.cfc hooks.
 */
export class ApplicationRegistry {
  private readonly apps = new Map<string, Application>();
  readonly locks = new LockManager();
  /** The default session store (applications that do not set this.sessionStorage). */
  readonly sessions: SessionStore;
  /** Every store by name (this.sessionStorage): "memory" always, the default under its own name. */
  private readonly stores = new Map<string, SessionStore>();
  /** onApplicationEnd/onSessionEnd runs still going (close() waits for them). */
  private readonly running = new Set<Promise<unknown>>();
  private timer?: NodeJS.Timeout;

  /**
   * @param store the default session store (default: a MemorySessionStore)
   * @param log where errors of onApplicationEnd/onSessionEnd go (they have no page to show on)
   * @param release logs out the named connections of an owner whose session or application ended
   * @param named further stores an application can name in this.sessionStorage
   */
  constructor(
    store: SessionStore | undefined,
    private readonly log: (text: string) => void,
    private readonly release: (owner: string) => Promise<void> = async () => {},
    named: Record<string, SessionStore> = {},
  ) {
    this.sessions = store ?? new MemorySessionStore();
    for (const [n, s] of Object.entries(named)) this.stores.set(n.toLowerCase(), s);
    this.stores.set(storeName(this.sessions), this.sessions);
    if (!this.stores.has('memory')) this.stores.set('memory', new MemorySessionStore());
    const appOf = (key: string) => this.apps.get(key.slice(0, key.lastIndexOf(':')));
    for (const s of new Set(this.stores.values()))
      s.onExpire(
        (key, scope) => {
          this.releaseQuietly(connectionOwnerOf(scope));
          const app = appOf(key);
          if (app?.hooks.onSessionEnd) void this.quietly(() => app.hooks.onSessionEnd!(app, scope), 'onSessionEnd');
        },
        (key) => appOf(key) !== undefined,
      );
  }

  /**
   * The store of an application's sessions: the one its this.sessionStorage names, else the default.
   * @throws CfmlError when the name is not a configured store
   */
  storeOf(app: Application): SessionStore {
    const name = app.settings.sessionStorage;
    if (name === undefined) return this.sessions;
    const s = this.stores.get(name);
    if (s) return s;
    throw applicationError(`The session storage [${name}] is not defined`, {
      detail:
        name === 'redis'
          ? 'Start the server with --session-store redis://host:port, or give the Engine the option sessionStore: { type: "redis", url }.'
          : `Known session storages: ${[...this.stores.keys()].join(', ')}.`,
    });
  }

  private releaseQuietly(owner: string): void {
    this.release(owner).catch((e) => this.log(`releasing connections failed: ${(e as Error)?.message ?? e}`));
  }

  /** The application of this name, started (created) if needed; the settings given last win. */
  get(settings: ApplicationSettings): Application {
    const key = settings.name.toLowerCase();
    let app = this.apps.get(key);
    const now = Date.now();
    if (app && now - app.lastAccess > app.settings.applicationTimeoutMs) {
      void this.end(app);
      app = undefined;
    }
    if (!app) {
      this.apps.set(key, (app = new Application(settings.name, settings)));
      this.startSweeping();
    }
    app.settings = settings;
    app.lastAccess = now;
    return app;
  }

  /** applicationStop(): ends the application now; the next request starts it again. */
  stop(app: Application): void {
    void this.end(app);
  }

  /** Forgets the application and runs its onApplicationEnd; resolves when that has finished (never rejects). */
  private end(app: Application): Promise<void> {
    if (this.apps.get(app.name.toLowerCase()) === app) this.apps.delete(app.name.toLowerCase());
    this.releaseQuietly(applicationOwner(app));
    return app.hooks.onApplicationEnd ? this.quietly(() => app.hooks.onApplicationEnd!(app), 'onApplicationEnd') : Promise.resolve();
  }

  /** Runs an end hook outside any request: its errors are logged, never thrown. */
  private quietly(fn: () => MaybePromise<unknown>, what: string): Promise<void> {
    const failed = (e: unknown) => this.log(`${what} failed: ${(e as Error)?.message ?? e}`);
    try {
      const r = fn();
      if (r instanceof Promise) {
        const p: Promise<void> = r.then(() => undefined, failed).finally(() => this.running.delete(p));
        this.running.add(p);
        return p;
      }
      return Promise.resolve();
    } catch (e) {
      failed(e);
      return Promise.resolve();
    }
  }

  /**
   * The session of this request: the one the session cookie names when the server issued it and
   * it has not expired, else a new one with a fresh id from the CSPRNG (an id the server never
   * issued is never adopted, so a planted cookie cannot fix a victim's session).
   */
  async resolveSession(app: Application, cookies: CookieScope): Promise<SessionRef> {
    const sc = app.settings.sessionCookie;
    const given = cookies.get(sc.name);
    if (typeof given === 'string' && ID_FORM.test(given)) {
      const key = sessionKey(app, given);
      const scope = await this.storeOf(app).get(key);
      if (scope) return { app, id: given, key, scope, isNew: false, pending: false };
    }
    return this.newSession(app);
  }

  /**
   * A fresh session with a new id (copying `from`'s values: sessionRotate). Stored, and its
   * cookie sent when the application sets client cookies, when the request ends (save).
   */
  newSession(app: Application, from?: Struct): SessionRef {
    const id = randomUUID();
    const key = sessionKey(app, id);
    const scope = new Struct();
    if (from) {
      for (const [k, v] of from.entries()) scope.set(k, v);
      (scope as Struct & { [OWNER]?: string })[OWNER] = connectionOwnerOf(from);
    }
    scope.set('cfid', id);
    scope.set('cftoken', '0');
    scope.set('sessionid', `${app.name}_${id}_0`);
    scope.set('urltoken', `CFID=${id}&CFTOKEN=0`);
    return { app, id, key, scope, isNew: true, pending: true, used: from !== undefined };
  }

  /** Ends a session (sessionInvalidate): the id is forgotten at once, onSessionEnd runs when `runEnd`. */
  endSession(ref: SessionRef, runEnd: boolean): void {
    this.storeOf(ref.app).delete(ref.key).catch((e) => this.log(`session store: ${(e as Error)?.message ?? e}`));
    const app = ref.app;
    if (runEnd) this.releaseQuietly(connectionOwnerOf(ref.scope));
    if (runEnd && app.hooks.onSessionEnd) void this.quietly(() => app.hooks.onSessionEnd!(app, ref.scope), 'onSessionEnd');
  }

  /**
   * Keeps the session for the next request (restarts its idle time). A new session is kept only
   * when the request used it (the session scope, a named connection, sessionRotate); its cookie
   * is sent then. Lucee keeps every new session; we do not, so that cookieless requests (a
   * crawler, a flood) that never touch the session cost no memory.
   */
  save(ref: SessionRef, cookies: CookieScope): Promise<void> {
    if (ref.pending) {
      if (!ref.used) {
        // nobody can come back to this session: named connections opened under it end now
        this.releaseQuietly(connectionOwnerOf(ref.scope));
        return Promise.resolve();
      }
      this.keepPending(ref, cookies);
    }
    return this.storeOf(ref.app).set(ref.key, ref.scope, ref.app.settings.sessionTimeoutMs);
  }

  /**
   * Keeps a new session from now on and sends its cookie: at the end of a request that used it
   * (save), or at the first cfflush, after which no header can be sent (the session may be used
   * after the flush, so it is kept then whether or not it was used before).
   */
  keepPending(ref: SessionRef, cookies: CookieScope): void {
    if (!ref.pending) return;
    ref.pending = false;
    ref.used = true;
    const sc = ref.app.settings.sessionCookie;
    if (ref.app.settings.setClientCookies) {
      cookies.send(sc.name, ref.id, { httpOnly: sc.httpOnly, secure: sc.secure, sameSite: sc.sameSite, path: sc.path, domain: sc.domain, expires: sc.timeoutDays });
    }
  }

  /**
   * Closes the session stores (a memory store ends its sessions, a shared one those due now:
   * onSessionEnd), then ends every application (onApplicationEnd), and waits for those events.
   */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    for (const s of new Set(this.stores.values())) await s.close().catch((e) => this.log(`session store: ${(e as Error)?.message ?? e}`));
    await Promise.all([...this.apps.values()].map((app) => this.end(app)));
    while (this.running.size) await Promise.all([...this.running]);
  }

  private startSweeping(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      const now = Date.now();
      for (const app of [...this.apps.values()]) if (now - app.lastAccess > app.settings.applicationTimeoutMs) void this.end(app);
    }, 10_000);
    this.timer.unref();
  }
}

const storeName = (s: SessionStore) => ((s as { name?: string }).name ?? 'default').toLowerCase();

const applicationOwner = (app: Application) => `application:${app.name.toLowerCase()}`;

const sessionKey = (app: Application, id: string) => `${app.name.toLowerCase()}:${id}`;

/**
 * Finds the Application.cfc or Application.cfm that governs a page: the page's directory, then
 * each parent up to `root` (the page's directory only when it is outside root), and the
 * OnRequestEnd.cfm beside an Application.cfm. Cached per directory for `ttlMs` (2 s under
 * inspectTemplates "once", for ever under "never") so a busy server does not stat every level,
 * nor three spellings of a missing OnRequestEnd.cfm, on every request; the files found are still
 * checked for changes as inspectTemplates says when they are loaded.
 */
export class ApplicationFileFinder {
  private readonly cache = new Map<string, { at: number; file: string | null }>();
  /** The answer per (page directory, root), for as long as the per-directory answers hold. */
  private readonly answers = new Map<string, { at: number; file: string | null }>();
  /** OnRequestEnd.cfm per directory of an Application.cfm. */
  private readonly ends = new Map<string, { at: number; file: string | null }>();
  constructor(private readonly ttlMs: number) {}

  find(pageDir: string, root: string): string | null {
    const key = pageDir + '\0' + root;
    const now = this.ttlMs === Infinity ? 0 : Date.now();
    const known = this.answers.get(key);
    if (known && now - known.at < this.ttlMs) return known.file;
    const answer = this.walk(pageDir, root);
    if (this.answers.size > 10_000) this.answers.clear();
    this.answers.set(key, answer);
    return answer.file;
  }

  /** The OnRequestEnd.cfm (any of its usual spellings) in `dir`, or null. */
  onRequestEnd(dir: string): string | null {
    return this.firstIn(this.ends, dir, ON_REQUEST_END_NAMES).file;
  }

  /** The governing file, timed by the oldest per-directory look it relied on. */
  private walk(pageDir: string, root: string): { at: number; file: string | null } {
    const inRoot = pageDir === root || pageDir.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
    let at = Infinity;
    for (let dir = pageDir; ; ) {
      const c = this.firstIn(this.cache, dir, APPLICATION_NAMES);
      at = Math.min(at, c.at);
      if (c.file) return { at, file: c.file };
      if (!inRoot || dir === root) return { at, file: null };
      const up = path.dirname(dir);
      if (up === dir) return { at, file: null };
      dir = up;
    }
  }

  /** The first of `names` that exists in `dir`, remembered in `cache` for ttlMs. */
  private firstIn(cache: Map<string, { at: number; file: string | null }>, dir: string, names: readonly string[]): { at: number; file: string | null } {
    const now = Date.now();
    const c = cache.get(dir);
    if (c && now - c.at < this.ttlMs) return c;
    let file: string | null = null;
    for (const n of names) {
      const p = path.join(dir, n);
      if (fs.existsSync(p)) {
        file = p;
        break;
      }
    }
    if (cache.size > 10_000) cache.clear();
    const entry = { at: now, file };
    cache.set(dir, entry);
    return entry;
  }
}

const APPLICATION_NAMES = ['Application.cfc', 'application.cfc', 'Application.cfm', 'application.cfm'] as const;
const ON_REQUEST_END_NAMES = ['OnRequestEnd.cfm', 'onRequestEnd.cfm', 'onrequestend.cfm'] as const;

/**
 * Makes `settings`' application the request's (cfapplication, Application.cfc) and, with session
 * management, finds or starts its session. Returns a promise only when the session store is asked.
 */
export function activateApplication(ctx: Ctx, settings: ApplicationSettings): MaybePromise<void> {
  const reg = ctx.engine.applications;
  const app = reg.get(settings);
  ctx.app = app;
  // this.customTagPaths / customtagpaths=: searched by <cf_name> and <cfmodule name=>
  ctx.customTagPaths = [...settings.customTagPaths];
  // this.mappings: component names, cfinclude and expandPath; this.datasource(s): cfquery
  ctx.appMappings = settings.mappingList;
  ctx.appDatasources = settings.datasourceSettings;
  // every this.* setting (smtpServerSettings for cfmail...), as the tags read them
  for (const [k, v] of settings.given.entries()) ctx.applicationSettings.set(k, v);
  // named <cfimap> connections belong to the session, else the application (issue 8 item 1)
  if (!settings.sessionManagement) {
    ctx.sessionRef = undefined;
    ctx.connectionOwner = applicationOwner(app);
    return loadClientScope(ctx);
  }
  if (ctx.sessionRef?.app === app) return loadClientScope(ctx);
  return reg.resolveSession(app, ctx.cookie).then((ref) => {
    ctx.sessionRef = ref;
    ctx.connectionOwner = connectionOwnerOf(ref.scope);
    return loadClientScope(ctx);
  });
}
