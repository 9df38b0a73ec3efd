import type * as A from '../parser/ast.js';
import type { Eval } from './exec.js';
import type { Ctx } from './context.js';
import type { Compiler } from './compiler.js';
import { Struct, type Entry } from './struct.js';
import { QueryColumnRef } from './query.js';
import { ErrorCode, elvisAbsorbs, expressionError, toCfmlError, type SourceLoc } from './errors.js';
import { toBool, toNum, toStr, typeName } from './cast.js';
import { BINARY } from './ops.js';
import { childContainer, getKey, setKey } from './access.js';
import { isThenable } from './maybe.js';
import { intern } from './intern.js';
import { compileCall, compileInvoke, compileMemberCall, compileNew, compileStaticAccess } from './compile-call.js';

export interface ExprOpts {
  /** Missing variables and keys read as undefined instead of throwing (isNull, ?:, ?.). */
  soft?: boolean;
  /** Keep `q.col` as a column reference (index, function argument). */
  ref?: boolean;
  /** A UDF call may return a promise (statement level only). */
  async?: boolean;
}

export type Setter = (ctx: Ctx, value: unknown) => void;

const undefinedVar = (name: string, loc: A.SourceLoc) => expressionError(`variable [${name}] doesn't exist`, { loc, code: ErrorCode.UndefinedVariable });

