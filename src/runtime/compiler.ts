import * as path from 'node:path';
import type * as A from '../parser/ast.js';
import { Signal, type Eval, type Exec, type MaybePromise } from './exec.js';
import type { TagCall, TagDef } from '../tags/types.js';
import type { Ctx, FunctionFrame } from './context.js';
import { AbortPage } from './context.js';
import type { EngineCore } from './engine-core.js';
import { compileExpr, compileSetter, type ExprOpts, type Setter } from './compile-expr.js';
import { PendingCall } from './compile-call.js';
import { compileStatement } from './compile-stmt.js';
import { CfmlError, ErrorCode, expressionError, toCfmlError, type SourceLoc } from './errors.js';
import { isThenable, runBlock, tryFinally } from './maybe.js';
import { UDF, type CompiledParam } from './udf.js';
import { CfFunction } from './function-value.js';
import { ArgumentsScope } from './access.js';
import { Struct } from './struct.js';
import { toBool, toNum, toStr, typeName } from './cast.js';
import { FnContextImpl } from './fn-context.js';
import type { FnContext } from './functions/types.js';
import { checkType } from './types-check.js';
import { ATTRIBUTE_COLLECTION, validateTag } from '../parser/template-parser.js';
import { compileAttributeCollection } from './attribute-collection.js';

export interface CompiledTemplate {
  file: string;
  dir: string;
  source: string;
  run: Exec;
  /** Functions declared anywhere in the template: defined before the first line runs. */
  functions: UDF[];
}

/**
 * Turns a parsed template into closures, once. Names are already lower-cased, scopes resolved
 * and built-in calls bound here, so a render only runs closures.
 */
export class Compiler {
  readonly template: CompiledTemplate;
  private readonly hoisted: A.FuncExpr[] = [];
  private functionDepth = 0;

  constructor(
    readonly engine: EngineCore,
    parsed: A.Template,
  ) {
    this.template = { file: parsed.file, dir: path.dirname(parsed.file), source: parsed.source, run: () => Signal.Normal, functions: [] };
    collectFunctions(parsed.body, this.hoisted, engine);
    const body = this.block(parsed.body);
    this.template.run = body;
    this.template.functions = this.hoisted.map((f) => this.buildUDF(f, false));
  }

  expr(e: A.Expr, o?: ExprOpts): Eval {
    return compileExpr(this, e, o);
  }

  setter(e: A.Expr): Setter {
    return compileSetter(this, e);
  }

  /** Compiles a statement list into one Exec. */
  block(stmts: readonly A.Stmt[] | undefined): Exec {
    if (!stmts || stmts.length === 0) return () => Signal.Normal;
    const execs = stmts.map((s) => this.stmt(s));
    if (execs.length === 1) return execs[0]!;
    if (execs.length === 2) {
      // short bodies (a tag and the newline after it) skip the generic block loop
      const [a, b] = execs as [Exec, Exec];
      return (ctx) => {
        const r = a(ctx);
        if (r === Signal.Normal) return b(ctx);
        return typeof r === 'number' ? r : r.then((s) => (s === Signal.Normal ? b(ctx) : s));
      };
    }
    return (ctx) => runBlock(execs, ctx);
  }

  stmt(s: A.Stmt): Exec {
    const exec = compileStatement(this, s);
    return isSimpleStatement(s) && callsFunctions(s, this.engine) ? replayable(exec) : exec;
  }

  /** A tag in a template or a tag statement in script. */
  tag(node: A.TagNode): Exec {
    const exec = this.tagExec(node);
    // (not inside functions: a function whose body goes async can only be called as a statement)
    if (!this.engine.asyncTags || this.functionDepth > 0) return exec;
    // test mode: every tag answers with a promise, so each async continuation path runs
    return (ctx) => Promise.resolve().then(() => exec(ctx));
  }

  private tagExec(node: A.TagNode): Exec {
    const def = this.engine.tags.get(node.name);
    if (!def) throw new CfmlError(`Unknown tag [cf${node.name}]`, { type: 'Template', loc: node.loc });
    // tags in templates were checked by the template parser; script statements are checked here
    if (node.fromScript) validateTag(node, def);
    if (!def.expression && node.attrs.some((a) => a.lower === ATTRIBUTE_COLLECTION)) {
      const depth = this.functionDepth;
      return compileAttributeCollection(this, node, def, (merged) => {
        // compiled when the tag runs: at the function depth of where it is written
        const saved = this.functionDepth;
        this.functionDepth = depth;
        try {
          return this.compileTag(merged, def);
        } finally {
          this.functionDepth = saved;
        }
      });
    }
    return this.compileTag(node, def);
  }

