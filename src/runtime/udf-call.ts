import type { Ctx, FunctionFrame } from './context.js';
import { AbortPage } from './context.js';
import { Signal, type MaybePromise } from './exec.js';
import { ErrorCode, expressionError, toCfmlError, type SourceLoc } from './errors.js';
import { isThenable } from './maybe.js';
import { UDF } from './udf.js';
import { CfFunction } from './function-value.js';
import { ArgumentsScope } from './access.js';
import { Struct } from './struct.js';
import { typeName } from './cast.js';
import { checkType } from './types-check.js';
import type { ComponentInstance } from './components/instance.js';

/**
 * The calling convention of user functions: a call gets a fresh frame (local and arguments
 * scopes, the closure's parent frame), runs the body with the function's template as the
 * current one, and restores the caller's state on every exit. Arguments bind by position or by
 * name (`argumentCollection` already spread by the caller), defaults are evaluated in the callee,
 * declared types are checked for arguments and the return value (Lucee's messages).
 */
export function callFunction(ctx: Ctx, f: CfFunction, positional: unknown[], named: Map<string, unknown> | undefined, loc: SourceLoc): MaybePromise<unknown> {
  if (f instanceof UDF) return invokeUDF(ctx, f, positional, named, loc);
  const js = (f as unknown as { fn?: (...a: unknown[]) => unknown }).fn;
  if (typeof js === 'function') return js(...(named ? [...named.values()] : positional));
  throw expressionError(`the function [${f.name}] can't be called here`, { loc });
}

/**
 * Runs a UDF. `self` is the instance a method is called on (`obj.m()`); without it a method
 * runs on the instance it was read from (`f = obj.m`), a closure in the variables scope and
 * component it was created in, a static method in its class, and any other method on the
 * component whose code is running (an unscoped `m()` inside a method).
 */
export function invokeUDF(ctx: Ctx, f: UDF, positional: unknown[], named: Map<string, unknown> | undefined, loc: SourceLoc, self?: ComponentInstance | null): MaybePromise<unknown> {
  // every call counts toward the time limit: callbacks (arrayEach, sort comparators...), recursion
  ctx.tick(loc);
  const args = new ArgumentsScope();
  const frame: FunctionFrame = { local: new Struct(), args, name: f.name, outputOff: f.outputOff, parent: f.closureFrame, owner: f.owner };
  const savedFrame = ctx.frame;
  const savedTemplate = ctx.template;
  const savedReplay = ctx.replay;
  const savedVariables = ctx.variables;
  const savedComponent = ctx.component;
  const inst = self ?? f.receiver;
  if (inst) {
    ctx.variables = inst.variables;
    ctx.component = inst;
  } else if (f.closureVariables) {
    ctx.variables = f.closureVariables;
    ctx.component = f.closureComponent;
  } else if (f.isStatic && f.owner) {
    ctx.variables = f.owner.staticVariables;
    ctx.component = null;
  }
  ctx.frame = frame;
  ctx.template = f.template;
  ctx.replay = null;
  ctx.callStack.push({ template: loc.file, line: loc.line, column: loc.col, id: f.name });
  const done = () => {
    ctx.frame = savedFrame;
    ctx.template = savedTemplate;
    ctx.replay = savedReplay;
    ctx.variables = savedVariables;
    ctx.component = savedComponent;
    ctx.callStack.pop();
  };
  let result: MaybePromise<unknown>;
  try {
    bindArguments(ctx, f, args, positional, named, loc);
  } catch (e) {
    // a missing or mistyped argument is the caller's error: its location is the call site already
    done();
    throw e;
  }
  try {
    const r = f.body(ctx);
    result = isThenable(r) ? (r as Promise<Signal>).then(() => takeReturn(ctx, f, loc)) : takeReturn(ctx, f, loc);
  } catch (e) {
    done();
    throw addFrame(e, loc, f.name);
  }
  if (isThenable(result)) {
    return (result as Promise<unknown>).then(
      (v) => (done(), v),
      (e) => {
        done();
        throw addFrame(e, loc, f.name);
      },
    );
  }
  done();
  return result;
}

function takeReturn(ctx: Ctx, f: UDF, loc: SourceLoc): unknown {
  const v = ctx.returnValue;
  ctx.returnValue = undefined;
  if (f.returnType && f.returnType !== 'any' && f.returnType !== 'void' && v !== undefined) {
    if (!checkType(v, f.returnType)) {
      throw expressionError(`The value returned from the function [${f.name}] is not of type [${f.returnType}]`, { loc: f.decl.loc, detail: `it is a ${typeName(v)}` });
    }
  }
  return v;
}

function bindArguments(ctx: Ctx, f: UDF, args: ArgumentsScope, positional: unknown[], named: Map<string, unknown> | undefined, loc: SourceLoc): void {
  const ps = f.params;
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i]!;
    let v = named ? named.get(p.lower) ?? named.get(String(i + 1)) : positional[i];
    if (v === undefined || v === null) {
      if (p.default) v = p.default(ctx);
      else if (p.required) {
        throw expressionError(`The parameter [${p.name}] to function [${f.name}] is required but was not passed in.`, { loc, code: ErrorCode.MissingArgument });
      }
    } else if (p.type && p.type !== 'any' && !checkType(v, p.type)) {
      throw expressionError(`The argument [${p.name}] passed to the function [${f.name}] is not of type [${p.type}]`, { loc, detail: `it is a ${typeName(v)}`, code: ErrorCode.ArgumentType });
    }
    args.order.push(p.name);
    if (v !== undefined) args.setLower(p.lower, p.name, v);
  }
  if (named) {
    for (const [k, v] of named) {
      if (/^\d+$/.test(k) && Number(k) <= ps.length) continue; // bound by position above
      if (ps.some((p) => p.lower === k)) continue;
      // named arguments beyond the declared ones stay addressable by position, in call order (Lucee)
      args.order.push(k.toUpperCase());
      args.setLower(k, k.toUpperCase(), v);
    }
  } else {
    for (let i = ps.length; i < positional.length; i++) {
      const k = String(i + 1);
      args.order.push(k);
      args.setLower(k, k, positional[i]);
    }
  }
}

/** Adds a call site to the error's tag context as it passes out of a function or include. */
export function addFrame(e: unknown, loc: SourceLoc, id: string): unknown {
  if (e instanceof AbortPage) return e;
  const err = toCfmlError(e);
  if (err.tagContext.length === 0 && err.loc) err.tagContext.push({ template: err.loc.file, line: err.loc.line, column: err.loc.col });
  err.tagContext.push({ template: loc.file, line: loc.line, column: loc.col, id });
  return err;
}

