import { runInZone } from './time-zone.js';
import * as path from 'node:path';
import { Ctx, AbortPage } from './context.js';
import { Struct } from './struct.js';
import { toCfmlError } from './errors.js';
import { cfcatchStruct } from './exceptions.js';
import { andThen, isThenable } from './maybe.js';
import type { MaybePromise } from './exec.js';
import { activateApplication, settingsFrom, type Application } from './application.js';
import { createInstance, hasMethod, invokeMethod, loadComponentFile, type ComponentInstance } from './components/api.js';
import type { CompiledTemplate } from './compiler.js';
import { runIn, MissingTemplate, type RequestTarget } from './request.js';
import { runRemoteCall } from './remote-cfc.js';
import type { Struct as StructType } from './struct.js';

/** `try { fn() } catch (e) { onError(e) }` that keeps control signals (cfabort, cflocation) flowing. */
function guard<T>(fn: () => MaybePromise<T>, onError: (e: unknown) => MaybePromise<T>): MaybePromise<T> {
  let r: MaybePromise<T>;
  try {
    r = fn();
  } catch (e) {
    return onError(e);
  }
  return isThenable(r) ? (r as Promise<T>).catch(onError) : r;
}

/**
 * One request under an Application.cfc, as Lucee runs it: a new instance per request (its
 * pseudo-constructor sets `this.name`, `this.sessionManagement`...), then onApplicationStart
 * (once per application, concurrent first requests wait for it), onSessionStart (new session),
 * onRequestStart(targetPage) (false ends the request), then the target: onRequest(targetPage) or
 * the page itself; for a missing page onMissingTemplate(targetPage) (not defined, or returning
 * false: MissingTemplate, the host's 404); for a remote call (`x.cfc?method=`)
 * onCFCRequest(cfcname, method, args) when defined, else the remote method (onRequest is not
 * called for components, as in Lucee). Then onRequestEnd(targetPage). An error in any of them
 * goes to onError(exception, eventName) when the component has one (the error is then handled),
 * else it propagates.
 */
export function runApplicationCfc(ctx: Ctx, target: RequestTarget, appFile: string, targetPage: string): MaybePromise<unknown> {
  const dir = path.dirname(appFile);
  const cls = loadComponentFile(ctx.engine, appFile, dir, ctx.inspected);
  ctx.appRoot = dir;
  return andThen(createInstance(ctx, cls), (inst) => {
    const given = new Struct();
    for (const k of inst.ownKeys()) given.set(k, inst.ownLower(k.toLowerCase()));
    return andThen(activateApplication(ctx, settingsFrom(given, dir)), () => lifecycle(ctx, inst, target, targetPage, appFile));
  });
}

function lifecycle(ctx: Ctx, inst: ComponentInstance, target: RequestTarget, targetPage: string, appFile: string): MaybePromise<unknown> {
  const app = ctx.app!;
  installEndHooks(ctx, app, appFile);
  const has = (m: string) => hasMethod(inst, m);
  let event = 'onApplicationStart';
  const steps = (): MaybePromise<unknown> =>
    andThen(app.startOnce(() => (has('onApplicationStart') ? invokeMethod(ctx, inst, 'onApplicationStart') : true)), (started) => {
      if (!started) throw new AbortPage();
      event = 'onSessionStart';
      const sessionStart = ctx.sessionRef?.isNew && has('onSessionStart') ? invokeMethod(ctx, inst, 'onSessionStart') : undefined;
      return andThen(sessionStart, () => {
        event = 'onRequestStart';
        const rs = has('onRequestStart') ? invokeMethod(ctx, inst, 'onRequestStart', [targetPage]) : true;
        return andThen(rs, (go) => {
          if (go === false) throw new AbortPage();
          if (target.kind === 'missing') {
            if (!has('onMissingTemplate')) throw new MissingTemplate();
            event = 'onMissingTemplate';
            return andThen(invokeMethod(ctx, inst, 'onMissingTemplate', [targetPage]), (handled) => {
              if (handled === false) throw new MissingTemplate();
            });
          }
          event = 'onRequest';
          const onCFCRequest = has('onCFCRequest') ? (cfcname: string, method: string, args: StructType) => invokeMethod(ctx, inst, 'onCFCRequest', [cfcname, method, args]) : undefined;
          if (target.kind === 'remote') event = onCFCRequest ? 'onCFCRequest' : 'onRequest';
          const main =
            target.kind === 'remote' ? runRemoteCall(ctx, target.call, onCFCRequest) : has('onRequest') ? invokeMethod(ctx, inst, 'onRequest', [targetPage]) : runIn(ctx, target.page);
          return andThen(main, () => {
            event = 'onRequestEnd';
            return has('onRequestEnd') ? invokeMethod(ctx, inst, 'onRequestEnd', [targetPage]) : undefined;
          });
        });
      });
    });
  if (!has('onError')) return steps();
  return guard(steps, (e) => {
    if (e instanceof AbortPage || e instanceof MissingTemplate) throw e;
    const err = toCfmlError(e);
    return invokeMethod(ctx, inst, 'onError', [cfcatchStruct(err), event]);
  });
}

/**
 * onApplicationEnd(applicationScope) and onSessionEnd(sessionScope, applicationScope) run outside
 * any request: in a context of their own on a fresh instance of the Application.cfc.
 */
function installEndHooks(ctx: Ctx, app: Application, appFile: string): void {
  const engine = ctx.engine;
  const detached = (method: string, args: (a: Application) => unknown[]) => (a: Application) => {
    const cls = loadComponentFile(engine, appFile, path.dirname(appFile));
    const c = new Ctx(engine, cls.template, {});
    c.app = a;
    c.appRoot = path.dirname(appFile);
    // the application's mappings, datasources and mail settings hold here too
    c.appMappings = a.settings.mappingList;
    c.appDatasources = a.settings.datasourceSettings;
    c.applicationSettings = a.settings.given;
    const run = runInZone(c.timeZone, () => andThen(createInstance(c, cls), (inst) => (hasMethod(inst, method) ? invokeMethod(c, inst, method, args(a)) : undefined)));
    // connections the hook opened are released like a request's
    return Promise.resolve(run).finally(() => c.runEndHooks());
  };
  app.hooks = {
    onApplicationEnd: detached('onApplicationEnd', (a) => [a.scope]),
    onSessionEnd: (a, session) => detached('onSessionEnd', (x) => [session, x.scope])(a),
  };
}