  /** A tag whose attributes are all written (or merged from attributeCollection) and validated. */
  private compileTag(node: A.TagNode, def: TagDef): Exec {
    if (def.compile) return def.compile(node, this);
    if (!def.run) return () => Signal.Normal;
    const attrs = node.attrs.map((a) => {
      const spec = def.attrs?.find((s) => s.name === a.lower || s.aliases?.includes(a.lower));
      return { name: spec?.name ?? a.lower, spec, value: this.expr(a.value, { ref: true }) };
    });
    const specs = def.attrs ?? [];
    const body = this.block(node.body);
    const run = def.run;
    const loc = node.loc;
    return (ctx) => {
      const values: Record<string, unknown> = {};
      const given = new Set<string>();
      try {
        for (const a of attrs) {
          let v = a.value(ctx);
          if (a.spec?.type === 'number') v = toNum(v);
          else if (a.spec?.type === 'boolean') v = toBool(v);
          else if (a.spec?.type === 'string') v = toStr(v);
          if (a.spec?.values) {
            const sv = toStr(v).toLowerCase();
            const hit = a.spec.values.find((x) => x.toLowerCase() === sv);
            if (!hit) throw new CfmlError(`Invalid value [${toStr(v)}] for attribute [${a.name}] of tag [cf${node.name}], valid values are [${a.spec.values.join(', ')}]`, { type: 'Application' });
            v = hit;
          }
          values[a.name] = v;
          given.add(a.name);
        }
      } catch (e) {
        throw toCfmlError(e, loc);
      }
      for (const s of specs) if (!(s.name in values) && s.default !== undefined) values[s.name] = s.default;
      const call = this.tagCall(ctx, node, values, given, body);
      let r: MaybePromise<Signal | void>;
      try {
        r = run(call);
      } catch (e) {
        // cflocation / cfcontent variable= / cfdump abort end the page: not an error
        throw e instanceof AbortPage ? e : toCfmlError(e, loc);
      }
      if (isThenable(r)) return (r as Promise<Signal | void>).then((s) => s ?? Signal.Normal, (e) => Promise.reject(e instanceof AbortPage ? e : toCfmlError(e, loc)));
      return (r as Signal | undefined) ?? Signal.Normal;
    };
  }

  tagCall(ctx: Ctx, node: A.TagNode, attrs: Record<string, unknown>, given: Set<string>, body: Exec): TagCall {
    const engine = this.engine;
    return {
      attrs,
      given,
      node,
      ctx,
      body: () => body(ctx),
      capture: () => {
        const saved = ctx.out;
        ctx.out = '';
        let captured = '';
        const r = tryFinally(() => body(ctx), () => {
          captured = ctx.out;
          ctx.out = saved;
        });
        return isThenable(r) ? (r as Promise<Signal>).then(() => captured) : captured;
      },
      write: (t) => ctx.write(t),
      setVariable: (name, value) => engine.setterFor(name, node.loc)(ctx, value),
      error: (message, init) => new CfmlError(message, { type: 'Application', ...init, loc: node.loc }),
    };
  }

  /** A factory for the function value of a `function` expression (closure) or declaration. */
  functionFactory(f: A.FuncExpr): (ctx: Ctx, closure: boolean) => UDF {
    const udf = this.buildUDF(f, true);
    return (ctx) => udf.withClosure(ctx.frame);
  }

  buildUDF(f: A.FuncExpr, isClosure: boolean): UDF {
    const params: CompiledParam[] = f.params.map((p) => ({
      name: p.name,
      lower: p.lower,
      type: p.type,
      required: p.required,
      default: p.default ? this.expr(p.default) : undefined,
    }));
    this.functionDepth++;
    let body: Exec;
    try {
      body = this.block(f.body);
    } finally {
      this.functionDepth--;
    }
    const outputOff = f.attrs?.output !== undefined && !isTrue(f.attrs.output);
    return new UDF(f.name ?? (f.arrow ? 'arrow' : 'closure'), isClosure, params, body, f, this.template, outputOff, f.returnType);
  }

  /** Calls a function value with positional or named arguments. */
  callFunction(ctx: Ctx, f: CfFunction, positional: unknown[], named: Map<string, unknown> | undefined, loc: SourceLoc): MaybePromise<unknown> {
    if (f instanceof UDF) return invokeUDF(ctx, f, positional, named, loc);
    const js = (f as unknown as { fn?: (...a: unknown[]) => unknown }).fn;
    if (typeof js === 'function') return js(...(named ? [...named.values()] : positional));
    throw expressionError(`the function [${f.name}] can't be called here`, { loc });
  }

  fnContext(ctx: Ctx, loc: SourceLoc): FnContext {
    let fc = ctx.locals.get('fn') as FnContextImpl | undefined;
    if (!fc) {
      fc = new FnContextImpl(ctx, this.engine, (f, args) => {
        const r = this.callFunction(ctx, f, args, undefined, fc!.loc ?? loc);
        if (isThenable(r)) throw expressionError('a function that runs an asynchronous tag cannot be passed as a callback', { loc });
        return r;
      });
      ctx.locals.set('fn', fc);
    }
    fc.loc = loc;
    return fc;
  }
}

