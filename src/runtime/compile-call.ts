import type * as A from '../parser/ast.js';
import type { Eval } from './exec.js';
import type { Ctx } from './context.js';
import type { Compiler } from './compiler.js';
import { Struct } from './struct.js';
import { Query, QueryColumnRef } from './query.js';
import { CfFunction } from './function-value.js';
import { ControlSignal, ErrorCode, expressionError, toCfmlError } from './errors.js';
import { simple, toStr, typeName } from './cast.js';
import { directInvoker, invokeBuiltin } from './functions/invoke.js';
import type { FunctionDef, MemberReceiver } from './functions/types.js';
import { isThenable } from './maybe.js';
import { tagCallAttrs } from '../parser/tag-check.js';
import { compileExpr, type ExprOpts } from './compile-expr.js';
import { XmlNode } from './xml/node.js';
import { ComponentInstance } from './components/instance.js';
import { callMethod, callSuper, componentClass, ensureStatic, newInstance } from './components/dispatch.js';
import { invokeUDF } from './udf-call.js';
import type { ComponentClass } from './components/class.js';

/** Calls: built-ins bound at compile time, user functions (with replay when one goes async), member calls and tag calls. */

export function compileInvoke(c: Compiler, e: A.Invoke, o: ExprOpts): Eval {
  const typed = typedArrayNew(c, e);
  if (typed) return compileCall(c, typed, o);
  const callee = compileExpr(c, e.callee);
  const args = compileArgs(c, e.args);
  const { loc } = e;
  return (ctx) => {
    const f = callee(ctx);
    if (!(f instanceof CfFunction)) throw expressionError(`a ${typeName(f)} can't be called as a function`, { loc });
    const pos = args.positional(ctx);
    const nm = args.named(ctx);
    return udfResult(ctx, () => c.callFunction(ctx, f, pos, nm, loc), o, loc);
  };
}

/** `arrayNew["string"](1)`: a typed array (the type is recorded for getMetadata, not enforced). */
function typedArrayNew(c: Compiler, e: A.Invoke): A.Call | undefined {
  const callee = e.callee;
  if (callee.kind !== 'index' || callee.object.kind !== 'var' || callee.object.lower !== 'arraynew') return undefined;
  if (!c.engine.functions.getLower('arraynew')) return undefined;
  const typeArg: A.Arg = { name: 'type', lower: 'type', value: callee.index };
  let args: A.Arg[];
  if (e.args.every((a) => a.lower !== undefined)) args = [...e.args, typeArg];
  else {
    if (e.args.length > 1) throw expressionError('a typed arrayNew["type"](dimension) takes one argument, the dimension', { loc: e.loc });
    args = [...(e.args[0] ? [{ name: 'dimension', lower: 'dimension', value: e.args[0].value }] : []), typeArg];
  }
  return { kind: 'call', lower: 'arraynew', name: 'arrayNew', args, loc: callee.object.loc };
}

/**
 * Thrown when a function called inside an expression went async: the simple statement around it
 * (see Compiler.stmt) waits for the result and runs again, replaying the calls already made.
 */
export class PendingCall extends ControlSignal {
  constructor(readonly promise: Promise<unknown>) {
    super();
  }
}

/** A user-function call's result, with the replay of results made by an earlier attempt. */
function udfResult(ctx: Ctx, call: () => unknown, o: ExprOpts, loc: A.SourceLoc): unknown {
  const rec = ctx.replay;
  if (rec && rec.i < rec.values.length) return rec.values[rec.i++];
  const v = call();
  if (isThenable(v)) {
    if (o.async) return v;
    if (rec) throw new PendingCall(v as Promise<unknown>);
    (v as Promise<unknown>).catch(() => undefined);
    throw expressionError('a function that runs an asynchronous tag (such as cfimap) cannot be called in the condition of an if, loop or switch; assign its result to a variable first', { loc });
  }
  if (rec) {
    rec.values.push(v);
    rec.i++;
  }
  return v;
}

