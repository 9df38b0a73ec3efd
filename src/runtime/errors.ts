/**
 * The engine's errors: one class, the catalogue of machine codes, and the helpers that build and
 * format them. A leaf module: it imports only mask-secrets (itself a leaf), so every layer (lexer, parser, runtime, tags,
 * functions) can depend on it. The exception model that CFML code sees (catch matching, the
 * cfcatch struct, the one throw builder) lives in `exceptions.ts`.
 */
import { maskSecrets, maskSecretsInLine } from './mask-secrets.js';

/**
 * Stable machine codes, so tests and embedders assert codes rather than wording. The code is not
 * visible to CFML (cfcatch shows `type`, `message`, `detail`, `errorCode`); it is on CfmlError.code.
 */
export enum ErrorCode {
  /** No more specific code was given. */
  Unspecified = 'CF0000',
  /** The template or script does not parse. */
  Syntax = 'CF1001',
  /** A generic expression error (a cast that fails, a bad operand). */
  Expression = 'CF2001',
  /** A variable, or a key of a scope, does not exist. */
  UndefinedVariable = 'CF2002',
  /** A call by name matches no built-in and no user function. */
  NoSuchFunction = 'CF2003',
  /** A member call matches no member function of the receiver's type. */
  NoSuchMember = 'CF2004',
  /** A required argument of a user function was not passed. */
  MissingArgument = 'CF2005',
  /** An argument of a user function is not of its declared type. */
  ArgumentType = 'CF2006',
  /** The JS stack overflowed (endless recursion). */
  StackOverflow = 'CF2009',
  /** The page printed more than EngineOptions.maxOutput characters. */
  OutputLimit = 'CF2010',
  /** The render ran past its time limit (cfsetting requesttimeout / EngineOptions.timeout). */
  RequestTimeout = 'CF2011',
  /** A generic application error. */
  Application = 'CF3001',
  /** An error thrown by CFML code: `throw`, `<cfthrow>`, `throw()`. */
  CustomThrow = 'CF3100',
  /** A component could not be created or found. */
  Component = 'CF3200',
  /** createObject("java", ...): there is no JVM. */
  JavaObject = 'CF3201',
  /** createObject with a type this engine does not support. */
  ObjectType = 'CF3202',
  /** A page to render or include does not exist. */
  MissingInclude = 'CF4001',
  /** A custom tag (`<cf_name>`, `<cfmodule name=>`, `<prefix:name>`) is in none of the directories searched. */
  MissingCustomTag = 'CF4002',
  /** An IMAP server or protocol error (`<cfimap>`). */
  Imap = 'CF5001',
  /** `<cfimap>` used wrongly (a missing connection, a missing uid). */
  ImapUsage = 'CF5002',
  /** A database (driver or server) error of a query or transaction statement. */
  Database = 'CF6000',
  /** A datasource definition that cannot be used (unknown driver, no database). */
  DatasourceConfig = 'CF6001',
  /** A database driver package could not be loaded. */
  DriverMissing = 'CF6002',
  /** A query without a datasource attribute and no default datasource. */
  NoDatasource = 'CF6003',
  /** A datasource name that no settings define. */
  UnknownDatasource = 'CF6004',
  /** An unknown cfsqltype. */
  SqlType = 'CF6010',
  /** A parameter value that does not fit its cfsqltype (Lucee's cfqueryparam checks). */
  ParamValue = 'CF6011',
  /** A parameter value longer than its maxLength. */
  ParamLength = 'CF6012',
  /** queryExecute's params do not match the SQL's ? and :name marks. */
  QueryParams = 'CF6013',
  /** cftransaction used wrongly (commit outside a transaction, a bad isolation). */
  TransactionUsage = 'CF6020',
  /** A JS error from inside the engine, wrapped. */
  Internal = 'CF9000',
}

/** A position in a template. Lines and columns are 1-based. */
export interface SourceLoc {
  file: string;
  line: number;
  col: number;
  offset?: number;
}

export interface TagContextEntry {
  template: string;
  line: number;
  column: number;
  /** The tag or function the frame stands for, e.g. "cfinclude" or "myFunction". */
  id?: string;
}

export interface CfmlErrorInit {
  type?: string;
  detail?: string;
  errorCode?: string;
  extendedInfo?: string;
  loc?: SourceLoc;
  cause?: unknown;
  /** Stable machine code from the ErrorCode catalogue, so tests can assert codes, not wording. */
  code?: ErrorCode;
}

/**
 * The one error class of the engine. Everything a template can see in cfcatch lives here, so a JS
 * error never reaches a user as a stack trace: the evaluator wraps foreign errors into this class.
 */
