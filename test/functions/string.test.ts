import { describe, expect, it } from 'vitest';
import { fn, jsFn, member, named } from '../support/fn-harness.js';
import { Struct } from '../../src/runtime/struct.js';
import { Query } from '../../src/runtime/query.js';

describe('len', () => {
  it('measures strings, numbers, arrays, structs, queries and binaries', () => {
    expect(fn('len', 'ColdFusion')).toBe(10);
    expect(fn('len', '')).toBe(0);
    expect(fn('len', 12.5)).toBe(4);
    expect(fn('len', true)).toBe(4);
    expect(fn('len', ['a', 'b', 'c'])).toBe(3);
    expect(fn('len', Struct.from({ a: 1, b: 2 }))).toBe(2);
    const q = new Query(['a']);
    q.addRows(3);
    expect(fn('len', q)).toBe(3);
    expect(fn('len', new Uint8Array(5))).toBe(5);
    expect(fn('len', 'héllo')).toBe(5);
    expect(member('string', 'len', 'Hello World')).toBe(11);
    expect(fn('stringLen', 'Hello World')).toBe(11);
  });
  it('rejects a missing or extra argument', () => {
    expect(() => fn('len')).toThrow(/required/);
    expect(() => fn('len', 'a', 'b')).toThrow(/too many/);
  });
});

describe('case and trimming', () => {
  it('changes case', () => {
    expect(fn('uCase', 'CFDocs Rock')).toBe('CFDOCS ROCK');
    expect(fn('lCase', 'CFDocs Rock')).toBe('cfdocs rock');
    expect(fn('uCase', 'straße')).toBe('STRASSE');
  });
  it('trims like Java (control characters and spaces, not NBSP)', () => {
    expect('>' + fn('trim', '    CFDocs    ') + '<').toBe('>CFDocs<');
    expect('>' + fn('lTrim', '    CFDocs    ') + '<').toBe('>CFDocs    <');
    expect('>' + fn('rTrim', '    CFDocs    ') + '<').toBe('>    CFDocs<');
    expect(fn('trim', '\t\r\n x \n')).toBe('x');
    expect(fn('trim', '\u00a0x')).toBe('\u00a0x');
    expect(member('string', 'trim', '  a ')).toBe('a');
  });
  it('ucFirst, with doAll and doLowerIfAllUppercase', () => {
    expect(fn('ucFirst', 'hello world!')).toBe('Hello world!');
    expect(fn('ucFirst', "cfdocs.org is your (everyone's) resource for cf-related documentation!", true)).toBe(
      "Cfdocs.Org Is Your (Everyone's) Resource For Cf-Related Documentation!",
    );
    expect(fn('ucFirst', 'SORGLOS', true, false)).toBe('SORGLOS');
    expect(fn('ucFirst', 'SORGLOS', true, true)).toBe('Sorglos');
    expect(fn('ucFirst', '')).toBe('');
    expect(member('string', 'ucFirst', 'susi sorglos', true)).toBe('Susi Sorglos');
  });
});