interface CompiledArgs {
  /** The compiled positional arguments (undefined for a named call). */
  exprs?: readonly Eval[];
  positional(ctx: Ctx): unknown[];
  named(ctx: Ctx): Map<string, unknown> | undefined;
  isNamed: boolean;
}

function compileArgs(c: Compiler, args: A.Arg[]): CompiledArgs {
  const isNamed = args.length > 0 && args.every((a) => a.lower !== undefined);
  if (!isNamed) {
    if (args.some((a) => a.lower !== undefined)) {
      throw expressionError("named and positional arguments can't be mixed in one call", { loc: args[0]!.value.loc });
    }
    const fs = args.map((a) => compileExpr(c, a.value, { ref: true }));
    return { exprs: fs, positional: (ctx) => fs.map((f) => f(ctx)), named: () => undefined, isNamed };
  }
  const fs = args.map((a) => [a.lower!, compileExpr(c, a.value, { ref: true })] as const);
  return {
    positional: () => [],
    named: (ctx) => {
      const m = new Map<string, unknown>();
      for (const [k, f] of fs) {
        const v = f(ctx);
        if (k === 'argumentcollection' && v instanceof Struct) {
          for (const [kk, vv] of v.entries()) m.set(kk.toLowerCase(), vv);
        } else if (k === 'argumentcollection' && Array.isArray(v)) {
          // an array collection passes its items by position
          v.forEach((vv, i) => m.set(String(i + 1), vv));
        } else m.set(k, v);
      }
      return m;
    },
    isNamed,
  };
}

function callBuiltin(c: Compiler, def: FunctionDef, args: CompiledArgs, loc: A.SourceLoc, o: ExprOpts): Eval {
  if (def.async) {
    // may answer with a promise: recorded for the statement's replay like a user function's result
    return (ctx) => {
      const pos = args.positional(ctx);
      const nm = args.named(ctx);
      return udfResult(
        ctx,
        () => {
          let r: unknown;
          try {
            r = invokeBuiltin(def, c.fnContext(ctx, loc), pos, nm);
          } catch (err) {
            throw toCfmlError(err, loc);
          }
          return isThenable(r) ? (r as Promise<unknown>).catch((err) => Promise.reject(toCfmlError(err, loc))) : r;
        },
        o,
        loc,
      );
    };
  }
  const direct = args.exprs && directInvoker(def, args.exprs.length);
  if (direct) {
    const [f0, f1, f2] = args.exprs!;
    const none = () => undefined;
    const [e0, e1, e2] = [f0!, f1 ?? none, f2 ?? none];
    return (ctx) => {
      const fc = c.fnContext(ctx, loc);
      try {
        return direct(fc, e0(ctx), e1(ctx), e2(ctx));
      } catch (err) {
        throw toCfmlError(err, loc);
      }
    };
  }
  return (ctx) => {
    const fc = c.fnContext(ctx, loc);
    try {
      return invokeBuiltin(def, fc, args.positional(ctx), args.named(ctx));
    } catch (err) {
      throw toCfmlError(err, loc);
    }
  };
}

export function compileCall(c: Compiler, e: A.Call, o: ExprOpts): Eval {
  const def = c.engine.functions.getLower(e.lower);
  const args = compileArgs(c, e.args);
  const { loc, lower, name } = e;
  if (def) {
    if (lower === 'isnull' && e.args.length === 1) {
      const x = compileExpr(c, e.args[0]!.value, { soft: true });
      return (ctx) => {
        const v = x(ctx);
        return v === undefined || v === null;
      };
    }
    return callBuiltin(c, def, args, loc, o);
  }
  const tag = tagCall(c, e, o);
  return (ctx) => {
    const f = ctx.lookup(lower);
    if (f instanceof CfFunction) {
      // arguments first: their own calls take their replay slots before this one
      const pos = args.positional(ctx);
      const nm = args.named(ctx);
      return udfResult(ctx, () => c.callFunction(ctx, f, pos, nm, loc), o, loc);
    }
    if (tag && (f === undefined || f === null)) return tag(ctx);
    if (f === undefined) {
      throw expressionError(`No matching function [${name.toUpperCase()}] found`, { loc, code: ErrorCode.NoSuchFunction });
    }
    throw expressionError(`[${name}] is a ${typeName(f)}, not a function`, { loc });
  };
}

