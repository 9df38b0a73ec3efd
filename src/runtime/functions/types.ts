import type { CfFunction } from '../function-value.js';
import type { SourceLoc } from '../errors.js';
import type { Ctx } from '../context.js';

export type ParamType = 'any' | 'string' | 'numeric' | 'boolean' | 'date' | 'array' | 'struct' | 'query' | 'function' | 'object';

export interface ParamSpec {
  /** Argument name for named calls (`listLen(list="a,b")`); matched case-insensitively. */
  name: string;
  /** Declared type: the registry casts (string/numeric/boolean/date) or checks the argument before the call. */
  type?: ParamType;
  required?: boolean;
  /** Value used when the argument is not passed; when absent the implementation receives undefined. */
  default?: unknown;
}

/** Receiver types for member calls (`s.len()`, `arr.append(x)`, `q.filter(f)`). */
export type MemberReceiver = 'string' | 'numeric' | 'boolean' | 'date' | 'array' | 'struct' | 'query' | 'function' | 'list' | 'xml';

export interface MemberSpec {
  type: MemberReceiver;
  /** Method name; defaults to the function name minus the type prefix (arrayAppend -> append). */
  name: string;
  /** Which argument the receiver fills (0-based); default 0. `s.find(x)` -> find(x, s) uses 1. */
  receiverArg?: number;
  /** Member form returns the receiver instead of the function result (`arr.append(x)` is the array). */
  returnsReceiver?: boolean;
}

export interface FunctionDef {
  name: string;
  params: ParamSpec[];
  /** Accepts more positional arguments than declared (max, min, writeOutput...). */
  variadic?: boolean;
  /**
   * Takes any named arguments (`query(a: [1, 2])`, `struct(a=1)`): called with names, the
   * implementation receives one Struct of them (lower-case keys, in call order).
   */
  namedArgs?: boolean;
  members?: MemberSpec[];
  /** Only callable as a member (`s.startsWith(x)`): not a function by name, not in getFunctionList. */
  memberOnly?: boolean;
  /**
   * The implementation may return a promise (queryExecute on a network database): the simple
   * statement around the call waits for it and runs again with the result, as for a user function
   * that ran an asynchronous tag. In the condition of an if/loop it is a clear error.
   */
  async?: boolean;
  impl: (ctx: FnContext, ...args: any[]) => unknown;
}

/** What the runtime offers a built-in function. Functions are synchronous. */
export interface FnContext {
  /** Calls a UDF or closure with positional arguments. */
  call(fn: CfFunction, args: unknown[]): unknown;
  /** Appends to the page output (writeOutput). */
  write(text: string): void;
  /**
   * Ends the render when it is past its time limit: for built-ins whose one step can take long.
   * @throws CfmlError of type RequestTimeout.
   */
  checkTime(): void;
  /** Milliseconds the render has left (Infinity without a time limit). */
  timeLeft(): number;
  /** The RequestTimeout error of this render (for a wait cut short by the deadline). */
  timeoutError(): Error;
  /** Renders a value the way cfdump does, into the output. */
  dump(value: unknown, opts?: { label?: string; top?: number }): void;
  /** Runs a CFML expression string in the caller's scopes (evaluate, iif). */
  evaluate(expr: string): unknown;
  /** render(cfml): runs CFML source in the caller's scopes; its output goes to the page. */
  renderSource?(source: string): void;
  /** isDefined("a.b.c"): walks scopes with the dotted name. */
  isDefined(name: string): boolean;
  /** Reads a variable by its (possibly dotted or scoped) name, undefined when missing. */
  getVariable(name: string): unknown;
  /** setVariable("a.b", v). */
  setVariable(name: string, value: unknown): void;
  /** Absolute path of the template being run (getCurrentTemplatePath) and of the page requested. */
  readonly templatePath: string;
  readonly baseTemplatePath: string;
  /** Resolves a path relative to the current template's directory (expandPath). */
  expandPath(path: string): string;
  /** getBaseTagList: the custom tags around the call, innermost first (`CF_INNER`, `CF_OUTER`). */
  baseTagList?(): string[];
  /** getBaseTagData: the variables scope of the enclosing custom tag of that name, or undefined. */
  baseTagData?(name: string, instance: number): unknown;
  /** Writes a log line (writeLog / cflog). */
  log(text: string, opts?: { type?: string; file?: string }): void;
  /** Where the call is, for error messages. */
  readonly loc?: SourceLoc;
  /** A per-render bag the function library may use (e.g. a random seed). */
  readonly locals: Map<string, unknown>;
  /** The render's state: per-render resources (queryExecute in a transaction) and the request (application, session, cookies, response). */
  readonly ctx?: Ctx;
  /**
   * createObject("component", path): a new instance of the component the dotted path names,
   * resolved as `new` resolves it, without calling init.
   */
  createComponent?(path: string): unknown;
  /** The class metadata of a component given by dotted path (getComponentMetadata). */
  componentMetadata?(path: string): unknown;
  /** Per-Engine state shared by renders (cachePut/cacheGet), created on first use. */
  service?<T>(key: string, create: () => T): T;
}

export const defineFunction = (d: FunctionDef): FunctionDef => d;
