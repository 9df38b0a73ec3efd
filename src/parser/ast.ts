import type { SourceLoc } from '../runtime/errors.js';

export type { SourceLoc };

/** Scopes a name can be resolved to at parse time. */
export type ScopeName =
  | 'variables' | 'request' | 'url' | 'form' | 'cgi' | 'server' | 'local' | 'arguments' | 'application'
  | 'session' | 'cookie' | 'client' | 'this' | 'cfcatch';

/**
 * Names read as scopes. `attributes`, `caller` and `thisTag` are not among them: as in Lucee
 * they are variables of a custom tag's own variables scope, and ordinary variables elsewhere.
 */
export const SCOPE_NAMES: ReadonlySet<string> = new Set<ScopeName>([
  'variables', 'request', 'url', 'form', 'cgi', 'server', 'local', 'arguments', 'application', 'session',
  'cookie', 'client', 'this',
]);

interface Node {
  loc: SourceLoc;
}

export interface Literal extends Node { kind: 'lit'; value: string | number | boolean | null }
/**
 * A value known before the node was compiled but not writable as a literal (a struct or array
 * from an `attributeCollection`, see runtime/attribute-collection.ts).
 */
export interface Const extends Node { kind: 'const'; value: unknown }
/** A string with `#expr#` parts; plain strings become Literal. */
export interface Interp extends Node { kind: 'interp'; parts: (string | Expr)[] }
/** An unscoped name, lower-cased; `name` keeps the spelling for messages and new keys. */
export interface VarRef extends Node { kind: 'var'; lower: string; name: string }
/** A scope used as a value (`url`, `variables.x` has this as its object). */
export interface ScopeRef extends Node { kind: 'scope'; scope: ScopeName; name: string }
export interface Member extends Node { kind: 'member'; object: Expr; lower: string; name: string; safe?: boolean }
export interface Index extends Node { kind: 'index'; object: Expr; index: Expr }
/** `arr[from:to:step]` (each part optional): a new array of the selected elements. */
export interface Slice extends Node { kind: 'slice'; object: Expr; from?: Expr; to?: Expr; step?: Expr }
export interface Arg { name?: string; lower?: string; value: Expr }
/** A call by bare name: a built-in (bound at compile time) or a UDF in scope. */
export interface Call extends Node { kind: 'call'; lower: string; name: string; args: Arg[] }
export interface MemberCall extends Node { kind: 'mcall'; object: Expr; lower: string; name: string; args: Arg[]; safe?: boolean }
/** A call of any other callee value (`arr[1](x)`, `getFn()(x)`). */
export interface Invoke extends Node { kind: 'invoke'; callee: Expr; args: Arg[] }
export type BinaryOp =
  | '+' | '-' | '*' | '/' | '\\' | '^' | 'mod' | '&'
  | 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte' | 'contains' | 'nct' | '===' | '!=='
  | 'and' | 'or' | 'xor' | 'eqv' | 'imp';
export interface Binary extends Node { kind: 'bin'; op: BinaryOp; left: Expr; right: Expr }
export interface Unary extends Node { kind: 'unary'; op: 'not' | '-' | '+'; expr: Expr }
export interface Conditional extends Node { kind: 'cond'; test: Expr; then: Expr; else: Expr }
export interface ElvisExpr extends Node { kind: 'elvis'; left: Expr; right: Expr }
export type AssignOperator = '=' | '+=' | '-=' | '*=' | '/=' | '&=' | '%=';
/**
 * `target = value`. `dynamicName`: the target was written as a quoted string (`<cfset "#n#" = 1>`,
 * `"variables.#n#" = 1`): its value is the name of the variable to set, as setVariable (Lucee).
 */
export interface Assign extends Node { kind: 'assign'; op: AssignOperator; target: Expr; value: Expr; dynamicName?: boolean }
export interface Update extends Node { kind: 'update'; op: '++' | '--'; prefix: boolean; target: Expr }
export interface StructLit extends Node { kind: 'struct'; entries: { key: string | Expr; value: Expr }[]; ordered?: boolean }
export interface ArrayLit extends Node { kind: 'array'; items: Expr[] }
export interface Param { name: string; lower: string; type?: string; required: boolean; default?: Expr }
/** `function (a) { ... }` or `(a) => expr` as a value. */
export interface FuncExpr extends Node {
  kind: 'func'; name?: string; params: Param[]; body: Stmt[]; arrow: boolean; returnType?: string; access?: string;
  /** Declaration attributes and annotations (lower-case names): `output`, `hint`, custom ones. */
  attrs?: Record<string, string>;
  /** `static function f()` / `<cffunction modifier="static">`: called on the component, not an instance. */
  isStatic?: boolean;
}
/** `new path.to.Name(args)` or `new "path.to.Name"(args)`: `path` is a dotted name or an expression. */
export interface NewExpr extends Node { kind: 'new'; path: string | Expr; args: Arg[] }
/** `Name::member` / `path.to.Name::member(args)`: a static member of a component. */
export interface StaticAccess extends Node { kind: 'static'; component: string; lower: string; name: string; args?: Arg[] }

