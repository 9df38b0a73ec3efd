import type { IToken } from 'chevrotain';
import { lexTemplate } from '../lexer/lexer.js';
import { scanHashExpr } from '../lexer/scan.js';
import * as T from '../lexer/tokens.js';
import { ParseError, type SourceLoc } from '../runtime/errors.js';
import type { TagRegistry } from '../tags/registry.js';
import type { TagDef } from '../tags/types.js';
import type * as A from './ast.js';
import { parseExpression, parseScript, stringParts, type LocBase } from './expressions.js';
import { setIslandParser } from './expr-parser.js';
import { validateTag, ATTRIBUTE_COLLECTION } from './tag-check.js';

export { validateTag, ATTRIBUTE_COLLECTION };

interface Frame {
  node: A.TagNode | null;
  def?: TagDef;
  /** Where children go now (the tag body, or the current branch's body). */
  target: A.Stmt[];
  loc?: SourceLoc;
  interp?: boolean;
}

/**
 * Builds the template tree from the token stream. Nesting follows each tag definition's body
 * rule (the tag set is open, so this is a stack builder, not a grammar); `#...#` in text is
 * parsed only inside tags that interpolate (cfoutput).
 */
export class TemplateParser {
  private tokens: IToken[] = [];
  private i = 0;
  private stack: Frame[] = [];
  private interp = 0;
  /** `<cfimport prefix taglib>` seen so far: prefix (lower-case) to taglib as written. */
  private readonly imports = new Map<string, string>();
  /**
   * Text nodes still being built, with their pieces: adjacent text tokens (`##`, `<`, runs of
   * text) are joined once at the end of the parse, not appended one by one.
   */
  private readonly pieces = new Map<A.TextNode, string[]>();

  constructor(
    private readonly source: string,
    private readonly file: string,
    private readonly tags: TagRegistry,
  ) {}

  parse(): A.Template {
    const lexed = lexTemplate(this.source);
    this.tokens = lexed.tokens;
    const root: Frame = { node: null, target: [] };
    this.stack = [root];
    const n = this.tokens.length;
    while (this.i < n) {
      const t = this.tokens[this.i]!;
      switch (t.tokenType) {
        case T.Comment:
          this.i++;
          break;
        case T.UnclosedComment:
          throw new ParseError('Comment <!--- is never closed', this.loc(t), { detail: 'close it with --->' });
        case T.CfOpenTag:
        case T.ImportOpenTag:
          this.openTag(t);
          break;
        case T.CfCloseTag:
        case T.ImportCloseTag:
          this.closeTag(t);
          break;
        case T.TextHash:
          if (this.interp > 0) this.hashExpr(t);
          else this.text(t.image, t);
          break;
        case T.HashHash:
          this.text(this.interp > 0 ? '#'.repeat(t.image.length / 2) : t.image, t);
          break;
        default:
          if (t.tokenType === T.Text || t.tokenType === T.TextLt) this.text(t.image, t);
          else throw new ParseError(`Syntax error: unexpected [${shortImage(t.image)}]`, this.loc(t));
          this.i++;
          continue;
      }
      if (t.tokenType === T.HashHash || (t.tokenType === T.TextHash && this.interp === 0)) this.i++;
    }
    if (lexed.errors.length) {
      const e = lexed.errors[0]!;
      throw new ParseError(`Syntax error: unexpected character [${this.source.substr(e.offset, 1)}]`, { file: this.file, line: e.line ?? 1, col: e.column ?? 1 });
    }
    while (this.stack.length > 1) {
      const f = this.stack[this.stack.length - 1]!;
      if (f.def?.body === 'optional') this.flatten();
      else throw new ParseError(`Tag <${tagShown(f.node!.name)}> opened at ${f.loc!.file}:${f.loc!.line}:${f.loc!.col} is never closed`, f.loc!, { detail: `add </${tagShown(f.node!.name)}>` });
    }
    for (const [node, parts] of this.pieces) node.text = parts.join('');
    return { file: this.file, source: this.source, body: root.target };
  }

  private loc(t: IToken): SourceLoc {
    return { file: this.file, line: t.startLine ?? 1, col: t.startColumn ?? 1, offset: t.startOffset };
  }

  /** Tokens of the template lexer carry positions in the whole file. */
  private fileBase(): LocBase {
    return { file: this.file, line: 1, col: 1 };
  }

  private get top(): Frame {
    return this.stack[this.stack.length - 1]!;
  }

