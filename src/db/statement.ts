/**
 * SQL with its parameters kept apart: the text between parameters and, for each parameter, the
 * values it binds (a list binds several). Rendered per driver (`?` or `$n`); the SQL shown in
 * result.sql and in errors has `?` for every value.
 */
import { CfmlError, ErrorCode } from '../runtime/errors.js';
import { Struct } from '../runtime/struct.js';
import { simple, toBool, toNum, toStr, typeName } from '../runtime/cast.js';
import { bindParam, type ParamInput } from './params.js';
import type { BoundParam, DbPool } from './types.js';

export interface SqlTemplate {
  /** texts.length === params.length + 1 */
  texts: string[];
  params: BoundParam[][];
  /**
   * Set when `texts` are shared by every run of one statement as written (a cfquery whose text
   * came out the same): the SQL rendered for each driver is kept there.
   */
  shape?: SqlShape;
}

/** The parts of a statement that do not change between its runs: the SQL rendered per driver, one value per parameter. */
export interface SqlShape {
  rendered: Partial<Record<DbPool['driver'], string>>;
}

/** The SQL a pool runs: its placeholders, the driver values. */
export function renderSql(t: SqlTemplate, pool: DbPool): { sql: string; values: unknown[] } {
  const groups = t.params;
  const values: unknown[] = [];
  let single = true;
  for (const group of groups) {
    if (group.length !== 1) single = false;
    for (const p of group) values.push(pool.bind(p));
  }
  // the text depends only on the texts, the number of values of each parameter and the driver
  const memo = single ? t.shape?.rendered : undefined;
  let sql = memo?.[pool.driver];
  if (sql === undefined) {
    sql = t.texts[0]!;
    let n = 0;
    for (let i = 0; i < groups.length; i++) {
      const group = groups[i]!;
      for (let j = 0; j < group.length; j++) sql += (j ? ',' : '') + pool.placeholder(++n);
      sql += t.texts[i + 1]!;
    }
    if (memo) memo[pool.driver] = sql;
  }
  return { sql, values };
}

/** The SQL with `?` marks, as result.sql and cfcatch.sql show it. */
export function displaySql(t: SqlTemplate): string {
  let sql = t.texts[0]!;
  t.params.forEach((group, i) => (sql += group.map(() => '?').join(',') + t.texts[i + 1]!));
  return sql.trim();
}

/** The bound values in order (result.sqlParameters). */
export const flatParams = (t: SqlTemplate): BoundParam[] => t.params.flat();

/** cfcatch.where: `(param 1) = [type=CF_SQL_VARCHAR, value=x]` per value, as Lucee lists them. */
export function whereText(t: SqlTemplate): string {
  return flatParams(t)
    .map((p, i) => `(param ${i + 1}) = [type=CF_SQL_${p.type.toUpperCase()}, value=${p.isNull ? 'NULL' : describe(p.value)}]`)
    .join(', ');
}

function describe(v: unknown): string {
  if (v instanceof Uint8Array) return `[binary, ${v.byteLength} bytes]`;
  try {
    return toStr(v);
  } catch {
    return typeName(v);
  }
}

/**
 * The cfquery body as rendered: each cfqueryparam wrote `\uE000<nonce>:<i>\uE001`. The nonce is
 * random per process and never shown, so text that came from a #variable# cannot pose as a
 * parameter. `order` is the index in `params` of each marker found, in the order of the text.
 */
export function fromMarkedText(text: string, nonce: string, params: BoundParam[][]): SqlTemplate & { order: number[] } {
  const open = '\uE000' + nonce + ':';
  const texts: string[] = [];
  const ordered: BoundParam[][] = [];
  const order: number[] = [];
  let last = 0;
  for (let at = text.indexOf(open); at >= 0; at = text.indexOf(open, last)) {
    const end = text.indexOf('\uE001', at);
    const i = Number(text.slice(at + open.length, end));
    const group = params[i];
    // only the markers cfqueryparam wrote parse; anything else is text
    if (end < 0 || !group) break;
    texts.push(text.slice(last, at));
    ordered.push(group);
    order.push(i);
    last = end + 1;
  }
  texts.push(text.slice(last));
  return { texts, params: ordered, order };
}

/** The marker cfqueryparam number `i` writes into the cfquery body (see fromMarkedText). */
export function paramMarker(nonce: string, i: number): string {
  return '\uE000' + nonce + ':' + i + '\uE001';
}

