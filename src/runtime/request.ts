import * as path from 'node:path';
import type { Ctx } from './context.js';
import { runTemplate, type CompiledTemplate } from './compiler.js';
import { isThenable } from './maybe.js';
import { toStr } from './cast.js';
import { runApplicationCfc } from './application-cfc.js';
import type { MaybePromise } from '../tags/types.js';

/**
 * Runs one request inside its application: Application.cfm, the page, then OnRequestEnd.cfm from
 * Application.cfm's directory, all in the page's scopes (variables set in Application.cfm are
 * the page's), as Lucee does. A cfabort or cflocation ends the request (OnRequestEnd.cfm is skipped).
 */
export function runRequest(ctx: Ctx, page: CompiledTemplate, appFile: string): MaybePromise<unknown> {
  if (/\.cfc$/i.test(appFile)) return runApplicationCfc(ctx, page, appFile, toStr(ctx.cgi.get('script_name') ?? '/' + path.basename(page.file)));
  const app = ctx.engine.loadTemplate(appFile, ctx.inspected);
  return then(runIn(ctx, app), () =>
    then(runIn(ctx, page), () => {
      const end = onRequestEndFile(ctx, path.dirname(appFile));
      return end ? runIn(ctx, ctx.engine.loadTemplate(end, ctx.inspected)) : undefined;
    }),
  );
}

/** Runs a template in the request's context as the current template, restoring the page after. */
export function runIn(ctx: Ctx, t: CompiledTemplate): MaybePromise<unknown> {
  const saved = ctx.template;
  ctx.template = t;
  let r: MaybePromise<unknown>;
  try {
    r = runTemplate(ctx, t);
  } catch (e) {
    ctx.template = saved;
    throw e;
  }
  if (isThenable(r)) return (r as Promise<unknown>).finally(() => (ctx.template = saved));
  ctx.template = saved;
  return r;
}

function then(r: MaybePromise<unknown>, next: () => MaybePromise<unknown>): MaybePromise<unknown> {
  return isThenable(r) ? (r as Promise<unknown>).then(next) : next();
}

function onRequestEndFile(ctx: Ctx, dir: string): string | undefined {
  for (const n of ['OnRequestEnd.cfm', 'onRequestEnd.cfm', 'onrequestend.cfm']) {
    const p = path.join(dir, n);
    if (ctx.engine.inspector.isFile(p, ctx.inspected)) return p;
  }
  return undefined;
}
