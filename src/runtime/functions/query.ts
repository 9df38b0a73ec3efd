/**
 * Query functions. Rows are 1-based; closures get (row struct, rowNumber, query) and reducers
 * (accumulator, row, rowNumber, query). Derived queries (filter, map, slice) keep the column
 * names and declared types of their source.
 */
import { expressionError } from '../errors.js';
import { simple, toStr, typeName } from '../cast.js';
import { compareValues } from '../compare.js';
import { Struct } from '../struct.js';
import { Query, QueryColumnRef } from '../query.js';
import { CfFunction } from '../function-value.js';
import type { FnContext, FunctionDef, MemberSpec, ParamSpec } from './types.js';
import {
  appendRowFromArray,
  appendRowFromStruct,
  callClosure,
  closureComparator,
  copyQueryShape,
  isMissing,
  predicateResult,
  rowStruct,
  sortDirection,
  toInt,
} from './collection-util.js';

const m = (name: string, returnsReceiver = false): MemberSpec[] => [{ type: 'query', name, returnsReceiver }];
const qParam: ParamSpec = { name: 'query', type: 'query', required: true };

function iterParams(fnArg = 'callback'): ParamSpec[] {
  return [qParam, { name: fnArg, type: 'function', required: true }, { name: 'parallel', type: 'boolean', default: false }, { name: 'maxThreads', type: 'numeric', default: 20 }];
}

/** A list given as a string (comma-separated, trimmed) or an array. */
function names(fnName: string, v: unknown, what: string): string[] {
  v = simple(v);
  if (Array.isArray(v)) return v.map((x) => toStr(x).trim());
  if (typeof v === 'string') return v.split(',').map((s) => s.trim()).filter((s) => s !== '');
  throw expressionError(`Invalid argument for function [${fnName}], ${what} must be a list or an array, got ${typeName(v)}`);
}

function checkRow(fnName: string, q: Query, row: number): number {
  const r = toInt(row);
  if (!(r >= 1 && r <= q.recordCount)) {
    throw expressionError(`invalid row [${row}] for function [${fnName}], the query has ${q.recordCount} rows`);
  }
  return r;
}

/** A query of the given rows: one column per key seen in any row (upper-cased), "" where a row lacks it. */
function queryFromStructs(rows: Struct[]): Query {
  const cols = new Map<string, string>();
  for (const r of rows) for (const k of r.keys()) if (!cols.has(k.toLowerCase())) cols.set(k.toLowerCase(), k.toUpperCase());
  const q = new Query([...cols.values()], []);
  for (const r of rows) {
    const n = q.addRows(1);
    for (const [k, v] of r.entries()) q.setCell(cols.get(k.toLowerCase())!, v ?? null, n);
  }
  return q;
}

/** Rows from queryNew's rowData / queryAddRow's data: a struct, an array of structs or an array of arrays. */
function addData(fnName: string, q: Query, data: unknown): number {
  data = simple(data);
  if (data instanceof Struct && fnName === 'queryNew' && data.size > 0 && [...data.values()].every((v) => Array.isArray(simple(v)))) {
    return appendColumns(q, data);
  }
  if (data instanceof Struct) return appendRowFromStruct(fnName, q, data);
  if (Array.isArray(data)) {
    if (data.length && data.every((r) => !(r instanceof Struct) && !Array.isArray(r))) return appendRowFromArray(fnName, q, data);
    for (const r of data) {
      if (r instanceof Struct) appendRowFromStruct(fnName, q, r);
      else if (Array.isArray(r)) appendRowFromArray(fnName, q, r);
      else throw expressionError(`function [${fnName}]: each row must be a struct or an array, got ${typeName(r)}`);
    }
    return q.recordCount;
  }
  throw expressionError(`function [${fnName}]: row data must be a struct or an array, got ${typeName(data)}`);
}

/**
 * queryNew's row data given by column, as Lucee reads a struct of arrays:
 * `{name: ["a", "b"], age: [1, 2]}` gives two rows; shorter columns leave "" in the last rows.
 */
function appendColumns(q: Query, data: Struct): number {
  const cols = [...data.entries()].map(([k, v]) => [k, simple(v) as unknown[]] as const);
  const n = Math.max(...cols.map(([, v]) => v.length));
  const first = q.recordCount + 1;
  q.addRows(n, 'queryNew');
  for (const [k, values] of cols) values.forEach((v, i) => q.setCell(k, v ?? '', first + i));
  return q.recordCount;
}

/** Rebuilds the rows of `q` in the order given by `order` (1-based row numbers), in place. */
function reorder(q: Query, order: number[]): void {
  for (const c of q.columns) {
    const col = q.column(c);
    const copy = col.slice();
    order.forEach((r, i) => (col[i] = copy[r - 1]));
  }
}