/**
 * `cfheader(name="X", value="1")`: a call of `cf` + a registered tag name (with no built-in
 * function of that name) runs the tag, the named arguments being its attributes.
 */
function tagCall(c: Compiler, e: A.Call, o: ExprOpts): Eval | undefined {
  const def = /^cf[a-z_]/.test(e.lower) ? c.engine.tags.get(e.lower.slice(2)) : undefined;
  if (!def) return undefined;
  if (def.expression || def.branchOf) {
    // cfif, cfset, cfreturn, cfelse, cfcase...: written as statements, they take no attributes
    throw expressionError(`the tag [cf${e.lower.slice(2)}] cannot be called as a function: it takes ${def.expression ? 'an expression, not attributes' : 'its place inside another tag'}`, {
      loc: e.loc,
      detail: 'write it as a statement (if (...) { }, x = 1;, return x;) or in tag syntax',
    });
  }
  const node: A.TagNode = { kind: 'tag', name: e.lower.slice(2), attrs: tagCallAttrs(e.args, e.name, e.loc), loc: e.loc, fromScript: true };
  const exec = c.tag(node);
  const { loc } = e;
  return (ctx) => {
    // a tag evaluates its attributes (and their calls) itself, so it takes no replay slot:
    // an async tag call works as a statement (`cfimap(...);`), not nested in an expression
    const r = exec(ctx);
    if (!isThenable(r)) return undefined;
    if (o.async) return (r as Promise<unknown>).then(() => undefined);
    (r as Promise<unknown>).catch(() => undefined);
    throw expressionError(`an asynchronous tag call (cf${e.lower.slice(2)}) can only be a statement of its own`, { loc });
  };
}

const RECEIVERS: MemberReceiver[] = ['string', 'numeric', 'boolean', 'date', 'array', 'struct', 'query', 'function', 'list', 'xml'];

function receiverType(v: unknown): MemberReceiver[] {
  v = simple(v);
  if (typeof v === 'string') return ['string', 'list'];
  if (typeof v === 'number') return ['numeric', 'string'];
  if (typeof v === 'boolean') return ['boolean', 'string'];
  if (v instanceof Date) return ['date'];
  if (Array.isArray(v)) return ['array'];
  if (v instanceof Struct) return ['struct'];
  if (v instanceof Query) return ['query'];
  if (v instanceof CfFunction) return ['function'];
  if (v instanceof XmlNode) return ['xml'];
  return [];
}

export function compileMemberCall(c: Compiler, e: A.MemberCall, o: ExprOpts): Eval {
  const call = compileMemberCallOn(c, e, o);
  if (e.object.kind !== 'var' || e.object.lower !== 'super') return call;
  // super.m(): the parent's method on the same instance (inside a component)
  const args = compileArgs(c, e.args);
  const { lower, name, loc } = e;
  return (ctx) => {
    if (!ctx.component) return call(ctx);
    const pos = args.positional(ctx);
    const nm = args.named(ctx);
    return udfResult(ctx, () => callSuper(ctx, lower, name, pos, nm, loc), o, loc);
  };
}

