import type { IToken, ILexingError, IRecognitionException } from 'chevrotain';
import { lexExpression } from '../lexer/lexer.js';
import { scanHashExpr } from '../lexer/scan.js';
import { ParseError, type SourceLoc } from '../runtime/errors.js';
import type * as A from './ast.js';
import { CfmlParser, type LocBase, type TagLookup } from './expr-parser.js';

export { parseVariableName } from './variable-name.js';

export type { LocBase };

/**
 * Parser instances by nesting depth: a string's `#...#` is parsed while its enclosing expression
 * is still being parsed, and a chevrotain parser cannot be re-entered. Each depth builds its
 * parser once and reuses it.
 */
const pool: CfmlParser[] = [];
/** Strings inside `#...#` inside strings, at most: `"#"#"#...` deeper is a parse error. */
const MAX_STRING_NESTING = 16;
let depth = 0;

function acquire(): CfmlParser {
  let p = pool[depth];
  if (!p) {
    p = new CfmlParser();
    p.stringParts = stringParts;
    pool[depth] = p;
  }
  depth++;
  return p;
}

function lexError(e: ILexingError, text: string, base: LocBase): ParseError {
  const line = base.line + (e.line ?? 1) - 1;
  const col = (e.line ?? 1) === 1 ? base.col + (e.column ?? 1) - 1 : e.column ?? 1;
  const ch = text.substr(e.offset, 1);
  const what = ch === '"' || ch === "'" ? 'unclosed string literal' : `unexpected character [${ch}]`;
  return new ParseError(`Syntax error: ${what}`, { file: base.file, line, col });
}

function describe(t: IToken): string {
  if (t.tokenType.name === 'EOF') return 'end of expression';
  // an unclosed comment is one token to the end of the text
  if (t.tokenType.name === 'UnclosedComment' || t.tokenType.name === 'UnclosedBlockComment') return `comment [${t.image.slice(0, 5)}] that is never closed`;
  return `[${t.image.length <= 40 ? t.image : t.image.slice(0, 37) + '...'}]`;
}

function parseErrorFrom(err: IRecognitionException, parser: CfmlParser, base: LocBase, what: string): ParseError {
  const t = err.token;
  const loc = t.tokenType.name === 'EOF' || t.startLine === undefined || isNaN(t.startLine) ? endLoc(parser, base) : parser.loc(t);
  return new ParseError(`Syntax error in ${what}: unexpected ${describe(t)}`, loc, { detail: expected(err) });
}

const TOKEN_TEXT: Record<string, string> = {
  RParen: ')', LParen: '(', RBrace: '}', LBrace: '{', RBracket: ']', LBracket: '[', Semicolon: ';', Colon: ':',
  Comma: ',', Assign: '=', Arrow: '=>', Hash: '#', Identifier: 'a name', NameLike: 'a name', StringLit: 'a string',
  While: 'while', In: 'in', FunctionKw: 'function',
};

/**
 * A short hint instead of chevrotain's message, which for a statement lists every token sequence
 * that could have started one (a hundred lines).
 */
function expected(err: IRecognitionException): string {
  const m = /Expecting token of type --> (\w+) <--/.exec(err.message);
  if (m) return `expected [${TOKEN_TEXT[m[1]!] ?? m[1]}]`;
  return err.message.length <= 200 ? err.message : '';
}

function endLoc(parser: CfmlParser, base: LocBase): SourceLoc {
  const toks = parser.input;
  const last = toks[toks.length - 1];
  if (!last) return { file: base.file, line: base.line, col: base.col };
  const l = parser.loc(last);
  return { ...l, col: l.col + last.image.length };
}

