import * as path from 'node:path';
import type * as A from '../parser/ast.js';
import { Signal, type Eval, type Exec, type MaybePromise } from './exec.js';
import type { Ctx } from './context.js';
import { AbortPage } from './context.js';
import type { EngineCore } from './engine-core.js';
import { compileExpr, compileSetter, type ExprOpts, type Setter } from './compile-expr.js';
import { PendingCall } from './compile-call.js';
import { compileStatement } from './compile-stmt.js';
import { expressionError, type SourceLoc } from './errors.js';
import { isThenable, runBlock } from './maybe.js';
import { UDF, type CompiledParam } from './udf.js';
import type { CfFunction } from './function-value.js';
import { FnContextImpl } from './fn-context.js';
import type { FnContext } from './functions/types.js';
import { compileTag } from './tag-host.js';
import { callFunction } from './udf-call.js';

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
  /** How many function bodies enclose the code being compiled (tags inside functions are never made async in test mode). */
  functionDepth = 0;

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

  /** Above 0 while compiling a SQL body (cfquery): `#expr#` output escapes single quotes. */
  sqlDepth = 0;

  /** Compiles a SQL body (TagDef.sqlBody): its `#expr#` output escapes single quotes. */
  sqlBlock(stmts: readonly A.Stmt[] | undefined): Exec {
    this.sqlDepth++;
    try {
      return this.block(stmts);
    } finally {
      this.sqlDepth--;
    }
  }

  /** A tag in a template or a tag statement in script. */
  tag(node: A.TagNode): Exec {
    const exec = compileTag(this, node);
    // (not inside functions: a function whose body goes async can only be called as a statement)
    if (!this.engine.asyncTags || this.functionDepth > 0) return exec;
    // test mode: every tag answers with a promise, so each async continuation path runs
    return (ctx) => Promise.resolve().then(() => exec(ctx));
  }

  /** A factory for the function value of a `function` expression (closure) or declaration. */
  functionFactory(f: A.FuncExpr): (ctx: Ctx, closure: boolean) => UDF {
    const udf = this.buildUDF(f, true);
    // a closure keeps the variables scope and component it was created in
    return (ctx) => udf.withClosure(ctx.frame, ctx.variables, ctx.component);
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

  /** Calls a function value with positional or named arguments (see udf-call.ts). */
  callFunction(ctx: Ctx, f: CfFunction, positional: unknown[], named: Map<string, unknown> | undefined, loc: SourceLoc): MaybePromise<unknown> {
    return callFunction(ctx, f, positional, named, loc);
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

/** Functions declared anywhere in a template (not inside other functions), for hoisting. */
function collectFunctions(body: readonly A.Stmt[] | undefined, out: A.FuncExpr[], engine: EngineCore): void {
  if (!body) return;
  for (const s of body) {
    switch (s.kind) {
      case 'funcdecl':
        out.push(s.func);
        break;
      case 'tag': {
        const def = engine.tags.get(s.name);
        if (def?.hoistFunction) {
          out.push(def.hoistFunction(s));
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
  if (n.kind === 'invoke' || n.kind === 'mcall' || n.kind === 'new' || n.kind === 'static') return true;
  if (n.kind === 'call') {
    const def = engine.functions.getLower(n.lower!);
    if (!def || def.async) return true;
  }
  for (const [k, v] of Object.entries(node)) if (k !== 'loc' && callsFunctions(v, engine)) return true;
  return false;
}

export { AbortPage };