const isTrue = (v: string) => /^(true|yes|1)$/i.test(v.trim());

function invokeUDF(ctx: Ctx, f: UDF, positional: unknown[], named: Map<string, unknown> | undefined, loc: SourceLoc): MaybePromise<unknown> {
  const args = new ArgumentsScope();
  const frame: FunctionFrame = { local: new Struct(), args, name: f.name, outputOff: f.outputOff, parent: f.closureFrame };
  const savedFrame = ctx.frame;
  const savedTemplate = ctx.template;
  const savedReplay = ctx.replay;
  ctx.frame = frame;
  ctx.template = f.template;
  ctx.replay = null;
  ctx.callStack.push({ template: loc.file, line: loc.line, column: loc.col, id: f.name });
  const done = () => {
    ctx.frame = savedFrame;
    ctx.template = savedTemplate;
    ctx.replay = savedReplay;
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
      if (!ps.some((p) => p.lower === k)) args.setLower(k, k.toUpperCase(), v);
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

/** Functions declared anywhere in a template (not inside other functions), for hoisting. */
function collectFunctions(body: readonly A.Stmt[] | undefined, out: A.FuncExpr[], engine: EngineCore): void {
  if (!body) return;
  for (const s of body) {
    switch (s.kind) {
      case 'funcdecl':
        out.push(s.func);
        break;
      case 'tag': {
        const def = engine.tags.get(s.name) as { toFunction?: (n: A.TagNode) => A.FuncExpr } | undefined;
        if (def?.toFunction) {
          out.push(def.toFunction(s));
          break;
        }
        collectFunctions(s.body, out, engine);
        for (const b of s.branches ?? []) collectFunctions(b.body, out, engine);
        break;
      }
      case 'block':
        collectFunctions(s.body, out, engine);
        break;
      case 'for':
      case 'forin':
      case 'while':
      case 'dowhile':
        collectFunctions([s.body], out, engine);
        break;
      case 'switch':
        for (const k of s.cases) collectFunctions(k.body, out, engine);
        break;
      case 'if':
        collectFunctions([s.then], out, engine);
        if (s.else) collectFunctions([s.else], out, engine);
        break;
      case 'try':
        collectFunctions(s.body, out, engine);
        for (const c of s.catches) collectFunctions(c.body, out, engine);
        collectFunctions(s.finally, out, engine);
        break;
      default:
        break;
    }
  }
}

function defineFunctions(ctx: Ctx, t: CompiledTemplate): void {
  for (const f of t.functions) {
    const lower = f.name.toLowerCase();
    ctx.variables.setLower(lower, f.name, f);
  }
}

export function runTemplate(ctx: Ctx, t: CompiledTemplate): MaybePromise<Signal> {
  defineFunctions(ctx, t);
  return t.run(ctx);
}

/**
 * A statement that calls user functions inside its expressions: when one of them goes async
 * (its body ran `<cfimap>`), the statement waits for it and runs again, the calls already made
 * answering from the record instead of running twice.
 */
function replayable(exec: Exec): Exec {
  return (ctx) => {
    const saved = ctx.replay;
    const rec = { values: [] as unknown[], i: 0 };
    const attempt = (): MaybePromise<Signal> => {
      ctx.replay = rec;
      rec.i = 0;
      let r: MaybePromise<Signal>;
      try {
        r = exec(ctx);
      } catch (e) {
        ctx.replay = saved;
        if (e instanceof PendingCall) return e.promise.then((v) => (rec.values.push(v), attempt()));
        throw e;
      }
      ctx.replay = saved;
      return r;
    };
    return attempt();
  };
}

/** Statements with no statements inside: replaying one cannot run a child twice. */
function isSimpleStatement(s: A.Stmt): boolean {
  switch (s.kind) {
    case 'output':
    case 'expr':
    case 'vardecl':
    case 'return':
    case 'throw':
      return true;
    case 'tag':
      return !s.body?.length && !s.branches?.length;
    default:
      return false;
  }
}

/** Whether a node may call a user function (a call that is not a built-in, a member or an invoke). */
function callsFunctions(node: unknown, engine: EngineCore): boolean {
  if (node === null || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some((n) => callsFunctions(n, engine));
  const n = node as { kind?: string; lower?: string };
  if (n.kind === 'invoke' || n.kind === 'mcall') return true;
  if (n.kind === 'call' && !engine.functions.getLower(n.lower!)) return true;
  for (const [k, v] of Object.entries(node)) if (k !== 'loc' && callsFunctions(v, engine)) return true;
  return false;
}

export { AbortPage };
