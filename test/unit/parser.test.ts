import { describe, expect, it } from 'vitest';
import { parseExpression, parseScript } from '../../src/parser/expressions.js';
import { parseTemplate } from '../../src/parser/template-parser.js';
import { Engine, ParseError } from '../../src/index.js';
import type { Expr } from '../../src/parser/ast.js';

const base = { file: 't.cfm', line: 1, col: 1 };
/** A compact S-expression of an AST, for precedence checks. */
function sx(e: Expr): string {
  switch (e.kind) {
    case 'bin':
      return `(${e.op} ${sx(e.left)} ${sx(e.right)})`;
    case 'unary':
      return `(${e.op} ${sx(e.expr)})`;
    case 'var':
      return e.name;
    case 'lit':
      return JSON.stringify(e.value);
    case 'cond':
      return `(? ${sx(e.test)} ${sx(e.then)} ${sx(e.else)})`;
    case 'elvis':
      return `(?: ${sx(e.left)} ${sx(e.right)})`;
    case 'assign':
      return `(${e.op} ${sx(e.target)} ${sx(e.value)})`;
    default:
      return e.kind;
  }
}
const p = (s: string) => sx(parseExpression(s, base));

describe('expression parser', () => {
  it("follows Lucee's precedence, with NOT looser than comparisons", () => {
    expect(p('NOT a EQ b')).toBe('(not (eq a b))');
    expect(p('!x == y')).toBe('(not (eq x y))');
    expect(p('a AND NOT b OR c')).toBe('(or (and a (not b)) c)');
    expect(p('a & b + c * d ^ e')).toBe('(& a (+ b (* c (^ d e))))');
    expect(p('a MOD b * c')).toBe('(mod a (* b c))');
    expect(p('a - b - c')).toBe('(- (- a b) c)');
    expect(p('a XOR b OR c')).toBe('(xor a (or b c))');
    expect(p('a EQV b IMP c')).toBe('(imp (eqv a b) c)');
    expect(p('a ? b : c ?: d')).toBe('(? a b (?: c d))');
    expect(p('x += 1 + 2')).toBe('(+= x (+ 1 2))');
    expect(p('-2 ^ 2')).toBe('(^ -2 2)');
  });

  it('keeps locations on nodes', () => {
    const e = parseExpression('a +\n  foo(1)', base);
    expect(e.kind === 'bin' && e.right.loc).toMatchObject({ line: 2, col: 3 });
  });

  it('reports the position of a syntax error', () => {
    expect(() => parseExpression('a + * b', base)).toThrow(ParseError);
    try {
      parseExpression('(a + b', base);
    } catch (e) {
      expect((e as ParseError).message).toMatch(/Syntax error/);
      expect((e as ParseError).loc).toMatchObject({ file: 't.cfm', line: 1 });
    }
  });

  it('parses script statements into their node kinds', () => {
    const kinds = parseScript('var a = 1; if (a) {} else if (b) {} for (i = 1; i < 3; i++) {} for (k in s) {} while (x) {} do {} while (y); switch (a) { case 1: break; default: } try {} catch (any e) {} finally {} return a; function f() {} include "x.cfm";', base, new Engine().tags).map((s) => s.kind);
    expect(kinds).toEqual(['vardecl', 'if', 'for', 'forin', 'while', 'dowhile', 'switch', 'try', 'return', 'funcdecl', 'tag']);
  });

  it('takes script shorthands from the TagDef (scriptShorthand), not from a list in the parser', () => {
    const tags = new Engine({ tags: [{ name: 'greet', attrs: [{ name: 'who' }], scriptShorthand: { attr: 'who' }, run: () => undefined }] }).tags;
    const [s] = parseScript('greet "Ada";', base, tags);
    expect(s).toMatchObject({ kind: 'tag', name: 'greet', attrs: [{ lower: 'who', value: { kind: 'lit', value: 'Ada' } }] });
    const [inc] = parseScript('include dir & "/x.cfm";', base, tags);
    expect(inc).toMatchObject({ kind: 'tag', name: 'include', attrs: [{ lower: 'template', value: { kind: 'bin', op: '&' } }] });
  });
});

describe('template parser', () => {
  const tags = new Engine().tags;
  it('nests tags by their body rule and splits cfif branches', () => {
    const t = parseTemplate('<cfif a>1<cfelseif b>2<cfelse>3</cfif><cfset x = 1>', 't.cfm', tags);
    const node = t.body[0]!;
    expect(node.kind).toBe('tag');
    if (node.kind === 'tag') {
      expect(node.name).toBe('if');
      expect(node.branches?.map((b) => b.tag.name)).toEqual(['elseif', 'else']);
    }
    expect(t.body[1]!.kind).toBe('tag');
  });

  it('names both places of a mismatched close tag', () => {
    expect(() => parseTemplate('<cfoutput>\n<cfif x>\n</cfoutput>', 't.cfm', tags)).toThrow(/<\/cfoutput> does not match <cfif> opened at t.cfm:2:1/);
  });

  it('interpolates #...# only inside cfoutput', () => {
    const t = parseTemplate('#a#<cfoutput>#a#</cfoutput>', 't.cfm', tags);
    expect(t.body[0]).toMatchObject({ kind: 'text', text: '#a#' });
  });
});
