/**
 * The security tags, as Lucee runs them (see src/runtime/login.ts for where the login is kept):
 * - `<cflogin idletimeout= applicationtoken= cookiedomain=>`: runs its body only when nobody is
 *   logged in; inside, `cflogin` holds `name` and `password` when the request offers credentials
 *   (form fields j_username/j_password, else HTTP Basic auth) and is removed after the body.
 * - `<cfloginuser name= password= roles=>`: logs the user in; inside cflogin the login is stored
 *   for later requests (session or signed cookie), outside it lasts for this request only. The
 *   password is required as in Lucee but never stored.
 * - `<cflogout>`: logs out and removes the stored login.
 */
import { defineTag, Signal } from '../types.js';
import { tryFinally } from '../../runtime/maybe.js';
import { toNum, toStr } from '../../runtime/cast.js';
import { currentUser, loginUser, logout, offeredCredentials, setLoginSettings, toRoles } from '../../runtime/login.js';
import type { Ctx } from '../../runtime/context.js';

/** How many cflogin bodies are running in a render (cfloginuser stores the login inside one). */
const openLogins = new WeakMap<Ctx, number>();

export const loginTag = defineTag({
  name: 'login',
  body: 'required',
  scriptBare: true,
  attrs: [{ name: 'idletimeout', type: 'number' }, { name: 'applicationtoken' }, { name: 'cookiedomain' }],
  run(call) {
    const ctx = call.ctx;
    const a = call.attrs;
    setLoginSettings(ctx, {
      idleTimeout: a.idletimeout === undefined ? 1800 : Math.max(1, Math.trunc(toNum(a.idletimeout))),
      applicationToken: a.applicationtoken === undefined ? undefined : toStr(a.applicationtoken),
      cookieDomain: a.cookiedomain === undefined ? undefined : toStr(a.cookiedomain),
    });
    if (currentUser(ctx)) return Signal.Normal;
    const scope = ctx.frame ? ctx.frame.local : ctx.variables;
    const creds = offeredCredentials(ctx);
    if (creds) scope.set('cflogin', creds);
    openLogins.set(ctx, (openLogins.get(ctx) ?? 0) + 1);
    return tryFinally(
      () => call.body(),
      () => {
        openLogins.set(ctx, (openLogins.get(ctx) ?? 1) - 1);
        scope.delete('cflogin');
      },
    );
  },
});

export const loginuserTag = defineTag({
  name: 'loginuser',
  attrs: [{ name: 'name', required: true }, { name: 'password', required: true }, { name: 'roles', type: 'any' }],
  run(call) {
    const name = toStr(call.attrs.name);
    if (name === '') throw call.error('the attribute [name] of the tag [cfloginuser] must not be empty', { type: 'Application' });
    loginUser(call.ctx, { name, roles: toRoles(call.attrs.roles) }, (openLogins.get(call.ctx) ?? 0) > 0);
    return Signal.Normal;
  },
});

export const logoutTag = defineTag({
  name: 'logout',
  scriptBare: true,
  run(call) {
    logout(call.ctx);
    return Signal.Normal;
  },
});

