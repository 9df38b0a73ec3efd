import * as path from 'node:path';
import type { Ctx } from '../context.js';
import type { MaybePromise } from '../exec.js';
import { ErrorCode, expressionError, toCfmlError, type SourceLoc } from '../errors.js';
import { isThenable, tryFinally } from '../maybe.js';
import { Struct } from '../struct.js';
import { UDF } from '../udf.js';
import { CfFunction } from '../function-value.js';
import { callFunction, invokeUDF, addFrame } from '../udf-call.js';
import type { ComponentClass } from './class.js';
import { ComponentInstance } from './instance.js';

/**
 * Method dispatch and instantiation: `obj.m()` with Lucee's access rules, onMissingMethod,
 * `super.m()`, `new` / createObject. Lucee decides access by the component whose code is
 * running: a private method is callable only from code of the same instance (also through
 * `this.m()`), a package method from components and pages in the same directory.
 */

/** The error Lucee gives for a method that does not exist or may not be called from here. */
export function noAccessibleMember(inst: ComponentInstance, name: string, loc: SourceLoc | undefined, detail = ''): Error {
  return expressionError(`Component [${inst.cls.fullName}] has no accessible Member with name [${name.toUpperCase()}]`, { loc, detail, code: ErrorCode.NoSuchMember });
}

function canCall(ctx: Ctx, inst: ComponentInstance, f: UDF): boolean {
  const access = f.access;
  if (access === 'public' || access === 'remote') return true;
  if (ctx.component === inst) return true;
  if (access === 'private') return false;
  const dir = path.dirname(f.owner?.path ?? '');
  return (ctx.component !== null && path.dirname(ctx.component.cls.path) === dir) || path.dirname(ctx.template.file) === dir;
}

/**
 * `inst.m(args)`: a function set on `this` runs on the instance; otherwise the class's method,
 * when the caller may call it; otherwise onMissingMethod(missingMethodName,
 * missingMethodArguments) when the component has one; otherwise Lucee's "no accessible Member".
 * `trusted` skips the access check (the engine itself calling, see api.ts).
 */
export function callMethod(ctx: Ctx, inst: ComponentInstance, lower: string, name: string, positional: unknown[], named: Map<string, unknown> | undefined, loc: SourceLoc, trusted = false): MaybePromise<unknown> {
  const own = inst.ownLower(lower);
  if (own !== undefined) {
    if (own instanceof UDF) return invokeUDF(ctx, own, positional, named, loc, own.receiver ?? inst);
    if (own instanceof CfFunction) return callFunction(ctx, own, positional, named, loc);
    throw expressionError(`Member [${name}] of component [${inst.cls.fullName}] is a value, not a function`, { loc, detail: 'it is a value in the this scope' });
  }
  const f = inst.cls.methods.get(lower);
  if (f && !f.isStatic && (trusted || canCall(ctx, inst, f))) return invokeUDF(ctx, f, positional, named, loc, inst);
  if (f?.isStatic) return invokeUDF(ctx, f, positional, named, loc);
  const missing = inst.cls.methods.get('onmissingmethod');
  if (missing) {
    const args = new Struct();
    if (named) for (const [k, v] of named) args.set(k, v);
    else positional.forEach((v, i) => args.set(String(i + 1), v));
    return invokeUDF(ctx, missing, [name, args], undefined, loc, inst);
  }
  throw noAccessibleMember(inst, name, loc, f ? `the function [${f.name}] is ${f.access}: ${f.access === 'private' ? 'only the component itself' : 'only components and pages in its directory'} can call it` : methodList(inst));
}

function methodList(inst: ComponentInstance): string {
  const names = [...inst.cls.publicMethods.values()].map((f) => f.name);
  return names.length ? `its public functions are [${names.join(', ')}]` : 'it has no public functions';
}

/** The class whose method is running (walking out of closures), for `super`. */
function runningOwner(ctx: Ctx): ComponentClass | null {
  for (let f = ctx.frame; f; f = f.parent) if (f.owner) return f.owner;
  return ctx.component?.cls ?? null;
}

/** `super.m(args)`: the parent's version of a method, run on the same instance. */
export function callSuper(ctx: Ctx, lower: string, name: string, positional: unknown[], named: Map<string, unknown> | undefined, loc: SourceLoc): MaybePromise<unknown> {
  const owner = runningOwner(ctx);
  const inst = ctx.component;
  if (!owner || !inst) throw expressionError('super is only available inside a component', { loc });
  const parent = owner.parent;
  if (!parent) throw expressionError(`the component [${owner.fullName}] does not extend another component, so it has no super`, { loc });
  const f = parent.methods.get(lower);
  if (!f) throw expressionError(`the super component [${parent.fullName}] has no function with name [${name}]`, { loc, code: ErrorCode.NoSuchMember });
  return invokeUDF(ctx, f, positional, named, loc, f.isStatic ? null : inst);
}

/** Runs `fn` as code of `inst` (its variables and this scopes, its template), outside any function frame. */
function asComponent<T>(ctx: Ctx, inst: ComponentInstance | null, cls: ComponentClass, fn: () => MaybePromise<T>): MaybePromise<T> {
  const saved = { frame: ctx.frame, variables: ctx.variables, component: ctx.component, template: ctx.template, replay: ctx.replay };
  ctx.frame = null;
  ctx.variables = inst ? inst.variables : cls.staticVariables;
  ctx.component = inst;
  ctx.template = cls.template;
  ctx.replay = null;
  return tryFinally(fn, () => {
    ctx.frame = saved.frame;
    ctx.variables = saved.variables;
    ctx.component = saved.component;
    ctx.template = saved.template;
    ctx.replay = saved.replay;
  });
}

