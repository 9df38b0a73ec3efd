/**
 * Runs a parsed query-of-queries SELECT against a Query, as Lucee does: comparisons follow the
 * CFML rules (numbers by value, strings case-insensitively), LIKE is case-insensitive with `%`,
 * `_` and `[a-z]` sets, NULL cells are null. Rows go through WHERE, GROUP BY / aggregates,
 * HAVING, DISTINCT, ORDER BY, then TOP/LIMIT/maxrows.
 */
import { Query } from '../query.js';
import { toBool, toStr, tryNum } from '../cast.js';
import { compareValues } from '../compare.js';
import { AGGREGATES, parseSelect, sqlError, type SelectStmt, type SqlExpr } from './parse.js';
import { BoundedMap } from '../bounded-map.js';
import { safeRegExp } from '../safe-regex.js';
import { CfmlError } from '../errors.js';

/** A bound parameter: a value, or several for `IN (?)` with list="true". */
export interface QoqParam {
  value: unknown;
  list?: boolean;
  isNull?: boolean;
}

export interface QoqInput {
  sql: string;
  /** Positional (`?`) parameters in order. */
  positional?: QoqParam[];
  /** Named (`:name`) parameters, lower-case names. */
  named?: Map<string, QoqParam>;
  /** Finds the query named after FROM. */
  table(name: string): unknown;
  maxrows?: number;
}

interface Scope {
  q: Query;
  row: number;
  /** The rows of the group being evaluated (aggregates), when grouping. */
  group?: number[];
}

interface Unit {
  row: number;
  group?: number[];
  values: unknown[];
}

const isNull = (v: unknown) => v === null || v === undefined;

export function runQueryOfQueries(input: QoqInput): Query {
  const stmt = parseSelect(input.sql);
  return execute(stmt, input);
}