  private text(s: string, t: IToken): void {
    const target = this.top.target;
    const last = target[target.length - 1];
    if (last && last.kind === 'text') {
      const parts = this.pieces.get(last);
      if (parts) parts.push(s);
      else this.pieces.set(last, [last.text, s]);
    } else target.push({ kind: 'text', text: s, loc: this.loc(t) });
  }

  /** `#expr#` in cfoutput text: the expression runs up to the matching `#`, strings skipped. */
  private hashExpr(first: IToken): void {
    // `#a##b##c#...`: each expression's closing `#` shares a `##` token with the next one's
    // opening: a loop, not a recursion, so thousands of them in a row cannot exhaust the stack
    for (let t: IToken | undefined = first; t; ) {
      const start = t.startOffset;
      const end = scanHashExpr(this.source, start + 1);
      if (end < 0) throw new ParseError('Syntax error: unclosed # in cfoutput (use ## for a literal #)', this.loc(t));
      const expr = parseExpression(this.source.slice(start + 1, end), { file: this.file, line: t.startLine ?? 1, col: (t.startColumn ?? 1) + 1 });
      this.top.target.push({ kind: 'output', expr, loc: this.loc(t) });
      t = this.skipTo(end + 1);
    }
  }

  /**
   * Moves past every token that starts before `offset`; a token cut in two keeps its tail as text.
   * Returns the `#` that opens the next expression when the cut token was a `##` (see hashExpr).
   */
  private skipTo(offset: number): IToken | undefined {
    while (this.i < this.tokens.length) {
      const t = this.tokens[this.i]!;
      if (t.startOffset >= offset) return undefined;
      this.i++;
      if (endOf(t) >= offset) {
        const tail = this.source.slice(offset, endOf(t) + 1);
        // `#a##b#`: the second half of a `##` opens the next expression (in `#a####b#` the `#`
        // after it closes that one at once: an empty expression, as when `##` were single tokens)
        if (t.tokenType === T.HashHash && this.interp > 0) {
          return { ...t, image: '#', startOffset: offset, startColumn: (t.startColumn ?? 1) + 1 };
        }
        if (tail) this.text(tail, t);
        return undefined;
      }
    }
    return undefined;
  }

  private openTag(open: IToken): void {
    const imported = open.tokenType === T.ImportOpenTag;
    const name = open.image.slice(imported ? 1 : 3).toLowerCase();
    const loc = this.loc(open);
    const taglib = imported ? this.importedTaglib(name, loc) : undefined;
    const def = this.tags.get(name);
    if (!def) {
      throw new ParseError(`Unknown tag <${tagShown(name)}>: no definition found for tag [cf${name}]`, loc, { detail: `registered tags: ${this.tags.names().sort().map((n) => 'cf' + n).join(', ')}` });
    }
    // The tag's own tokens, up to `>` or `/>`.
    const inner: IToken[] = [];
    this.i++;
    let end: IToken | undefined;
    while (this.i < this.tokens.length) {
      const t = this.tokens[this.i++]!;
      if (t.tokenType === T.TagEnd || t.tokenType === T.SelfClose) {
        end = t;
        break;
      }
      inner.push(t);
    }
    if (!end) throw new ParseError(`Tag <${tagShown(name)}> is not closed with >`, loc);
    const node: A.TagNode = { kind: 'tag', name, attrs: [], loc };
    if (taglib !== undefined) node.taglib = taglib;
    if (def.expression) this.tagExpression(node, def, inner, open);
    else node.attrs = this.attributes(inner, name);
    this.validate(node, def);
    if (name === 'import') this.recordImport(node);

    // An optional-body tag left open (`<cfimap ...>` without `</cfimap>`) had no body if a
    // branch or child of an enclosing tag follows it.
    const needs = def.branchOf ?? def.parents;
    if (needs) while (this.stack.length > 1 && this.top.def?.body === 'optional' && !needs.includes(this.top.node!.name)) this.flatten();
    if (def.branchOf) {
      const parent = this.top;
      if (!parent.node || !def.branchOf.includes(parent.node.name)) {
        throw new ParseError(`<${tagShown(name)}> must be inside ${def.branchOf.map((p) => '<cf' + p + '>').join(' or ')}`, loc);
      }
      const branch: A.TagBranch = { tag: node, body: [] };
      (parent.node.branches ??= []).push(branch);
      parent.target = branch.body;
      return;
    }
    if (def.parents && (!this.top.node || !def.parents.includes(this.top.node.name))) {
      throw new ParseError(`<${tagShown(name)}> must be inside ${def.parents.map((p) => '<cf' + p + '>').join(' or ')}`, loc);
    }
    this.top.target.push(node);
    const selfClosed = end.tokenType === T.SelfClose;
    if (selfClosed) node.selfClosed = true;
    if (def.rawBody && !selfClosed) {
      this.rawBody(node, name, end);
      return;
    }
    if (selfClosed || !def.body || def.body === 'forbidden') return;
    node.body = [];
    const interp = typeof def.interpolates === 'function' ? def.interpolates(node) : !!def.interpolates;
    this.stack.push({ node, def, target: node.body, loc, interp });
    if (interp) this.interp++;
  }

