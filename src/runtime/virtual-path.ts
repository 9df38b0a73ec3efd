import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Ctx } from './context.js';
import { mapVirtualPath } from './components/loader.js';

/**
 * Where a path that starts with `/` points, as Lucee resolves `<cfinclude template="/lib/x.cfm">`
 * and `expandPath("/lib/x")`: under the longest matching mapping (the application's
 * this.mappings, then EngineOptions.mappings), else under the web root (Ctx.siteRoot). For
 * cfinclude (`mustExist`), the first candidate that exists wins and an absolute file-system path
 * that exists is still accepted, so pages that include `expandPath(...)` results keep working.
 * Returns undefined for a path that does not start with `/` or `\`.
 */
export function resolveVirtual(ctx: Ctx, p: string, mustExist: boolean): string | undefined {
  if (!/^[/\\]/.test(p)) return undefined;
  const candidates = [mapVirtualPath(p, ctx.appMappings), mapVirtualPath(p, ctx.engine.components.mappings), underRoot(ctx.siteRoot, p)];
  if (!mustExist) return candidates.find((c) => c !== undefined);
  for (const c of [...candidates, path.resolve(p)]) if (c !== undefined && isFile(c)) return c;
  return undefined;
}

/** root + p, unless p climbs out of root with `..` (then undefined). */
function underRoot(root: string, p: string): string | undefined {
  const abs = path.join(root, p);
  return abs === root || abs.startsWith(root.endsWith(path.sep) ? root : root + path.sep) ? abs : undefined;
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
