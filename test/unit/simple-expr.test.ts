import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../src/parser/expressions.js';
import { simpleExpression, simplePath } from '../../src/parser/simple-expr.js';
import { parseTemplate } from '../../src/parser/template-parser.js';
import { lexExpression } from '../../src/lexer/lexer.js';
import { Engine } from '../../src/index.js';

/** The chevrotain parser's AST for `text` at `base` (given tokens, parseExpression skips the fast path). */
function viaParser(text: string, base: { file: string; line: number; col: number }) {
  const lexed = lexExpression(text);
  expect(lexed.errors).toEqual([]);
  return parseExpression(text, base, lexed.tokens);
}

const bases = [
  { file: 'a.cfm', line: 1, col: 1 },
  { file: 'b.cfm', line: 7, col: 23 },
  { file: 'dir/c.cfm', line: 120, col: 2 },
];

/** Taken by the fast path: its AST must equal the parser's, field for field. */
const simple = [
  'x', 'customer', 'i', '_a', '$x', 'a1', 'CamelCase', 'a.b', 'a.b.c.d', 'order.title', 'order.TITLE',
  'url.id', 'URL.Id', 'variables.x', 'form.a.b', 'request', 'session.user.name', 'this.x', 'arguments.a', 'local.v', 'cgi.http_host',
  'cfcatch.message', 'attributes.x', 'caller.y', 'thisTag.z',
  'a.not', 'a.true', 'a.null', 'a.eq', 'a.function', 'a.new', 'a.var', 'a.contains', 'a.mod', 'a.exp', 'a.throw', 'a.in', 'a.is',
  'notx', 'truex', 'nullable', 'modulus', 'newOrder', 'variablesX', 'eqv1',
  '0', '7', '42', '007', '3.25', '0.5', '12345678901234567890',
  ' x', 'x ', '\tx\t', '  a.b  ', 'a . b', 'a. b', 'a .b',
  'f()', 'now()', 'arrayLen(orders)', 'encodeForHTML(order.title)', 'numberFormat(order.amount, "9,999.99")',
  "dateFormat(order.closed, 'mmm d, yyyy')", 'f(1, 2.5, "x", \'y\', a.b, g(h()))', 'f( a , b )', 'f\t(a,\tb)', 'f (x)',
  'f("")', "f('')", 'f("café ünïcode ✓")', 'f("tab\there")', 'f("a\u2028b")', 'max(url.a, form.b)',
  'len(url.x)', 'lcase(session.user.name)', 'f(a.not, b.true)',
];

/** Must go to the parser (keywords, operators, anything beyond the simple forms). */
const notSimple = [
  'true', 'false', 'null', 'TRUE', 'not x', 'new Foo()', 'throw("x")', 'exp(2)', 'a + b', 'a.b()', 'a.b(1)', 'url(1)', 'a[1]', 'a["x"]',
  'a?.b', 'a.1', '1e5', '1.', '.5', '-1', '"x"', "'x'", 'f("a#b#c")', 'f("a""b")', "f('it''s')", 'f(a=1)', 'f(a b)', 'f(x',
  'f(x,)', 'f(,x)', 'a\nb', 'a.\nb', 'f(a,\nb)', 'f(a,\r\nb)', 'f("a\nb")', 'café', 'a.café', 'a /* c */', 'a // c', 'x++', 'a::b',
  'i mod 2', 'a ? b : c', 'a ?: b', '(a)', '#a#', 'f(#a#)', '', '  ', 'a b', 'a = 1', 'f(1)(2)', 'f(1).x', 'f(1)[2]', 'a.b.c(x)',
  'f(g(h(i(j(k(l(m(n(o(p))))))))))',
];

describe('simple expression fast path', () => {
  it('builds exactly the parser AST (kinds, fields, locations) for the simple forms', () => {
    for (const base of bases) {
      for (const text of simple) {
        const fast = simpleExpression(text, base);
        expect(fast, text).toBeDefined();
        expect(fast, text).toStrictEqual(viaParser(text, base));
        // and parseExpression takes it
        expect(parseExpression(text, base), text).toStrictEqual(fast);
      }
    }
  });

  it('leaves everything else to the parser', () => {
    for (const text of notSimple) expect(simpleExpression(text, bases[1]!), JSON.stringify(text)).toBeUndefined();
  });

  it('gives a template the same AST as the parser, on multi-line, CRLF, tab and unicode pages', () => {
    const engine = new Engine();
    const page = [
      '<cfoutput>#a#\t#url.id# é #f(a.b, "x")#</cfoutput>',
      '\t<p title="#user.name#" data-x="#len(q.col)#">  ü #session.user.name# </p>',
      '<cfoutput>\r\n  #x.y#\r\n\t\t#numberFormat(o.amount, "9,999.99")# ✓ #z#</cfoutput>',
      '<cfset v = "#a.b# and #c#"><cfif x EQ "#y#">#now()#</cfif>',
    ].join('\n');
    const fast = parseTemplate(page, 'p.cfm', engine.tags);
    simplePath.enabled = false;
    try {
      const slow = parseTemplate(page, 'p.cfm', engine.tags);
      expect(fast).toStrictEqual(slow);
      expect(JSON.stringify(fast)).toContain('"numberformat"');
    } finally {
      simplePath.enabled = true;
    }
  });
});
