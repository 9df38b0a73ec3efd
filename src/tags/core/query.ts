/**
 * <cfquery> and <cfqueryparam>. The body is the SQL, with #expr# evaluated (single quotes in
 * string values doubled, see TagDef.sqlBody). `dbtype="query"` runs a query of queries, where each
 * cfqueryparam becomes a `?`; otherwise the statement goes to a datasource (src/db), each
 * cfqueryparam binding its values apart from the SQL text.
 */
import { randomBytes } from 'node:crypto';
import { defineTag, Signal, type TagCall } from '../types.js';
import type { Ctx } from '../../runtime/context.js';
import { andThen, isThenable } from '../../runtime/maybe.js';
import { toBool, toNum, toStr } from '../../runtime/cast.js';
import { runQueryOfQueries, type QoqParam } from '../../runtime/qoq/execute.js';
import { resultInfo, shapeResult, toQoqParam } from '../../runtime/qoq/params.js';
import { executeQuery } from '../../db/execute.js';
import { bindParam } from '../../db/params.js';
import { fromMarkedText, paramMarker, type SqlShape, type SqlTemplate } from '../../db/statement.js';
import type { BoundParam } from '../../db/types.js';
import type { TagNode } from '../../parser/ast.js';

/** The parameters collected while a cfquery body renders: `?` for QoQ, nonce markers for a datasource. */
type Collector = { kind: 'qoq'; params: QoqParam[] } | { kind: 'db'; params: BoundParam[][] };

/** The parameter markers' nonce: random per process, never shown (see fromMarkedText); made on first use, so a process that runs no query never loads node:crypto. */
let nonce: string | undefined;
const processNonce = () => (nonce ??= randomBytes(9).toString('base64url'));

/** Per render, innermost cfquery last. */
const collectors = new WeakMap<Ctx, Collector[]>();

/** The markers of the first cfqueryparams of a cfquery, made once. */
const MARKERS: string[] = [];
const marker = (i: number) => MARKERS[i] ?? (i < 256 ? (MARKERS[i] = paramMarker(processNonce(), i)) : paramMarker(processNonce(), i));

/**
 * The last SQL text of each cfquery as written, split at its parameter markers: a statement
 * usually comes out the same on every run (its values travel apart), so the split and the SQL
 * rendered for the driver (SqlShape) are done once, not per run.
 */
interface SplitText extends SqlShape {
  text: string;
  /** How many cfqueryparams wrote a marker (a marker only parses when its parameter exists). */
  count: number;
  texts: string[];
  order: number[];
}
const lastText = new WeakMap<TagNode, SplitText>();

/**
 * Whether a cfquery body is text and cfqueryparams only (no #expr#, no other tag): its SQL text
 * then comes out the same on every run, so the last split is reused without comparing the text.
 */
const staticBody = new WeakMap<TagNode, boolean>();
function isStatic(node: TagNode): boolean {
  let s = staticBody.get(node);
  if (s === undefined) {
    s = (node.body ?? []).every((st) => st.kind === 'text' || (st.kind === 'tag' && st.name === 'queryparam'));
    staticBody.set(node, s);
  }
  return s;
}

/** The statement of a cfquery body: from the split of the same text last time, or split now. */
function templateOf(node: TagNode, text: string, params: BoundParam[][]): SqlTemplate {
  const last = lastText.get(node);
  if (last && last.count === params.length && (isStatic(node) || last.text === text)) {
    const ordered = new Array<BoundParam[]>(last.order.length);
    for (let i = 0; i < ordered.length; i++) ordered[i] = params[last.order[i]!]!;
    return { texts: last.texts, params: ordered, shape: last };
  }
  const t = fromMarkedText(text, processNonce(), params);
  const split: SplitText = { text, count: params.length, texts: t.texts, order: t.order, rendered: {} };
  lastText.set(node, split);
  return { texts: t.texts, params: t.params, shape: split };
}

