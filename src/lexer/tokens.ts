import { createToken, Lexer, tokenMatcher, type IToken, type TokenType, type CustomPatternMatcherFunc } from 'chevrotain';
import { scanComment, scanString } from './scan.js';

const custom = (scan: (text: string, offset: number) => number): CustomPatternMatcherFunc =>
  (text, offset) => {
    const end = scan(text, offset);
    if (end < 0) return null;
    const m = [text.slice(offset, end)] as unknown as RegExpExecArray;
    return m;
  };

const commentMatcher = custom((t, o) => (t.startsWith('<!---', o) ? scanComment(t, o) : -1));
/**
 * A `<!---` or `/*` that is never closed runs to the end of the text as one token, which the
 * parsers report as an error. Without it, the lexer would fail on the comment, move on by one
 * character and scan to the end again at the next `<!---`: quadratic time (issue 8, item 13).
 */
const unclosedCommentMatcher = custom((t, o) => (t.startsWith('<!---', o) && scanComment(t, o) < 0 ? t.length : -1));
const unclosedBlockMatcher = custom((t, o) => (t.startsWith('/*', o) && t.indexOf('*/', o + 2) < 0 ? t.length : -1));

// ---- text mode -------------------------------------------------------------------------------
export const Comment = createToken({ name: 'Comment', pattern: commentMatcher, start_chars_hint: ['<'], line_breaks: true });
export const UnclosedComment = createToken({ name: 'UnclosedComment', pattern: unclosedCommentMatcher, start_chars_hint: ['<', '/'], line_breaks: true });
export const CfCloseTag = createToken({ name: 'CfCloseTag', pattern: /<\/cf[a-zA-Z_][\w.:-]*\s*>/i, start_chars_hint: ['<'], line_breaks: true });
export const CfOpenTag = createToken({ name: 'CfOpenTag', pattern: /<cf[a-zA-Z_][\w.:-]*/i, push_mode: 'tag', start_chars_hint: ['<'] });

