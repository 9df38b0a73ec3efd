/**
 * Functions about the request's application and session: sessionInvalidate, sessionRotate,
 * applicationStop, getApplicationSettings (Lucee's names and behaviour).
 */
import { currentLocale, luceeName } from './locale.js';
import { currentZone } from '../time-zone.js';
import { Struct } from '../struct.js';
import { expressionError } from '../errors.js';
import type { Ctx } from '../context.js';
import { connectionOwnerOf } from '../application.js';
import type { FnContext, FunctionDef } from './types.js';

function page(ctx: FnContext, fn: string): Ctx {
  if (!ctx.ctx) throw expressionError(`${fn}() needs a request`);
  return ctx.ctx;
}

function session(ctx: FnContext, fn: string) {
  const p = page(ctx, fn);
  if (!p.sessionRef) throw expressionError(`${fn}(): the session scope is not enabled`, { detail: 'turn session management on in Application.cfc or cfapplication' });
  return p;
}

export const webFunctions: FunctionDef[] = [
  {
    name: 'sessionInvalidate',
    params: [],
    impl: (ctx) => {
      const p = session(ctx, 'sessionInvalidate');
      const reg = p.engine.applications;
      const old = p.sessionRef!;
      reg.endSession(old, true);
      p.sessionRef = reg.newSession(old.app);
      p.connectionOwner = connectionOwnerOf(p.sessionRef.scope);
      return null;
    },
  },
  {
    name: 'sessionRotate',
    params: [],
    impl: (ctx) => {
      const p = session(ctx, 'sessionRotate');
      const reg = p.engine.applications;
      const old = p.sessionRef!;
      reg.endSession(old, false);
      p.sessionRef = reg.newSession(old.app, old.scope);
      return null;
    },
  },
  {
    // Lucee's location(url, addToken, statusCode): cflocation as a function (addToken adds nothing: ids travel in cookies only)
    name: 'location',
    params: [{ name: 'url', type: 'string', required: true }, { name: 'addToken', type: 'boolean' }, { name: 'statusCode', type: 'numeric' }],
    impl: (ctx, url: string, _addToken: boolean | undefined, statusCode: number | undefined) => page(ctx, 'location').relocate(url, statusCode, ctx.loc),
  },
  {
    name: 'applicationStop',
    params: [],
    impl: (ctx) => {
      const p = page(ctx, 'applicationStop');
      if (p.app) p.engine.applications.stop(p.app);
      return null;
    },
  },
  {
    name: 'getApplicationSettings',
    params: [{ name: 'suppressFunctions', type: 'boolean' }],
    impl: (ctx) => {
      const p = page(ctx, 'getApplicationSettings');
      const out = new Struct();
      // what holds with or without an application: full null support (off unless the
      // application or EngineOptions.nullSupport turns it on); the request's locale and time zone
      out.set('nullSupport', p.fullNullSupport);
      out.set('enableNullSupport', p.fullNullSupport);
      out.set('locale', luceeName(currentLocale(ctx)));
      out.set('timezone', currentZone());
      const s = p.app?.settings;
      if (!s) {
        out.set('name', '');
        out.set('sessionManagement', false);
        out.set('mappings', new Struct());
        out.set('customTagPaths', []);
        return out;
      }
      for (const [k, v] of s.given.entries()) out.set(k, v);
      out.set('name', s.name);
      out.set('applicationTimeout', s.applicationTimeoutMs / 86_400_000);
      out.set('sessionManagement', s.sessionManagement);
      out.set('sessionTimeout', s.sessionTimeoutMs / 86_400_000);
      out.set('setClientCookies', s.setClientCookies);
      out.set('clientManagement', s.clientManagement);
      const sc = new Struct();
      sc.set('httpOnly', s.sessionCookie.httpOnly);
      sc.set('secure', s.sessionCookie.secure);
      sc.set('sameSite', s.sessionCookie.sameSite);
      sc.set('timeout', s.sessionCookie.timeoutDays ?? -1);
      sc.set('path', s.sessionCookie.path);
      if (s.sessionCookie.domain) sc.set('domain', s.sessionCookie.domain);
      out.set('sessionCookie', sc);
      out.set('mappings', Struct.from(s.mappings));
      out.set('customTagPaths', [...s.customTagPaths]);
      return out;
    },
  },
];