export const queryTag = defineTag({
  name: 'query',
  body: 'required',
  // `query { echo("select 1"); }` in script: no name, the application's default datasource
  scriptBare: true,
  interpolates: true,
  sqlBody: true,
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
    const ctx = call.ctx;
    let stack = collectors.get(ctx);
    if (!stack) collectors.set(ctx, (stack = []));
    const col: Collector = dbtype === 'query' ? { kind: 'qoq', params: [] } : { kind: 'db', params: [] };
    stack.push(col);
    // the SQL text is always captured: enablecfoutputonly and cffunction output="false" govern the page's output, not the SQL
    const frame = ctx.frame;
    const outputOff = frame?.outputOff ?? false;
    if (frame) frame.outputOff = false;
    ctx.outputDepth++;
    const restore = () => {
      stack!.pop();
      ctx.outputDepth--;
      if (frame) frame.outputOff = outputOff;
    };
    let sql: string | Promise<string>;
    try {
      sql = call.capture();
    } catch (e) {
      restore();
      throw e;
    }
    const finish = (text: string) => (col.kind === 'qoq' ? finishQoq(call, text, col.params) : finishDb(call, text, col));
    if (isThenable(sql)) {
      return (sql as Promise<string>).then(
        (text) => (restore(), finish(text)),
        (e) => (restore(), Promise.reject(e)),
      );
    }
    restore();
    return finish(sql as string);
  },
});

function setResults(call: TagCall, value: unknown, result: unknown): Signal {
  const a = call.attrs;
  const rt = a.returntype === undefined ? 'query' : toStr(a.returntype);
  if (a.name !== undefined) call.setVariable(toStr(a.name), shapeResult(value as never, rt, a.columnkey === undefined ? undefined : toStr(a.columnkey)));
  if (a.result !== undefined) call.setVariable(toStr(a.result), result);
  return Signal.Normal;
}

function finishQoq(call: TagCall, text: string, params: QoqParam[]): Signal {
  const a = call.attrs;
  const q = runQueryOfQueries({
    sql: text,
    positional: params,
    table: (n) => call.ctx.engine.getterFor(n, call.node.loc)(call.ctx),
    maxrows: a.maxrows === undefined || a.maxrows === -1 ? undefined : (a.maxrows as number),
  });
  return setResults(call, q, resultInfo(q, text.trim(), params));
}

function finishDb(call: TagCall, text: string, col: Extract<Collector, { kind: 'db' }>) {
  const a = call.attrs;
  const str = (v: unknown) => (v === undefined ? undefined : toStr(v));
  const out = executeQuery(
    call.ctx,
    templateOf(call.node, text, col.params),
    {
      datasource: a.datasource,
      maxrows: a.maxrows as number | undefined,
      timeout: a.timeout === undefined || a.timeout === '' ? undefined : toNum(a.timeout),
      cachedwithin: a.cachedwithin,
      cachedafter: a.cachedafter,
      username: str(a.username),
      password: str(a.password),
      wantResult: a.result !== undefined,
      wantQuery: a.name !== undefined,
    },
    call.node.loc,
  );
  return andThen(out, (o) => setResults(call, o.query, o.result));
}

export const queryparamTag = defineTag({
  name: 'queryparam',
  attrs: [
    { name: 'value' }, { name: 'cfsqltype', aliases: ['sqltype'] }, { name: 'list', type: 'boolean' }, { name: 'separator' },
    { name: 'null', type: 'boolean' }, { name: 'maxlength' }, { name: 'scale' }, { name: 'type' },
  ],
  run(call) {
    const stack = collectors.get(call.ctx);
    const col = stack?.[stack.length - 1];
    if (!col) throw call.error('cfqueryparam must be inside a cfquery');
    const a = call.attrs;
    const isNull = a.null === true;
    if (a.value === undefined && !isNull) throw call.error('Attribute [value] is required for tag [cfqueryparam] (or null="true")');
    const cfsqltype = a.cfsqltype === undefined ? undefined : toStr(a.cfsqltype);
    const list = a.list === undefined ? false : toBool(a.list);
    const separator = a.separator === undefined ? undefined : toStr(a.separator);
    if (col.kind === 'db') {
      const maxLength = a.maxlength === undefined || a.maxlength === '' ? undefined : toNum(a.maxlength);
      const scale = a.scale === undefined || a.scale === '' ? undefined : toNum(a.scale);
      col.params.push(bindParam({ value: a.value, cfsqltype, list, separator, null: isNull, maxLength, scale }));
      call.write(marker(col.params.length - 1));
      return;
    }
    const value = a.value;
    if (a.maxlength !== undefined && typeof value === 'string' && value.length > toNum(a.maxlength)) {
      throw call.error(`the value of cfqueryparam is ${value.length} characters long, more than maxlength [${toStr(a.maxlength)}]`);
    }
    col.params.push(toQoqParam({ value, cfsqltype, list, separator, null: isNull }, 'cfqueryparam'));
    call.write('?');
  },
});
