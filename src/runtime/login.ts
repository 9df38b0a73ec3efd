/**
 * The logged-in user of a request (`<cflogin>`, `<cfloginuser>`, `<cflogout>`, getAuthUser,
 * isUserInRole...), as Lucee keeps it: per application under the name
 * `cfauthorization_<applicationtoken>` (the token defaults to the application's name), in the
 * session when `this.loginStorage = "session"` (and session management is on), else in a cookie.
 *
 * Safer than Lucee: what is stored is the user name, the roles and when the login expires, never
 * the password; the cookie value is signed with HMAC-SHA256 under a key of the application
 * (derived from a random per-Engine secret), so a visitor cannot forge or alter it; and
 * `idletimeout` (seconds, default 1800) is enforced: a login unused that long is gone.
 */
import { Struct } from './struct.js';
import { toStr } from './cast.js';
import type { Ctx } from './context.js';
import type { Application } from './application.js';
import { applicationKey, sign, verify } from './signed-values.js';

/** A logged-in user: the name and roles given to `<cfloginuser>`. */
export interface AuthUser {
  name: string;
  roles: string[];
}

/** `<cflogin>`'s settings, kept per application (the last cflogin run wins, as in Lucee). */
export interface LoginSettings {
  applicationToken?: string;
  cookieDomain?: string;
  /** Seconds without a request after which the login ends. */
  idleTimeout: number;
}

interface Stored extends AuthUser {
  /** idle timeout, seconds */
  idle: number;
  /** expiry, ms since the epoch */
  exp: number;
}

const DEFAULT_IDLE = 1800;
const appSettings = new WeakMap<Application, LoginSettings>();
const perRequest = new WeakMap<Ctx, { user: AuthUser | null }>();
const perRequestSettings = new WeakMap<Ctx, LoginSettings>();

/** Records `<cflogin>`'s attributes for the request's application. */
export function setLoginSettings(ctx: Ctx, s: LoginSettings): void {
  if (ctx.app) appSettings.set(ctx.app, s);
  else perRequestSettings.set(ctx, s);
}

function settingsOf(ctx: Ctx): LoginSettings {
  return (ctx.app && appSettings.get(ctx.app)) ?? perRequestSettings.get(ctx) ?? { idleTimeout: DEFAULT_IDLE };
}

/** The storage name: `cfauthorization_<token>`, with characters a cookie name cannot hold replaced. */
function storageName(ctx: Ctx): string {
  const token = settingsOf(ctx).applicationToken || ctx.app?.name || '';
  return `cfauthorization_${token}`.replace(/[^A-Za-z0-9_.-]/g, '_');
}

function storedInSession(ctx: Ctx): boolean {
  const ls = ctx.app?.settings.given.get('loginstorage');
  return ls !== undefined && toStr(ls).trim().toLowerCase() === 'session' && ctx.sessionRef !== undefined;
}

function isStored(v: unknown): v is Stored {
  const o = v as Stored;
  return typeof o === 'object' && o !== null && typeof o.name === 'string' && Array.isArray(o.roles) && typeof o.exp === 'number' && typeof o.idle === 'number';
}

function write(ctx: Ctx, s: Stored): void {
  const name = storageName(ctx);
  const value = sign(applicationKey(ctx, 'login'), s);
  if (storedInSession(ctx)) ctx.useSession()!.set(name, value);
  else {
    const sc = ctx.app?.settings.sessionCookie;
    ctx.cookie.write(name, value, { httpOnly: true, sameSite: 'lax', secure: sc?.secure, path: '/', domain: settingsOf(ctx).cookieDomain || undefined });
  }
}

/**
 * The request's user: the one `<cfloginuser>` set in this request, else the stored login (checked
 * and its idle time restarted), else null.
 */
export function currentUser(ctx: Ctx): AuthUser | null {
  const r = perRequest.get(ctx);
  if (r) return r.user;
  const name = storageName(ctx);
  const raw = storedInSession(ctx) ? ctx.sessionRef!.scope.get(name) : ctx.cookie.get(name);
  const s = verify(applicationKey(ctx, 'login'), raw);
  let user: AuthUser | null = null;
  const now = Date.now();
  if (isStored(s) && s.exp > now) {
    user = { name: s.name, roles: s.roles.map(String) };
    // restart the idle time (at most once a minute, so not every response sets a cookie)
    if (s.exp - s.idle * 1000 < now - 60_000) write(ctx, { ...s, exp: now + s.idle * 1000 });
  } else if (raw !== undefined) clearStored(ctx);
  perRequest.set(ctx, { user });
  return user;
}

/** `<cfloginuser>`: the request's user from now on; stored for later requests when `persist` (inside cflogin). */
export function loginUser(ctx: Ctx, user: AuthUser, persist: boolean): void {
  perRequest.set(ctx, { user });
  if (!persist) return;
  const idle = settingsOf(ctx).idleTimeout;
  write(ctx, { ...user, idle, exp: Date.now() + idle * 1000 });
}

function clearStored(ctx: Ctx): void {
  const name = storageName(ctx);
  if (ctx.cookie.has(name)) ctx.cookie.write(name, '', { expires: 'now', path: '/', domain: settingsOf(ctx).cookieDomain || undefined });
  ctx.sessionRef?.scope.delete(name);
}

/** `<cflogout>`: no user for the rest of the request, and the stored login is removed. */
export function logout(ctx: Ctx): void {
  perRequest.set(ctx, { user: null });
  clearStored(ctx);
}

/** Splits a role list (a comma list or an array) into trimmed, non-empty roles. */
export function toRoles(v: unknown): string[] {
  const items = Array.isArray(v) ? v.map((x) => toStr(x)) : toStr(v ?? '').split(',');
  return items.map((r) => r.trim()).filter((r) => r !== '');
}

/**
 * The credentials `<cflogin>` offers its body as the `cflogin` struct: form fields j_username /
 * j_password, else an HTTP Basic Authorization header; undefined when there are none.
 */
export function offeredCredentials(ctx: Ctx): Struct | undefined {
  const make = (name: unknown, password: unknown) => {
    const s = new Struct();
    s.set('name', toStr(name));
    s.set('password', password === undefined || password === null ? '' : toStr(password));
    return s;
  };
  const formName = ctx.form.get('j_username');
  if (formName !== undefined) return make(formName, ctx.form.get('j_password'));
  const auth = toStr(ctx.cgi.get('http_authorization') ?? '');
  const m = /^basic\s+(\S+)$/i.exec(auth.trim());
  if (!m) return undefined;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? make(decoded, '') : make(decoded.slice(0, colon), decoded.slice(colon + 1));
}