function run<R>(text: string, base: LocBase, what: string, rule: (p: CfmlParser) => R, tokens?: IToken[], tags?: TagLookup): R {
  let toks = tokens;
  if (!toks) {
    const lexed = lexExpression(text);
    if (lexed.errors.length) throw lexError(lexed.errors[0]!, text, base);
    toks = lexed.tokens;
  }
  // each level of strings inside #...# inside strings builds a parser: bounded (issue 8, item 13)
  if (depth >= MAX_STRING_NESTING) throw new ParseError(`Syntax error: expressions nested more than ${MAX_STRING_NESTING} levels deep in strings`, base);
  const parser = acquire();
  const saved = parser.base;
  const savedTags = parser.tags;
  try {
    parser.base = base;
    parser.tags = tags;
    parser.input = toks;
    let result: R;
    try {
      result = rule(parser);
    } catch (e) {
      // (((...))) thousands deep: the recursive-descent parser runs out of stack
      if (e instanceof RangeError && e.message.includes('call stack')) throw new ParseError(`Syntax error in ${what}: nested too deeply`, base);
      throw e;
    }
    if (parser.errors.length) throw parseErrorFrom(parser.errors[0]!, parser, base, what);
    return result;
  } finally {
    parser.base = saved;
    parser.tags = savedTags;
    depth--;
  }
}

export function parseExpression(text: string, base: LocBase, tokens?: IToken[]): A.Expr {
  if (!tokens && !text.trim()) throw new ParseError('Syntax error: missing expression', base);
  return run(text, base, 'expression', (p) => p.expression(), tokens);
}

/** Parses script statements; `tags` gives the tag statements their TagDef (script shorthands). */
export function parseScript(text: string, base: LocBase, tags?: TagLookup): A.Stmt[] {
  return run(text, base, 'script', (p) => p.script(), undefined, tags);
}

/**
 * Line and column of `offset` inside `text`, where position `from` of the text is at `base`
 * (from defaults to the start: callers that walk forward pass the previous position and pay
 * only for the text in between).
 */
export function shift(base: LocBase, text: string, offset: number, from = 0): LocBase {
  let line = base.line;
  let lastNl = -1;
  for (let i = from; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lastNl = i;
    }
  }
  return { file: base.file, line, col: lastNl < 0 ? base.col + offset - from : offset - lastNl };
}

/**
 * Splits a string literal's content into text and `#expr#` parts. Doubled quotes and `##`
 * unescape; a string without expressions becomes a literal. Text is copied in runs between
 * escapes (slices joined once), never a character at a time: a megabyte literal stays linear.
 */
export function stringParts(raw: string, quote: string, loc: SourceLoc): A.Expr {
  const base: LocBase = { file: loc.file, line: loc.line, col: loc.col + 1 };
  const parts: (string | A.Expr)[] = [];
  const q = quote.charCodeAt(0);
  /** Text since the last expression, as slices of raw. */
  let buf: string[] = [];
  let from = 0;
  // line/column of expressions: counted on from the previous one, not from the start each time
  let at = 0;
  let where = base;
  const n = raw.length;
  let i = 0;
  while (i < n) {
    const c = raw.charCodeAt(i);
    if ((c === q || c === 35) /* # */ && raw.charCodeAt(i + 1) === c) {
      // a run of doubled quotes or `##`: one of each pair
      let j = i + 2;
      while (raw.charCodeAt(j) === c && raw.charCodeAt(j + 1) === c) j += 2;
      buf.push(raw.slice(from, i), String.fromCharCode(c).repeat((j - i) / 2));
      i = from = j;
    } else if (c === 35) {
      where = shift(where, raw, i, at);
      at = i;
      const end = scanHashExpr(raw, i + 1);
      if (end < 0) throw new ParseError('Syntax error: unclosed # in string (use ## for a literal #)', where);
      buf.push(raw.slice(from, i));
      const text = buf.join('');
      if (text) parts.push(text);
      buf = [];
      parts.push(parseExpression(raw.slice(i + 1, end), { file: where.file, line: where.line, col: where.col + 1 }));
      i = end + 1;
      from = i;
    } else i++;
  }
  buf.push(raw.slice(from));
  const text = buf.join('');
  if (text) parts.push(text);
  if (parts.length === 0) return { kind: 'lit', value: '', loc };
  if (parts.length === 1 && typeof parts[0] === 'string') return { kind: 'lit', value: parts[0], loc };
  // "#x#" is x itself, not its string form: attribute values like var="#struct#" need the value
  if (parts.length === 1) return parts[0] as A.Expr;
  return { kind: 'interp', parts, loc };
}
