import type { Ctx } from './context.js';
import { Struct } from './struct.js';
import { CfmlError, ErrorCode } from './errors.js';
import { isSimple, toStr } from './cast.js';
import { andThen } from './maybe.js';
import type { MaybePromise } from './exec.js';
import { createInstance, invokeMethod } from './components/api.js';
import type { ComponentClass } from './components/class.js';
import { parseJson, queryFormatOf, serialize } from './functions/json.js';

/**
 * A remote call: `GET|POST /path/x.cfc?method=name&arg=value` (Lucee's "component as a web
 * service over HTTP"). Built from the request's url and form scopes by {@link remoteCallOf}.
 */
export interface RemoteCall {
  /** Absolute path of the `.cfc`. */
  file: string;
  /** The method name as given. */
  method: string;
  /**
   * Named arguments: every url and form field but method, returnFormat, queryFormat and
   * argumentCollection; a JSON struct in argumentCollection is merged in (the fields win).
   */
  args: Struct;
  /** url/form `returnFormat`, when given: json, plain (wddx is refused). */
  returnFormat?: string;
  /** url/form `queryFormat` for JSON: row (default), column, struct. */
  queryFormat?: string;
}

const CONTROL = new Set(['method', 'returnformat', 'queryformat', 'argumentcollection', 'fieldnames']);

/** The remote call a request makes on a component (url fields first, form fields over them). */
export function remoteCallOf(file: string, url: Struct, form: Struct): RemoteCall {
  const pick = (k: string) => form.get(k) ?? url.get(k);
  const args = new Struct();
  const collection = pick('argumentcollection');
  if (collection !== undefined && toStr(collection).trim() !== '') {
    let parsed: unknown;
    try {
      parsed = parseJson(toStr(collection));
    } catch {
      throw new RemoteCallError(400, 'the argumentCollection of a remote call is not a JSON struct', 'send argumentCollection as a JSON object, e.g. {"id":1}');
    }
    if (!(parsed instanceof Struct)) throw new RemoteCallError(400, 'the argumentCollection of a remote call is not a JSON struct', 'send argumentCollection as a JSON object, e.g. {"id":1}');
    for (const [k, v] of parsed.entries()) args.set(k, v);
  }
  for (const scope of [url, form]) for (const [k, v] of scope.entries()) if (!CONTROL.has(k.toLowerCase())) args.set(k, v);
  const rf = pick('returnformat');
  const qf = pick('queryformat');
  return { file, method: toStr(pick('method') ?? ''), args, returnFormat: rf === undefined ? undefined : toStr(rf), queryFormat: qf === undefined ? undefined : toStr(qf) };
}

/**
 * A remote call that cannot run: the method is not remote or does not exist (403/404), the
 * returnFormat is unknown (400). The web handler answers with `status` and the message (it names
 * only what the client sent), never with a page of the server's internals.
 */
export class RemoteCallError extends CfmlError {
  constructor(
    readonly status: number,
    message: string,
    detail: string,
  ) {
    super(message, { type: 'Application', code: ErrorCode.Application, detail });
    this.name = 'RemoteCallError';
  }
}

/** The component class of a remote call, loaded with the application's mappings. */
export function remoteClass(ctx: Ctx, call: RemoteCall): ComponentClass {
  return ctx.engine.components.load(call.file, ctx.appRoot, [], undefined, ctx.appMappings);
}

/**
 * Runs a remote call in the request's context and writes its serialized result: the method must
 * have `access="remote"` (else 403, as Lucee refuses), a new instance is made without init
 * (Lucee), and the arguments are passed by name. With `onCFCRequest` (Application.cfc's
 * onCFCRequest(cfcname, method, args)), that runs instead and its return value is what is sent.
 * The method's output (if any) stays before the serialized value, as in Lucee.
 */
export function runRemoteCall(ctx: Ctx, call: RemoteCall, onCFCRequest?: (cfcname: string, method: string, args: Struct) => MaybePromise<unknown>): MaybePromise<unknown> {
  const cls = remoteClass(ctx, call);
  const lower = call.method.toLowerCase();
  const udf = cls.methods.get(lower);
  const declared = udf?.decl.attrs?.returnformat;
  const format = (call.returnFormat ?? declared ?? 'json').trim().toLowerCase();
  if (format !== 'json' && format !== 'plain') {
    throw new RemoteCallError(400, `returnFormat [${format}] is not supported`, format === 'wddx' ? 'WDDX is not supported by this engine: use returnFormat=json or plain' : 'use returnFormat=json or plain');
  }
  const write = (v: unknown) => writeResult(ctx, v, format, call.queryFormat);
  if (onCFCRequest) return andThen(onCFCRequest(cls.fullName, call.method, call.args), write);
  if (!udf) throw new RemoteCallError(404, `component [${cls.fullName}] has no function with name [${call.method}]`, 'the method parameter names a function of the component');
  if (udf.access !== 'remote' || udf.isStatic) {
    throw new RemoteCallError(403, `the function [${udf.name}] of component [${cls.fullName}] is not remote`, 'only functions declared with access="remote" can be called over HTTP');
  }
  const named: Record<string, unknown> = {};
  for (const [k, v] of call.args.entries()) named[k] = v;
  return andThen(createInstance(ctx, cls), (inst) => andThen(invokeMethod(ctx, inst, udf.name, named), write));
}

/** Writes a remote call's return value: JSON (application/json) or plain text; nothing for no value. */
function writeResult(ctx: Ctx, value: unknown, format: 'json' | 'plain', queryFormat: string | undefined): void {
  if (format === 'json') {
    ctx.response.contentType ??= 'application/json; charset=utf-8';
    if (value !== undefined) ctx.write(serialize(value, queryFormatOf(queryFormat)));
    return;
  }
  ctx.response.contentType ??= 'text/plain; charset=utf-8';
  if (value === undefined) return;
  if (!isSimple(value)) throw new RemoteCallError(500, 'a remote call with returnFormat=plain returned a complex value', 'return a string, number, boolean or date, or use returnFormat=json');
  ctx.write(toStr(value));
}
