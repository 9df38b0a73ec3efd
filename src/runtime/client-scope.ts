/**
 * The client scope (client variables), on when the application sets `clientManagement`:
 * simple values that outlive sessions, one set per browser and application, kept
 * `clientTimeout` (default 90 days) after the last visit. `clientStorage` says where:
 * - "cookie" (Lucee's default): the variables themselves travel in the cookie
 *   `CF_CLIENT_<application>`, signed with HMAC-SHA256 under a key of the application, so a
 *   visitor can read but not alter or forge them (a bad signature starts a new client);
 * - "memory" (also "session"): kept in the Engine's SessionStore; the cookie holds only the
 *   signed client id.
 * As in Lucee the scope always holds cfid, cftoken, urltoken, hitCount (requests so far),
 * lastVisit (the previous request's time) and timeCreated; these are not client variables
 * (getClientVariablesList leaves them out). Only simple values can be stored (strings, numbers,
 * booleans, dates): anything else is an error when assigned.
 */
import { randomUUID } from 'node:crypto';
import { Struct } from './struct.js';
import { isSimple, toNum, toStr } from './cast.js';
import { applicationError, expressionError, type SourceLoc } from './errors.js';
import { applicationKey, sign, verify } from './signed-values.js';
import type { Ctx } from './context.js';
import type { MaybePromise } from '../tags/types.js';

/** Names the engine keeps in every client scope (read-only information, not client variables). */
export const CLIENT_META = ['cfid', 'cftoken', 'urltoken', 'hitcount', 'lastvisit', 'timecreated'] as const;
const META = new Set<string>(CLIENT_META);

/** A client scope: refuses values that cannot be stored as client variables. */
export class ClientScope extends Struct {
  override setLower(lower: string, key: string, value: unknown): void {
    if (!isSimple(value)) {
      throw expressionError(`the client scope can only hold simple values (string, number, boolean, date), not a complex value in [client.${key}]`, {
        detail: 'store complex values as text with serializeJSON() and read them back with deserializeJSON()',
      });
    }
    super.setLower(lower, key, value);
  }
}

type Storage = 'cookie' | 'memory';
const MAX_COOKIE = 4000;
const DAY_MS = 86_400_000;
const loaded = new WeakMap<Ctx, { scope: ClientScope; app: string }>();

function storageOf(ctx: Ctx): Storage {
  const v = ctx.app?.settings.given.get('clientstorage');
  const s = v === undefined || v === '' ? 'cookie' : toStr(v).trim().toLowerCase();
  if (s === 'cookie') return 'cookie';
  if (s === 'memory' || s === 'session') return 'memory';
  throw applicationError(`clientStorage [${toStr(v)}] is not supported`, { detail: 'use "cookie" (signed, in the browser) or "memory" (in the Engine\'s session store)' });
}

function timeoutMs(ctx: Ctx): number {
  const v = ctx.app?.settings.given.get('clienttimeout');
  return v === undefined || v === '' ? 90 * DAY_MS : toNum(v) * DAY_MS;
}

const cookieName = (ctx: Ctx) => `CF_CLIENT_${ctx.app!.name}`.replace(/[^A-Za-z0-9_.-]/g, '_');
const storeKey = (ctx: Ctx, id: string) => `client:${ctx.app!.name.toLowerCase()}:${id}`;

/** JSON form of client values: dates as {"$date": ms}. */
function toPlain(scope: Struct): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of scope.entries()) o[k] = v instanceof Date ? { $date: v.getTime() } : v;
  return o;
}

function fromPlain(o: unknown, into: ClientScope): boolean {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return false;
  for (const [k, v] of Object.entries(o as Record<string, unknown>)) {
    const d = v as { $date?: unknown };
    into.set(k, typeof d === 'object' && d !== null && typeof d.$date === 'number' ? new Date(d.$date) : v);
  }
  return true;
}