export type Expr =
  | Literal | Const | Interp | VarRef | ScopeRef | Member | Index | Slice | Call | MemberCall | Invoke | Binary | Unary
  | Conditional | ElvisExpr | Assign | Update | StructLit | ArrayLit | FuncExpr | NewExpr | StaticAccess;

// ---- template nodes and script statements -----------------------------------------------------

export interface TextNode extends Node { kind: 'text'; text: string }
/** `#expr#` inside cfoutput. */
export interface OutputNode extends Node { kind: 'output'; expr: Expr }
export interface AttrNode { name: string; lower: string; value: Expr; loc: SourceLoc }
export interface TagBranch { tag: TagNode; body: Stmt[] }
export interface TagNode extends Node {
  kind: 'tag';
  /** Lower-case tag name without the `cf` prefix: `<cfLoop>` -> `loop`. */
  name: string;
  attrs: AttrNode[];
  /** Raw expression of cfset / cfif / cfelseif / cfreturn. */
  expr?: Expr;
  body?: Stmt[];
  /** Separator tags that split the body (`cfelseif`, `cfelse`). */
  branches?: TagBranch[];
  /** Source of a raw body (cfscript before parsing). */
  raw?: string;
  /** Where the tag ends (its close tag), for messages. */
  endLoc?: SourceLoc;
  /** Script-statement form (`imap action="x";`, `cfloop(...) {}`) rather than a tag in a template. */
  fromScript?: boolean;
  /** Written as `<cfx .../>`: for custom tags, an end tag with an empty body. */
  selfClosed?: boolean;
  /** For `<prefix:name>` after `<cfimport prefix taglib>`: the taglib directory as written. */
  taglib?: string;
}


export interface ExprStmt extends Node { kind: 'expr'; expr: Expr }
export interface VarDecl extends Node { kind: 'vardecl'; target: Expr; value?: Expr }
export interface Block extends Node { kind: 'block'; body: Stmt[] }
export interface IfStmt extends Node { kind: 'if'; test: Expr; then: Stmt; else?: Stmt }
export interface ForStmt extends Node { kind: 'for'; init?: Expr | VarDecl; test?: Expr; update?: Expr; body: Stmt }
export interface ForInStmt extends Node { kind: 'forin'; target: Expr; isVar: boolean; object: Expr; body: Stmt }
export interface WhileStmt extends Node { kind: 'while'; test: Expr; body: Stmt }
export interface DoWhileStmt extends Node { kind: 'dowhile'; test: Expr; body: Stmt }
export interface SwitchCase { values: Expr[]; isDefault: boolean; body: Stmt[] }
export interface SwitchStmt extends Node { kind: 'switch'; subject: Expr; cases: SwitchCase[] }
export interface BreakStmt extends Node { kind: 'break' }
export interface ContinueStmt extends Node { kind: 'continue' }
export interface ReturnStmt extends Node { kind: 'return'; value?: Expr }
export interface CatchClause { type: string; varName: string; body: Stmt[]; loc: SourceLoc }
export interface TryStmt extends Node { kind: 'try'; body: Stmt[]; catches: CatchClause[]; finally?: Stmt[] }
export interface ThrowStmt extends Node { kind: 'throw'; value?: Expr }
export interface RethrowStmt extends Node { kind: 'rethrow' }
export interface FuncDecl extends Node { kind: 'funcdecl'; func: FuncExpr }
export interface AbortStmt extends Node { kind: 'abort' }
/** `static { ... }` in a script component: runs once, when the component is first used. */
export interface StaticBlock extends Node { kind: 'staticblock'; body: Stmt[] }
/** `retry;` inside a catch block (Lucee): runs the try block again. */
export interface RetryStmt extends Node { kind: 'retry' }

export type Stmt =
  | TextNode | OutputNode | TagNode | ExprStmt | VarDecl | Block | IfStmt | ForStmt | ForInStmt | WhileStmt
  | DoWhileStmt | SwitchStmt | BreakStmt | ContinueStmt | ReturnStmt | TryStmt | ThrowStmt | RethrowStmt
  | FuncDecl | AbortStmt | RetryStmt | StaticBlock;

export interface Template {
  file: string;
  source: string;
  body: Stmt[];
}
