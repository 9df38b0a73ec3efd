import { defineTag, Signal } from '../types.js';
import { Struct } from '../../runtime/struct.js';
import { toBool, toNum, toStr } from '../../runtime/cast.js';
import { activateApplication, settingsFrom, type ApplicationSettings } from '../../runtime/application.js';
import { registerErrorPage } from '../../runtime/error-pages.js';
import { addFrame } from '../../runtime/udf-call.js';
import { CfmlError } from '../../runtime/errors.js';
import { tryFinally } from '../../runtime/maybe.js';
import type { Ctx } from '../../runtime/context.js';

/**
 * cfapplication: names the application this request runs in (its application scope) and, with
 * sessionmanagement="true", gives the request its client's session (Lucee's attributes).
 */
export const applicationTag = defineTag({
  name: 'application',
  anyAttrs: true,
  attrs: [
    { name: 'name' }, { name: 'sessionmanagement' }, { name: 'sessiontimeout' }, { name: 'applicationtimeout' },
    { name: 'setclientcookies' }, { name: 'clientmanagement' }, { name: 'sessioncookie' }, { name: 'datasource' },
    { name: 'mappings' }, { name: 'customtagpaths' }, { name: 'action' },
  ],
  run(call) {
    const dir = call.ctx.template.dir;
    const update = call.attrs.action !== undefined && toStr(call.attrs.action).toLowerCase() === 'update' && call.ctx.app !== undefined;
    // an Application.cfm runs this tag on every request with the same simple attributes: their settings are reused
    const known = update ? undefined : lastSettings.get(call.node);
    if (known && known.dir === dir && sameSimpleAttrs(known.attrs, call.attrs)) return activateApplication(call.ctx, known.settings);
    const given = new Struct();
    for (const [k, v] of Object.entries(call.attrs)) given.set(k, v);
    if (update) {
      for (const [k, v] of call.ctx.app!.settings.given.entries()) if (!given.has(k)) given.set(k, v);
    }
    const settings = settingsFrom(given, dir);
    if (!update && Object.values(call.attrs).every(isPrimitive)) lastSettings.set(call.node, { dir, attrs: { ...call.attrs }, settings });
    return activateApplication(call.ctx, settings);
  },
});

/** The settings a cfapplication tag (as written) made last, with the attributes and directory they came from. */
const lastSettings = new WeakMap<object, { dir: string; attrs: Record<string, unknown>; settings: ApplicationSettings }>();

const isPrimitive = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** The same attribute names with the same simple values (a struct or array attribute is never the same). */
function sameSimpleAttrs(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  let n = 0;
  for (const k in b) {
    if (a[k] !== b[k] || !isPrimitive(b[k])) return false;
    n++;
  }
  return n === Object.keys(a).length;
}

/**
 * cferror: the template shown when the request fails (`type="request"` for any error,
 * `type="exception"` with `exception="database"` etc. for one type); it gets the `error` scope.
 * Usually in Application.cfm or onRequestStart. See error-pages.ts.
 */
export const errorTag = defineTag({
  name: 'error',
  attrs: [{ name: 'type', values: ['request', 'exception', 'validation', 'monitor'], default: 'request' }, { name: 'template', required: true }, { name: 'exception' }, { name: 'mailto' }],
  run(call) {
    const a = call.attrs;
    registerErrorPage(call.ctx, {
      type: toStr(a.type),
      template: toStr(a.template),
      exception: a.exception === undefined ? undefined : toStr(a.exception),
      mailto: a.mailto === undefined ? undefined : toStr(a.mailto),
    });
    return Signal.Normal;
  },
});

/** cfcookie: sets a cookie in the cookie scope and sends it with Set-Cookie (Lucee's attributes). */
export const cookieTag = defineTag({
  name: 'cookie',
  attrs: [
    { name: 'name', required: true }, { name: 'value' }, { name: 'expires' }, { name: 'secure', type: 'boolean' },
    { name: 'httponly', type: 'boolean' }, { name: 'samesite', values: ['lax', 'strict', 'none'] }, { name: 'path' },
    { name: 'domain' }, { name: 'encodevalue', type: 'boolean' }, { name: 'preservecase', type: 'boolean' },
  ],
  run(call) {
    call.ctx.checkNotFlushed('cfcookie', call.node.loc);
    const a = call.attrs;
    const name = toStr(a.name);
    const value = a.value === undefined ? '' : toStr(a.value);
    call.ctx.cookie.write(a.preservecase === true ? name : name.toUpperCase(), value, {
      expires: a.expires,
      secure: a.secure as boolean | undefined,
      httpOnly: a.httponly as boolean | undefined,
      sameSite: a.samesite as 'lax' | 'strict' | 'none' | undefined,
      path: a.path === undefined ? undefined : toStr(a.path),
      domain: a.domain === undefined ? undefined : toStr(a.domain),
      encodeValue: a.encodevalue as boolean | undefined,
    });
    return Signal.Normal;
  },
});

/** The lock key and its description for messages: scope locks are per application/session, names are Engine-wide. */
function lockKey(ctx: Ctx, name: unknown, scope: unknown, call: { error(m: string): CfmlError }): [string, string] {
  if (scope !== undefined) {
    const s = toStr(scope).toLowerCase();
    switch (s) {
      case 'application':
        return [`application:${ctx.app?.name.toLowerCase() ?? ''}`, '[application] scope lock'];
      case 'session':
        if (!ctx.sessionRef) throw call.error('cannot lock the session scope: session management is not enabled');
        return [`session:${ctx.sessionRef.key}`, '[session] scope lock'];
      case 'server':
        return ['server:', '[server] scope lock'];
      case 'request':
        return [`request:${ctx.startedAt}:${Math.random()}`, '[request] scope lock'];
      default:
        throw call.error(`invalid lock scope [${toStr(scope)}], valid scopes are [application, request, server, session]`);
    }
  }
  if (name === undefined || toStr(name) === '') throw call.error('cflock needs a name or a scope attribute');
  return [`name:${toStr(name).toLowerCase()}`, `lock with name [${toStr(name)}]`];
}

/**
 * cflock: a real read/write lock across concurrent requests of the Engine. Waiting longer than
 * `timeout` seconds fails with Lucee's lock timeout error, or skips the body with throwontimeout="false".
 */
export const lockTag = defineTag({
  name: 'lock',
  body: 'required',
  attrs: [
    { name: 'name' }, { name: 'scope' }, { name: 'type', values: ['exclusive', 'readonly', 'readOnly'] },
    { name: 'timeout', type: 'number' }, { name: 'throwontimeout', type: 'boolean' }, { name: 'result' },
  ],
  run(call) {
    const a = call.attrs;
    const [key, describe] = lockKey(call.ctx, a.name, a.scope, call);
    const exclusive = a.type === undefined || toStr(a.type).toLowerCase() === 'exclusive';
    const timeoutMs = a.timeout === undefined ? 30_000 : Math.max(0, toNum(a.timeout) * 1000);
    const throwOnTimeout = a.throwontimeout === undefined ? true : (a.throwontimeout as boolean);
    const got = call.ctx.engine.applications.locks.acquire(key, exclusive, timeoutMs, describe);
    const body = (release: () => void) => tryFinally(() => call.body(), release);
    if (typeof got === 'function') return body(got);
    return got.then(body, (e: unknown) => {
      if (!throwOnTimeout) return Signal.Normal;
      throw e instanceof CfmlError ? addFrame(e.at(call.node.loc), call.node.loc, 'cflock') : e;
    });
  },
});