/** Runs `body` for each row with `currentRow` pointing at it, restoring it afterwards. */
function eachRow(q: Query, body: (row: number) => boolean | void): void {
  const saved = q.currentRow;
  try {
    for (let r = 1; r <= q.recordCount; r++) {
      q.currentRow = r;
      if (body(r) === false) break;
    }
  } finally {
    q.currentRow = saved;
  }
}

function copyRows(src: Query, rows: number[]): Query {
  const out = copyQueryShape(src);
  if (rows.length) out.addRows(rows.length);
  for (const c of src.columns) {
    const from = src.column(c);
    const to = out.column(c);
    rows.forEach((r, i) => (to[i] = from[r - 1]));
  }
  return out;
}

function columnValues(ctx: FnContext, fnName: string, column: unknown): unknown[] {
  if (column instanceof QueryColumnRef) return column.values();
  if (Array.isArray(column)) return column;
  if (typeof column === 'string' && column.includes('.')) {
    const dot = column.lastIndexOf('.');
    const q = ctx.getVariable(column.slice(0, dot));
    if (q instanceof Query) return q.column(column.slice(dot + 1)).slice();
  }
  throw expressionError(`Invalid argument for function [${fnName}], the argument must be a query column (query.column), got ${typeName(column)}`);
}

const cellText = (v: unknown) => (isMissing(v) ? '' : toStr(v));

