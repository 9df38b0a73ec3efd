/**
 * queryExecute(sql, params, options). `?` takes params from an array, `:name` from a struct; each
 * may be a plain value or {value, cfsqltype, list, separator, null, maxLength, scale}. Options:
 * datasource (else the default one), dbtype "query" (query of queries), maxrows, timeout,
 * cachedWithin, cachedAfter, result (name of a variable for the result info), returntype
 * (query/array/struct with columnKey), username/password. On PostgreSQL and MySQL it answers
 * with a promise (FunctionDef.async).
 */
import { expressionError } from '../errors.js';
import { Struct } from '../struct.js';
import { simple, toNum, toStr, typeName } from '../cast.js';
import { andThen } from '../maybe.js';
import { runQueryOfQueries } from '../qoq/execute.js';
import { queryExecuteParams, resultInfo, shapeResult } from '../qoq/params.js';
import { executeQuery } from '../../db/execute.js';
import { fromQueryExecute } from '../../db/statement.js';
import type { FnContext, FunctionDef } from './types.js';

export const queryExecuteFunctions: FunctionDef[] = [
  {
    name: 'queryExecute',
    async: true,
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
      const str = (k: string) => (opt(k) === undefined ? undefined : toStr(opt(k)));
      const rt = str('returntype') ?? 'query';
      const ck = str('columnkey');
      const result = str('result');
      const dbtype = str('dbtype');
      if (dbtype !== undefined && dbtype.toLowerCase() === 'query') {
        const { positional, named } = queryExecuteParams(params);
        const maxrows = opt('maxrows') === undefined ? undefined : toNum(opt('maxrows'));
        const q = runQueryOfQueries({ sql, positional, named, table: (n) => ctx.getVariable(n), maxrows: maxrows === -1 ? undefined : maxrows });
        if (result !== undefined) ctx.setVariable(result, resultInfo(q, sql.trim(), [...positional, ...named.values()]));
        return shapeResult(q, rt, ck);
      }
      if (!ctx.ctx) throw expressionError('queryExecute with a datasource needs a page render');
      const out = executeQuery(
        ctx.ctx,
        fromQueryExecute(sql, params),
        {
          datasource: opt('datasource'),
          maxrows: opt('maxrows') === undefined ? undefined : toNum(opt('maxrows')),
          timeout: opt('timeout') === undefined ? undefined : toNum(opt('timeout')),
          cachedwithin: opt('cachedwithin'),
          cachedafter: opt('cachedafter'),
          username: str('username'),
          password: str('password'),
          wantResult: result !== undefined,
        },
        ctx.loc,
      );
      return andThen(out, (o) => {
        if (result !== undefined) ctx.setVariable(result, o.result);
        return shapeResult(o.query, rt, ck);
      });
    },
  },
  {
    name: 'preserveSingleQuotes',
    params: [{ name: 'string', type: 'string', required: true }],
    // the escaping it switches off happens where cfquery prints #expr# (TagDef.sqlBody)
    impl: (_ctx, s: string) => s,
  },
];
