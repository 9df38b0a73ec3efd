/**
 * queryExecute(sql, params, options): only query of queries (`{dbtype: "query"}`) runs here;
 * there are no datasources. `?` takes params from an array, `:name` from a struct; each may be a
 * plain value or {value, cfsqltype, list, separator, null}. Options: maxrows, returntype
 * (query/array/struct with columnKey), result (name of a variable for the result info).
 */
import { expressionError } from '../errors.js';
import { Struct } from '../struct.js';
import { simple, toNum, toStr, typeName } from '../cast.js';
import { runQueryOfQueries } from '../qoq/execute.js';
import { queryExecuteParams, resultInfo, shapeResult } from '../qoq/params.js';
import type { FnContext, FunctionDef } from './types.js';

export const queryExecuteFunctions: FunctionDef[] = [
  {
    name: 'queryExecute',
    params: [
      { name: 'sql', type: 'string', required: true },
      { name: 'params', type: 'any' },
      { name: 'options', type: 'any' },
    ],
    impl: (ctx: FnContext, sql: string, params: unknown, options: unknown) => {
      options = simple(options);
      if (options !== undefined && options !== null && !(options instanceof Struct)) {
        throw expressionError(`the options of queryExecute must be a struct, not a ${typeName(options)}`);
      }
      const opt = (k: string) => (options instanceof Struct && options.has(k) ? options.get(k) : undefined);
      const dbtype = opt('dbtype');
      if (dbtype === undefined || toStr(dbtype).toLowerCase() !== 'query') {
        throw expressionError('datasources are not supported; use queryExecute(sql, params, {dbtype: "query"}) to query a query variable', {
          detail: opt('datasource') !== undefined ? `datasource [${toStr(opt('datasource'))}] needs a database connection, which this engine does not have` : 'queryExecute without dbtype "query" needs a datasource',
        });
      }
      const { positional, named } = queryExecuteParams(params);
      const maxrows = opt('maxrows') === undefined ? undefined : toNum(opt('maxrows'));
      const q = runQueryOfQueries({ sql, positional, named, table: (n) => ctx.getVariable(n), maxrows: maxrows === -1 ? undefined : maxrows });
      const result = opt('result');
      if (result !== undefined) ctx.setVariable(toStr(result), resultInfo(q, sql.trim(), [...positional, ...named.values()]));
      const rt = opt('returntype');
      const ck = opt('columnkey');
      return shapeResult(q, rt === undefined ? 'query' : toStr(rt), ck === undefined ? undefined : toStr(ck));
    },
  },
];
