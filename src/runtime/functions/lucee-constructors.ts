import type { FunctionDef } from './types.js';
import { expressionError } from '../errors.js';
import { simple, typeName } from '../cast.js';
import { Struct } from '../struct.js';
import { Query, QueryColumnRef } from '../query.js';

/** A query column's values as an array (a column reference or an array). */
function columnValues(fn: string, name: string, v: unknown): unknown[] {
  if (v instanceof QueryColumnRef) return v.values();
  v = simple(v);
  if (Array.isArray(v)) return v;
  throw expressionError(`function [${fn}]: the column [${name}] must be an array of values, not a ${typeName(v)}`);
}

/**
 * Lucee's constructor functions and queryInsertAt:
 * - `array(v1, v2, ...)`: a new array of the arguments.
 * - `struct(k1=v1, ...)` / `struct(k1: v1)`: a new struct of the named arguments.
 * - `query(col1: [..], col2: [..])`: a new query with a column per named argument; shorter
 *   columns are filled with "" up to the longest.
 * - `queryInsertAt(query, value, position)`: inserts the rows of another query (by column name)
 *   or one row from a struct before `position` (1 to recordCount + 1); returns the query, changed.
 */
export const luceeConstructorFunctions: FunctionDef[] = [
  {
    name: 'array',
    params: [],
    variadic: true,
    impl: (_c, ...values: unknown[]) => values.map((v) => (v === undefined ? null : v)),
  },
  {
    name: 'struct',
    params: [],
    namedArgs: true,
    impl: (_c, named?: unknown) => {
      if (named === undefined) return new Struct();
      if (named instanceof Struct) return named;
      throw expressionError('function [struct] takes named arguments only: struct(key=value, ...)');
    },
  },
  {
    name: 'query',
    params: [],
    namedArgs: true,
    impl: (_c, named?: unknown) => {
      const q = new Query();
      if (named === undefined) return q;
      if (!(named instanceof Struct)) throw expressionError('function [query] takes named arguments only: query(column: [values], ...)');
      for (const [k, v] of named.entries()) q.addColumn(k, columnValues('query', k, v));
      return q;
    },
  },
  {
    name: 'queryInsertAt',
    params: [
      { name: 'query', type: 'query', required: true },
      { name: 'value', type: 'any', required: true },
      { name: 'position', type: 'numeric', required: true },
    ],
    members: [{ type: 'query', name: 'insertAt', returnsReceiver: true }],
    impl: (_c, q: Query, value: unknown, position: number) => {
      value = simple(value);
      if (value instanceof Query) {
        const at = q.insertRows(position, value.recordCount);
        for (const c of q.columns) {
          if (!value.hasColumn(c)) continue;
          const src = value.column(c);
          for (let i = 0; i < value.recordCount; i++) q.setCell(c, src[i], at + i);
        }
      } else if (value instanceof Struct) {
        const at = q.insertRows(position, 1);
        for (const [k, v] of value.entries()) if (q.hasColumn(k)) q.setCell(k, v, at);
      } else {
        throw expressionError(`function [queryInsertAt]: the value must be a query or a struct, not a ${typeName(value)}`);
      }
      return q;
    },
  },
];
