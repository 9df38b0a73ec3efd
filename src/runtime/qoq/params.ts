/**
 * Query parameters as CFML gives them (cfqueryparam attributes, queryExecute's params array or
 * struct) turned into QoQ values, and the result shapes of returntype="array" / "struct".
 */
import { Struct } from '../struct.js';
import { Query } from '../query.js';
import { expressionError } from '../errors.js';
import { simple, toBool, toDate, toNum, toStr, typeName } from '../cast.js';
import type { QoqParam } from './execute.js';

const NUMERIC = new Set(['integer', 'int', 'bigint', 'smallint', 'tinyint', 'numeric', 'decimal', 'double', 'float', 'real', 'money', 'money4']);
const DATES = new Set(['date', 'time', 'timestamp', 'datetime']);

/** Casts a value to a cf_sql_* type (the prefix is optional), with a clear message when it can't. */
function castTo(type: string, v: unknown, label: string): unknown {
  const t = type.toLowerCase().replace(/^cf_sql_/, '');
  try {
    if (NUMERIC.has(t)) {
      const n = toNum(v);
      return t === 'integer' || t === 'int' || t === 'bigint' || t === 'smallint' || t === 'tinyint' ? Math.trunc(n) : n;
    }
    if (t === 'bit' || t === 'boolean') return toBool(v);
    if (DATES.has(t)) return toDate(v);
    return typeof v === 'string' ? v : toStr(v);
  } catch (e) {
    throw expressionError(`the value [${typeof v === 'string' ? v : typeName(v)}] of ${label} is not a valid ${type}`, { detail: e instanceof Error ? e.message : '' });
  }
}

export interface ParamSpec {
  value: unknown;
  cfsqltype?: string;
  list?: boolean;
  separator?: string;
  null?: boolean;
}

export function toQoqParam(p: ParamSpec, label: string): QoqParam {
  if (p.null) return { value: null, isNull: true };
  const type = p.cfsqltype ?? 'varchar';
  if (p.list) {
    const items = Array.isArray(p.value) ? p.value : toStr(p.value).split(p.separator ?? ',');
    return { value: items.map((x) => castTo(type, typeof x === 'string' && !Array.isArray(p.value) ? x.trim() : x, label)), list: true };
  }
  return { value: p.cfsqltype ? castTo(type, simple(p.value), label) : simple(p.value) };
}

/** One queryExecute parameter: a plain value or a struct with value/cfsqltype/list/null. */
function specOf(v: unknown): ParamSpec {
  v = simple(v);
  if (v instanceof Struct && v.has('value')) {
    const s = v;
    const opt = (k: string) => (s.has(k) ? s.get(k) : undefined);
    const type = opt('cfsqltype') ?? opt('sqltype') ?? opt('type');
    return {
      value: s.get('value'),
      cfsqltype: type === undefined ? undefined : toStr(type),
      list: opt('list') === undefined ? false : toBool(opt('list')),
      separator: opt('separator') === undefined ? undefined : toStr(opt('separator')),
      null: opt('null') === undefined ? false : toBool(opt('null')),
    };
  }
  return { value: v };
}

/** queryExecute's params: an array for `?`, a struct for `:name`. */
export function queryExecuteParams(params: unknown): { positional: QoqParam[]; named: Map<string, QoqParam> } {
  const positional: QoqParam[] = [];
  const named = new Map<string, QoqParam>();
  params = simple(params);
  if (params === undefined || params === null || params === '') return { positional, named };
  if (Array.isArray(params)) params.forEach((p, i) => positional.push(toQoqParam(specOf(p), `parameter ${i + 1}`)));
  else if (params instanceof Struct) for (const k of params.keys()) named.set(k.toLowerCase(), toQoqParam(specOf(params.get(k)), `parameter [:${k}]`));
  else throw expressionError(`the params of queryExecute must be an array or a struct, not a ${typeName(params)}`);
  return { positional, named };
}

/** returntype="array" (rows as structs) or "struct" (rows keyed by the columnKey column). */
export function shapeResult(q: Query, returntype: string, columnKey: string | undefined): unknown {
  const t = returntype.toLowerCase();
  if (t === 'query') return q;
  const rowStruct = (r: number) => {
    const s = new Struct();
    for (const c of q.columns) s.set(c, q.getCell(c, r));
    return s;
  };
  if (t === 'array' || t === 'array_of_struct') {
    const out: Struct[] = [];
    for (let r = 1; r <= q.recordCount; r++) out.push(rowStruct(r));
    return out;
  }
  if (t === 'struct' || t === 'struct_of_struct') {
    if (!columnKey) throw expressionError('returntype="struct" needs a columnKey naming the column whose values become the keys');
    if (!q.hasColumn(columnKey)) throw expressionError(`the columnKey [${columnKey}] is not a column of the result (columns: ${q.columnList})`);
    const s = new Struct();
    s.kind = 'ordered';
    for (let r = 1; r <= q.recordCount; r++) s.set(toStr(q.getCell(columnKey, r)), rowStruct(r));
    return s;
  }
  throw expressionError(`invalid returntype [${returntype}], valid values are [query, array, struct]`);
}

/** The `result` struct of cfquery / queryExecute. */
export function resultInfo(q: Query, sql: string, params: QoqParam[]): Struct {
  const s = new Struct();
  s.set('sql', sql);
  s.set('recordCount', q.recordCount);
  s.set('columnList', q.columnList);
  s.set('cached', false);
  s.set('executionTime', 0);
  if (params.length) s.set('sqlParameters', params.map((p) => (p.isNull ? null : p.value)));
  return s;
}