function compileMemberCallOn(c: Compiler, e: A.MemberCall, o: ExprOpts): Eval {
  const obj = compileExpr(c, e.object, { soft: e.safe, ref: true });
  const args = compileArgs(c, e.args);
  const { lower, name, loc } = e;
  // Bound once: which built-in each receiver type maps this method name to.
  const table = new Map<MemberReceiver, ReturnType<typeof c.engine.functions.member>>();
  for (const t of RECEIVERS) table.set(t, c.engine.functions.member(t, lower));
  return (ctx) => {
    let self = obj(ctx);
    if (e.safe && (self === undefined || self === null)) return undefined;
    if (self instanceof ComponentInstance) {
      const inst = self;
      const pos = args.positional(ctx);
      const nm = args.named(ctx);
      return udfResult(ctx, () => callMethod(ctx, inst, lower, name, pos, nm, loc), o, loc);
    }
    if (self instanceof Struct) {
      const fv = self.getLower(lower);
      if (fv instanceof CfFunction) {
        const pos = args.positional(ctx);
        const nm = args.named(ctx);
        return udfResult(ctx, () => c.callFunction(ctx, fv, pos, nm, loc), o, loc);
      }
    }
    if (self instanceof QueryColumnRef) self = self.values();
    for (const t of receiverType(self)) {
      const entry = table.get(t);
      if (!entry) continue;
      const pos = entry.spec.receiverArg ?? 0;
      const fc = c.fnContext(ctx, loc);
      try {
        let result: unknown;
        const named = args.named(ctx);
        if (named) {
          named.set(entry.def.params[pos]!.name.toLowerCase(), self);
          result = invokeBuiltin(entry.def, fc, [], named);
        } else {
          const list = args.positional(ctx);
          list.splice(pos, 0, self);
          result = invokeBuiltin(entry.def, fc, list);
        }
        return entry.spec.returnsReceiver ? self : result;
      } catch (err) {
        throw toCfmlError(err, loc);
      }
    }
    throw expressionError(`No matching member function [${name}] found for a ${typeName(self)}`, { loc, code: ErrorCode.NoSuchMember });
  };
}

/** `new path.to.Name(args)` / `new "path.to.Name"(args)`: resolved from the running template's directory. */
export function compileNew(c: Compiler, e: A.NewExpr, o: ExprOpts): Eval {
  const args = compileArgs(c, e.args);
  const pathExpr = typeof e.path === 'string' ? undefined : compileExpr(c, e.path);
  const fixed = typeof e.path === 'string' ? e.path : '';
  const { loc } = e;
  // a fixed name resolves once per render at this call site (the loader checks files once per render)
  let lastCtx: Ctx | undefined;
  let lastDir = '';
  let lastCls: ComponentClass | undefined;
  return (ctx) => {
    let cls: ComponentClass;
    if (!pathExpr && ctx === lastCtx && ctx.template.dir === lastDir) cls = lastCls!;
    else {
      cls = componentClass(ctx, pathExpr ? toStr(pathExpr(ctx)) : fixed, loc);
      lastCtx = ctx;
      lastDir = ctx.template.dir;
      lastCls = cls;
    }
    const pos = args.positional(ctx);
    const nm = args.named(ctx);
    return udfResult(ctx, () => newInstance(ctx, cls, pos, nm, loc), o, loc);
  };
}

/** `Name::member` reads the static scope of a component; `Name::f(args)` calls a static function. */
export function compileStaticAccess(c: Compiler, e: A.StaticAccess, o: ExprOpts): Eval {
  const args = e.args ? compileArgs(c, e.args) : undefined;
  const { loc, lower, name, component } = e;
  return (ctx) => {
    const cls = componentClass(ctx, component, loc);
    ensureStatic(ctx, cls);
    if (!args) {
      const v = cls.staticScope.getLower(lower);
      if (v !== undefined && v !== null) return v;
      const f = cls.methods.get(lower);
      if (f?.isStatic) return f;
      if (o.soft) return undefined;
      throw expressionError(`the component [${cls.fullName}] has no static member [${name}]`, { loc, code: ErrorCode.UndefinedVariable });
    }
    const f = cls.methods.get(lower);
    if (!f || !f.isStatic) throw expressionError(`the component [${cls.fullName}] has no static function [${name}]`, { loc, code: ErrorCode.NoSuchFunction, detail: f ? `[${f.name}] is an instance method: call it on an instance` : '' });
    const pos = args.positional(ctx);
    const nm = args.named(ctx);
    return udfResult(ctx, () => invokeUDF(ctx, f, pos, nm, loc), o, loc);
  };
}