export function compileExpr(c: Compiler, e: A.Expr, o: ExprOpts = {}): Eval {
  switch (e.kind) {
    case 'lit': {
      const v = e.value;
      return () => v;
    }
    case 'const': {
      const v = e.value;
      return () => v;
    }
    case 'interp': {
      const parts = e.parts.map((p) => (typeof p === 'string' ? p : compileExpr(c, p)));
      return (ctx) => {
        let s = '';
        for (const p of parts) s += typeof p === 'string' ? p : toStr(p(ctx));
        return s;
      };
    }
    case 'var': {
      const { name, loc } = e;
      const lower = intern(e.lower);
      if (o.soft) return (ctx) => ctx.lookup(lower);
      // Inline cache: outside functions and query loops, a name found in the variables scope is
      // that scope's entry until the struct changes identity or loses entries.
      let cs: Struct | undefined;
      let cv = -1;
      let ce: Entry | undefined;
      return (ctx) => {
        if (ctx.frame === null && ctx.queries.length === 0) {
          const vs = ctx.variables;
          if (vs === cs && vs.version === cv) {
            const cached = ce!.value;
            if (cached !== undefined && cached !== null) return cached;
          } else {
            const en = vs.entryLower(lower);
            if (en && en.value !== undefined && en.value !== null) {
              cs = vs;
              cv = vs.version;
              ce = en;
              return en.value;
            }
          }
        }
        const v = ctx.lookup(lower);
        // with full null support a variable that holds null (a NULL column cell too) reads as null
        if (v === undefined || v === null) {
          if (ctx.fullNullSupport && ctx.holdsNull(lower)) return null;
          throw undefinedVar(name, loc);
        }
        return v;
      };
    }
    case 'scope': {
      const { scope, loc } = e;
      return (ctx) => ctx.scope(scope, loc);
    }
    case 'member': {
      const obj = compileExpr(c, e.object, { soft: o.soft || e.safe, ref: true });
      const { name, loc } = e;
      const lower = intern(e.lower);
      const soft = !!(o.soft || e.safe);
      const ref = !!o.ref;
      if (e.object.kind === 'scope' && e.object.scope !== 'cgi') {
        // `url.x`: a scope read is a plain struct lookup with a variable-style message
        return (ctx) => {
          const s = obj(ctx) as Struct;
          const v = s.getLower(lower);
          if (v !== undefined && v !== null) return v;
          if (soft) return undefined;
          if (ctx.fullNullSupport && s.hasLower(lower)) return null;
          throw expressionError(`variable [${name}] doesn't exist in scope [${(e.object as A.ScopeRef).scope}]`, { loc, code: ErrorCode.UndefinedVariable });
        };
      }
      return (ctx) => {
        const base = obj(ctx);
        if (soft && (base === undefined || base === null)) return undefined;
        const v = getKey(base, name, loc, true, ref, soft);
        return v;
      };
    }
    case 'index': {
      const obj = compileExpr(c, e.object, { soft: o.soft, ref: true });
      const idx = compileExpr(c, e.index);
      const { loc } = e;
      const soft = !!o.soft;
      const ref = !!o.ref;
      return (ctx) => {
        const base = obj(ctx);
        if (soft && (base === undefined || base === null)) return undefined;
        return getKey(base, idx(ctx), loc, false, ref, soft);
      };
    }
    case 'slice':
      return compileSlice(c, e);
    case 'call':
      return compileCall(c, e, o);
    case 'mcall':
      return compileMemberCall(c, e, o);
    case 'invoke':
      return compileInvoke(c, e, o);
    case 'bin':
      return compileBinary(c, e);
    case 'unary': {
      const x = compileExpr(c, e.expr);
      const { loc } = e;
      if (e.op === 'not') return (ctx) => !wrap(() => toBool(x(ctx)), loc);
      if (e.op === '-') return (ctx) => -wrap(() => toNum(x(ctx)), loc);
      return (ctx) => wrap(() => toNum(x(ctx)), loc);
    }
    case 'cond': {
      const t = compileExpr(c, e.test);
      const a = compileExpr(c, e.then, o);
      const b = compileExpr(c, e.else, o);
      const { loc } = e;
      return (ctx) => (wrap(() => toBool(t(ctx)), loc) ? a(ctx) : b(ctx));
    }
    case 'elvis': {
      // the left side yields the right one when it is null or undefined, or when it throws (Lucee)
      const a = compileExpr(c, e.left, { soft: true });
      const b = compileExpr(c, e.right, o);
      const orElse = (ctx: Ctx, v: unknown) => (v === undefined || v === null ? b(ctx) : v);
      const absorb = (ctx: Ctx, err: unknown) => {
        if (!elvisAbsorbs(err)) throw err;
        return b(ctx);
      };
      return (ctx) => {
        let v: unknown;
        try {
          v = a(ctx);
        } catch (err) {
          return absorb(ctx, err);
        }
        if (isThenable(v)) return (v as Promise<unknown>).then((r) => orElse(ctx, r), (err) => absorb(ctx, err));
        return orElse(ctx, v);
      };
    }
    case 'assign':
      return compileAssign(c, e, o);
    case 'update': {
      const get = compileExpr(c, e.target);
      const set = compileSetter(c, e.target);
      const d = e.op === '++' ? 1 : -1;
      const { loc } = e;
      if (e.prefix) {
        return (ctx) => {
          const v = wrap(() => toNum(get(ctx)), loc) + d;
          set(ctx, v);
          return v;
        };
      }
      return (ctx) => {
        const old = wrap(() => toNum(get(ctx)), loc);
        set(ctx, old + d);
        return old;
      };
    }
    case 'struct': {
      const entries = e.entries.map((en) => ({
        key: typeof en.key === 'string' ? en.key : compileExpr(c, en.key),
        value: compileExpr(c, en.value),
      }));
      const ordered = e.ordered;
      return (ctx) => {
        const s = new Struct();
        if (ordered) s.kind = 'ordered';
        for (const en of entries) s.set(typeof en.key === 'string' ? en.key : toStr(en.key(ctx)), en.value(ctx));
        return s;
      };
    }
    case 'array': {
      const items = e.items.map((x) => compileExpr(c, x));
      return (ctx) => items.map((f) => f(ctx));
    }
    case 'func': {
      const make = c.functionFactory(e);
      return (ctx) => make(ctx, true);
    }
    case 'new':
      return compileNew(c, e, o);
    case 'static':
      return compileStaticAccess(c, e, o);
  }
}

/**
 * `arr[from:to:step]`: positions are 1-based and `to` is inclusive; a negative position counts
 * from the end (-1 is the last element); a negative step walks backwards, so `arr[::-1]` is the
 * array reversed. Missing parts default to the whole array in the step's direction.
 */
