import { Query } from '../../runtime/query.js';
import { expressionError, type SourceLoc } from '../../runtime/errors.js';
import { typeName } from '../../runtime/cast.js';
import type { Ctx } from '../../runtime/context.js';

/** `query="name"` is a variable name (or a query value given as #q#). */
export function resolveQuery(ctx: Ctx, v: unknown, get: (name: string) => unknown, loc: SourceLoc): Query {
  if (v instanceof Query) return v;
  if (typeof v === 'string') {
    const q = get(v);
    if (q instanceof Query) return q;
    if (q === undefined) throw expressionError(`variable [${v}] doesn't exist`, { loc });
    throw expressionError(`[${v}] is not a query but a ${typeName(q)}`, { loc });
  }
  throw expressionError(`the attribute [query] must name a query, not a ${typeName(v)}`, { loc });
}

/** The row ranges of consecutive rows with the same value in `col` within [from, to]. */
export function groupRanges(q: Query, col: string, from: number, to: number, caseSensitive: boolean): [number, number][] {
  const data = q.column(col);
  const norm = (v: unknown) => {
    const s = v instanceof Date ? String(v.getTime()) : String(v ?? '');
    return caseSensitive ? s : s.toLowerCase();
  };
  const out: [number, number][] = [];
  let i = from;
  while (i <= to) {
    const key = norm(data[i - 1]);
    let j = i;
    while (j + 1 <= to && norm(data[j]) === key) j++;
    out.push([i, j]);
    i = j + 1;
  }
  return out;
}

/** The rows a grouped cfoutput hands to the cfoutput nested in its body. */
export interface GroupState {
  query: Query;
  from: number;
  to: number;
  /** False while the nested detail loop runs, so deeper cfoutputs do not loop again. */
  active: boolean;
}

export function groupStack(ctx: Ctx): GroupState[] {
  return ctx.outputGroups as GroupState[];
}
