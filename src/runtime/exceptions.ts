import { Struct } from './struct.js';
import { CfmlError, ErrorCode, expressionError, type SourceLoc } from './errors.js';
import { toStr, typeName } from './cast.js';

/**
 * The exception model as CFML code sees it: which catch clause takes an error, the cfcatch
 * struct, and the one builder behind script `throw`, `<cfthrow>` and `throw()`. Behaviour as
 * Lucee 6/7 (CFCatch, Throw.java): types match exactly, by dotted prefix, or `any`.
 */

/** Whether a catch clause of `type` catches `err` (any; exact; dotted prefix; Template covers MissingInclude). */
export function catchMatches(type: string, err: CfmlError): boolean {
  const t = type.toLowerCase();
  if (t === 'any') return true;
  const et = err.type.toLowerCase();
  if (et === t || et.startsWith(t + '.')) return true;
  return t === 'template' && et === 'missinginclude';
}

/**
 * The cfcatch struct of an error: type, message, detail, errorCode, extendedInfo, tagContext
 * (an array of {template, line, column, id, raw_trace}), stackTrace. The error itself rides along
 * (not enumerable) so `throw cfcatch` / `throw(object=e)` rethrow it unchanged.
 */
export function cfcatchStruct(err: CfmlError): Struct {
  const s = new Struct();
  s.set('type', err.type);
  s.set('message', err.message);
  s.set('detail', err.detail);
  s.set('errorCode', err.errorCode);
  s.set('extendedInfo', err.extendedInfo);
  if (err.extra) for (const [k, v] of Object.entries(err.extra)) s.set(k, v);
  const ctxArr = (err.tagContext.length ? err.tagContext : err.loc ? [{ template: err.loc.file, line: err.loc.line, column: err.loc.col }] : []).map((t) => {
    const e = new Struct();
    e.set('template', t.template);
    e.set('line', t.line);
    e.set('column', t.column);
    e.set('id', 'id' in t ? t.id ?? '' : '');
    e.set('raw_trace', `${t.template}:${t.line}`);
    return e;
  });
  s.set('tagContext', ctxArr);
  s.set('stackTrace', '');
  Object.defineProperty(s, '__error', { value: err, enumerable: false });
  return s;
}

/** The error a cfcatch struct was made from, if it was made from one. */
function originalError(s: Struct): CfmlError | undefined {
  return (s as unknown as { __error?: CfmlError }).__error;
}

/** What a CFML throw gives: each field optional; `object` is a struct (or a caught exception) to throw. */
export interface ThrowFields {
  message?: unknown;
  type?: unknown;
  detail?: unknown;
  errorCode?: unknown;
  extendedInfo?: unknown;
  object?: unknown;
}

/**
 * The one throw builder of script `throw`, `<cfthrow>` and `throw()`. A caught exception (the
 * cfcatch struct or the error) as `object` is rethrown unchanged; a plain struct fills the fields
 * not given; the type defaults to Application. Errors are marked `custom` (rethrow keeps them).
 * Throws an Expression error when `object` is neither a struct nor an exception.
 */
export function customError(f: ThrowFields, loc: SourceLoc | undefined): CfmlError {
  const o = f.object;
  if (o instanceof CfmlError) return o;
  let { message, type, detail, errorCode, extendedInfo } = f;
  if (o instanceof Struct) {
    const orig = originalError(o);
    if (orig) return orig;
    const pick = (k: string) => (o.has(k) ? o.get(k) : undefined);
    message ??= pick('message');
    type ??= pick('type');
    detail ??= pick('detail');
    errorCode ??= pick('errorCode');
    extendedInfo ??= pick('extendedInfo');
  } else if (o !== undefined && o !== null && o !== '') {
    throw expressionError(`invalid argument [object] for function [throw], a struct or an exception is needed, got ${typeName(o)}`, { loc });
  }
  const str = (v: unknown) => (v === undefined || v === null ? '' : toStr(v));
  const t = str(type).trim();
  const err = new CfmlError(str(message), {
    type: t || 'Application',
    detail: str(detail),
    errorCode: str(errorCode),
    extendedInfo: str(extendedInfo),
    loc,
    code: ErrorCode.CustomThrow,
  });
  err.custom = true;
  return err;
}
