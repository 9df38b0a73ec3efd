import * as path from 'node:path';
import type { Ctx } from './context.js';
import { runTemplate, type CompiledTemplate } from './compiler.js';
import { isThenable } from './maybe.js';
import { toStr } from './cast.js';
import { runApplicationCfc } from './application-cfc.js';
import { ControlSignal } from './errors.js';
import { runRemoteCall, type RemoteCall } from './remote-cfc.js';
import type { MaybePromise } from '../tags/types.js';

/**
 * What a request asks for: a page that exists, a page that does not (Application.cfc's
 * onMissingTemplate may answer it), or a remote call on a component (`x.cfc?method=`).
 */
export type RequestTarget = { kind: 'page'; page: CompiledTemplate } | { kind: 'missing' } | { kind: 'remote'; call: RemoteCall };

/** Thrown when nothing answered a request for a missing page: the host sends its 404. */
export class MissingTemplate extends ControlSignal {}

/**
 * Runs one request inside its application (`appFile`, or none). Under Application.cfm: it, the
 * target, then OnRequestEnd.cfm from Application.cfm's directory, all in the page's scopes
 * (variables set in Application.cfm are the page's), as Lucee does. A cfabort or cflocation ends
 * the request (OnRequestEnd.cfm is skipped). A missing page without an Application.cfc throws
 * MissingTemplate. `onRequestEnd(dir)` finds the OnRequestEnd.cfm of Application.cfm's directory
 * (ApplicationFileFinder.onRequestEnd).
 */
export function runRequest(ctx: Ctx, target: RequestTarget, appFile: string | null, onRequestEnd: (dir: string) => string | null): MaybePromise<unknown> {
  if (appFile && /\.cfc$/i.test(appFile)) return runApplicationCfc(ctx, target, appFile, toStr(ctx.cgi.get('script_name') ?? '/' + path.basename(ctx.template.file)));
  if (target.kind === 'missing') throw new MissingTemplate();
  const main = () => (target.kind === 'page' ? runIn(ctx, target.page) : runRemoteCall(ctx, target.call));
  if (!appFile) return main();
  const app = ctx.engine.loadTemplate(appFile, ctx.inspected);
  return then(runIn(ctx, app), () =>
    then(main(), () => {
      const end = onRequestEnd(path.dirname(appFile));
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