export const queryFunctions: FunctionDef[] = [
  {
    name: 'queryNew',
    params: [
      { name: 'columnList', type: 'any', required: true },
      { name: 'columnTypeList', type: 'any' },
      { name: 'rowData', type: 'any' },
    ],
    impl: (_c, columnList: unknown, columnTypeList: unknown, rowData: unknown) => {
      const rows = simple(columnList);
      // queryNew([{id: 1, name: "a"}, {id: 2, fullName: "b"}]): the rows alone; the columns are
      // their keys in the order first seen, upper-cased (Lucee)
      if (columnTypeList === undefined && rowData === undefined && Array.isArray(rows) && rows.length && rows.every((r) => simple(r) instanceof Struct)) {
        return queryFromStructs(rows.map((r) => simple(r) as Struct));
      }
      const cols = names('queryNew', columnList, 'the column list');
      const types = columnTypeList === undefined || columnTypeList === '' ? [] : names('queryNew', columnTypeList, 'the column type list');
      if (types.length && types.length !== cols.length) {
        throw expressionError(`function [queryNew]: the column type list has ${types.length} types but there are ${cols.length} columns`);
      }
      const seen = new Set<string>();
      for (const c of cols) {
        if (seen.has(c.toLowerCase())) throw expressionError(`function [queryNew]: column [${c}] is listed twice`);
        seen.add(c.toLowerCase());
      }
      const q = new Query(cols, types);
      if (rowData !== undefined && rowData !== null) addData('queryNew', q, rowData);
      return q;
    },
  },
  {
    name: 'queryAddRow',
    params: [qParam, { name: 'number', type: 'any', default: 1 }],
    members: m('addRow', true),
    impl: (_c, q: Query, data: unknown) => {
      data = simple(data);
      if (data instanceof Struct || Array.isArray(data)) return addData('queryAddRow', q, data);
      const n = toInt(Number(toStr(data)));
      if (!Number.isFinite(n) || n < 0) throw expressionError(`invalid number of rows [${toStr(data)}] for function [queryAddRow]`);
      return n ? q.addRows(n) : q.recordCount;
    },
  },
  {
    name: 'querySetCell',
    params: [qParam, { name: 'column', type: 'string', required: true }, { name: 'value', type: 'any', required: true }, { name: 'row', type: 'numeric' }],
    members: m('setCell', true),
    impl: (_c, q: Query, column: string, value: unknown, row?: number) => {
      const r = row === undefined || row === -9999 ? q.recordCount : checkRow('querySetCell', q, row);
      if (r < 1) throw expressionError('function [querySetCell]: the query has no rows, add one with queryAddRow first');
      q.setCell(column, value, r);
      return true;
    },
  },
  {
    name: 'queryGetCell',
    params: [qParam, { name: 'column_name', type: 'string', required: true }, { name: 'row_number', type: 'numeric' }],
    members: m('getCell'),
    impl: (_c, q: Query, column: string, row?: number) => {
      const r = row === undefined || row === -9999 ? q.recordCount : checkRow('queryGetCell', q, row);
      if (r < 1) throw expressionError('function [queryGetCell]: the query has no rows');
      return q.getCell(column, r);
    },
  },
  {
    name: 'queryAddColumn',
    params: [qParam, { name: 'column_name', type: 'string', required: true }, { name: 'datatype', type: 'any' }, { name: 'array_name', type: 'array' }],
    members: m('addColumn', true),
    impl: (_c, q: Query, name: string, datatype: unknown, values?: unknown[]) => {
      let type: string | undefined;
      datatype = simple(datatype);
      if (Array.isArray(datatype)) values = datatype;
      else if (datatype instanceof QueryColumnRef) values = datatype.values();
      else if (datatype !== undefined && datatype !== null) type = toStr(datatype);
      if (q.hasColumn(name)) throw expressionError(`function [queryAddColumn]: column [${name}] already exists in the query`);
      q.addColumn(name, values ?? [], type || undefined);
      return q.columns.length;
    },
  },
  {
    name: 'queryDeleteColumn',
    params: [qParam, { name: 'column', type: 'string', required: true }],
    members: m('deleteColumn', true),
    impl: (_c, q: Query, column: string) => q.removeColumn(column).slice(),
  },
  {
    name: 'queryDeleteRow',
    params: [qParam, { name: 'row', type: 'numeric' }],
    members: m('deleteRow', true),
    impl: (_c, q: Query, row?: number) => {
      const r = row === undefined || row === -9999 ? q.recordCount : checkRow('queryDeleteRow', q, row);
      if (r < 1) throw expressionError('function [queryDeleteRow]: the query has no rows');
      q.deleteRow(r);
      if (q.currentRow > Math.max(1, q.recordCount)) q.currentRow = Math.max(1, q.recordCount);
      return true;
    },
  },
  {
    name: 'valueList',
    params: [{ name: 'column', type: 'any', required: true }, { name: 'delimiter', type: 'string', default: ',' }],
    impl: (ctx, column: unknown, delimiter: string) => columnValues(ctx, 'valueList', column).map(cellText).join(delimiter),
  },
  {
    name: 'quotedValueList',
    params: [{ name: 'column', type: 'any', required: true }, { name: 'delimiter', type: 'string', default: ',' }],
    impl: (ctx, column: unknown, delimiter: string) =>
      columnValues(ctx, 'quotedValueList', column)
        .map((v) => `'${cellText(v)}'`)
        .join(delimiter),
  },
  ...(['queryColumnExists', 'queryKeyExists'] as const).map(
    (name): FunctionDef => ({
      name,
      params: [qParam, { name: name === 'queryKeyExists' ? 'key' : 'column', type: 'string', required: true }],
      members: m(name === 'queryKeyExists' ? 'keyExists' : 'columnExists'),
      impl: (_c, q: Query, column: string) => q.hasColumn(column),
    }),
  ),
  {
    name: 'queryColumnList',
    params: [qParam, { name: 'delimiter', type: 'string', default: ',' }],
    members: m('columnList'),
    impl: (_c, q: Query, delimiter: string) => q.columns.join(delimiter),
  },
  { name: 'queryColumnArray', params: [qParam], members: m('columnArray'), impl: (_c, q: Query) => q.columns.slice() },
  { name: 'queryColumnCount', params: [qParam], members: m('columnCount'), impl: (_c, q: Query) => q.columns.length },
  { name: 'queryRecordCount', params: [qParam], members: m('recordCount'), impl: (_c, q: Query) => q.recordCount },
  { name: 'queryCurrentRow', params: [qParam], members: m('currentRow'), impl: (_c, q: Query) => q.currentRow },
  { name: 'queryIsEmpty', params: [qParam], members: m('isEmpty'), impl: (_c, q: Query) => q.recordCount === 0 },
  {
    name: 'queryClear',
    params: [qParam],
    members: m('clear'),
    impl: (_c, q: Query) => {
      for (const c of q.columns) q.column(c).length = 0;
      q.recordCount = 0;
      q.currentRow = 1;
      return q;
    },
  },
  {
    name: 'queryGetRow',
    params: [qParam, { name: 'rowNumber', type: 'numeric', required: true }],
    members: m('getRow'),
    impl: (_c, q: Query, row: number) => rowStruct(q, checkRow('queryGetRow', q, row)),
  },
  {
    name: 'queryRowData',
    params: [qParam, { name: 'rowNumber', type: 'numeric', required: true }, { name: 'format', type: 'string', default: 'struct' }],
    members: m('rowData'),
    impl: (_c, q: Query, row: number, format: string) => {
      const r = checkRow('queryRowData', q, row);
      const f = format.trim().toLowerCase();
      if (f === 'array') return q.columns.map((c) => q.column(c)[r - 1]);
      if (f !== 'struct') throw expressionError(`invalid format [${format}] for function [queryRowData], valid values are [struct, array]`);
      return rowStruct(q, r);
    },
  },
  {
    name: 'queryColumnData',
    params: [qParam, { name: 'columnName', type: 'string', required: true }, { name: 'closure', type: 'function' }],
    members: [...m('columnData'), ...m('valueArray')],
    impl: (ctx, q: Query, column: string, fn?: CfFunction) => {
      const values = q.column(column).slice();
      return fn ? values.map((v) => callClosure(ctx, fn, [v])) : values;
    },
  },
  {
    name: 'queryEach',
    params: iterParams(),
    members: m('each', true),
    impl: (ctx, q: Query, fn: CfFunction) => {
      eachRow(q, (r) => void ctx.call(fn, [rowStruct(q, r), r, q]));
      return null;
    },
  },
  {
    name: 'queryFilter',
    params: iterParams(),
    members: m('filter'),
    impl: (ctx, q: Query, fn: CfFunction) => {
      const keep: number[] = [];
      eachRow(q, (r) => {
        if (predicateResult('queryFilter', ctx.call(fn, [rowStruct(q, r), r, q]))) keep.push(r);
      });
      return copyRows(q, keep);
    },
  },
  {
    name: 'queryMap',
    params: iterParams(),
    members: m('map'),
    impl: (ctx, q: Query, fn: CfFunction) => {
      const out = copyQueryShape(q);
      eachRow(q, (r) => {
        const res = simple(callClosure(ctx, fn, [rowStruct(q, r), r, q]));
        if (!(res instanceof Struct)) throw expressionError(`the closure passed to function [queryMap] must return a struct (the new row), got ${typeName(res)}`);
        appendRowFromStruct('queryMap', out, res);
      });
      return out;
    },
  },
  {
    name: 'queryReduce',
    params: [qParam, { name: 'callback', type: 'function', required: true }, { name: 'initialValue', type: 'any' }],
    members: m('reduce'),
    impl: (ctx, q: Query, fn: CfFunction, initial: unknown) => {
      let acc: unknown = initial === undefined ? null : initial;
      eachRow(q, (r) => {
        acc = callClosure(ctx, fn, [acc, rowStruct(q, r), r, q]);
      });
      return acc;
    },
  },
  {
    name: 'querySome',
    params: iterParams(),
    members: m('some'),
    impl: (ctx, q: Query, fn: CfFunction) => {
      let found = false;
      eachRow(q, (r) => !(found = predicateResult('querySome', ctx.call(fn, [rowStruct(q, r), r, q]))));
      return found;
    },
  },
  {
    name: 'queryEvery',
    params: iterParams(),
    members: m('every'),
    impl: (ctx, q: Query, fn: CfFunction) => {
      let all = true;
      eachRow(q, (r) => (all = predicateResult('queryEvery', ctx.call(fn, [rowStruct(q, r), r, q]))));
      return all;
    },
  },
  {
    name: 'querySlice',
    params: [qParam, { name: 'offset', type: 'numeric', required: true }, { name: 'length', type: 'numeric' }],
    members: m('slice'),
    impl: (_c, q: Query, offset: number, length?: number) => {
      let off = toInt(offset);
      if (off < 0) off = q.recordCount + off + 1;
      if (off < 1 || off > q.recordCount) throw expressionError(`invalid offset [${offset}] for function [querySlice], the query has ${q.recordCount} rows`);
      const n = length === undefined ? q.recordCount - off + 1 : toInt(length);
      if (n < 0 || off - 1 + n > q.recordCount) throw expressionError(`invalid length [${length}] for function [querySlice]: offset ${off} plus length goes past the last row (${q.recordCount})`);
      return copyRows(q, Array.from({ length: n }, (_, i) => off + i));
    },
  },
  {
    name: 'querySort',
    params: [qParam, { name: 'sortFunction', type: 'any', required: true }, { name: 'direction', type: 'string', default: 'asc' }],
    members: m('sort', true),
    impl: (ctx, q: Query, sortBy: unknown, direction: string) => {
      const rows = Array.from({ length: q.recordCount }, (_, i) => i + 1);
      if (sortBy instanceof CfFunction) {
        const cmp = closureComparator(ctx, 'querySort', sortBy);
        const structs = rows.map((r) => rowStruct(q, r));
        rows.sort((a, b) => cmp(structs[a - 1], structs[b - 1]));
      } else {
        const cols = names('querySort', sortBy, 'the column list');
        const dirs = direction.split(',').map((d) => d.trim());
        const keys = cols.map((c, i) => ({ col: q.column(c), dir: sortDirection('querySort', dirs[i] ?? dirs[dirs.length - 1] ?? 'asc') }));
        rows.sort((a, b) => {
          for (const k of keys) {
            const d = compareCells(k.col[a - 1], k.col[b - 1]) * k.dir;
            if (d) return d;
          }
          return 0;
        });
      }
      reorder(q, rows);
      return true;
    },
  },
];

/** Empty/null cells sort first; other values compare the CFML way (numeric, date or text without case). */
function compareCells(a: unknown, b: unknown): number {
  const ea = isMissing(a) || a === '';
  const eb = isMissing(b) || b === '';
  if (ea || eb) return ea && eb ? 0 : ea ? -1 : 1;
  return compareValues(a, b);
}
