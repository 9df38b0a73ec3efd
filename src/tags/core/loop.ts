import { defineTag, Signal, type Eval, type MaybePromise } from '../types.js';
import type { Ctx } from '../../runtime/context.js';
import { continueLoop, driveLoop, labelSignal, loopAction } from '../../runtime/maybe.js';
import { toBool, toNum, toStr, typeName } from '../../runtime/cast.js';
import { expressionError, toCfmlError, ParseError } from '../../runtime/errors.js';
import { parser } from '../../parser/load.js';
import { Struct } from '../../runtime/struct.js';
import { Query, QueryColumnRef } from '../../runtime/query.js';
import { groupRanges, resolveQuery, type GroupState } from './query-source.js';
import type { Compiler } from '../../runtime/compiler.js';
import type { TagNode } from '../../parser/ast.js';
import { splitList } from '../../runtime/functions/list-util.js';

const FORMS = ['from', 'condition', 'list', 'array', 'collection', 'struct', 'query', 'times'] as const;

/** A setter for a loop variable named by a literal attribute (`index="i"`), built once. */
function varSetter(c: Compiler, node: TagNode, name: string): ((ctx: Ctx, v: unknown) => void) | undefined {
  const a = node.attrs.find((x) => x.lower === name);
  if (!a) return undefined;
  if (a.value.kind === 'lit') return c.engine.setterFor(String(a.value.value), a.loc);
  const e = c.expr(a.value);
  return (ctx, v) => c.engine.setterFor(toStr(e(ctx)), a.loc)(ctx, v);
}