/** Runs the `static { }` blocks of a class and its parents once, parents first. */
export function ensureStatic(ctx: Ctx, cls: ComponentClass): void {
  if (cls.staticReady) return;
  if (cls.parent) ensureStatic(ctx, cls.parent);
  cls.staticReady = true;
  const init = cls.staticInit;
  if (!init) return;
  const r = asComponent(ctx, null, cls, () => init(ctx));
  if (isThenable(r)) {
    r.catch(() => undefined);
    throw expressionError(`the static block of [${cls.fullName}] ran a tag that waits (such as cfimap); static blocks must complete at once`);
  }
}

/**
 * A new instance without calling init: property defaults and pseudo-constructors run for each
 * class of the chain, the base class first (what createObject gives).
 * @throws CfmlError for interfaces and abstract components
 */
export function instantiate(ctx: Ctx, cls: ComponentClass, loc?: SourceLoc): MaybePromise<ComponentInstance> {
  if (cls.kind === 'interface') throw expressionError(`can't create an instance of the interface [${cls.fullName}]`, { loc, code: ErrorCode.Component });
  if (cls.abstract) {
    throw expressionError(`can't create an instance of the abstract component [${cls.fullName}]`, { loc, code: ErrorCode.Component });
  }
  ensureStatic(ctx, cls);
  const inst = new ComponentInstance(cls);
  const chain = cls.constructing;
  if (chain.length === 0) return inst;
  const step = (i: number): MaybePromise<ComponentInstance> => {
    for (; i < chain.length; i++) {
      const c = chain[i]!;
      const r = asComponent(ctx, inst, c, () => runConstructor(ctx, inst, c));
      if (isThenable(r)) {
        const next = i + 1;
        return (r as Promise<unknown>).then(() => step(next));
      }
    }
    return inst;
  };
  ctx.callStack.push({ template: loc?.file ?? '', line: loc?.line ?? 0, column: loc?.col ?? 0, id: cls.name });
  try {
    const r = step(0);
    if (isThenable(r)) return r.then((v) => (ctx.callStack.pop(), v), (e) => (ctx.callStack.pop(), Promise.reject(loc ? addFrame(e, loc, cls.name) : e)));
    ctx.callStack.pop();
    return r;
  } catch (e) {
    ctx.callStack.pop();
    throw loc ? addFrame(e, loc, cls.name) : e;
  }
}

function runConstructor(ctx: Ctx, inst: ComponentInstance, c: ComponentClass): MaybePromise<unknown> {
  for (const p of c.ownProperties) if (p.default) inst.variables.setLower(p.lower, p.name, p.default(ctx));
  const pseudo = c.pseudo;
  if (!pseudo) return undefined;
  if (!c.outputOff) return pseudo(ctx);
  const out = ctx.out;
  return tryFinally(() => pseudo(ctx), () => (ctx.out = out));
}

/**
 * `new C(args)`: a new instance, then its init method with the arguments (positional or named).
 * Returns the instance; an init that returns another object gives that object (Lucee).
 */
export function newInstance(ctx: Ctx, cls: ComponentClass, positional: unknown[], named: Map<string, unknown> | undefined, loc: SourceLoc): MaybePromise<unknown> {
  const made = instantiate(ctx, cls, loc);
  if (isThenable(made)) return made.then((inst) => runInit(ctx, cls, inst, positional, named, loc));
  return runInit(ctx, cls, made, positional, named, loc);
}

function runInit(ctx: Ctx, cls: ComponentClass, inst: ComponentInstance, positional: unknown[], named: Map<string, unknown> | undefined, loc: SourceLoc): MaybePromise<unknown> {
  const init = cls.init;
  if (!init) return inst;
  const r = invokeUDF(ctx, init, positional, named, loc, inst);
  if (isThenable(r)) return r.then((v) => (v instanceof ComponentInstance ? v : inst));
  return r instanceof ComponentInstance ? r : inst;
}

/** The prefix of the render's memo of component classes in Ctx.locals. */
const CLASS_MEMO = 'cfc:';

/** Drops the render's memo of component classes (inspectTemplates: changed files load again). */
export function forgetComponentClasses(ctx: Ctx): void {
  for (const k of [...ctx.locals.keys()]) if (k.startsWith(CLASS_MEMO)) ctx.locals.delete(k);
}

/**
 * The class of a dotted component name as seen from the running code: resolved from the
 * current template's directory, then ctx.appRoot, then the mappings (the application's, then the Engine's). Memoized per render, so a
 * loop of `new` stats each file once.
 */
export function componentClass(ctx: Ctx, dotted: string, loc?: SourceLoc): ComponentClass {
  const key = `${CLASS_MEMO}${ctx.template.dir}|${dotted.toLowerCase()}`;
  const memo = ctx.locals.get(key) as ComponentClass | undefined;
  if (memo) return memo;
  const loader = ctx.engine.components;
  try {
    const abs = loader.resolve(dotted, ctx.template.dir, ctx.appRoot, loc, ctx.appMappings, ctx.inspected);
    const cls = loader.load(abs, ctx.appRoot, [], loc, ctx.appMappings, ctx.inspected);
    ctx.locals.set(key, cls);
    return cls;
  } catch (e) {
    throw toCfmlError(e, loc);
  }
}
