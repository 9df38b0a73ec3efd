import { defineTag, Signal, type Exec } from '../types.js';
import type { Ctx } from '../../runtime/context.js';
import type { Query } from '../../runtime/query.js';
import { driveLoop } from '../../runtime/maybe.js';
import { toBool, toNum, toStr } from '../../runtime/cast.js';
import { expressionError, toCfmlError, ParseError } from '../../runtime/errors.js';
import { groupRanges, groupStack, resolveQuery, type GroupState } from './query-source.js';
import { outputEncodings } from '../../runtime/compile-stmt.js';

/**
 * cfoutput: `#...#` is live in its body; `encodeFor` (html, htmlattribute, url, javascript, xml, css)
 * encodes each of them (see outputEncodings). With `query` it loops over rows (startrow, maxrows);
 * with `group` it loops over groups, and a cfoutput nested in its body loops over the group's rows.
 */
/** How many query cfoutputs enclose the one being compiled (compilation is synchronous). */
let queryNesting = 0;

export const outputTag = defineTag({
  name: 'output',
  body: 'required',
  interpolates: true,
  attrs: [
    { name: 'query' },
    { name: 'group' },
    { name: 'groupcasesensitive' },
    { name: 'startrow' },
    { name: 'maxrows' },
    { name: 'encodefor' },
  ],
  compile(node, c) {
    // Lucee rejects a query cfoutput inside another query cfoutput (grouped or not) at compile time
    const hasQuery = node.attrs.some((a) => a.lower === 'query');
    if (hasQuery && queryNesting > 0) {
      throw new ParseError('Nesting of tags cfoutput with attribute query is not allowed', node.loc, { detail: 'to loop over the rows of a group, nest a cfoutput without query in a cfoutput with group' });
    }
    if (hasQuery) queryNesting++;
    const encodeFor = node.attrs.find((a) => a.lower === 'encodefor');
    if (encodeFor) outputEncodings.push(c.expr(encodeFor.value));
    let body: Exec;
    try {
      body = c.block(node.body);
    } finally {
      if (hasQuery) queryNesting--;
      if (encodeFor) outputEncodings.pop();
    }
    const attr = (n: string) => {
      const a = node.attrs.find((x) => x.lower === n);
      return a ? c.expr(a.value, { ref: true }) : undefined;
    };
    const query = attr('query');
    const group = attr('group');
    const groupCase = attr('groupcasesensitive');
    const startRow = attr('startrow');
    const maxRows = attr('maxrows');
    const loc = node.loc;
    // the common case, often inside loops: no closure allocated per run
    const plain: Exec = (ctx) => {
      ctx.outputDepth++;
      let r;
      try {
        r = body(ctx);
      } catch (e) {
        ctx.outputDepth--;
        throw e;
      }
      if (typeof r === 'number') {
        ctx.outputDepth--;
        return r;
      }
      return r.finally(() => ctx.outputDepth--);
    };
    return (ctx) => {
      if (!query && !group && ctx.outputGroups.length === 0) return plain(ctx);
      let q: Query;
      const groups = groupStack(ctx);
      const outer = groups[groups.length - 1];
      let from: number;
      let to: number;
      try {
        if (query) {
          q = resolveQuery(ctx, query(ctx), (n) => c.engine.getterFor(n, loc)(ctx), loc);
          from = startRow ? Math.max(1, toNum(startRow(ctx))) : 1;
          to = q.recordCount;
        } else if (outer && outer.active) {
          q = outer.query;
          from = outer.from;
          to = outer.to;
        } else if (group) {
          throw expressionError('the attribute [group] of cfoutput needs the attribute [query]');
        } else return plain(ctx);
      } catch (e) {
        throw toCfmlError(e, loc);
      }
      const max = maxRows ? toNum(maxRows(ctx)) : Infinity;
      const saved = q.currentRow;
      ctx.outputDepth++;
      ctx.queries.push(q);
      const cleanup = () => {
        ctx.outputDepth--;
        ctx.queries.pop();
        q.currentRow = saved;
      };
      if (group) {
        const col = toStr(group(ctx));
        // Lucee: an outer group ignores case unless told; a nested group (no query) respects it
        const cs = groupCase ? toBool(groupCase(ctx)) : !query;
        // Lucee: maxrows limits the rows a group may START on; the last group still runs to its end
        const lastStart = max === Infinity ? to : Math.min(to, from + max - 1);
        const ranges = groupRanges(q, col, from, to, cs).filter(([a]) => a <= lastStart);
        let gi = 0;
        let state: GroupState | undefined;
        return driveLoop(ctx, loc, 
          () => {
            if (state) groups.pop();
            if (gi >= ranges.length) {
              state = undefined;
              return false;
            }
            const [a, b] = ranges[gi++]!;
            q.currentRow = a;
            state = { query: q, from: a, to: b, active: true };
            groups.push(state);
            return true;
          },
          () => body(ctx),
          () => {
            if (state) groups.pop();
            cleanup();
          },
        );
      }
      if (outer && outer.active && !query) outer.active = false;
      const last = Math.min(to, max === Infinity ? to : from + max - 1);
      let row = from - 1;
      return driveLoop(ctx, loc, 
        () => {
          if (++row > last) return false;
          q.currentRow = row;
          return true;
        },
        () => body(ctx),
        () => {
          if (outer && !query) outer.active = true;
          cleanup();
          if (outer && !query) q.currentRow = outer.to;
        },
      );
    };
  },
});

export type { Ctx };
