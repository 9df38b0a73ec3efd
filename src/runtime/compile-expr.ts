import type * as A from '../parser/ast.js';
import type { Eval } from '../tags/types.js';
import type { Ctx } from './context.js';
import type { Compiler } from './compiler.js';
import { Struct, type Entry } from './struct.js';
import { Query, QueryColumnRef } from './query.js';
import { CfFunction } from './function-value.js';
import { ControlSignal, expressionError, toCfmlError } from './errors.js';
import { simple, toBool, toNum, toStr, typeName } from './cast.js';
import { BINARY } from './ops.js';
import { childContainer, getKey, setKey } from './access.js';
import { invokeBuiltin } from './functions/invoke.js';
import type { FunctionDef, MemberReceiver } from './functions/types.js';
import { isThenable } from './maybe.js';
import { intern } from './intern.js';
import { tagCallAttrs } from '../parser/expr-parser.js';

export interface ExprOpts {
  /** Missing variables and keys read as undefined instead of throwing (isNull, ?:, ?.). */
  soft?: boolean;
  /** Keep `q.col` as a column reference (index, function argument). */
  ref?: boolean;
  /** A UDF call may return a promise (statement level only). */
  async?: boolean;
}

export type Setter = (ctx: Ctx, value: unknown) => void;

const undefinedVar = (name: string, loc: A.SourceLoc) => expressionError(`variable [${name}] doesn't exist`, { loc, code: 'CF2002' });

export function compileExpr(c: Compiler, e: A.Expr, o: ExprOpts = {}): Eval {
  switch (e.kind) {
    case 'lit': {
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
        if (v === undefined || v === null) throw undefinedVar(name, loc);
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
          throw expressionError(`variable [${name}] doesn't exist in scope [${(e.object as A.ScopeRef).scope}]`, { loc, code: 'CF2002' });
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
    case 'invoke': {
      const typed = typedArrayNew(c, e);
      if (typed) return compileCall(c, typed, o);
      const callee = compileExpr(c, e.callee);
      const args = compileArgs(c, e.args);
      const { loc } = e;
      return (ctx) => {
        const f = callee(ctx);
        if (!(f instanceof CfFunction)) throw expressionError(`a ${typeName(f)} is not a function and can't be called`, { loc });
        const pos = args.positional(ctx);
        const nm = args.named(ctx);
        return udfResult(ctx, () => c.callFunction(ctx, f, pos, nm, loc), o, loc);
      };
    }
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
      const a = compileExpr(c, e.left, { soft: true });
      const b = compileExpr(c, e.right, o);
      return (ctx) => {
        const v = a(ctx);
        return v === undefined || v === null ? b(ctx) : v;
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

/** Runs a cast and puts the expression's location on its error. */
function wrap<T>(f: () => T, loc: A.SourceLoc): T {
  try {
    return f();
  } catch (err) {
    throw toCfmlError(err, loc);
  }
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

interface CompiledArgs {
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
    return { positional: (ctx) => fs.map((f) => f(ctx)), named: () => undefined, isNamed };
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

function callBuiltin(c: Compiler, def: FunctionDef, args: CompiledArgs, loc: A.SourceLoc): Eval {
  return (ctx) => {
    const fc = c.fnContext(ctx, loc);
    try {
      return invokeBuiltin(def, fc, args.positional(ctx), args.named(ctx));
    } catch (err) {
      throw toCfmlError(err, loc);
    }
  };
}

function compileCall(c: Compiler, e: A.Call, o: ExprOpts): Eval {
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
    return callBuiltin(c, def, args, loc);
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
      throw expressionError(`No matching function [${name.toUpperCase()}] found`, { loc, code: 'CF2003' });
    }
    throw expressionError(`[${name}] is a ${typeName(f)}, not a function`, { loc });
  };
}

/**
 * `cfheader(name="X", value="1")`: a call of `cf` + a registered tag name (with no built-in
 * function of that name) runs the tag, the named arguments being its attributes.
 */
function tagCall(c: Compiler, e: A.Call, o: ExprOpts): Eval | undefined {
  if (!/^cf[a-z]/.test(e.lower) || !c.engine.tags.get(e.lower.slice(2))) return undefined;
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

const RECEIVERS: MemberReceiver[] = ['string', 'numeric', 'boolean', 'date', 'array', 'struct', 'query', 'function', 'list'];

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
  return [];
}

function compileMemberCall(c: Compiler, e: A.MemberCall, o: ExprOpts): Eval {
  const obj = compileExpr(c, e.object, { soft: e.safe, ref: true });
  const args = compileArgs(c, e.args);
  const { lower, name, loc } = e;
  // Bound once: which built-in each receiver type maps this method name to.
  const table = new Map<MemberReceiver, ReturnType<typeof c.engine.functions.member>>();
  for (const t of RECEIVERS) table.set(t, c.engine.functions.member(t, lower));
  return (ctx) => {
    let self = obj(ctx);
    if (e.safe && (self === undefined || self === null)) return undefined;
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
    throw expressionError(`No matching member function [${name}] found for a ${typeName(self)}`, { loc, code: 'CF2004' });
  };
}

function compileAssign(c: Compiler, e: A.Assign, o: ExprOpts): Eval {
  const set = compileSetter(c, e.target);
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
  const get = compileExpr(c, e.target);
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