function compileSlice(c: Compiler, e: A.Slice): Eval {
  const obj = compileExpr(c, e.object, { ref: true });
  const from = e.from ? compileExpr(c, e.from) : undefined;
  const to = e.to ? compileExpr(c, e.to) : undefined;
  const step = e.step ? compileExpr(c, e.step) : undefined;
  const { loc } = e;
  return (ctx) => {
    let a = obj(ctx);
    if (a instanceof QueryColumnRef) a = a.values();
    if (!Array.isArray(a)) throw expressionError(`can't slice a ${typeName(a)}, only arrays can be sliced`, { loc });
    const arr = a;
    const n = arr.length;
    const int = (f: Eval, what: string) => {
      const v = wrap(() => toNum(f(ctx)), loc);
      if (!Number.isInteger(v)) throw expressionError(`the ${what} of a slice must be an integer, not [${toStr(v)}]`, { loc });
      return v;
    };
    const st = step ? int(step, 'step') : 1;
    if (st === 0) throw expressionError('the step of a slice must not be 0', { loc });
    const pos = (v: number) => (v < 0 ? n + v + 1 : v);
    let i = from ? pos(int(from, 'start')) : st > 0 ? 1 : n;
    let end = to ? pos(int(to, 'end')) : st > 0 ? n : 1;
    const out: unknown[] = [];
    if (st > 0) {
      i = Math.max(i, 1);
      end = Math.min(end, n);
      for (; i <= end; i += st) out.push(arr[i - 1]);
    } else {
      i = Math.min(i, n);
      end = Math.max(end, 1);
      for (; i >= end; i += st) out.push(arr[i - 1]);
    }
    return out;
  };
}

/** Runs a cast and puts the expression's location on its error. */
function wrap<T>(f: () => T, loc: A.SourceLoc): T {
  try {
    return f();
  } catch (err) {
    throw toCfmlError(err, loc);
  }
}

function compileBinary(c: Compiler, e: A.Binary): Eval {
  const l = compileExpr(c, e.left);
  const r = compileExpr(c, e.right);
  const { loc, op } = e;
  if (op === 'and') return (ctx) => wrap(() => toBool(l(ctx)) && toBool(r(ctx)), loc);
  if (op === 'or') return (ctx) => wrap(() => toBool(l(ctx)) || toBool(r(ctx)), loc);
  const f = BINARY[op]!;
  const fast = NUMERIC_FAST[op];
  if (fast && e.right.kind === 'lit' && typeof e.right.value === 'number') {
    // `i mod 3`, `n + 1`: a literal number on the right needs no closure call
    const k = e.right.value;
    return (ctx) => {
      const a = l(ctx);
      if (typeof a === 'number') return fast(a, k);
      try {
        return f(a, k);
      } catch (err) {
        throw toCfmlError(err, loc);
      }
    };
  }
  if (fast) {
    // the hot path of loops: two numbers need no cast and no comparison rules
    return (ctx) => {
      const a = l(ctx);
      const b = r(ctx);
      if (typeof a === 'number' && typeof b === 'number') return fast(a, b);
      try {
        return f(a, b);
      } catch (err) {
        throw toCfmlError(err, loc);
      }
    };
  }
  return (ctx) => {
    const a = l(ctx);
    const b = r(ctx);
    try {
      return f(a, b);
    } catch (err) {
      throw toCfmlError(err, loc);
    }
  };
}

const NUMERIC_FAST: Partial<Record<A.BinaryOp, (a: number, b: number) => unknown>> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  mod: (a, b) => (b === 0 ? BINARY.mod!(a, b) : a % b),
  eq: (a, b) => a === b,
  neq: (a, b) => a !== b,
  gt: (a, b) => a > b,
  gte: (a, b) => a >= b,
  lt: (a, b) => a < b,
  lte: (a, b) => a <= b,
};

function compileAssign(c: Compiler, e: A.Assign, o: ExprOpts): Eval {
  const set = e.dynamicName ? dynamicSetter(c, e.target, e.loc) : compileSetter(c, e.target);
  const value = compileExpr(c, e.value, { async: o.async });
  const { loc } = e;
  if (e.op === '=') {
    if (o.async) {
      return (ctx) => {
        const v = value(ctx);
        if (isThenable(v)) return (v as Promise<unknown>).then((r) => (set(ctx, r), r));
        set(ctx, v);
        return v;
      };
    }
    return (ctx) => {
      const v = value(ctx);
      set(ctx, v);
      return v;
    };
  }
  const get = e.dynamicName ? dynamicGetter(c, e.target, e.loc) : compileExpr(c, e.target);
  const op = e.op === '&=' ? '&' : e.op === '%=' ? 'mod' : (e.op[0] as '+' | '-' | '*' | '/');
  const f = BINARY[op]!;
  return (ctx) => {
    let v: unknown;
    try {
      v = f(get(ctx), value(ctx));
    } catch (err) {
      throw toCfmlError(err, loc);
    }
    set(ctx, v);
    return v;
  };
}