/**
 * Loads the request's client scope when its application has client management (once per request
 * and application), counts the visit and arranges for it to be saved when the render ends.
 */
export function loadClientScope(ctx: Ctx): MaybePromise<void> {
  const app = ctx.app;
  if (!app?.settings.clientManagement) return;
  const prev = loaded.get(ctx);
  if (prev && prev.app === app.name) return;
  const storage = storageOf(ctx);
  const key = applicationKey(ctx, 'client');
  const cookieValue = ctx.cookie.get(cookieName(ctx));
  const scope = new ClientScope();
  const begin = (found: boolean, id: string) => {
    const now = new Date();
    if (!found || typeof scope.get('cfid') !== 'string') {
      scope.clear();
      scope.set('cfid', id);
      scope.set('cftoken', '0');
      scope.set('urltoken', `CFID=${id}&CFTOKEN=0`);
      scope.set('timecreated', now);
      scope.set('hitcount', 0);
      scope.set('lastvisit', now);
    }
    scope.set('hitcount', toNum(scope.get('hitcount') ?? 0) + 1);
    const visit = scope.get('lastvisit');
    scope.set('lastvisit', visit instanceof Date ? visit : now);
    // saved as this visit's time: the next request sees it as its last visit
    loaded.set(ctx, { scope, app: app.name });
    ctx.onEnd(() => save(ctx, storage, id, scope, now));
  };
  if (storage === 'cookie') {
    const found = fromPlain(verify(key, cookieValue), scope);
    const id = found ? toStr(scope.get('cfid') ?? '') : '';
    begin(found && id !== '', found && id !== '' ? id : randomUUID());
    return;
  }
  const id = verify(key, cookieValue);
  if (typeof id !== 'string') {
    begin(false, randomUUID());
    return;
  }
  return ctx.engine.applications.sessions.get(storeKey(ctx, id)).then((stored) => {
    const found = stored !== undefined && fromPlain(stored.toObject(), scope);
    begin(found, id);
  });
}

async function save(ctx: Ctx, storage: Storage, id: string, scope: ClientScope, visit: Date): Promise<void> {
  scope.set('lastvisit', visit);
  const ttl = timeoutMs(ctx);
  const cookieAttrs = { httpOnly: true, sameSite: 'lax' as const, secure: ctx.app!.settings.sessionCookie.secure, path: '/', expires: ttl / DAY_MS };
  const key = applicationKey(ctx, 'client');
  if (storage === 'memory') {
    // simple CFML values only (dates as dates), so any SessionStore can keep them
    const data = new Struct();
    for (const [k, v] of scope.entries()) data.set(k, v);
    await ctx.engine.applications.sessions.set(storeKey(ctx, id), data, ttl);
    ctx.cookie.write(cookieName(ctx), sign(key, id), cookieAttrs);
    return;
  }
  const value = sign(key, toPlain(scope));
  if (value.length > MAX_COOKIE) {
    ctx.engine.log(`client variables of [${ctx.app!.name}] not saved: ${value.length} characters do not fit in a cookie (use clientStorage="memory")`, { type: 'error' });
    return;
  }
  ctx.cookie.write(cookieName(ctx), value, cookieAttrs);
}

/** The client scope of the request (Ctx.scope('client')). */
export function clientScope(ctx: Ctx, loc?: SourceLoc): Struct {
  const l = loaded.get(ctx);
  if (l && ctx.app?.name === l.app) return l.scope;
  throw expressionError('the client scope is not enabled', {
    loc,
    detail: 'turn client management on: this.clientManagement = true in Application.cfc, or <cfapplication name="..." clientmanagement="true">',
  });
}

/** getClientVariablesList(): the names of the client variables (not cfid, hitCount...), comma-separated. */
export function clientVariableNames(ctx: Ctx): string[] {
  return clientScope(ctx).keys().filter((k) => !META.has(k.toLowerCase()));
}