export const loopTag = defineTag({
  name: 'loop',
  body: 'required',
  attrs: [
    { name: 'index' }, { name: 'item' }, { name: 'from' }, { name: 'to' }, { name: 'step' }, { name: 'condition' },
    { name: 'list' }, { name: 'delimiters' }, { name: 'array' }, { name: 'collection' }, { name: 'query' },
    { name: 'startrow' }, { name: 'endrow' }, { name: 'maxrows' }, { name: 'times' }, { name: 'group' }, { name: 'label' },
    { name: 'characters' }, { name: 'file' },
    // collection loops (Lucee): `struct` names the collection, `key` and `value` alias index and item
    { name: 'struct' }, { name: 'key' }, { name: 'value' },
  ],
  check(node, api) {
    const forms = FORMS.filter((f) => node.attrs.some((a) => a.lower === f));
    if (forms.length === 0 && !node.attrs.length) return; // the detail loop of a grouped query loop
    if (forms.length === 0) throw api.error('cfloop needs one of the attributes [from/to, condition, list, array, collection, query, times]');
    if (forms[0] === 'from' && !node.attrs.some((a) => a.lower === 'to')) throw api.error('Attribute [to] is required for cfloop with [from]');
    if ((forms[0] === 'from' || forms[0] === 'list') && !node.attrs.some((a) => a.lower === 'index' || a.lower === 'item')) {
      throw api.error(`Attribute [index] is required for cfloop with [${forms[0]}]`);
    }
  },
  compile(node, c) {
    const body = c.block(node.body);
    const attr = (n: string, ref = false): Eval | undefined => {
      const a = node.attrs.find((x) => x.lower === n);
      return a ? c.expr(a.value, { ref }) : undefined;
    };
    const collectionLoop = node.attrs.some((a) => a.lower === 'collection' || a.lower === 'struct');
    const index = varSetter(c, node, 'index') ?? (collectionLoop ? varSetter(c, node, 'key') : undefined);
    const item = varSetter(c, node, 'item') ?? (collectionLoop ? varSetter(c, node, 'value') : undefined);
    const loc = node.loc;
    const guard = <T>(f: () => T): T => {
      try {
        return f();
      } catch (e) {
        throw toCfmlError(e, loc);
      }
    };
    const has = (n: string) => node.attrs.some((a) => a.lower === n);
    const label = literalAttr(node, 'label');

    if (has('from')) {
      const from = attr('from')!;
      const to = attr('to')!;
      const step = attr('step');
      const setIndex = (index ?? item)!;
      return (ctx) => {
        const [a, b, s] = guard(() => [toNum(from(ctx)), toNum(to(ctx)), step ? toNum(step(ctx)) : 1]);
        if (s === 0) throw expressionError('the attribute [step] of cfloop must not be 0', { loc });
        // Lucee: the index is set to `from` even when the body never runs, and to each next value
        // before the test, so after the loop it holds the first value past `to`; the counter is
        // private, so assigning the index in the body does not change the iterations.
        let i = a;
        setIndex(ctx, i);
        const more = () => (s > 0 ? i <= b : i >= b);
        // the iterations run inline while the body stays synchronous (no closure per step)
        while (more()) {
          ctx.tick(loc);
          const r = body(ctx);
          if (typeof r !== 'number') {
            const next = () => {
              i += s;
              setIndex(ctx, i);
              return more();
            };
            return continueLoop(ctx, loc, r, next, () => body(ctx), label);
          }
          if (r !== Signal.Normal && r !== Signal.Continue) {
            const k = loopAction(r, label);
            if (k === 'break') break;
            if (k === 'up') return r;
          }
          i += s;
          setIndex(ctx, i);
        }
        return Signal.Normal;
      };
    }
    if (has('times')) {
      const times = attr('times')!;
      const setIndex = index ?? item;
      return (ctx) => {
        const n = guard(() => toNum(times(ctx)));
        let i = 0;
        return driveLoop(ctx, loc, () => {
          if (++i > n) return false;
          setIndex?.(ctx, i);
          return true;
        }, () => body(ctx), undefined, label);
      };
    }
    if (has('condition')) {
      const cond = conditionEval(c, node);
      return (ctx) => driveLoop(ctx, loc, () => guard(() => toBool(cond(ctx))), () => body(ctx), undefined, label);
    }
    if (has('list')) {
      const list = attr('list')!;
      const delims = attr('delimiters');
      const set = (index ?? item)!;
      return (ctx) => {
        const items = guard(() => splitList(toStr(list(ctx)), delims ? toStr(delims(ctx)) : ','));
        let i = 0;
        return driveLoop(ctx, loc, () => {
          if (i >= items.length) return false;
          set(ctx, items[i++]);
          return true;
        }, () => body(ctx), undefined, label);
      };
    }
    if (has('array')) {
      const arr = attr('array', true)!;
      return (ctx) => {
        let a = arr(ctx);
        if (a instanceof QueryColumnRef) a = a.values();
        if (!Array.isArray(a)) throw expressionError(`the attribute [array] of cfloop must be an array, not a ${typeName(a)}`, { loc });
        const items = a;
        let i = 0;
        return driveLoop(ctx, loc, () => {
          if (i >= items.length) return false;
          const v = items[i++];
          // index alone is the value (old code); with item, item is the value and index the position
          if (item) {
            item(ctx, v);
            index?.(ctx, i);
          } else index?.(ctx, v);
          return true;
        }, () => body(ctx), undefined, label);
      };
    }
    if (collectionLoop) {
      const coll = (attr('collection') ?? attr('struct'))!;
      return (ctx) => {
        const s = coll(ctx);
        let keys: string[];
        let get: (k: string) => unknown;
        if (s instanceof Struct) {
          keys = s.keys();
          get = (k) => s.get(k);
        } else if (Array.isArray(s)) {
          keys = s.map((_, i) => String(i + 1));
          get = (k) => s[Number(k) - 1];
        } else throw expressionError(`the attribute [collection] of cfloop must be a struct, not a ${typeName(s)}`, { loc });
        let i = 0;
        return driveLoop(ctx, loc, () => {
          if (i >= keys.length) return false;
          const k = keys[i++]!;
          // item is the key; with index too, index is the key and item the value (Lucee)
          if (index && item) {
            index(ctx, k);
            item(ctx, get(k));
          } else (item ?? index)?.(ctx, k);
          return true;
        }, () => body(ctx), undefined, label);
      };
    }
    if (has('query')) {
      const query = attr('query', true)!;
      const start = attr('startrow');
      const end = attr('endrow');
      const max = attr('maxrows');
      const group = attr('group');
      return (ctx) => {
        const q = guard(() => resolveQuery(ctx, query(ctx), (n) => c.engine.getterFor(n, loc)(ctx), loc));
        const from = start ? Math.max(1, guard(() => toNum(start(ctx)))) : 1;
        let to = end ? Math.min(q.recordCount, guard(() => toNum(end(ctx)))) : q.recordCount;
        if (max) to = Math.min(to, from + guard(() => toNum(max(ctx))) - 1);
        if (group) return groupedLoop(ctx, q, guard(() => toStr(group(ctx))), from, to, () => body(ctx), label);
        const saved = q.currentRow;
        ctx.queries.push(q);
        let row = from - 1;
        return driveLoop(ctx, loc, 
          () => {
            if (++row > to) return false;
            q.currentRow = row;
            index?.(ctx, row);
            return true;
          },
          () => body(ctx),
          () => {
            ctx.queries.pop();
            q.currentRow = saved;
          },
          label,
        );
      };
    }
    // `<cfloop>` with no attributes: the rows of the current group of a grouped query loop
    return (ctx) => {
      const g = loopGroups(ctx)[loopGroups(ctx).length - 1];
      if (!g || !g.active) throw expressionError('a <cfloop> without attributes is only valid inside <cfloop query=... group=...>', { loc });
      g.active = false;
      const q = g.query;
      let row = g.from - 1;
      return driveLoop(ctx, loc, 
        () => {
          if (++row > g.to) return false;
          q.currentRow = row;
          return true;
        },
        () => body(ctx),
        () => {
          g.active = true;
          q.currentRow = g.to;
        },
        label,
      );
    };
  },
});

