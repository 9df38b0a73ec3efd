/**
 * Query functions that move, merge and reshape rows, as Lucee's:
 * - `querySetRow(query, rowNumber, rowData)`: sets one row from a struct (by column name) or an
 *   array (by column position; extra values are ignored); a row number below 1 (or none) adds a
 *   row at the end. Returns true.
 * - `queryAppend(query1, query2)` / `queryPrepend(query1, query2)`: adds the rows of query2 after
 *   (before) those of query1, which is changed and returned; both must have the same columns.
 * - `queryReverse(query)`: a new query with the rows in reverse order.
 * - `queryRowSwap(query, source, destination)`: swaps two rows in place and returns the query.
 * - `queryRenameColumn(query, column, newColumnName)`.
 * - `queryToStruct(query, columnKey, structType="ordered", valueRowNumber=false)`: a struct keyed
 *   by the values of one column, holding each row as a struct (or its row number).
 * - member `q.valueList(column, delimiter)` and the Java method `q.getColumnCount()`.
 */
import { applicationError, expressionError } from '../errors.js';
import { simple, toStr, typeName } from '../cast.js';
import { Struct } from '../struct.js';
import { Query } from '../query.js';
import type { FunctionDef, MemberSpec, ParamSpec } from './types.js';
import { copyQueryShape, isMissing, rowStruct } from './collection-util.js';

const q = (name = 'query'): ParamSpec => ({ name, type: 'query', required: true });
const num = (name: string, required = true): ParamSpec => ({ name, type: 'numeric', required });
const m = (name: string): MemberSpec[] => [{ type: 'query', name }];

/** Row n of a function's arguments: a whole number from 1 to recordCount. */
function rowArg(fn: string, arg: string, qry: Query, n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > qry.recordCount) {
    throw expressionError(`invalid argument [${arg}] for function [${fn}]: row [${n}] doesn't exist, the query has ${qry.recordCount} rows`);
  }
  return n;
}

/** queryAppend/queryPrepend: both queries must have the same column names (in any order). */
function sameColumns(fn: string, a: Query, b: Query): void {
  if (a.columns.length !== b.columns.length || !b.columns.every((c) => a.hasColumn(c))) {
    throw applicationError(`function [${fn}]: the column names [${a.columns.join(', ')}] of the first query do not match the column names [${b.columns.join(', ')}] of the second query`);
  }
}

/** Copies the rows of `src` into `dst` from row `at` on (rows there must exist). */
function copyInto(dst: Query, src: Query, at: number): void {
  for (const c of src.columns) {
    const from = src.column(c);
    const to = dst.column(c);
    for (let i = 0; i < src.recordCount; i++) to[at - 1 + i] = from[i];
  }
}

const STRUCT_TYPES = new Set(['ordered', 'linked', 'normal', 'regular', 'weak', 'weaked', 'soft', 'sync', 'synchronized', 'syncronized']);

/** queryAppend / queryPrepend: the rows of query2 (same columns) put into query1 at `at(query1)`, as Lucee's. */
function joinDef(name: string, member: string, at: (a: Query) => number): FunctionDef {
  return {
    name,
    params: [q('query1'), q('query2')],
    members: m(member),
    impl: (_c, a: Query, b: Query) => {
      sameColumns(name, a, b);
      if (b.recordCount === 0) return a;
      const row = at(a);
      a.insertRows(row, b.recordCount, name);
      copyInto(a, b, row);
      return a;
    },
  };
}

