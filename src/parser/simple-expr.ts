import { tokenMatcher } from 'chevrotain';
import { lexExpression } from '../lexer/lexer.js';
import { Identifier, NameLike } from '../lexer/tokens.js';
import type { SourceLoc } from '../runtime/errors.js';
import { SCOPE_NAMES, type ScopeName } from './ast.js';
import type * as A from './ast.js';
import type { LocBase } from './expr-parser.js';

/**
 * A fast path for the commonest `#...#` expressions: a name, a dotted name (`order.title`,
 * `url.id`), an integer or decimal, and a call of a function by bare name whose arguments are
 * such expressions or plain quoted strings (`encodeForHTML(order.title)`,
 * `numberFormat(order.amount, "9,999.99")`). It builds the AST nodes that the expression parser
 * builds (the same kinds, fields and locations: see CfmlParser.name/member/call) without running
 * the chevrotain lexer and parser. Anything else returns undefined and goes to the parser,
 * which also reports every error: this never throws.
 *
 * Only one-line ASCII text is taken (columns then move with the string index); blanks and tabs
 * between tokens are skipped as the lexer skips them. A word is taken as a name only when the
 * expression lexer itself reads it as a plain Identifier (a keyword such as `true`, `not`,
 * `new` or `exp` goes to the parser); after a dot, where keywords are names too, any NameLike.
 */
export function simpleExpression(text: string, base: LocBase): A.Expr | undefined {
  if (!simplePath.enabled) return undefined;
  const s = new Scan(text, base);
  s.blanks();
  const e = s.primary(0, false);
  if (!e) return undefined;
  s.blanks();
  return s.i === text.length ? e : undefined;
}

/** Off: every expression goes to the parser (tests compare the two paths on whole templates). */
export const simplePath = { enabled: true };

/** Nested calls deeper than this go to the parser. */
const MAX_DEPTH = 8;

/** What the expression lexer makes of a word: 1 plain Identifier, 2 keyword (NameLike), 0 other. */
const wordKinds = new Map<string, number>();
const MAX_WORDS = 4096;

function wordKind(word: string): number {
  let k = wordKinds.get(word);
  if (k === undefined) {
    const r = lexExpression(word);
    const t = r.tokens[0];
    k = r.errors.length || r.tokens.length !== 1 || !t || t.image !== word ? 0 : t.tokenType === Identifier ? 1 : tokenMatcher(t, NameLike) ? 2 : 0;
    // bounded: a page of generated names cannot grow it without end
    if (wordKinds.size >= MAX_WORDS) wordKinds.clear();
    wordKinds.set(word, k);
  }
  return k;
}

const isWordStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isWordChar = (c: number): boolean => isWordStart(c) || isDigit(c);

class Scan {
  i = 0;
  constructor(
    private readonly text: string,
    private readonly base: LocBase,
  ) {}

  /** The location the parser gives a token that starts at `at` on the text's (only) line. */
  loc(at: number): SourceLoc {
    return { file: this.base.file, line: this.base.line, col: this.base.col + at, offset: at };
  }

  blanks(): void {
    const t = this.text;
    while (this.i < t.length) {
      const c = t.charCodeAt(this.i);
      if (c !== 32 && c !== 9) break;
      this.i++;
    }
  }

  private word(): string | undefined {
    const t = this.text;
    const start = this.i;
    if (!isWordStart(t.charCodeAt(start))) return undefined;
    let j = start + 1;
    while (j < t.length && isWordChar(t.charCodeAt(j))) j++;
    // a non-ASCII name character, or a word glued to something the lexer may read differently
    const next = t.charCodeAt(j);
    if (next >= 128) return undefined;
    this.i = j;
    return t.slice(start, j);
  }

  /** A name, dotted name, number, call by bare name, or (as an argument) a plain string. */
  primary(depth: number, inArgs: boolean): A.Expr | undefined {
    const t = this.text;
    const start = this.i;
    const c = t.charCodeAt(start);
    if (isDigit(c)) return this.number();
    if (c === 34 || c === 39) return inArgs ? this.string(c) : undefined;
    const name = this.word();
    if (name === undefined || wordKind(name) !== 1) return undefined;
    const lower = name.toLowerCase();
    let e: A.Expr = SCOPE_NAMES.has(lower)
      ? { kind: 'scope', scope: lower as ScopeName, name, loc: this.loc(start) }
      : { kind: 'var', lower, name, loc: this.loc(start) };
    for (;;) {
      this.blanks();
      const d = t.charCodeAt(this.i);
      if (d === 46 /* . */) {
        this.i++;
        this.blanks();
        const at = this.i;
        const member = this.word();
        if (member === undefined || wordKind(member) === 0) return undefined;
        e = { kind: 'member', object: e, name: member, lower: member.toLowerCase(), safe: false, loc: this.loc(at) };
      } else if (d === 40 /* ( */) {
        if (e.kind !== 'var' || depth >= MAX_DEPTH) return undefined;
        this.i++;
        const args = this.args(depth + 1);
        if (!args) return undefined;
        return { kind: 'call', name: e.name, lower: e.lower, args, loc: e.loc };
      } else return e;
    }
  }

  /** After `(`: arguments up to and with `)`, each a primary. */
  private args(depth: number): A.Arg[] | undefined {
    const args: A.Arg[] = [];
    this.blanks();
    if (this.text.charCodeAt(this.i) === 41) {
      this.i++;
      return args;
    }
    for (;;) {
      const value = this.primary(depth, true);
      if (!value) return undefined;
      args.push({ value });
      this.blanks();
      const c = this.text.charCodeAt(this.i++);
      if (c === 41 /* ) */) return args;
      if (c !== 44 /* , */) return undefined;
      this.blanks();
    }
  }

  /** Digits with an optional fraction (`12`, `3.25`); exponents and `1.` go to the parser. */
  private number(): A.Expr | undefined {
    const t = this.text;
    const start = this.i;
    let j = start;
    while (isDigit(t.charCodeAt(j))) j++;
    if (t.charCodeAt(j) === 46) {
      j++;
      if (!isDigit(t.charCodeAt(j))) return undefined;
      while (isDigit(t.charCodeAt(j))) j++;
    }
    const next = t.charCodeAt(j);
    if (isWordChar(next) || next === 46 || next >= 128) return undefined;
    this.i = j;
    return { kind: 'lit', value: Number(t.slice(start, j)), loc: this.loc(start) };
  }

  /** A quoted string without `#`, inner quotes or line breaks: a literal of its text. */
  private string(q: number): A.Expr | undefined {
    const t = this.text;
    const start = this.i;
    let j = start + 1;
    for (;;) {
      if (j >= t.length) return undefined;
      const c = t.charCodeAt(j);
      if (c === q) break;
      if (c === 35 || c === 10 || c === 13 || c === 34 || c === 39) return undefined;
      j++;
    }
    this.i = j + 1;
    return { kind: 'lit', value: t.slice(start + 1, j), loc: this.loc(start) };
  }
}
