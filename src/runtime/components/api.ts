import * as path from 'node:path';
import type { Ctx } from '../context.js';
import type { EngineCore } from '../engine-core.js';
import type { MaybePromise } from '../exec.js';
import type { SourceLoc } from '../errors.js';
import { andThen } from '../maybe.js';
import type { ComponentClass } from './class.js';
import { ComponentInstance } from './instance.js';
import { callMethod, instantiate, newInstance } from './dispatch.js';

/**
 * The engine-internal API for code that drives components itself (Application.cfc and its
 * onApplicationStart/onRequestStart/... events, custom tags with CFC helpers, test runners).
 * Everything runs in a render's Ctx (the request's scopes); results may be promises when a
 * method ran an async tag (`<cfimap>`), so wrap with `andThen` or await.
 *
 * ```ts
 * const cls = loadComponentFile(engine, '/srv/app/Application.cfc');
 * const app = await createInstance(ctx, cls);            // pseudo-constructor runs: this.name = ...
 * if (hasMethod(app, 'onRequestStart')) await invokeMethod(ctx, app, 'onRequestStart', ['/index.cfm']);
 * const settings = app.ownKeys();                         // what the pseudo-constructor set on `this`
 * ```
 */

/**
 * The compiled class of a `.cfc` given by absolute path (cached by path and mtime).
 * @param appRoot the application root the class's dotted name is relative to (default: its directory)
 * @param seen the render's inspected paths (Ctx.inspected), see EngineOptions.inspectTemplates
 * @throws CfmlError when the file is missing, does not parse, or its extends chain is broken or circular
 */
export function loadComponentFile(engine: EngineCore, absPath: string, appRoot = path.dirname(absPath), seen?: Set<string>): ComponentClass {
  return engine.components.load(path.resolve(absPath), appRoot, [], undefined, [], seen);
}

/**
 * A new instance: property defaults and pseudo-constructors run (base class first). With
 * `init: true` the init method is called with `args` (positional array or named record), as `new`
 * does; by default it is not (as createObject).
 */
export function createInstance(ctx: Ctx, cls: ComponentClass, opts: { init?: boolean; args?: unknown[] | Record<string, unknown>; loc?: SourceLoc } = {}): MaybePromise<ComponentInstance> {
  const loc = opts.loc ?? { file: cls.path, line: 1, col: 1 };
  if (!opts.init) return instantiate(ctx, cls, loc);
  const [pos, named] = splitArgs(opts.args);
  return andThen(newInstance(ctx, cls, pos, named, loc), (v) => v as ComponentInstance);
}

/** Whether the instance has a method of that name (case-insensitive; any access, inherited too). */
export function hasMethod(inst: ComponentInstance, name: string): boolean {
  return inst.cls.methods.has(name.toLowerCase());
}

/**
 * Calls a method by name with positional (array) or named (record) arguments, as code inside the
 * component would (so private methods are callable: the engine is the caller). A missing method
 * goes to onMissingMethod when there is one, else throws Lucee's "no accessible Member" error.
 */
export function invokeMethod(ctx: Ctx, inst: ComponentInstance, name: string, args: unknown[] | Record<string, unknown> = [], loc?: SourceLoc): MaybePromise<unknown> {
  const [pos, named] = splitArgs(args);
  // the engine calls as the component itself: access checks pass
  return callMethod(ctx, inst, name.toLowerCase(), name, pos, named, loc ?? { file: inst.cls.path, line: 1, col: 1 }, true);
}

function splitArgs(args: unknown[] | Record<string, unknown> | undefined): [unknown[], Map<string, unknown> | undefined] {
  if (!args || Array.isArray(args)) return [args ?? [], undefined];
  return [[], new Map(Object.entries(args).map(([k, v]) => [k.toLowerCase(), v]))];
}

export { ComponentInstance };
export type { ComponentClass };