export const queryRowFunctions: FunctionDef[] = [
  {
    name: 'querySetRow',
    params: [q(), { name: 'rowNumber', type: 'any' }, { name: 'rowData', type: 'any' }],
    members: m('setRow'),
    impl: (_c, qry: Query, rowNumber: unknown, rowData: unknown) => {
      // Lucee: querySetRow(query, rowData) adds a row
      if (rowData === undefined) [rowNumber, rowData] = [0, rowNumber];
      if (rowData === undefined) throw expressionError('function [querySetRow] needs the argument [rowData]');
      let row = rowNumber === undefined || rowNumber === null || rowNumber === '' ? 0 : Number(toStr(simple(rowNumber)));
      if (!(row >= 1)) row = qry.addRows(1, 'querySetRow');
      else rowArg('querySetRow', 'rowNumber', qry, row);
      const data = simple(rowData);
      if (data instanceof Struct) for (const [k, v] of data.entries()) qry.setCell(k, v, row);
      else if (Array.isArray(data)) qry.columns.forEach((c, i) => i < data.length && qry.setCell(c, data[i] ?? '', row));
      else throw expressionError(`invalid argument [rowData] for function [querySetRow]: it must be a struct or an array, not a ${typeName(data)}`);
      return true;
    },
  },
  joinDef('queryAppend', 'append', (a) => a.recordCount + 1),
  joinDef('queryPrepend', 'prepend', () => 1),
  {
    name: 'queryReverse',
    params: [q()],
    members: m('reverse'),
    impl: (_c, qry: Query) => {
      const out = copyQueryShape(qry);
      if (qry.recordCount) out.addRows(qry.recordCount, 'queryReverse');
      const n = qry.recordCount;
      for (const c of qry.columns) {
        const from = qry.column(c);
        const to = out.column(c);
        for (let i = 0; i < n; i++) to[i] = from[n - 1 - i];
      }
      return out;
    },
  },
  {
    name: 'queryRowSwap',
    params: [q(), num('source'), num('destination')],
    members: m('rowSwap'),
    impl: (_c, qry: Query, source: number, destination: number) => {
      const a = rowArg('queryRowSwap', 'source', qry, source) - 1;
      const b = rowArg('queryRowSwap', 'destination', qry, destination) - 1;
      for (const c of qry.columns) {
        const col = qry.column(c);
        [col[a], col[b]] = [col[b], col[a]];
      }
      return qry;
    },
  },
  {
    name: 'queryRenameColumn',
    params: [q(), { name: 'column', type: 'string', required: true }, { name: 'newColumnName', type: 'string', required: true }],
    members: m('renameColumn'),
    impl: (_c, qry: Query, column: string, newName: string) => {
      if (newName.trim() === '') throw expressionError('invalid argument [newColumnName] for function [queryRenameColumn]: the name must not be empty');
      qry.renameColumn(column, newName.trim());
      return null;
    },
  },
  {
    name: 'queryToStruct',
    params: [q(), { name: 'columnKey', type: 'string', required: true }, { name: 'structType', type: 'string', default: 'ordered' }, { name: 'valueRowNumber', type: 'boolean', default: false }],
    members: m('toStruct'),
    impl: (_c, qry: Query, columnKey: string, structType: string, valueRowNumber: boolean) => {
      if (columnKey.trim() === '') throw expressionError('invalid argument [columnKey] for function [queryToStruct]: it must not be empty');
      if (!STRUCT_TYPES.has(structType.trim().toLowerCase())) {
        throw expressionError(`invalid argument [structType] for function [queryToStruct]: valid struct types are [normal, weak, linked, ordered, soft, synchronized]`);
      }
      const out = new Struct();
      const keys = qry.column(columnKey);
      for (let r = 1; r <= qry.recordCount; r++) out.set(toStr(keys[r - 1]), valueRowNumber ? r : rowStruct(qry, r));
      return out;
    },
  },
  {
    name: 'query.valueList',
    memberOnly: true,
    params: [q(), { name: 'column', type: 'string', required: true }, { name: 'delimiter', type: 'string', default: ',' }],
    members: m('valueList'),
    impl: (_c, qry: Query, column: string, delimiter: string) =>
      qry
        .column(column)
        .map((v) => (isMissing(v) ? '' : toStr(v)))
        .join(delimiter),
  },
  {
    // the Java method of Lucee's query object
    name: 'query.getColumnCount',
    memberOnly: true,
    params: [q()],
    members: m('getColumnCount'),
    impl: (_c, qry: Query) => qry.columns.length,
  },
];
