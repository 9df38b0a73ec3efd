/** trimWhitespace, listQualifiedToArray, s.getBytes()/toCharArray(), structKeyTranslate, struct getMetadata (Lucee's rules, our values). */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/index.js';
import { fn } from '../support/fn-harness.js';

const render = (src: string) => new Engine({ logger: () => {} }).renderString(`<cfscript>${src}</cfscript>`);

describe('trimWhitespace', () => {
  it('shortens every run of white space to one character, a line feed when the run has one', () => {
    expect(fn('trimWhitespace', '  a \t b\n\n  c   ')).toBe(' a b\nc ');
    expect(fn('trimWhitespace', 'x\r\n\ty')).toBe('x\ny');
    expect(fn('trimWhitespace', 'none')).toBe('none');
  });
});

describe('listQualifiedToArray', () => {
  it('keeps delimiters inside qualified items and unescapes doubled qualifiers', () => {
    expect(fn('listQualifiedToArray', 'a, "b,c" ,"say ""hi"""')).toEqual(['a', 'b,c', 'say "hi"']);
    expect(fn('listQualifiedToArray', "x;'y;z'", ';', "'")).toEqual(['x', 'y;z']);
  });
  it('empty fields only when asked; an open quote reads the item plainly', () => {
    expect(fn('listQualifiedToArray', 'a,,b')).toEqual(['a', 'b']);
    expect(fn('listQualifiedToArray', 'a,,b', ',', '"', false, true)).toEqual(['a', '', 'b']);
    expect(fn('listQualifiedToArray', '"open,b')).toEqual(['"open', 'b']);
  });
  it('qualifierRequired refuses unquoted items; a long delimiter is refused', () => {
    expect(() => fn('listQualifiedToArray', '"a",b', ',', '"', true)).toThrow(/between quotes/);
    expect(() => fn('listQualifiedToArray', 'a', '::')).toThrow(/single character/);
  });
});

describe('Java string members getBytes and toCharArray', () => {
  it('gives the bytes (UTF-8 or the charset named) and the characters', async () => {
    expect(await render(`b = "äb".getBytes(); writeOutput(isBinary(b) & len(b) & len("äb".getBytes("iso-8859-1")) & "|" & "abc".toCharArray().toList("-"));`)).toBe('true32|a-b-c');
  });
});

describe('structKeyTranslate', () => {
  it('turns dotted keys into nested structs, merging, and counts them', async () => {
    const out = await render(`s = {"a.b": 1, "a.c.d": 2, a2: 3}; n = structKeyTranslate(s);
      writeOutput(n & "|" & structKeyList(s) & "|" & s.a.b & s.a.c.d);`);
    expect(out).toBe('2|A2,a|12');
  });
  it('leaveOriginalKey keeps the dotted key; deepTranslation goes into inner structs and arrays', async () => {
    const out = await render(`s = {"x.y": 1, list: [{"p.q": 2}]}; n = s.keyTranslate(true, true);
      writeOutput(n & "|" & structKeyExists(s, "x.y") & "|" & s.x.y & "|" & s.list[1].p.q);`);
    expect(out).toBe('2|true|1|2');
  });
});

describe('getMetadata of a struct', () => {
  it('reports the struct type and whether it is ordered', async () => {
    const out = await render(`a = {k: 1}.getMetadata(); b = [k: 1].getMetadata(); c = getMetadata(structNew("soft"));
      writeOutput(a.type & "/" & a.ordered & "|" & b.type & "/" & b.ordered & "|" & c.type & "/" & c.ordered);`);
    expect(out).toBe('unsynchronized/unordered|ordered/ordered|soft/unordered');
  });
});
