/**
 * Parameter tags inside a parent tag (`<cfhttpparam>` in `<cfhttp>`, `<cfmailparam>` in
 * `<cfmail>`, `<cfimapfilter>` in `<cfimap>`): the parent runs its body with a list under a key
 * of the render's locals, the children push onto the innermost list. Works at any depth (inside
 * cfloop/cfif) and nests (the outer list is restored afterwards).
 */
import type { TagCall } from './types.js';

/** Runs the parent's body and returns what its child tags collected under `key`. */
export async function collectChildren<T>(call: TagCall, key: string): Promise<T[]> {
  const list: T[] = [];
  if (!call.node.body?.length) return list;
  const locals = call.ctx.locals;
  const saved = locals.get(key);
  locals.set(key, list);
  try {
    await call.body();
  } finally {
    locals.set(key, saved);
  }
  return list;
}

/** The list of the innermost parent collecting under `key`; a clear error outside one. */
export function parentList<T>(call: TagCall, key: string, parent: string): T[] {
  const list = call.ctx.locals.get(key) as T[] | undefined;
  if (!list) throw call.error(`<cf${call.node.name}> must be inside <cf${parent}>`);
  return list;
}