/**
 * `"#n#" = v`, `"variables.#n#" = v`, `"a.b[2]" = v`: the string's value names the variable, as
 * in setVariable (Lucee; Adobe documents `<cfset "myVar#i#" = v>` as setVariable("myVar" & i, v)).
 * @throws Expression error when the value is not a variable name (see parseVariableName).
 */
function dynamicSetter(c: Compiler, nameExpr: A.Expr, loc: SourceLoc): Setter {
  const name = compileExpr(c, nameExpr);
  const engine = c.engine;
  return (ctx, v) => engine.setterFor(toStr(name(ctx)), loc)(ctx, v);
}

/** The current value of the variable a dynamic name (see dynamicSetter) names; an error when it is not defined. */
function dynamicGetter(c: Compiler, nameExpr: A.Expr, loc: SourceLoc): Eval {
  const name = compileExpr(c, nameExpr);
  const engine = c.engine;
  return (ctx) => {
    const n = toStr(name(ctx));
    const v = engine.getterFor(n, loc)(ctx);
    if (v === undefined) throw expressionError(`variable [${n}] doesn't exist`, { loc });
    return v;
  };
}

/** Compiles an assignment target into a setter. */
export function compileSetter(c: Compiler, t: A.Expr): Setter {
  switch (t.kind) {
    case 'var': {
      const { name } = t;
      const lower = intern(t.lower);
      const key = name.toUpperCase();
      let cs: Struct | undefined;
      let cv = -1;
      let ce: Entry | undefined;
      return (ctx, v) => {
        if (ctx.frame === null) {
          const vs = ctx.variables;
          if (vs === cs && vs.version === cv) {
            ce!.value = v;
            return;
          }
          vs.setLower(lower, key, v);
          cs = vs;
          cv = vs.version;
          ce = vs.entryLower(lower);
          return;
        }
        ctx.assignTarget(lower).setLower(lower, key, v);
      };
    }
    case 'member': {
      const container = compileContainer(c, t.object);
      const { name, loc } = t;
      return (ctx, v) => setKey(container(ctx), name, v, loc, true, name);
    }
    case 'index': {
      const container = compileContainer(c, t.object);
      const idx = compileExpr(c, t.index);
      const { loc } = t;
      return (ctx, v) => setKey(container(ctx), idx(ctx), v, loc, false);
    }
    case 'scope':
      throw expressionError(`can't assign a value to the scope [${t.scope}]`, { loc: t.loc });
    case 'lit':
    case 'interp': {
      // `<cfset "caller.#name#" = v>`: a string names the variable (Lucee)
      const name = compileExpr(c, t);
      const { loc } = t;
      return (ctx, v) => c.engine.setterFor(toStr(name(ctx)), loc)(ctx, v);
    }
    default:
      throw expressionError('invalid assignment: the left side must be a variable', { loc: t.loc });
  }
}

/** The struct/array/query a target path writes into, creating missing structs along the way. */
function compileContainer(c: Compiler, e: A.Expr): Eval {
  switch (e.kind) {
    case 'scope': {
      const { scope, loc } = e;
      return (ctx) => ctx.scope(scope, loc);
    }
    case 'var': {
      const { name } = e;
      const lower = intern(e.lower);
      const key = name.toUpperCase();
      return (ctx) => {
        const v = ctx.lookup(lower);
        if (v !== undefined && v !== null) return v;
        const s = new Struct();
        ctx.assignTarget(lower).setLower(lower, key, s);
        return s;
      };
    }
    case 'member': {
      const parent = compileContainer(c, e.object);
      const { name, loc } = e;
      return (ctx) => childContainer(parent(ctx), name, loc, true, name);
    }
    case 'index': {
      const parent = compileContainer(c, e.object);
      const idx = compileExpr(c, e.index);
      const { loc } = e;
      return (ctx) => childContainer(parent(ctx), idx(ctx), loc, false);
    }
    default:
      return compileExpr(c, e, { ref: true });
  }
}