export class CfmlError extends Error {
  type: string;
  detail: string;
  errorCode: string;
  extendedInfo: string;
  loc?: SourceLoc;
  /** The ErrorCode (kept a string in the public type: codes may be added). */
  code: string;
  tagContext: TagContextEntry[] = [];
  /** Set when the error came from user code (cfthrow / throw()), so rethrow keeps it as it is. */
  custom = false;
  /** Source of the file the error points at, kept for the code frame. */
  source?: string;
  /** Further cfcatch keys of the error's type (a Database error's sqlState, nativeErrorCode, sql, where...). */
  extra?: Record<string, unknown>;

  constructor(message: string, init: CfmlErrorInit = {}) {
    super(message, init.cause !== undefined ? { cause: init.cause } : undefined);
    this.name = 'CfmlError';
    this.type = init.type ?? 'Application';
    this.detail = init.detail ?? '';
    this.errorCode = init.errorCode ?? '';
    this.extendedInfo = init.extendedInfo ?? '';
    this.loc = init.loc;
    this.code = init.code ?? ErrorCode.Unspecified;
  }

  /** Adds the location when the error does not have one yet (innermost location wins). */
  at(loc: SourceLoc | undefined): this {
    if (!this.loc && loc) this.loc = loc;
    return this;
  }
}

export class ParseError extends CfmlError {
  constructor(message: string, loc: SourceLoc, init: CfmlErrorInit = {}) {
    super(message, { type: 'Template', code: ErrorCode.Syntax, ...init, loc });
    this.name = 'ParseError';
  }
}

export const expressionError = (message: string, init: CfmlErrorInit = {}) =>
  new CfmlError(message, { type: 'Expression', code: ErrorCode.Expression, ...init });

export const applicationError = (message: string, init: CfmlErrorInit = {}) =>
  new CfmlError(message, { type: 'Application', code: ErrorCode.Application, ...init });

/**
 * Thrown for control flow, not as an error (cfabort, a call waiting on an async function): every
 * place that turns what it caught into a CfmlError lets these pass unchanged.
 */
export abstract class ControlSignal {}

/** Wraps anything thrown into a CfmlError, keeping CfmlErrors as they are; control signals pass. */
export function toCfmlError(e: unknown, loc?: SourceLoc): CfmlError {
  if (e instanceof CfmlError) return e.at(loc);
  if (e instanceof ControlSignal) throw e;
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return new CfmlError('Stack overflow: too deep recursion', { type: 'Expression', loc, cause: e, code: ErrorCode.StackOverflow });
  }
  const message = e instanceof Error ? e.message : String(e);
  return new CfmlError(message, { type: 'Application', loc, cause: e, code: ErrorCode.Internal });
}

/** `file:line:col: message` plus a two-line code frame around the location. */
export function formatError(err: CfmlError, source?: string): string {
  const loc = err.loc;
  // messages and details may quote the source (parse errors): they are masked like the frame
  const head = maskSecrets(loc ? `${loc.file}:${loc.line}:${loc.col}: ${err.message}` : err.message);
  const parts = [head];
  if (err.detail) parts.push(maskSecrets(err.detail));
  const src = source ?? err.source;
  if (loc && src !== undefined) parts.push(codeFrame(src, loc.line, loc.col));
  if (err.tagContext.length > 1) {
    parts.push('Tag context:\n' + err.tagContext.map((t) => `  at ${t.id ? t.id + ' ' : ''}${t.template}:${t.line}:${t.column}`).join('\n'));
  }
  return parts.join('\n');
}

/**
 * The lines around `line:col`, with a caret under the column. Every frame goes through here (CLI
 * stderr, error pages, formatError), so this is where secrets are masked: the values given to
 * password-like names (`password="x"`, `{accessToken: "x"}`, `smtpPassword = x`) show as `****`,
 * and the caret follows the masked text (see mask-secrets.ts).
 */
export function codeFrame(source: string, line: number, col: number): string {
  const lines = source.split(/\r?\n/);
  const from = Math.max(1, line - 2);
  const to = Math.min(lines.length, line + 2);
  const width = String(to).length;
  const out: string[] = [];
  for (let n = from; n <= to; n++) {
    const mark = n === line ? '>' : ' ';
    const masked = maskSecretsInLine(lines[n - 1] ?? '');
    out.push(`${mark} ${String(n).padStart(width)} | ${masked.text}`);
    if (n === line) out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, masked.column(col) - 1))}^`);
  }
  return out.join('\n');
}
