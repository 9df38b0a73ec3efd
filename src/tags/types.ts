import type { TagNode, Expr, FuncExpr } from '../parser/ast.js';
import type { CfmlError, SourceLoc } from '../runtime/errors.js';
import type { Ctx } from '../runtime/context.js';
import type { Compiler } from '../runtime/compiler.js';

// the execution types belong to the runtime; re-exported here for tag authors
export { Signal, type Exec, type Eval, type MaybePromise } from '../runtime/exec.js';
import type { Exec, MaybePromise, Signal } from '../runtime/exec.js';

export interface AttrSpec {
  /** Canonical lower-case name. */
  name: string;
  type?: 'string' | 'number' | 'boolean' | 'any';
  /** Allowed values, matched case-insensitively (the value is normalised to the listed spelling). */
  values?: readonly string[];
  required?: boolean;
  default?: unknown;
  /** Other accepted spellings (`variable` for `name`, `delimiters` for `delimiter`). */
  aliases?: readonly string[];
}

export interface TagCall {
  /** Evaluated attributes, cast and defaulted per AttrSpec, keyed by canonical lower-case name. */
  readonly attrs: Record<string, unknown>;
  /** Attribute names the template actually wrote (lower-case, aliases resolved). */
  readonly given: ReadonlySet<string>;
  readonly node: TagNode;
  readonly ctx: Ctx;
  /** Runs the tag's body in the current context. */
  body(): MaybePromise<Signal>;
  /** Runs the body and returns what it printed instead of printing it. */
  capture(): MaybePromise<string>;
  write(text: string): void;
  /** Assigns to a variable by name (`name="session.mail.msgs"` walks the path). */
  setVariable(name: string, value: unknown): void;
  /** An error pre-filled with the tag's location. */
  error(message: string, init?: { type?: string; detail?: string; errorCode?: string }): CfmlError;
}

export interface TagDef {
  /** Lower-case name without the `cf` prefix: 'imap' handles `<cfimap>`. */
  name: string;
  /** Whether the tag has a body and a closing tag. Default 'forbidden'. */
  body?: 'forbidden' | 'optional' | 'required';
  /** Tags that read a raw expression instead of attributes: cfset, cfif, cfreturn. */
  expression?: 'required' | 'optional';
  /** The body is not CFML markup (cfscript): kept as raw text for the tag to parse. */
  rawBody?: boolean;
  /** `#expr#` in the body's text is evaluated (cfoutput). */
  interpolates?: boolean | ((node: TagNode) => boolean);
  /**
   * The body is SQL (cfquery): the text of each `#expr#` in it has its single quotes doubled, as
   * Lucee does, unless the expression is a preserveSingleQuotes(...) call.
   */
  sqlBody?: boolean;
  /** Separator tags that split a parent's body, e.g. elseif and else for 'if'. */
  branchOf?: readonly string[];
  /** Tags that must sit inside one of these (cfcatch in cftry, cfcase in cfswitch). */
  parents?: readonly string[];
  attrs?: readonly AttrSpec[];
  /** Accepts attributes that are not declared (passed through by name). */
  anyAttrs?: boolean;
  /**
   * The attributes shape the compiled program (cffunction's name, cfcatch's type, cfimport's
   * prefix), so they must be literal: `attributeCollection` is refused with a parse error.
   * Every other tag takes `attributeCollection` (merged and validated at run time).
   */
  staticAttrs?: boolean;
  /** Parse-time check beyond AttrSpec; throw with api.error for a clear message. */
  check?(node: TagNode, api: { error(message: string, loc?: SourceLoc): CfmlError }): void;
  /**
   * The tag declares a function (cffunction): returns its declaration, which the compiler hoists
   * so the function exists before the template's first line runs. The tag's own Exec then does
   * nothing.
   */
  hoistFunction?(node: TagNode): FuncExpr;
  /**
   * The script statement may give one attribute without its name: `include "x.cfm";`,
   * `abort "reason";`. `attr` names the attribute; with `expression`, any expression may stand
   * there (`include dir & "/x.cfm";`), otherwise only a string literal. Read by the script parser.
   */
  scriptShorthand?: { attr: string; expression?: boolean };
  /** In script the tag may stand without attributes: `logout;`, `login { ... }` (Lucee's script forms). */
  scriptBare?: boolean;
  /**
   * Compiles the node into a statement (core tags with special control flow). Tags that only
   * need evaluated attributes implement `run` instead.
   */
  compile?(node: TagNode, c: Compiler): Exec;
  run?(call: TagCall): MaybePromise<Signal | void>;
}

export const defineTag = (d: TagDef): TagDef => d;

export type { Expr };