describe('substrings', () => {
  const s = 'The quick brown fox jumped over the lazy dog';
  it('left and right, with negative counts', () => {
    expect(fn('left', s, 19)).toBe('The quick brown fox');
    expect(fn('left', s, -25)).toBe('The quick brown fox');
    expect(fn('right', s, 8)).toBe('lazy dog');
    expect(fn('right', s, -32)).toBe('the lazy dog');
    expect(fn('left', 'abc', 10)).toBe('abc');
    expect(() => fn('left', 'abc', 0)).toThrow(/can not be 0/);
    expect(() => fn('left', 'abc', 'x')).toThrow(/Number/);
  });
  it('mid', () => {
    expect(fn('mid', '20001122', '5', '2')).toBe('11');
    expect(fn('mid', 'abc', 2)).toBe('bc');
    expect(fn('mid', 'abc', 5, 2)).toBe('');
    expect(fn('mid', 'abc', 2, 0)).toBe('');
    expect(() => fn('mid', 'abc', 0, 1)).toThrow(/positive/);
    expect(() => fn('mid', 'abc', 1, -2)).toThrow(/non-negative/);
  });
  it('insert, removeChars, spanExcluding, spanIncluding, stripCR', () => {
    expect(fn('insert', 'Google', ' chrome browser', 0)).toBe('Google chrome browser');
    expect(fn('insert', 'fox', 'New private mozilla fire', 24)).toBe('New private mozilla firefox');
    expect(() => fn('insert', 'x', 'ab', 3)).toThrow(/between 0 and 2/);
    expect(member('string', 'insert', 'ab', '-', 1)).toBe('a-b');
    expect(fn('removeChars', 'Hello CFML World', 6, 5)).toBe('Hello World');
    expect(fn('removeChars', 'abc', 2, 10)).toBe('a');
    expect(() => fn('removeChars', 'abc', 4, 1)).toThrow(/removeChars/);
    expect(fn('spanExcluding', 'Plant green. Yes', '.?!')).toBe('Plant green');
    expect(fn('spanExcluding', '.abc', '.')).toBe('');
    expect(fn('spanIncluding', 'aabbcd', 'ab')).toBe('aabb');
    expect(fn('stripCR', 'a\r\nb\rc')).toBe('a\nbc');
  });
  it('reverse, repeatString, chr, asc', () => {
    expect(fn('reverse', 'Hello World')).toBe('dlroW olleH');
    expect(fn('reverse', 123456789)).toBe('987654321');
    expect(fn('repeatString', 'ColdFusion ', 3)).toBe('ColdFusion ColdFusion ColdFusion ');
    expect(fn('repeatString', 'x', 0)).toBe('');
    expect(() => fn('repeatString', 'x', -1)).toThrow(/non-negative/);
    expect(fn('chr', 65)).toBe('A');
    expect(fn('chr', 0)).toBe('');
    expect(fn('chr', 0x1f600)).toBe('😀');
    expect(() => fn('chr', -1)).toThrow(/chr/);
    expect(fn('asc', 'A')).toBe(65);
    expect(fn('asc', '')).toBe(0);
    expect(fn('asc', 'abc', 2)).toBe(98);
    expect(fn('asc', 'abc', 9)).toBe(0);
  });
});

describe('searching', () => {
  it('find is case-sensitive, findNoCase is not', () => {
    expect(fn('find', 'apple', 'An apple a day keeps the doctor away.')).toBe(4);
    expect(fn('find', 'Apple', 'An apple a day')).toBe(0);
    expect(fn('findNoCase', 's', 'cfdocs.org', 0)).toBe(6);
    expect(fn('findNoCase', 'APPLE', 'An apple')).toBe(4);
    expect(fn('find', 'a', 'banana', 3)).toBe(4);
    expect(fn('find', 'a', 'banana', 7)).toBe(0);
    expect(fn('find', '', 'abc')).toBe(1);
    expect(member('string', 'find', 'banana', 'nan')).toBe(3);
  });
  it('findLast and findOneOf', () => {
    expect(fn('findLast', 'a', 'banana')).toBe(6);
    expect(fn('findLastNoCase', 'A', 'banana')).toBe(6);
    const text = 'The rain in Spain falls mainly in the plains.';
    expect(fn('findOneOf', 'in', text)).toBe(7);
    expect(fn('findOneOf', 'in', text, 12)).toBe(16);
    expect(fn('findOneOf', 'tHe', text, 1)).toBe(3);
    expect(fn('findOneOf', '', text)).toBe(0);
    expect(fn('findOneOf', 'xyz', 'abc')).toBe(0);
  });
  it('compare and compareNoCase return -1, 0 or 1', () => {
    expect(fn('compare', 'ColdFusion', 'coldfusion')).toBe(-1);
    expect(fn('compare', 'b', 'a')).toBe(1);
    expect(fn('compare', 'same', 'same')).toBe(0);
    expect(fn('compareNoCase', 'ColdFusion', 'coldfusion')).toBe(0);
    expect(fn('compareNoCase', 'a', 'B')).toBe(-1);
  });
});

