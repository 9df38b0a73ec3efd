/**
 * The login functions (Lucee's behaviour): getAuthUser() is the logged-in user's name or "";
 * isUserInRole(roles) is true when the user has ANY of the listed roles (Lucee's rule; Adobe CF
 * wants all of them); isUserInAnyRole(roles?) the same, or without roles whether the user has one
 * at all; isUserLoggedIn(); getUserRoles() the user's roles as a list ("" for nobody). Roles compare case-insensitively. Outside a request nobody is logged in.
 */
import { currentUser, toRoles } from '../login.js';
import type { FunctionDef, FnContext } from './types.js';

const user = (fc: FnContext) => (fc.ctx ? currentUser(fc.ctx) : null);

function hasAny(fc: FnContext, roles: unknown): boolean {
  const u = user(fc);
  if (!u) return false;
  const mine = new Set(u.roles.map((r) => r.toLowerCase()));
  return toRoles(roles).some((r) => mine.has(r.toLowerCase()));
}

export const loginFunctions: FunctionDef[] = [
  { name: 'getAuthUser', params: [], impl: (fc) => user(fc)?.name ?? '' },
  { name: 'isUserLoggedIn', params: [], impl: (fc) => user(fc) !== null },
  { name: 'getUserRoles', params: [], impl: (fc) => user(fc)?.roles.join(',') ?? '' },
  { name: 'isUserInRole', params: [{ name: 'roles', type: 'any', required: true }], impl: (fc, roles: unknown) => hasAny(fc, roles) },
  {
    name: 'isUserInAnyRole',
    params: [{ name: 'roles', type: 'string' }],
    impl: (fc, roles?: string) => (roles === undefined || roles.trim() === '' ? (user(fc)?.roles.length ?? 0) > 0 : hasAny(fc, roles)),
  },
];