function loopGroups(ctx: Ctx): GroupState[] {
  let s = ctx.locals.get('loop.groups') as GroupState[] | undefined;
  if (!s) ctx.locals.set('loop.groups', (s = []));
  return s;
}

/** `<cfloop query group>`: one pass per run of equal values; a plain inner `<cfloop>` walks the run's rows. */
function groupedLoop(ctx: Ctx, q: Query, col: string, from: number, to: number, body: () => MaybePromise<Signal>, label: string | undefined): MaybePromise<Signal> {
  const ranges = groupRanges(q, col, from, to, false);
  const stack = loopGroups(ctx);
  const saved = q.currentRow;
  ctx.queries.push(q);
  let gi = 0;
  let state: GroupState | undefined;
  return driveLoop(ctx, undefined, 
    () => {
      if (state) stack.pop();
      state = undefined;
      if (gi >= ranges.length) return false;
      const [a, b] = ranges[gi++]!;
      q.currentRow = a;
      state = { query: q, from: a, to: b, active: true };
      stack.push(state);
      return true;
    },
    body,
    () => {
      if (state) stack.pop();
      ctx.queries.pop();
      q.currentRow = saved;
    },
    label,
  );
}

/** A literal attribute's text (`label="outer"`), undefined when absent. */
function literalAttr(node: TagNode, name: string): string | undefined {
  const a = node.attrs.find((x) => x.lower === name);
  return a && a.value.kind === 'lit' ? String(a.value.value) : undefined;
}

/**
 * The `condition` attribute of cfloop/cfwhile: a literal is an expression written as a string,
 * parsed once here; `condition="#x LT 5#"` is evaluated again before each iteration.
 */
function conditionEval(c: Compiler, node: TagNode): Eval {
  const a = node.attrs.find((x) => x.lower === 'condition')!;
  if (a.value.kind === 'lit') {
    const text = String(a.value.value);
    try {
      return c.expr(parser().parseExpression(text, { file: a.loc.file, line: a.loc.line, col: a.loc.col }));
    } catch (e) {
      throw e instanceof ParseError ? e : toCfmlError(e, a.loc);
    }
  }
  const dyn = c.expr(a.value);
  const loc = node.loc;
  return (ctx) => {
    const v = dyn(ctx);
    return typeof v === 'boolean' ? v : c.engine.evaluate(ctx, toStr(v), loc);
  };
}

/** `<cfwhile condition="i LT 5">` (Lucee): cfloop's condition form as its own tag. */
export const whileTag = defineTag({
  name: 'while',
  body: 'required',
  attrs: [{ name: 'condition', required: true }, { name: 'label' }],
  compile(node, c) {
    const body = c.block(node.body);
    const cond = conditionEval(c, node);
    const label = literalAttr(node, 'label');
    const loc = node.loc;
    return (ctx) =>
      driveLoop(ctx, loc, 
        () => {
          try {
            return toBool(cond(ctx));
          } catch (e) {
            throw toCfmlError(e, loc);
          }
        },
        () => body(ctx),
        undefined,
        label,
      );
  },
});

/**
 * cfbreak / cfcontinue; a label names the loop to leave (`<cfbreak outerLoop>` as in Lucee,
 * or `label="outerLoop"`).
 */
function loopExit(kind: 'break' | 'continue') {
  return defineTag({
    name: kind,
    anyAttrs: true,
    attrs: [{ name: 'label' }],
    check(node, api) {
      if (node.attrs.length > 1) throw api.error(`cf${kind} takes at most one label`);
      const a = node.attrs[0];
      if (a && a.lower !== 'label' && !(a.value.kind === 'lit' && a.value.value === '')) throw api.error(`Attribute [${a.name}] is not allowed for tag [cf${kind}]`, a.loc);
      if (a && a.lower === 'label' && a.value.kind !== 'lit') throw api.error(`the label of cf${kind} must be a literal name`, a.loc);
    },
    compile(node) {
      const a = node.attrs[0];
      if (!a) return () => (kind === 'break' ? Signal.Break : Signal.Continue);
      const v = String((a.value as { value: unknown }).value);
      const sig = labelSignal(a.lower === 'label' && v !== '' ? v : a.name, kind);
      return () => sig;
    },
  });
}

export const breakTag = loopExit('break');
export const continueTag = loopExit('continue');