function execute(stmt: SelectStmt, input: QoqInput): Query {
  const { sql } = input;
  const fail = (m: string) => sqlError(m, sql);
  const src = input.table(stmt.from.name);
  if (!(src instanceof Query)) {
    if (src === undefined || src === null) throw fail(`the query [${stmt.from.name}] named after FROM doesn't exist`);
    throw fail(`[${stmt.from.name}] after FROM is not a query`);
  }
  const q = src;
  const tableNames = new Set([stmt.from.name.toLowerCase(), stmt.from.name.split('.').pop()!.toLowerCase(), ...(stmt.from.alias ? [stmt.from.alias.toLowerCase()] : [])]);

  // parameters
  const param = (e: Extract<SqlExpr, { k: 'param' }>): QoqParam => {
    if (e.name !== undefined) {
      const p = input.named?.get(e.name.toLowerCase());
      if (!p) throw fail(`no value given for the parameter [:${e.name}]`);
      return p;
    }
    const p = input.positional?.[e.pos!];
    if (!p) throw fail(`not enough parameters: the statement has ${stmt.positional} [?] placeholders but ${input.positional?.length ?? 0} values were given`);
    return p;
  };

  // the output columns (a `*` expands to the query's columns)
  interface OutCol {
    name: string;
    expr: SqlExpr;
    type?: string;
  }
  const out: OutCol[] = [];
  stmt.items.forEach((it, i) => {
    if (it.star) for (const c of q.columns) out.push({ name: c, expr: { k: 'col', name: c }, type: q.types.get(c.toLowerCase()) });
    else {
      const name = it.alias ?? (it.expr.k === 'col' ? it.expr.name : `column_${i}`);
      out.push({ name, expr: it.expr, type: it.expr.k === 'col' ? q.types.get(it.expr.name.toLowerCase()) : undefined });
    }
  });
  const seenNames = new Set<string>();
  for (const c of out) {
    if (seenNames.has(c.name.toLowerCase())) throw fail(`the column [${c.name}] is selected twice; give one of them an alias with AS`);
    seenNames.add(c.name.toLowerCase());
  }

  const column = (e: Extract<SqlExpr, { k: 'col' }>): unknown[] => {
    if (e.table && !tableNames.has(e.table.toLowerCase())) throw fail(`unknown table [${e.table}] in [${e.table}.${e.name}]`);
    const data = q.columnLower(e.name.toLowerCase());
    if (!data) throw fail(`column [${e.name}] doesn't exist in the query [${stmt.from.name}] (columns: ${q.columnList})`);
    return data;
  };
  // check the column names once, so an empty query still reports a misspelt one
  const walk = (e: SqlExpr | undefined, f: (e: SqlExpr) => void): void => {
    if (!e) return;
    f(e);
    switch (e.k) {
      case 'bin':
        walk(e.l, f);
        walk(e.r, f);
        break;
      case 'not':
      case 'neg':
      case 'isnull':
        walk(e.e, f);
        break;
      case 'like':
        walk(e.e, f);
        walk(e.pattern, f);
        walk(e.escape, f);
        break;
      case 'in':
        walk(e.e, f);
        e.list.forEach((x) => walk(x, f));
        break;
      case 'between':
        walk(e.e, f);
        walk(e.lo, f);
        walk(e.hi, f);
        break;
      case 'fn':
        e.args.forEach((x) => walk(x, f));
        break;
    }
  };
  const aliasOf = (e: SqlExpr): number => (e.k === 'col' && !e.table ? out.findIndex((c) => c.name.toLowerCase() === e.name.toLowerCase()) : -1);
  const checkCols = (e: SqlExpr | undefined, allowAlias: boolean) =>
    walk(e, (x) => {
      if (x.k === 'col' && !(allowAlias && aliasOf(x) >= 0)) column(x);
      if (x.k === 'param') param(x);
    });
  for (const c of out) checkCols(c.expr, false);
  checkCols(stmt.where, false);
  stmt.groupBy.forEach((g) => checkCols(g, true));
  checkCols(stmt.having, true);
  stmt.orderBy.forEach((o) => checkCols(o.expr, true));

  let hasAggregate = false;
  const findAgg = (e: SqlExpr | undefined) => walk(e, (x) => {
    if (x.k === 'fn' && AGGREGATES.has(x.name)) hasAggregate = true;
  });
  out.forEach((c) => findAgg(c.expr));
  findAgg(stmt.having);
  stmt.orderBy.forEach((o) => findAgg(o.expr));
  if (stmt.where) {
    walk(stmt.where, (x) => {
      if (x.k === 'fn' && AGGREGATES.has(x.name)) throw fail(`the aggregate function [${x.name.toUpperCase()}] can't be used in WHERE (use HAVING)`);
    });
  }

  const evalIn = (e: SqlExpr, s: Scope): unknown => {
    switch (e.k) {
      case 'lit':
        return e.v;
      case 'col':
        return column(e)[s.row - 1];
      case 'param': {
        const p = param(e);
        return p.isNull ? null : p.value;
      }
      case 'star':
        throw fail('[*] is only allowed in SELECT * and COUNT(*)');
      case 'not': {
        const v = evalIn(e.e, s);
        return isNull(v) ? null : !toBool(v);
      }
      case 'neg': {
        const v = evalIn(e.e, s);
        return isNull(v) ? null : -num(v);
      }
      case 'isnull': {
        const v = evalIn(e.e, s);
        return isNull(v) !== e.not;
      }
      case 'between': {
        const v = evalIn(e.e, s);
        const r = compareValues(v ?? '', evalIn(e.lo, s) ?? '') >= 0 && compareValues(v ?? '', evalIn(e.hi, s) ?? '') <= 0;
        return r !== e.not;
      }
      case 'in': {
        const v = evalIn(e.e, s);
        const items: unknown[] = [];
        for (const x of e.list) {
          if (x.k === 'param') {
            const p = param(x);
            if (p.list && Array.isArray(p.value)) items.push(...p.value);
            else items.push(p.isNull ? null : p.value);
          } else items.push(evalIn(x, s));
        }
        const hit = items.some((it) => compareValues(v ?? '', it ?? '') === 0);
        return hit !== e.not;
      }
      case 'like': {
        const v = evalIn(e.e, s);
        const pat = evalIn(e.pattern, s);
        const esc = e.escape ? toStr(evalIn(e.escape, s)) : undefined;
        const r = likeRegex(toStr(pat ?? '').toLowerCase(), esc?.toLowerCase(), sql).test(toStr(v ?? '').toLowerCase());
        return r !== e.not;
      }
      case 'bin':
        return binary(e.op, e.l, e.r, s);
      case 'fn':
        return call(e, s);
    }
  };

  const num = (v: unknown): number => {
    if (v === '') return 0;
    const n = tryNum(v);
    if (n === undefined) throw fail(`[${toStr(v)}] is not a number`);
    return n;
  };

  const binary = (op: string, l: SqlExpr, r: SqlExpr, s: Scope): unknown => {
    if (op === 'and') {
      const a = evalIn(l, s);
      if (!isNull(a) && !toBool(a)) return false;
      const b = evalIn(r, s);
      return !isNull(a) && !isNull(b) && toBool(b);
    }
    if (op === 'or') {
      const a = evalIn(l, s);
      if (!isNull(a) && toBool(a)) return true;
      const b = evalIn(r, s);
      return !isNull(b) && toBool(b);
    }
    const a = evalIn(l, s);
    const b = evalIn(r, s);
    switch (op) {
      case '=':
        return compareValues(a ?? '', b ?? '') === 0;
      case '<>':
        return compareValues(a ?? '', b ?? '') !== 0;
      case '<':
        return compareValues(a ?? '', b ?? '') < 0;
      case '>':
        return compareValues(a ?? '', b ?? '') > 0;
      case '<=':
        return compareValues(a ?? '', b ?? '') <= 0;
      case '>=':
        return compareValues(a ?? '', b ?? '') >= 0;
      case '||':
        return toStr(a ?? '') + toStr(b ?? '');
      case '+': {
        // Lucee: two numbers add (a number plus NULL is NULL), anything else concatenates
        if (isNull(a) && isNull(b)) return null;
        const an = isNull(a) ? undefined : tryNum(a);
        const bn = isNull(b) ? undefined : tryNum(b);
        if ((isNull(a) && bn !== undefined) || (isNull(b) && an !== undefined)) return null;
        if (an !== undefined && bn !== undefined) return an + bn;
        return toStr(a ?? '') + toStr(b ?? '');
      }
    }
    if (isNull(a) || isNull(b)) return null;
    const x = num(a);
    const y = num(b);
    if (op === '-') return x - y;
    if (op === '*') return x * y;
    if ((op === '/' || op === '%') && y === 0) throw fail('division by zero');
    return op === '/' ? x / y : x % y;
  };

  const aggValues = (e: Extract<SqlExpr, { k: 'fn' }>, s: Scope): unknown[] => {
    const rows = s.group ?? [];
    const arg = e.args[0];
    if (!arg) throw fail(`${e.name.toUpperCase()}() needs an argument`);
    let vals = rows.map((r) => evalIn(arg, { q, row: r })).filter((v) => !isNull(v));
    if (e.distinct) {
      const seen = new Set<string>();
      vals = vals.filter((v) => {
        const k = groupKey(v);
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      });
    }
    return vals;
  };

  const call = (e: Extract<SqlExpr, { k: 'fn' }>, s: Scope): unknown => {
    const name = e.name;
    if (AGGREGATES.has(name)) {
      if (!s.group) throw fail(`the aggregate function [${name.toUpperCase()}] can't be used here`);
      if (name === 'count') {
        if (e.args.length !== 1) throw fail('COUNT() takes one argument');
        if (e.args[0]!.k === 'star' || e.args[0]!.k === 'lit') return s.group.length;
        return aggValues(e, s).length;
      }
      const vals = aggValues(e, s);
      if (name === 'min' || name === 'max') {
        if (!vals.length) return null;
        return vals.reduce((m, v) => (compareValues(v, m) * (name === 'min' ? -1 : 1) > 0 ? v : m));
      }
      if (!vals.length) return null;
      const sum = vals.reduce((t: number, v) => t + num(v), 0);
      return name === 'sum' ? sum : sum / vals.length;
    }
    const args = e.args.map((a) => evalIn(a, s));
    const one = (fn: (v: unknown) => unknown) => {
      if (args.length !== 1) throw fail(`${name.toUpperCase()}() takes one argument`);
      return isNull(args[0]) ? null : fn(args[0]);
    };
    switch (name) {
      case 'upper':
      case 'ucase':
        return one((v) => toStr(v).toUpperCase());
      case 'lower':
      case 'lcase':
        return one((v) => toStr(v).toLowerCase());
      case 'trim':
        return one((v) => toStr(v).trim());
      case 'ltrim':
        return one((v) => toStr(v).replace(/^\s+/, ''));
      case 'rtrim':
        return one((v) => toStr(v).replace(/\s+$/, ''));
      case 'length':
      case 'len':
        return one((v) => toStr(v).length);
      case 'abs':
        return one((v) => Math.abs(num(v)));
      case 'floor':
        return one((v) => Math.floor(num(v)));
      case 'ceiling':
      case 'ceil':
        return one((v) => Math.ceil(num(v)));
      case 'coalesce':
      case 'isnull':
        return args.find((v) => !isNull(v)) ?? null;
      case 'concat':
        return args.map((v) => toStr(v ?? '')).join('');
      case 'mod':
        if (args.length !== 2) throw fail('MOD() takes two arguments');
        return isNull(args[0]) || isNull(args[1]) ? null : num(args[0]) % num(args[1]);
    }
    throw fail(`the function [${name.toUpperCase()}] is not supported in a query of queries`);
  };

  // WHERE
  let rows: number[] = [];
  for (let r = 1; r <= q.recordCount; r++) {
    if (!stmt.where) rows.push(r);
    else {
      const v = evalIn(stmt.where, { q, row: r });
      if (!isNull(v) && toBool(v)) rows.push(r);
    }
  }

  // GROUP BY / aggregates
  let units: Unit[];
  const project = (row: number, group?: number[]): Unit => ({ row, group, values: out.map((c) => evalIn(c.expr, { q, row, group })) });
  if (stmt.groupBy.length || hasAggregate) {
    const groups = new Map<string, number[]>();
    if (stmt.groupBy.length) {
      for (const r of rows) {
        const key = stmt.groupBy.map((g) => groupKey(groupValue(g, r))).join('\u0000');
        let g = groups.get(key);
        if (!g) groups.set(key, (g = []));
        g.push(r);
      }
    } else groups.set('', rows);
    units = [];
    for (const g of groups.values()) {
      const s: Scope = { q, row: g[0] ?? 0, group: g };
      if (stmt.having) {
        const h = evalWithAliases(stmt.having, s);
        if (isNull(h) || !toBool(h)) continue;
      }
      units.push(project(g[0] ?? 0, g));
    }
  } else {
    if (stmt.having) throw fail('HAVING needs GROUP BY or an aggregate function');
    units = rows.map((r) => project(r));
  }

  function groupValue(g: SqlExpr, r: number): unknown {
    return evalIn(aliasExpr(g), { q, row: r });
  }

  /** HAVING and ORDER BY may name a select alias (a real column of that name wins). */
  function evalWithAliases(e: SqlExpr, s: Scope): unknown {
    return evalIn(aliasExpr(e), s);
  }

  function aliasExpr(e: SqlExpr): SqlExpr {
    switch (e.k) {
      case 'col': {
        if (e.table || q.hasColumnLower(e.name.toLowerCase())) return e;
        const i = aliasOf(e);
        return i >= 0 ? out[i]!.expr : e;
      }
      case 'bin':
        return { ...e, l: aliasExpr(e.l), r: aliasExpr(e.r) };
      case 'not':
      case 'neg':
      case 'isnull':
        return { ...e, e: aliasExpr(e.e) };
      case 'fn':
        return { ...e, args: e.args.map(aliasExpr) };
      case 'in':
        return { ...e, e: aliasExpr(e.e), list: e.list.map(aliasExpr) };
      case 'between':
        return { ...e, e: aliasExpr(e.e), lo: aliasExpr(e.lo), hi: aliasExpr(e.hi) };
      case 'like':
        return { ...e, e: aliasExpr(e.e), pattern: aliasExpr(e.pattern) };
      default:
        return e;
    }
  }

  // DISTINCT
  if (stmt.distinct) {
    const seen = new Set<string>();
    units = units.filter((u) => {
      const k = u.values.map(groupKey).join('\u0000');
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  }

  // ORDER BY: a position, a select alias or column, or any expression
  if (stmt.orderBy.length) {
    const keys = stmt.orderBy.map((o) => {
      if (o.expr.k === 'lit' && typeof o.expr.v === 'number') {
        const p = o.expr.v;
        if (!Number.isInteger(p) || p < 1 || p > out.length) throw fail(`ORDER BY position [${p}] is not in the select list (1 to ${out.length})`);
        return (u: Unit) => u.values[p - 1];
      }
      const i = o.expr.k === 'col' && !o.expr.table ? out.findIndex((c) => c.name.toLowerCase() === (o.expr as { name: string }).name.toLowerCase()) : -1;
      if (i >= 0) return (u: Unit) => u.values[i];
      const e = aliasExpr(o.expr);
      return (u: Unit) => evalIn(e, { q, row: u.row, group: u.group });
    });
    const decorated = units.map((u, idx) => ({ u, idx, k: keys.map((f) => f(u)) }));
    decorated.sort((a, b) => {
      for (let i = 0; i < keys.length; i++) {
        const x = a.k[i];
        const y = b.k[i];
        let c: number;
        if (isNull(x) || isNull(y)) c = isNull(x) && isNull(y) ? 0 : isNull(x) ? -1 : 1;
        else c = compareValues(x, y);
        if (c !== 0) return stmt.orderBy[i]!.desc ? -c : c;
      }
      return a.idx - b.idx;
    });
    units = decorated.map((d) => d.u);
  }

  // OFFSET / LIMIT / TOP / maxrows
  if (stmt.offset) units = units.slice(stmt.offset);
  for (const cap of [stmt.limit, stmt.top, input.maxrows]) if (cap !== undefined && cap >= 0) units = units.slice(0, cap);

  const result = new Query(out.map((c) => c.name), out.map((c) => c.type ?? ''));
  if (units.length) result.addRows(units.length);
  units.forEach((u, i) => out.forEach((c, j) => result.setCell(c.name, u.values[j] === undefined ? null : u.values[j], i + 1)));
  return result;
}

/** Grouping/DISTINCT key: values as written (strings stay case-sensitive), numbers by value. */
function groupKey(v: unknown): string {
  if (v === null || v === undefined) return '\u0001null';
  if (typeof v === 'number') return 'n' + v;
  if (v instanceof Date) return 'd' + v.getTime();
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? 'n' + n : 's' + toStr(v);
}

const likeCache = new BoundedMap<string, RegExp>(500);

/** LIKE as Lucee runs it: `%` any run, `_` one character, `[abc]`/`[^a-z]` sets; the caller lower-cases pattern and value (case-insensitive). */
function likeRegex(pattern: string, escape: string | undefined, sql: string): RegExp {
  const key = pattern + '\u0000' + (escape ?? '');
  const hit = likeCache.get(key);
  if (hit) return hit;
  if (escape !== undefined && escape.length !== 1) throw sqlError(`the ESCAPE value [${escape}] must be one character`, sql);
  let src = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (escape !== undefined && c === escape) {
      const next = pattern[++i];
      if (next === undefined) throw sqlError(`the LIKE pattern [${pattern}] ends with its escape character`, sql);
      src += next.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
    } else if (c === '%') src += '.*';
    else if (c === '_') src += '.';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) src += '\\[';
      else {
        let set = pattern.slice(i + 1, end);
        const neg = set.startsWith('^');
        if (neg) set = set.slice(1);
        src += '[' + (neg ? '^' : '') + set.replace(/[\\\]]/g, '\\$&') + ']';
        i = end;
      }
    } else src += c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
  }
  let re: RegExp;
  try {
    // case-insensitive by lower-casing pattern and value (the caller), not the i flag: with it a
    // non-ASCII letter keeps V8 from falling back to its linear engine (`%é%é%é...` would hang)
    re = safeRegExp('LIKE', pattern, `^${src}$`, 's');
  } catch (e) {
    if (e instanceof CfmlError) throw e;
    throw sqlError(`invalid LIKE pattern [${pattern}]`, sql);
  }
  if (likeCache.size > 200) likeCache.clear();
  likeCache.set(key, re);
  return re;
}