/** Prefixes of `<cfimport prefix="ui" taglib="...">` in the template being lexed, lower-case (set by lexTemplate). */
let importPrefixes: readonly string[] = [];
export function setImportPrefixes(prefixes: readonly string[]): void {
  importPrefixes = prefixes;
}
/** `<ui:box` / `</ui:box>`, only for an imported prefix: other `<a:b>` text (XML, SOAP) stays text. */
const importedTag = (close: boolean): CustomPatternMatcherFunc => {
  const re = close ? /<\/([a-zA-Z_][\w-]*):[a-zA-Z_][\w.-]*\s*>/y : /<([a-zA-Z_][\w-]*):[a-zA-Z_][\w.-]*/y;
  return (text, offset) => {
    if (importPrefixes.length === 0) return null;
    re.lastIndex = offset;
    const m = re.exec(text);
    return m && importPrefixes.includes(m[1]!.toLowerCase()) ? ([m[0]] as unknown as RegExpExecArray) : null;
  };
};
export const ImportCloseTag = createToken({ name: 'ImportCloseTag', pattern: importedTag(true), start_chars_hint: ['<'], line_breaks: true });
export const ImportOpenTag = createToken({ name: 'ImportOpenTag', pattern: importedTag(false), push_mode: 'tag', start_chars_hint: ['<'], line_breaks: false });
/** A run of `##` pairs, one token however long (a token per pair made `####...` pages cost a token per two characters). */
export const HashHash = createToken({ name: 'HashHash', pattern: /(?:##)+/ });
export const TextHash = createToken({ name: 'TextHash', pattern: /#/ });
/**
 * A `<` that starts no CFML token (those are tried first), with the plain text after it up to the
 * next `#` or the next `<` that might start one (`<cf`, `</cf`, `<!---`, an imported `<p:x`): one
 * token for a run of HTML such as `<div class="a"><b>x</b>`, not one per `<` (a page of many `<`
 * made that many tokens, and its parse time grew faster than its size). At most 257 `<` a token,
 * so that the regular expression's backtracking stack stays small on any input.
 */
export const TextLt = createToken({ name: 'TextLt', pattern: /<[^<#]*(?:<(?!\/?cf|!---|\/?[\w.-]+:)[^<#]*){0,256}/i, line_breaks: true, start_chars_hint: ['<'] });
// every char code but < and #: chevrotain needs the first characters to optimise a custom set
const textStart: number[] = [];
for (let c = 0; c < 65536; c++) if (c !== 60 && c !== 35) textStart.push(c);
export const Text = createToken({ name: 'Text', pattern: /[^<#]+/, line_breaks: true, start_chars_hint: textStart as unknown as string[] });

// ---- shared by tag and expression modes ------------------------------------------------------
export const WS = createToken({ name: 'WS', pattern: /\s+/, group: Lexer.SKIPPED, line_breaks: true });
/**
 * The parentheses open since the last `<cf...` among `tokens`, counted on from where the previous
 * call stopped (the lexer only appends): `<cfif (` followed by thousands of `>` stays linear.
 */
let counted: { tokens: IToken[]; upTo: number; depth: number } | undefined;
function parenDepth(tokens: IToken[]): number {
  if (!counted || counted.tokens !== tokens || counted.upTo > tokens.length) counted = { tokens, upTo: 0, depth: 0 };
  let { upTo: i, depth } = counted;
  for (; i < tokens.length; i++) {
    const tt = tokens[i]!.tokenType;
    if (tt === LParen) depth++;
    else if (tt === RParen) depth--;
    else if (tt === CfOpenTag || tt === ImportOpenTag) depth = 0;
  }
  counted.upTo = i;
  counted.depth = depth;
  return depth;
}

/**
 * `>` ends a tag, except inside parentheses (`<cfif (a > b)>`), where it is the operator: the
 * matcher counts the parentheses of the tokens since the tag opened.
 */
export const TagEnd = createToken({
  name: 'TagEnd',
  pattern: (text, offset, tokens) => {
    if (text.charCodeAt(offset) !== 62 /* > */) return null;
    return parenDepth(tokens) > 0 ? null : (['>'] as unknown as RegExpExecArray);
  },
  start_chars_hint: ['>'],
  line_breaks: false,
  pop_mode: true,
});
export const SelfClose = createToken({ name: 'SelfClose', pattern: /\/>/, pop_mode: true });
export const LineComment = createToken({ name: 'LineComment', pattern: /\/\/[^\n\r]*/, group: Lexer.SKIPPED });
export const BlockComment = createToken({ name: 'BlockComment', pattern: /\/\*[\s\S]*?\*\//, group: Lexer.SKIPPED, line_breaks: true });
export const CfmlComment = createToken({ name: 'CfmlComment', pattern: commentMatcher, start_chars_hint: ['<'], group: Lexer.SKIPPED, line_breaks: true });
export const UnclosedBlockComment = createToken({ name: 'UnclosedBlockComment', pattern: unclosedBlockMatcher, start_chars_hint: ['/'], line_breaks: true });

/** A tag island in script (Lucee): template code between two lines of three backticks. */
export const TagIsland = createToken({ name: 'TagIsland', pattern: /```[\s\S]*?```/, line_breaks: true, start_chars_hint: ['`'] });
export const StringLit = createToken({
  name: 'StringLit',
  pattern: custom((t, o) => {
    const c = t.charCodeAt(o);
    return c === 34 || c === 39 ? scanString(t, o) : -1;
  }),
  start_chars_hint: ['"', "'"],
  line_breaks: true,
});
export const NumberLit = createToken({ name: 'NumberLit', pattern: /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/ });
export const Identifier = createToken({ name: 'Identifier', pattern: /[a-zA-Z_$\u00C0-\uFFFF][\w$\u00C0-\uFFFF]*/ });
/** Anything that may stand where a name is expected after a dot: identifiers and keywords. */
export const NameLike = createToken({ name: 'NameLike', pattern: Lexer.NA });
Identifier.CATEGORIES = [NameLike];

// Operator categories: the parser matches a whole precedence level with one category token.
export const CompareOp = createToken({ name: 'CompareOp', pattern: Lexer.NA });
export const AddOp = createToken({ name: 'AddOp', pattern: Lexer.NA });
export const MulOp = createToken({ name: 'MulOp', pattern: Lexer.NA });
export const AssignOp = createToken({ name: 'AssignOp', pattern: Lexer.NA });
/** Every binary operator: the parser reads operand (op operand)* and climbs precedence itself. */
export const BinOp = createToken({ name: 'BinOp', pattern: Lexer.NA });
CompareOp.CATEGORIES = [BinOp];
AddOp.CATEGORIES = [BinOp];
MulOp.CATEGORIES = [BinOp];

const wordEnd = '(?![\\w$])';
function word(name: string, re: string, categories: TokenType[] = []): TokenType {
  const firsts = re.replace(/^\(\?:/, '').split('|').map((alt) => alt[0]!);
  const hint = [...new Set(firsts.flatMap((c) => [c.toLowerCase(), c.toUpperCase()]))];
  return createToken({ name, pattern: new RegExp(re + wordEnd, 'i'), categories: [NameLike, ...categories], longer_alt: Identifier, start_chars_hint: hint });
}

// Multi-word operators come before their first words.
export const DoesNotContain = word('DoesNotContain', 'does\\s+not\\s+contain', [CompareOp]);
export const GreaterThanOrEqual = word('GreaterThanOrEqual', 'greater\\s+than\\s+or\\s+equal\\s+to', [CompareOp]);
export const GreaterThan = word('GreaterThan', 'greater\\s+than', [CompareOp]);
export const LessThanOrEqual = word('LessThanOrEqual', 'less\\s+than\\s+or\\s+equal\\s+to', [CompareOp]);
export const LessThan = word('LessThan', 'less\\s+than', [CompareOp]);
export const NotEqualWords = word('NotEqualWords', 'not\\s+equal', [CompareOp]);
export const IsNot = word('IsNot', 'is\\s+not', [CompareOp]);
export const Eq = word('Eq', '(?:eq|equal|is)', [CompareOp]);
export const Neq = word('Neq', 'neq', [CompareOp]);
export const Gte = word('Gte', '(?:gte|ge)', [CompareOp]);
export const Gt = word('Gt', 'gt', [CompareOp]);
export const Lte = word('Lte', '(?:lte|le)', [CompareOp]);
export const Lt = word('Lt', 'lt', [CompareOp]);
export const Contains = word('Contains', '(?:contains|ct)', [CompareOp]);
export const Nct = word('Nct', 'nct', [CompareOp]);
export const Not = word('Not', 'not');
export const And = word('And', 'and', [BinOp]);
export const Or = word('Or', 'or', [BinOp]);
export const Xor = word('Xor', 'xor', [BinOp]);
export const Eqv = word('Eqv', 'eqv', [BinOp]);
export const Imp = word('Imp', 'imp', [BinOp]);
export const Mod = word('Mod', 'mod', [BinOp]);
export const True = word('True', 'true');
export const False = word('False', 'false');
export const Null = word('Null', 'null');
export const FunctionKw = word('Function', 'function');
export const New = word('New', 'new');
export const Exp = word('Exp', 'exp', [BinOp]);
// Script keywords: also names after a dot, as struct keys and as attribute names.
export const If = word('If', 'if');
export const Else = word('Else', 'else');
export const For = word('For', 'for');
export const In = word('In', 'in');
export const While = word('While', 'while');
export const Do = word('Do', 'do');
export const Switch = word('Switch', 'switch');
export const Case = word('Case', 'case');
export const Default = word('Default', 'default');
export const Try = word('Try', 'try');
export const Catch = word('Catch', 'catch');
export const Finally = word('Finally', 'finally');
export const Return = word('Return', 'return');
export const Break = word('Break', 'break');
export const Continue = word('Continue', 'continue');
export const Var = word('Var', 'var');
export const Throw = word('Throw', 'throw');
export const Rethrow = word('Rethrow', 'rethrow');

export const StrictEq = createToken({ name: 'StrictEq', pattern: /===/, categories: [CompareOp] });
export const StrictNeq = createToken({ name: 'StrictNeq', pattern: /!==/, categories: [CompareOp] });
export const EqEq = createToken({ name: 'EqEq', pattern: /==/, categories: [CompareOp] });
export const BangEq = createToken({ name: 'BangEq', pattern: /!=|<>/, categories: [CompareOp] });
export const GtEqSym = createToken({ name: 'GtEqSym', pattern: />=/, categories: [CompareOp] });
export const LtEqSym = createToken({ name: 'LtEqSym', pattern: /<=/, categories: [CompareOp] });
export const GtSym = createToken({ name: 'GtSym', pattern: />/, categories: [CompareOp] });
export const LtSym = createToken({ name: 'LtSym', pattern: /</, categories: [CompareOp] });
export const Arrow = createToken({ name: 'Arrow', pattern: /=>/ });
export const PlusEq = createToken({ name: 'PlusEq', pattern: /\+=/, categories: [AssignOp] });
export const MinusEq = createToken({ name: 'MinusEq', pattern: /-=/, categories: [AssignOp] });
export const StarEq = createToken({ name: 'StarEq', pattern: /\*=/, categories: [AssignOp] });
export const SlashEq = createToken({ name: 'SlashEq', pattern: /\/=/, categories: [AssignOp] });
export const AmpEq = createToken({ name: 'AmpEq', pattern: /&=/, categories: [AssignOp] });
export const PercentEq = createToken({ name: 'PercentEq', pattern: /%=/, categories: [AssignOp] });
export const Assign = createToken({ name: 'Assign', pattern: /=/, categories: [AssignOp] });
export const AndAnd = createToken({ name: 'AndAnd', pattern: /&&/, categories: [BinOp] });
export const OrOr = createToken({ name: 'OrOr', pattern: /\|\|/, categories: [BinOp] });
export const PlusPlus = createToken({ name: 'PlusPlus', pattern: /\+\+/ });
export const MinusMinus = createToken({ name: 'MinusMinus', pattern: /--/ });
export const Plus = createToken({ name: 'Plus', pattern: /\+/, categories: [AddOp] });
export const Minus = createToken({ name: 'Minus', pattern: /-/, categories: [AddOp] });
export const Star = createToken({ name: 'Star', pattern: /\*/, categories: [MulOp] });
export const Slash = createToken({ name: 'Slash', pattern: /\//, categories: [MulOp] });
export const Backslash = createToken({ name: 'Backslash', pattern: /\\/, categories: [MulOp] });
export const Percent = createToken({ name: 'Percent', pattern: /%/, categories: [BinOp] });
export const Caret = createToken({ name: 'Caret', pattern: /\^/, categories: [BinOp] });
export const Amp = createToken({ name: 'Amp', pattern: /&/, categories: [BinOp] });
export const Elvis = createToken({ name: 'Elvis', pattern: /\?:/ });
export const SafeDot = createToken({ name: 'SafeDot', pattern: /\?\./ });
export const Question = createToken({ name: 'Question', pattern: /\?/ });
/** `Name::member` (static access); in a slice `arr[::-1]` it stands for two colons. */
export const ColonColon = createToken({ name: 'ColonColon', pattern: /::/ });
export const Colon = createToken({ name: 'Colon', pattern: /:/ });
export const Bang = createToken({ name: 'Bang', pattern: /!/ });
export const Dot = createToken({ name: 'Dot', pattern: /\./ });
export const Comma = createToken({ name: 'Comma', pattern: /,/ });
export const Semicolon = createToken({ name: 'Semicolon', pattern: /;/ });
export const LParen = createToken({ name: 'LParen', pattern: /\(/ });
export const RParen = createToken({ name: 'RParen', pattern: /\)/ });
export const LBracket = createToken({ name: 'LBracket', pattern: /\[/ });
export const RBracket = createToken({ name: 'RBracket', pattern: /]/ });
export const LBrace = createToken({ name: 'LBrace', pattern: /\{/ });
export const RBrace = createToken({ name: 'RBrace', pattern: /}/ });
export const Hash = createToken({ name: 'Hash', pattern: /#/ });

const words = [
  DoesNotContain, GreaterThanOrEqual, GreaterThan, LessThanOrEqual, LessThan, NotEqualWords, IsNot,
  Neq, Eq, Gte, Gt, Lte, Lt, Contains, Nct, Not, And, Or, Xor, Eqv, Imp, Mod, True, False, Null, FunctionKw, New, Exp,
  If, Else, For, In, While, Do, Switch, Case, Default, Try, Catch, Finally, Return, Break, Continue, Var, Throw, Rethrow,
];
const symbols = [
  StrictEq, StrictNeq, EqEq, BangEq, GtEqSym, LtEqSym, Arrow, PlusEq, MinusEq, StarEq, SlashEq, AmpEq, PercentEq,
  Assign, AndAnd, OrOr, PlusPlus, MinusMinus, Plus, Minus, Star, Backslash, Percent, Caret, Amp, Elvis, SafeDot,
  Question, ColonColon, Colon, Bang, Dot, Comma, Semicolon, LParen, RParen, LBracket, RBracket, LBrace, RBrace, Hash,
];

/** Expression tokens valid inside a tag, where `>` ends the tag and `/>` closes it. */
const tagMode = [WS, CfmlComment, UnclosedComment, TagEnd, SelfClose, StringLit, NumberLit, ...words, Identifier, ...symbols.filter((t) => t !== GtEqSym), LtEqSym, LtSym, Slash, GtEqSym, GtSym];
/** Script and `#...#` expressions: `>` is an operator and line and block comments are skipped. */
const exprMode = [WS, LineComment, BlockComment, UnclosedBlockComment, CfmlComment, UnclosedComment, TagIsland, StringLit, NumberLit, ...words, Identifier, ...symbols, GtSym, LtSym, Slash];

export const lexerDefinition = {
  modes: {
    text: [Comment, UnclosedComment, CfCloseTag, CfOpenTag, ImportCloseTag, ImportOpenTag, HashHash, TextHash, TextLt, Text],
    tag: tagMode,
    expr: exprMode,
  },
  defaultMode: 'text',
};

export const allTokens: TokenType[] = [
  ...new Set([...lexerDefinition.modes.text, ...tagMode, ...exprMode, NameLike, BinOp, CompareOp, AddOp, MulOp, AssignOp]),
];

/** A keyword token (`default`, `contains`, ...) that may also serve as a name after a dot or as a key. */
export const isKeyword = (t: IToken): boolean => t.tokenType !== Identifier && tokenMatcher(t, NameLike);
