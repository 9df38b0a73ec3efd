import { describe, expect, it } from 'vitest';
import { lexTemplate, lexExpression } from '../../src/lexer/lexer.js';
import { scanString, scanHashExpr, scanComment } from '../../src/lexer/scan.js';

const kinds = (r: ReturnType<typeof lexTemplate>) => r.tokens.map((t) => `${t.tokenType.name}:${t.image}`);

describe('lexer', () => {
  it('splits template text, tags, hashes and nesting comments', () => {
    const r = lexTemplate('a <!--- x <!--- y ---> z ---><cfset x = 1>##<b>#x#</b></cfoutput >');
    expect(r.errors).toEqual([]);
    expect(kinds(r)).toEqual([
      'Text:a ', 'Comment:<!--- x <!--- y ---> z --->', 'CfOpenTag:<cfset', 'Identifier:x', 'Assign:=', 'NumberLit:1', 'TagEnd:>',
      'HashHash:##', 'TextLt:<b>', 'TextHash:#', 'Text:x', 'TextHash:#', 'TextLt:</b>', 'CfCloseTag:</cfoutput >',
    ]);
  });

  it('reads word operators case-insensitively, multi-word ones as one token, and keywords after a dot as names', () => {
    const r = lexExpression('a IS NOT b Does Not Contain c GREATER THAN OR EQUAL TO d s.contains(1) eq');
    expect(kinds(r)).toEqual([
      'Identifier:a', 'IsNot:IS NOT', 'Identifier:b', 'DoesNotContain:Does Not Contain', 'Identifier:c',
      'GreaterThanOrEqual:GREATER THAN OR EQUAL TO', 'Identifier:d', 'Identifier:s', 'Dot:.', 'Contains:contains',
      'LParen:(', 'NumberLit:1', 'RParen:)', 'Eq:eq',
    ]);
  });

  it('does not take an identifier that starts like a keyword for the keyword', () => {
    expect(kinds(lexExpression('eqx notes android modulo'))).toEqual(['Identifier:eqx', 'Identifier:notes', 'Identifier:android', 'Identifier:modulo']);
  });

  it('skips // and /* */ comments in script, keeps > as an operator there, ends the tag with > in tags', () => {
    expect(kinds(lexExpression('a > b // c\n/* d */ e'))).toEqual(['Identifier:a', 'GtSym:>', 'Identifier:b', 'Identifier:e']);
    expect(kinds(lexTemplate('<cfif a gt b>'))).toEqual(['CfOpenTag:<cfif', 'Identifier:a', 'Gt:gt', 'Identifier:b', 'TagEnd:>']);
  });
});

describe('hand scanners', () => {
  it('a string may hold #...# with quotes of its own kind, and doubled quotes', () => {
    const s = '"a#dateFormat(now(), "yyyy")#b ""q""" tail';
    expect(s.slice(0, scanString(s, 0))).toBe('"a#dateFormat(now(), "yyyy")#b ""q"""');
    expect(scanString('"open', 0)).toBe(-1);
  });

  it('finds the closing # past strings holding #', () => {
    const s = 'x & "##" & y# rest';
    expect(scanHashExpr(s, 0)).toBe(s.indexOf('# rest'));
  });

  it('comments nest', () => {
    const s = '<!--- a <!--- b ---> c ---> d';
    expect(s.slice(0, scanComment(s, 0))).toBe('<!--- a <!--- b ---> c --->');
    expect(scanComment('<!--- never closed', 0)).toBe(-1);
  });
});
