import type * as A from '../parser/ast.js';
import { Signal, type Eval, type Exec, type MaybePromise } from './exec.js';
import type { Ctx } from './context.js';
import { AbortPage } from './context.js';
import type { Compiler } from './compiler.js';
import { CfmlError, expressionError, toCfmlError, type SourceLoc } from './errors.js';
import { andThen, driveLoop, isThenable, runBlock, tryCatch, tryFinally } from './maybe.js';
import { compareValues, numberToString, simple, toBool, toStr, typeName } from './cast.js';
import { Struct } from './struct.js';
import { Query } from './query.js';
import { catchMatches, cfcatchStruct, customError } from './exceptions.js';

const NORMAL: Exec = () => Signal.Normal;

/**
 * `#expr#` inside SQL (cfquery): single quotes doubled so a value cannot end a string literal
 * (Lucee); preserveSingleQuotes(x) opts out.
 */
function sqlEscaped(e: Eval, expr: A.Expr): Eval {
  if (expr.kind === 'call' && expr.lower === 'preservesinglequotes') return e;
  return (ctx) => {
    // only strings: a date prints as {ts '...'}, which the SQL must keep as it is
    const v = simple(e(ctx));
    return typeof v === 'string' && v.includes("'") ? v.replace(/'/g, "''") : v;
  };
}

export function compileStatement(c: Compiler, s: A.Stmt): Exec {
  switch (s.kind) {
    case 'text': {
      const { text, loc } = s;
      return (ctx) => {
        if (ctx.outputOnly > 0 && ctx.outputDepth === 0) return Signal.Normal;
        try {
          ctx.write(text);
        } catch (err) {
          throw toCfmlError(err, loc);
        }
        return Signal.Normal;
      };
    }
    case 'output': {
      const e = c.sqlDepth > 0 ? sqlEscaped(c.expr(s.expr), s.expr) : c.expr(s.expr);
      const { loc } = s;
      return (ctx) => {
        const v = e(ctx);
        let str: string;
        if (typeof v === 'string') str = v;
        else if (typeof v === 'number') str = numberToString(v);
        else {
          try {
            str = toStr(v);
          } catch (err) {
            throw toCfmlError(err, loc);
          }
        }
        try {
          ctx.write(str);
        } catch (err) {
          throw toCfmlError(err, loc);
        }
        return Signal.Normal;
      };
    }
    case 'tag':
      return c.tag(s);
    case 'expr': {
      const e = c.expr(s.expr, { async: true });
      return (ctx) => {
        const r = e(ctx);
        return isThenable(r) ? (r as Promise<unknown>).then(() => Signal.Normal) : Signal.Normal;
      };
    }
    case 'vardecl':
      return compileVar(c, s.target, s.value, s.loc);
    case 'block':
      return c.block(s.body);
    case 'if': {
      const test = c.expr(s.test);
      const then = c.stmt(s.then);
      const other = s.else ? c.stmt(s.else) : NORMAL;
      const { loc } = s;
      return (ctx) => (truth(test(ctx), loc) ? then(ctx) : other(ctx));
    }
    case 'for': {
      const init = s.init ? (s.init.kind === 'vardecl' ? compileVar(c, s.init.target, s.init.value, s.init.loc) : exprExec(c, s.init)) : NORMAL;
      const test = s.test ? c.expr(s.test) : () => true;
      const update = s.update ? c.expr(s.update) : () => undefined;
      const body = c.stmt(s.body);
      const { loc } = s;
      return (ctx) => {
        init(ctx);
        let first = true;
        return driveLoop(ctx, loc, 
          () => {
            if (!first) update(ctx);
            first = false;
            return truth(test(ctx), loc);
          },
          () => body(ctx),
        );
      };
    }
    case 'forin':
      return compileForIn(c, s);
    case 'while': {
      const test = c.expr(s.test);
      const body = c.stmt(s.body);
      const { loc } = s;
      return (ctx) => driveLoop(ctx, loc, () => truth(test(ctx), loc), () => body(ctx));
    }
    case 'dowhile': {
      const test = c.expr(s.test);
      const body = c.stmt(s.body);
      const { loc } = s;
      return (ctx) => {
        let first = true;
        return driveLoop(ctx, loc, 
          () => {
            if (first) return !(first = false);
            return truth(test(ctx), loc);
          },
          () => body(ctx),
        );
      };
    }
    case 'switch':
      return compileSwitch(c, s);
    case 'break':
      return () => Signal.Break;
    case 'continue':
      return () => Signal.Continue;
    case 'return': {
      const v = s.value ? c.expr(s.value, { async: true }) : undefined;
      return (ctx) => {
        if (!v) return Signal.Return;
        const r = v(ctx);
        if (isThenable(r)) {
          return (r as Promise<unknown>).then((x) => {
            ctx.returnValue = x;
            return Signal.Return;
          });
        }
        ctx.returnValue = r;
        return Signal.Return;
      };
    }
    case 'try':
      return compileTry(c, s.body, s.catches, s.finally);
    case 'throw': {
      const v = s.value ? c.expr(s.value) : undefined;
      const { loc } = s;
      return (ctx) => {
        const val = v?.(ctx);
        throw val instanceof Struct || val instanceof CfmlError ? customError({ object: val }, loc) : customError({ message: val }, loc);
      };
    }
    case 'rethrow':
      return rethrowExec(s.loc);
    case 'funcdecl':
      return NORMAL; // hoisted: defined before the template runs
    case 'staticblock':
      throw new CfmlError('a static block is only allowed directly inside a component', { type: 'Template', loc: s.loc });
    case 'retry':
      return retryExec(s.loc);
    case 'abort': {
      const { loc } = s;
      return () => {
        throw new AbortPage(loc);
      };
    }
  }
}

function exprExec(c: Compiler, e: A.Expr): Exec {
  const f = c.expr(e);
  return (ctx) => {
    f(ctx);
    return Signal.Normal;
  };
}

function truth(v: unknown, loc: SourceLoc): boolean {
  try {
    return toBool(v);
  } catch (err) {
    throw toCfmlError(err, loc);
  }
}

/** `var x = 1`: declares in the function's local scope (variables outside a function). */
export function compileVar(c: Compiler, target: A.Expr, value: A.Expr | undefined, loc: SourceLoc): Exec {
  const v = value ? c.expr(value, { async: true }) : () => null;
  if (target.kind === 'var' || (target.kind === 'member' && target.object.kind === 'scope' && target.object.scope === 'local')) {
    const { lower, name } = target;
    const key = name.toUpperCase();
    return (ctx) => {
      const scope = ctx.frame ? ctx.frame.local : ctx.variables;
      const r = v(ctx);
      if (isThenable(r)) return (r as Promise<unknown>).then((x) => (scope.setLower(lower, key, x), Signal.Normal));
      scope.setLower(lower, key, r);
      return Signal.Normal;
    };
  }
  const set = c.setter(target);
  return (ctx) => {
    set(ctx, v(ctx));
    return Signal.Normal;
  };
}

function compileForIn(c: Compiler, s: A.ForInStmt): Exec {
  const obj = c.expr(s.object, { ref: true });
  const target = s.target;
  const set = s.isVar && target.kind === 'var'
    ? (ctx: Ctx, v: unknown) => (ctx.frame ? ctx.frame.local : ctx.variables).setLower(target.lower, target.name.toUpperCase(), v)
    : c.setter(target);
  const body = c.stmt(s.body);
  const { loc } = s;
  return (ctx) => {
    const o = obj(ctx);
    if (o instanceof Query) {
      // for (row in query): row is a struct of the current row
      let i = 0;
      const saved = o.currentRow;
      return driveLoop(ctx, loc, 
        () => {
          if (++i > o.recordCount) return false;
          o.currentRow = i;
          const row = new Struct();
          for (const [k, v] of Object.entries(o.row(i))) row.set(k, v);
          set(ctx, row);
          return true;
        },
        () => body(ctx),
        () => (o.currentRow = saved),
      );
    }
    let items: unknown[];
    if (Array.isArray(o)) items = o;
    else if (o instanceof Struct) items = o.keys();
    else if (typeof o === 'string') items = o.split(',').filter((x) => x !== '');
    else throw expressionError(`can't loop over a ${typeName(o)} with for-in`, { loc });
    let i = 0;
    const snapshot = items.slice();
    return driveLoop(ctx, loc, 
      () => {
        if (i >= snapshot.length) return false;
        set(ctx, snapshot[i++]);
        return true;
      },
      () => body(ctx),
    );
  };
}

function compileSwitch(c: Compiler, s: A.SwitchStmt): Exec {
  const subject = c.expr(s.subject);
  const cases = s.cases.map((k) => ({ values: k.values.map((v) => c.expr(v)), isDefault: k.isDefault }));
  const bodies = s.cases.map((k) => k.body.map((st) => c.stmt(st)));
  // fall-through: a matching case runs its body and every later one until break
  const flat: Exec[] = [];
  const starts: number[] = [];
  for (const b of bodies) {
    starts.push(flat.length);
    flat.push(...b);
  }
  return (ctx) => {
    const v = subject(ctx);
    let start = -1;
    for (let i = 0; i < cases.length && start < 0; i++) {
      for (const cv of cases[i]!.values) {
        if (compareValues(v, cv(ctx)) === 0) {
          start = starts[i]!;
          break;
        }
      }
    }
    if (start < 0) {
      const d = cases.findIndex((k) => k.isDefault);
      if (d < 0) return Signal.Normal;
      start = starts[d]!;
    }
    const r = runBlock(flat, ctx, start);
    const fix = (sig: Signal) => (sig === Signal.Break ? Signal.Normal : sig);
    return isThenable(r) ? (r as Promise<Signal>).then(fix) : fix(r as Signal);
  };
}

export interface CatchSpec {
  type: string;
  varName: string;
  body: Exec;
}

/**
 * try / catch / finally for tags and script alike. The caught error is visible as the catch
 * variable (and as `cfcatch` for tags) and kept on a stack so rethrow throws the original.
 */
export function compileTryExecs(body: Exec, catches: CatchSpec[], fin: Exec | undefined): Exec {
  return (ctx) => {
    const attempt = (): MaybePromise<Signal> => {
      // set when the catch block ends with cfretry / `retry;`: the try block runs again
      let again = false;
      const r = tryCatch(
        () => body(ctx),
        (e): MaybePromise<Signal> => {
          if (e instanceof AbortPage) throw e;
          const err = toCfmlError(e);
          const handler = catches.find((k) => catchMatches(k.type, err));
          if (!handler) throw err;
          const value = cfcatchStruct(err);
          const scope = ctx.frame ? ctx.frame.local : ctx.variables;
          const key = handler.varName.toLowerCase();
          const prev = scope.getLower(key);
          scope.setLower(key, handler.varName, value);
          // Lucee also shows the error as `cfcatch` inside a script `catch (any e)` block
          const prevCfcatch = key === 'cfcatch' ? undefined : scope.getLower('cfcatch');
          if (key !== 'cfcatch') scope.setLower('cfcatch', 'cfcatch', value);
          ctx.catching.push(err);
          const done = tryFinally(
            () => handler.body(ctx),
            () => {
              ctx.catching.pop();
              if (key === 'cfcatch') {
                if (prev === undefined) scope.delete(key);
                else scope.setLower(key, handler.varName, prev);
              } else if (prevCfcatch === undefined) scope.delete('cfcatch');
              else scope.setLower('cfcatch', 'cfcatch', prevCfcatch);
            },
          );
          return andThen(done, (sig) => {
            if (sig !== Signal.Retry) return sig;
            again = true;
            return Signal.Normal;
          });
        },
      );
      return andThen(r, (sig) => (again ? attempt() : sig));
    };
    if (!fin) return attempt();
    const finallyAfterError = (e: unknown): MaybePromise<Signal> => {
      const f = fin(ctx);
      if (isThenable(f)) return (f as Promise<Signal>).then(() => Promise.reject(e));
      throw e;
    };
    const runFinally = (sig: Signal): MaybePromise<Signal> => {
      const f = fin(ctx);
      return isThenable(f) ? (f as Promise<Signal>).then((fs) => (fs !== Signal.Normal ? fs : sig)) : f !== Signal.Normal ? f : sig;
    };
    let r: MaybePromise<Signal>;
    try {
      r = attempt();
    } catch (e) {
      return finallyAfterError(e);
    }
    if (isThenable(r)) return (r as Promise<Signal>).then(runFinally, finallyAfterError);
    return runFinally(r as Signal);
  };
}

function compileTry(c: Compiler, body: A.Stmt[], catches: A.CatchClause[], fin: A.Stmt[] | undefined): Exec {
  return compileTryExecs(
    c.block(body),
    catches.map((k) => ({ type: k.type, varName: k.varName, body: c.block(k.body) })),
    fin ? c.block(fin) : undefined,
  );
}

/** cfretry / `retry;`: only inside a catch block, where it makes the try block run again. */
export function retryExec(loc: SourceLoc): Exec {
  return (ctx) => {
    if (!ctx.catching.length) throw new CfmlError('retry is only valid inside a catch block', { type: 'Application', loc });
    return Signal.Retry;
  };
}

/** rethrow: throws the error of the innermost catch block, unchanged. */
export function rethrowExec(loc: SourceLoc): Exec {
  return (ctx) => {
    const err = ctx.catching[ctx.catching.length - 1];
    if (!err) throw new CfmlError('rethrow is only valid inside a catch block', { type: 'Application', loc });
    throw err;
  };
}