  /** The taglib of an imported `<prefix:name>`; the cfimport must come before the tag. */
  private importedTaglib(name: string, loc: SourceLoc): string {
    const prefix = name.slice(0, name.indexOf(':'));
    const taglib = this.imports.get(prefix);
    if (taglib === undefined) {
      throw new ParseError(`Tag <${name}> is used before <cfimport prefix="${prefix}"> imports its prefix`, loc, { detail: 'move the cfimport above the first use of the prefix' });
    }
    return taglib;
  }

  /** `<cfimport prefix="ui" taglib="tags">`: later `<ui:name>` tags run tags/name.cfm. */
  private recordImport(node: A.TagNode): void {
    const lit = (n: string) => {
      const a = node.attrs.find((x) => x.lower === n);
      return a && a.value.kind === 'lit' ? String(a.value.value) : undefined;
    };
    const prefix = lit('prefix');
    const taglib = lit('taglib');
    if (prefix && taglib !== undefined) this.imports.set(prefix.toLowerCase(), taglib);
  }

  private tagExpression(node: A.TagNode, def: TagDef, inner: IToken[], open: IToken): void {
    if (inner.length === 0) {
      if (def.expression === 'required') throw new ParseError(`Tag <${tagShown(node.name)}> needs an expression`, this.loc(open));
      return;
    }
    let toks = inner;
    if (node.name === 'set' && toks[0]!.tokenType === T.Var) {
      node.attrs.push({ name: 'var', lower: 'var', value: { kind: 'lit', value: true, loc: node.loc }, loc: node.loc });
      toks = toks.slice(1);
    }
    // `<cfset x = 1; />`: a trailing semicolon is allowed (Lucee)
    while (toks.length > 1 && toks[toks.length - 1]!.tokenType === T.Semicolon) toks = toks.slice(0, -1);
    node.expr = parseExpression('', this.fileBase(), toks);
  }

  /** name="value" pairs; values are quoted strings (with #...#), #expr#, or bare words. */
  private attributes(toks: IToken[], tag: string): A.AttrNode[] {
    const attrs: A.AttrNode[] = [];
    let k = 0;
    while (k < toks.length) {
      const nameTok = toks[k]!;
      if (nameTok.tokenType !== T.Identifier && !T.isKeyword(nameTok)) {
        throw new ParseError(`Syntax error in <${tagShown(tag)}>: expected an attribute name, found [${nameTok.image}]`, this.loc(nameTok));
      }
      let name = nameTok.image;
      k++;
      // names like accept-charset or xmlns:x are written without spaces
      while (k < toks.length && toks[k]!.startOffset === endOf(toks[k - 1]!) + 1 && (toks[k]!.tokenType === T.Minus || toks[k]!.tokenType === T.Colon || toks[k - 1]!.tokenType === T.Minus || toks[k - 1]!.tokenType === T.Colon)) {
        name += toks[k]!.image;
        k++;
      }
      const loc = this.loc(nameTok);
      if (toks[k]?.tokenType !== T.Assign) {
        attrs.push({ name, lower: name.toLowerCase(), value: { kind: 'lit', value: '', loc }, loc });
        continue;
      }
      k++;
      const v = toks[k];
      if (!v) throw new ParseError(`Syntax error in <${tagShown(tag)}>: attribute [${name}] has no value`, loc);
      let value: A.Expr;
      if (v.tokenType === T.StringLit) {
        value = stringParts(v.image.slice(1, -1), v.image[0]!, this.loc(v));
        k++;
      } else if (v.tokenType === T.Hash) {
        let j = k + 1;
        let depth = 0;
        while (j < toks.length && !(toks[j]!.tokenType === T.Hash && depth === 0)) {
          const tt = toks[j]!.tokenType;
          if (tt === T.LParen || tt === T.LBracket || tt === T.LBrace) depth++;
          if (tt === T.RParen || tt === T.RBracket || tt === T.RBrace) depth--;
          j++;
        }
        if (j >= toks.length) throw new ParseError(`Syntax error in <${tagShown(tag)}>: unclosed # in attribute [${name}]`, this.loc(v));
        value = parseExpression('', this.fileBase(), toks.slice(k + 1, j));
        k = j + 1;
      } else {
        // bare value: the contiguous source text (`index=i`, `from=1`, `template=x.cfm`)
        let j = k + 1;
        while (j < toks.length && toks[j]!.startOffset === endOf(toks[j - 1]!) + 1 && toks[j]!.tokenType !== T.StringLit) j++;
        const text = this.source.slice(v.startOffset, endOf(toks[j - 1]!) + 1);
        value = { kind: 'lit', value: text, loc: this.loc(v) };
        k = j;
      }
      attrs.push({ name, lower: name.toLowerCase(), value, loc });
    }
    return attrs;
  }