/** One queryExecute parameter: a plain value or a struct {value, cfsqltype, list, separator, null, maxLength, scale}. */
export function paramInput(v: unknown): ParamInput {
  v = simple(v);
  if (v instanceof Struct && v.has('value') || (v instanceof Struct && v.has('null'))) {
    const s = v;
    const opt = (k: string) => (s.has(k) ? s.get(k) : undefined);
    const type = opt('cfsqltype') ?? opt('sqltype') ?? opt('type');
    return {
      value: opt('value') ?? '',
      cfsqltype: type === undefined ? undefined : toStr(type),
      list: opt('list') === undefined ? false : toBool(opt('list')),
      separator: opt('separator') === undefined ? undefined : toStr(opt('separator')),
      null: opt('null') === undefined ? false : toBool(opt('null')),
      maxLength: opt('maxlength') === undefined ? undefined : toNum(opt('maxlength')),
      scale: opt('scale') === undefined ? undefined : toNum(opt('scale')),
    };
  }
  return { value: v };
}

/**
 * queryExecute's SQL with `?` (params given as an array) or `:name` (a struct) marks, found
 * outside string literals, quoted identifiers and comments; `::type` casts are left alone.
 */
export function fromQueryExecute(sql: string, params: unknown): SqlTemplate {
  params = simple(params);
  const positional = Array.isArray(params) ? params : undefined;
  const named = params instanceof Struct ? params : undefined;
  if (params !== undefined && params !== null && params !== '' && !positional && !named) {
    throw new CfmlError(`the params of queryExecute must be an array or a struct, not a ${typeName(params)}`, { type: 'Expression', code: ErrorCode.QueryParams });
  }
  const texts: string[] = [];
  const out: BoundParam[][] = [];
  let start = 0;
  let next = 0;
  const n = sql.length;
  for (let i = 0; i < n; i++) {
    const ch = sql[i]!;
    if (ch === "'" || ch === '"' || ch === '`') {
      i = skipQuoted(sql, i, ch);
    } else if (ch === '-' && sql[i + 1] === '-') {
      const e = sql.indexOf('\n', i);
      i = e < 0 ? n : e;
    } else if (ch === '/' && sql[i + 1] === '*') {
      const e = sql.indexOf('*/', i + 2);
      i = e < 0 ? n : e + 1;
    } else if (ch === '?' && positional) {
      if (next >= positional.length) {
        throw new CfmlError(`the SQL has more ? parameters than the ${positional.length} given`, { type: 'Database', code: ErrorCode.QueryParams, detail: sql });
      }
      texts.push(sql.slice(start, i));
      out.push(bindOrLabel(positional[next], `parameter ${next + 1}`));
      next++;
      start = i + 1;
    } else if (ch === ':' && sql[i + 1] === ':') {
      i++;
    } else if (ch === ':' && named && /[A-Za-z_]/.test(sql[i + 1] ?? '')) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_]/.test(sql[j]!)) j++;
      const name = sql.slice(i + 1, j);
      if (!named.has(name)) {
        throw new CfmlError(`the parameter [${name}] is not in the params struct of queryExecute`, {
          type: 'Database',
          code: ErrorCode.QueryParams,
          detail: `given: [${named.keys().join(', ')}]`,
        });
      }
      texts.push(sql.slice(start, i));
      out.push(bindOrLabel(named.get(name), `parameter [:${name}]`));
      start = j;
      i = j - 1;
    }
  }
  texts.push(sql.slice(start));
  if (positional && next < positional.length) {
    throw new CfmlError(`queryExecute was given ${positional.length} parameters but the SQL has ${next} ? marks`, { type: 'Database', code: ErrorCode.QueryParams, detail: sql });
  }
  return { texts, params: out };
}

function bindOrLabel(v: unknown, label: string): BoundParam[] {
  try {
    return bindParam(paramInput(v));
  } catch (e) {
    if (e instanceof CfmlError) e.message = `${label}: ${e.message}`;
    throw e;
  }
}

/** The index of the closing quote of a literal starting at i (a doubled quote is part of it). */
function skipQuoted(sql: string, i: number, q: string): number {
  for (let j = i + 1; j < sql.length; j++) {
    if (sql[j] === q) {
      if (sql[j + 1] === q) j++;
      else return j;
    }
  }
  return sql.length;
}
