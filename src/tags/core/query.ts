/**
 * <cfquery dbtype="query"> (query of queries) and <cfqueryparam>. The body is the SQL, with
 * #expr# evaluated; each cfqueryparam in it becomes a `?` bound to its value. There are no
 * datasources: any other cfquery is an error saying so.
 */
import { defineTag, Signal } from '../types.js';
import type { Ctx } from '../../runtime/context.js';
import { isThenable } from '../../runtime/maybe.js';
import { toBool, toNum, toStr } from '../../runtime/cast.js';
import { runQueryOfQueries, type QoqParam } from '../../runtime/qoq/execute.js';
import { resultInfo, shapeResult, toQoqParam } from '../../runtime/qoq/params.js';

/** The cfqueryparam values collected while a cfquery body renders, innermost cfquery last. */
const collectors = new WeakMap<Ctx, QoqParam[][]>();

export const queryTag = defineTag({
  name: 'query',
  body: 'required',
  interpolates: true,
  anyAttrs: true,
  attrs: [
    { name: 'name' }, { name: 'dbtype' }, { name: 'datasource' }, { name: 'maxrows', type: 'number' }, { name: 'result' },
    { name: 'returntype', values: ['query', 'array', 'struct', 'array_of_struct', 'struct_of_struct'] }, { name: 'columnkey' },
    { name: 'username' }, { name: 'password' }, { name: 'timeout' }, { name: 'cachedwithin' }, { name: 'cachedafter' },
    { name: 'blockfactor' }, { name: 'debug' }, { name: 'psq' }, { name: 'lazy' },
  ],
  run(call) {
    const a = call.attrs;
    const dbtype = a.dbtype === undefined ? '' : toStr(a.dbtype).toLowerCase();
    if (dbtype !== 'query') {
      throw call.error('datasources are not supported; use dbtype="query" to query a query variable', {
        type: 'Database',
        detail: a.datasource !== undefined ? `cfquery datasource="${toStr(a.datasource)}" needs a database connection, which this engine does not have` : 'cfquery without dbtype="query" needs a datasource',
      });
    }
    const ctx = call.ctx;
    let stack = collectors.get(ctx);
    if (!stack) collectors.set(ctx, (stack = []));
    const params: QoqParam[] = [];
    stack.push(params);
    const finish = (text: string): Signal => {
      const q = runQueryOfQueries({
        sql: text,
        positional: params,
        table: (n) => ctx.engine.getterFor(n, call.node.loc)(ctx),
        maxrows: a.maxrows === undefined || a.maxrows === -1 ? undefined : (a.maxrows as number),
      });
      const rt = a.returntype === undefined ? 'query' : toStr(a.returntype);
      if (a.name !== undefined) call.setVariable(toStr(a.name), shapeResult(q, rt, a.columnkey === undefined ? undefined : toStr(a.columnkey)));
      if (a.result !== undefined) call.setVariable(toStr(a.result), resultInfo(q, text.trim(), params));
      return Signal.Normal;
    };
    let sql: string | Promise<string>;
    try {
      sql = call.capture();
    } catch (e) {
      stack.pop();
      throw e;
    }
    if (isThenable(sql)) {
      return (sql as Promise<string>).then(
        (text) => (stack!.pop(), finish(text)),
        (e) => (stack!.pop(), Promise.reject(e)),
      );
    }
    stack.pop();
    return finish(sql as string);
  },
});

export const queryparamTag = defineTag({
  name: 'queryparam',
  attrs: [
    { name: 'value' }, { name: 'cfsqltype', aliases: ['sqltype'] }, { name: 'list', type: 'boolean' }, { name: 'separator' },
    { name: 'null', type: 'boolean' }, { name: 'maxlength' }, { name: 'scale' }, { name: 'type' },
  ],
  run(call) {
    const stack = collectors.get(call.ctx);
    const params = stack?.[stack.length - 1];
    if (!params) throw call.error('cfqueryparam must be inside a cfquery');
    const a = call.attrs;
    const isNull = a.null === true;
    if (a.value === undefined && !isNull) throw call.error('Attribute [value] is required for tag [cfqueryparam] (or null="true")');
    const value = a.value;
    if (a.maxlength !== undefined && typeof value === 'string' && value.length > toNum(a.maxlength)) {
      throw call.error(`the value of cfqueryparam is ${value.length} characters long, more than maxlength [${toStr(a.maxlength)}]`);
    }
    const p = toQoqParam(
      {
        value,
        cfsqltype: a.cfsqltype === undefined ? undefined : toStr(a.cfsqltype),
        list: a.list === undefined ? false : toBool(a.list),
        separator: a.separator === undefined ? undefined : toStr(a.separator),
        null: isNull,
      },
      'cfqueryparam',
    );
    params.push(p);
    call.write('?');
  },
});