  private validate(node: A.TagNode, def: TagDef): void {
    validateTag(node, def);
  }

  private rawBody(node: A.TagNode, name: string, end: IToken): void {
    const from = endOf(end) + 1;
    const re = new RegExp(`</cf${name}\\s*>`, 'ig');
    re.lastIndex = from;
    const m = re.exec(this.source);
    if (!m) throw new ParseError(`Tag <${tagShown(name)}> opened at ${node.loc.file}:${node.loc.line}:${node.loc.col} is never closed`, node.loc);
    node.raw = this.source.slice(from, m.index);
    const base = { file: this.file, line: end.startLine ?? 1, col: (end.startColumn ?? 1) + end.image.length };
    node.body = parseScript(node.raw, base, this.tags);
    const next = this.skipTo(m.index + m[0].length);
    if (next) this.hashExpr(next);
  }

  private closeTag(t: IToken): void {
    const name = t.image.slice(t.tokenType === T.ImportCloseTag ? 2 : 4).replace(/\s*>$/, '').toLowerCase();
    const loc = this.loc(t);
    this.i++;
    // An optional-body tag that never got its close tag had no body after all.
    while (this.stack.length > 1 && this.top.node!.name !== name && this.top.def?.body === 'optional') this.flatten();
    const f = this.top;
    if (!f.node) {
      throw new ParseError(`Closing tag </${tagShown(name)}> has no matching <${tagShown(name)}>`, loc);
    }
    if (f.node.name !== name) {
      throw new ParseError(`Closing tag </${tagShown(name)}> does not match <${tagShown(f.node.name)}> opened at ${f.loc!.file}:${f.loc!.line}:${f.loc!.col}`, loc);
    }
    f.node.endLoc = loc;
    if (f.interp) this.interp--;
    this.stack.pop();
  }

  /** Turns the open optional-body tag on top into a bodyless one, moving its children after it. */
  private flatten(): void {
    const f = this.stack.pop()!;
    if (f.interp) this.interp--;
    const node = f.node!;
    const children = node.body ?? [];
    node.body = undefined;
    this.top.target.push(...children);
  }
}

/** Last offset of a token (the lexer tracks start positions only, which halves token size). */
function endOf(t: IToken): number {
  return t.startOffset + t.image.length - 1;
}

/**
 * A tag island's code parsed as a template. The code is padded with the lines and columns before
 * it, so the nodes carry their positions in the file.
 */
setIslandParser((code, loc, tags) => {
  if (!tags || !('names' in tags)) throw new ParseError('Tag islands (```) need the tag registry', loc);
  const padded = '\n'.repeat(loc.line - 1) + ' '.repeat(loc.col - 1) + code;
  // the padding is text before any tag: it is whitespace, dropped from the body
  const body = new TemplateParser(padded, loc.file, tags as TagRegistry).parse().body;
  const first = body[0];
  if (first && first.kind === 'text') first.text = first.text.slice(loc.line - 1 + loc.col - 1);
  return first && first.kind === 'text' && first.text === '' ? body.slice(1) : body;
});

export function parseTemplate(source: string, file: string, tags: TagRegistry): A.Template {
  return new TemplateParser(source, file, tags).parse();
}


/** A token's text for an error message: an unclosed comment can hold the rest of the page. */
export function shortImage(image: string): string {
  return image.length <= 40 ? image : image.slice(0, 37) + '...';
}

/** A tag's name as the page spells it: `cfoutput`, `cf_layout`, and an imported `ui:box` as is. */
function tagShown(name: string): string {
  return name.includes(':') ? name : 'cf' + name;
}