describe('replacing', () => {
  it('replace and replaceNoCase with scope and start', () => {
    expect(fn('replace', 'ColdFUsion', 'U', 'u')).toBe('ColdFusion');
    expect(fn('replace', 'COldFusiOn', 'O', 'o', 'ONE')).toBe('ColdFusiOn');
    expect(fn('replace', 'Love ColdFusion', 'o', 'O', 'ALL', 3)).toBe('Love COldFusiOn');
    expect(fn('replace', 'aaa', 'a', 'aa', 'all')).toBe('aaaaaa');
    expect(fn('replace', 'abc', '', 'x')).toBe('abc');
    expect(fn('replaceNoCase', 'ColdFUsion', 'u', 'a')).toBe('ColdFasion');
    expect(fn('replaceNoCase', 'ColdFusiOn', 'O', 'a', 'ALL')).toBe('CaldFusian');
    expect(() => fn('replaceNoCase', 'abc', '', 'x')).toThrow(/empty/);
    expect(fn('replace', 'aba', 'a', 'x', 'twice')).toBe('xba'); // Lucee: a scope other than all is one
    expect(member('string', 'replace', 'a.b.c', '.', '-', 'all')).toBe('a-b-c');
  });
  it('replace with a closure or a struct', () => {
    const up = jsFn((found: string) => found.toUpperCase());
    expect(fn('replace', 'A man a plan a canal.', 'an', up, 'ALL')).toBe('A mAN a plAN a cANal.');
    const calls: unknown[] = [];
    fn('replace', 'xax', 'a', jsFn((f: string, pos: number, orig: string) => calls.push([f, pos, orig])));
    expect(calls).toEqual([['a', 1, 'xax']]); // Lucee passes the 0-based offset
    expect(fn('replace', 'one two', Struct.from({ one: '1', two: '2' }))).toBe('1 2');
  });
  it('replaceList and replaceListNoCase', () => {
    expect(fn('replaceList', 'My Test String', 'Test, String', 'Replaced, Sentence')).toBe('My Replaced Sentence');
    expect(fn('replaceListNoCase', 'My test string', 'Test, String', 'Replaced, Sentence')).toBe('My Replaced Sentence');
    expect(fn('replaceList', 'a-b-c', 'a,b', 'x')).toBe('x--c');
    // Lucee's arguments: the delimiters of list1, then of list2 (each "," by default)
    expect(fn('replaceList', 'a;b', 'a;b', '1|2', ';', '|')).toBe('1;2');
    expect(fn('replaceList', 'a;b', 'a;b', '1;2', ';')).toBe('1;2'); // list2 split as list1 by default
    expect(named('replaceList', { String: 'abc', list1: 'a', list2: 'z' })).toBe('zbc');
  });
});

describe('layout', () => {
  it('wrap breaks at spaces and hard-breaks long words', () => {
    expect(fn('wrap', 'This is a standard sentence.', 7)).toBe('This is\na\nstandar\nd\nsentenc\ne.');
    expect(fn('wrap', 'short', 10)).toBe('short');
    expect(fn('wrap', 'aa bb\ncc dd', 5)).toBe('aa bb\ncc dd');
    expect(fn('wrap', 'a\tb c', 3, true)).toBe('a b\nc');
    expect(() => fn('wrap', 'x', 0)).toThrow(/positive/);
  });
  it('getToken uses whitespace by default', () => {
    expect(fn('getToken', 'a b  c', 3)).toBe('c');
    expect(fn('getToken', 'a,b,,c', 3, ',')).toBe('c');
    expect(fn('getToken', 'a b', 5)).toBe('');
    expect(() => fn('getToken', 'a b', 0)).toThrow(/positive/);
  });
  it('paragraphFormat', () => {
    expect(fn('paragraphFormat', 'yy yyy')).toBe('yy yyy <P>');
    expect(fn('paragraphFormat', 'a\nb')).toBe('a b <P>');
    expect(fn('paragraphFormat', 'a\n\nb')).toBe('a  <P>\r\nb <P>');
  });
  it('justify', () => {
    expect(fn('lJustify', 'ab', 5)).toBe('ab   ');
    expect(fn('rJustify', 'ab', 5)).toBe('   ab');
    expect(fn('cJustify', 'ab', 7)).toBe('  ab   ');
    expect(fn('cJustify', 'abcdef', 3)).toBe('abcdef');
    expect(() => fn('lJustify', 'ab', 0)).toThrow(/positive/);
  });
});

describe('string closure functions', () => {
  it('each, map, filter, some, every, reduce, sort', () => {
    let out = '';
    fn('stringEach', 'ahq', jsFn((c: string) => (out += c === 'q' ? 'Y' : 'N')));
    expect(out).toBe('NNY');
    expect(fn('stringMap', 'abc', jsFn((c: string) => String.fromCharCode(c.charCodeAt(0) + 7)))).toBe('hij');
    expect(member('string', 'filter', 'zzQQZ', jsFn((c: string) => c.toLowerCase() === 'z'))).toBe('zzZ');
    expect(fn('stringSome', 'abcdefg', jsFn((c: string) => c > 'f'))).toBe(true);
    expect(member('string', 'every', 'ZZazz', jsFn((c: string) => c === 'z'))).toBe(false);
    expect(fn('stringReduce', 'abcdef', jsFn((a: string, c: string) => a + c), 'z')).toBe('zabcdef');
    expect(fn('stringReduceRight', 'abcd', jsFn((a: string, c: string, i: number) => a + c + i), '')).toBe('d4c3b2a1');
    expect(fn('stringSort', 'ZzgiSA')).toBe('ASZgiz');
    expect(member('string', 'sort', 'cba')).toBe('abc');
  });
});
