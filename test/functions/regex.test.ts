import { describe, expect, it } from 'vitest';
import { fn, member, named } from '../support/fn-harness.js';
import { Struct } from '../../src/runtime/struct.js';
import { translatePattern } from '../../src/runtime/functions/regex-translate.js';

const plain = (s: unknown) => {
  const st = s as Struct;
  return { len: st.get('len'), match: st.get('match'), pos: st.get('pos'), keys: st.keys() };
};

describe('pattern translation', () => {
  it('expands POSIX classes inside brackets', () => {
    expect(translatePattern('[[:alpha:]]+').source).toBe('[a-zA-Z]+');
    expect(translatePattern('[^[:space:]]').source).toBe('[^ \\t\\r\\n\\v\\f]');
    expect(translatePattern('[_[:digit:]x]').source).toBe('[_0-9x]');
  });
  it('uses dot-all unless multiline, and reads leading inline flags', () => {
    expect(translatePattern('a.b').flags).toBe('s');
    expect(translatePattern('a.b', { multiline: true }).flags).toBe('m');
    expect(translatePattern('(?i)abc').flags).toContain('i');
    expect(translatePattern('(?x) a b # comment').source).toBe('ab');
  });
  it('maps \\A, \\Z, \\Q..\\E, possessive quantifiers and atomic groups', () => {
    expect(new RegExp(translatePattern('\\Aab').source).test('xab')).toBe(false);
    expect(new RegExp(translatePattern('ab\\Z').source).test('ab\n')).toBe(true);
    expect(translatePattern('\\Qa.b*\\E').source).toBe('a\\.b\\*');
    expect(translatePattern('a++b*+c?+').source).toBe('a+b*c?');
    expect(translatePattern('a+?').source).toBe('a+?');
    expect(translatePattern('(?>ab)').source).toBe('(?:ab)');
  });
});

describe('reFind / reFindNoCase', () => {
  it('returns the position of the first match', () => {
    expect(fn('reFind', '[0-9]+', 'test 123!')).toBe(6);
    expect(fn('reFind', 'E', 'test 123!')).toBe(0);
    expect(fn('reFindNoCase', 'E', 'test 123!')).toBe(2);
    expect(fn('reFind', 't', 'test', 2)).toBe(4);
    expect(fn('reFind', 't', 'test', 0)).toBe(1);
    expect(fn('reFind', 't', 'test', 9)).toBe(0);
    expect(member('string', 'reFind', 'test 123', '\\d')).toBe(6);
  });
  it('returns sub-expressions as a struct of len, match and pos arrays', () => {
    const r = plain(fn('reFind', '([a-z]+) ([0-9]+)', 'go abc 123', 1, true));
    expect(r.keys).toEqual(['len', 'match', 'pos']);
    expect(r.pos).toEqual([4, 4, 8]);
    expect(r.len).toEqual([7, 3, 3]);
    expect(r.match).toEqual(['abc 123', 'abc', '123']);
  });
  it('reports a group that did not take part as pos 0', () => {
    const r = plain(fn('reFind', 'a(x)?b', 'ab', 1, true));
    expect(r.pos).toEqual([1, 0]);
    expect(r.match).toEqual(['ab', '']);
  });
  it('no match gives zeros, scope all gives an array', () => {
    expect(plain(fn('reFind', '(f)(oo)', 'bar', 1, true))).toMatchObject({ len: [0], pos: [0], match: [''] });
    const all = fn('reFindNoCase', 'E', 'test 123! TE', 1, true, 'ALL') as Struct[];
    expect(all.map((s) => s.get('pos'))).toEqual([[2], [12]]);
    const none = fn('reFind', 'z', 'abc', 1, true, 'all') as Struct[];
    expect(none).toHaveLength(1);
    expect(none[0]!.get('pos')).toEqual([0]);
    expect(fn('reFind', 'a', 'banana', 1, false, 'all')).toEqual([2, 4, 6]);
    expect(fn('reFind', 'z', 'banana', 1, false, 'all')).toBe(0);
  });
  it('names the function and the pattern for a bad regex', () => {
    expect(() => fn('reFind', '(abc', 'x')).toThrow(/\[\(abc\].*reFind/);
    expect(() => fn('reMatch', '[[:nope:]]', 'x')).toThrow(/reMatch/);
    expect(() => fn('reReplace', 'x', 'x', 'y', 'some')).toThrow(/scope/);
  });
});

describe('reMatch', () => {
  it('returns every match', () => {
    expect(fn('reMatch', '[0-9]+', '1 way to extract any number like 45, 38')).toEqual(['1', '45', '38']);
    expect(fn('reMatch', '[0-9]+', 'none')).toEqual([]);
    expect(fn('reMatchNoCase', '[a-c]+', 'xABcx bb')).toEqual(['ABc', 'bb']);
    expect(member('string', 'reMatch', 'a1b22', '[[:digit:]]+')).toEqual(['1', '22']);
    expect(fn('reMatch', 'x*', 'ab')).toEqual(['', '', '']);
  });
  it('dot matches newlines unless multiline', () => {
    expect(fn('reMatch', 'a.b', 'a\nb')).toEqual(['a\nb']);
    expect(fn('reMatch', '^b', 'a\nb', true)).toEqual(['b']);
    expect(fn('reMatch', '^b', 'a\nb')).toEqual([]);
  });
});

describe('reReplace / reReplaceNoCase', () => {
  it('replaces the first or all matches', () => {
    expect(fn('reReplace', 'xxabcxxabcxx', 'abc', 'def')).toBe('xxdefxxabcxx');
    expect(fn('reReplace', 'xxabcxxabcxx', 'abc', 'def', 'all')).toBe('xxdefxxdefxx');
    expect(fn('reReplace', 'CABARET', 'c|B', 'G')).toBe('CAGARET');
    expect(fn('reReplaceNoCase', 'CABARET', 'c|B', 'G', 'ALL')).toBe('GAGARET');
    expect(fn('reReplace', 'test 123!', '[^a-z0-9]', '', 'ALL')).toBe('test123');
    expect(member('string', 'reReplace', 'xxABCxxabcxx', 'ABC', 'def', 'all')).toBe('xxdefxxabcxx');
  });
  it('understands back-references and case escapes', () => {
    expect(fn('reReplace', '123abc456', '[0-9]+([a-z]+)[0-9]+', '\\1')).toBe('abc');
    expect(fn('reReplace', 'john smith', '(\\w+) (\\w+)', '\\2, \\1')).toBe('smith, john');
    expect(fn('reReplace', 'hello world', '(\\w+)', '\\u\\1', 'all')).toBe('Hello World');
    expect(fn('reReplace', 'hello world', '(\\w+) (\\w+)', '\\U\\1\\E \\2')).toBe('HELLO world');
    expect(fn('reReplace', 'ABC', '(.+)', '\\L\\1')).toBe('abc');
    expect(fn('reReplace', 'HELLO', '(.+)', '\\u\\L\\1')).toBe('Hello');
    expect(fn('reReplace', 'a', 'a', '$1 costs $5')).toBe('$1 costs $5');
    expect(fn('reReplace', 'ab', '(a)(x)?', '[\\2]')).toBe('[]b');
  });
  it('handles empty matches without looping forever', () => {
    expect(fn('reReplace', 'abc', 'x*', '-', 'all')).toBe('-a-b-c-');
    expect(fn('reReplace', 'abc', '^', '>')).toBe('>abc');
  });
  it('accepts named arguments', () => {
    expect(named('reReplace', { string: 'a-b', regex: '-', substring: '+' })).toBe('a+b');
  });
});

describe('reEscape', () => {
  it('escapes regex metacharacters', () => {
    expect(fn('reEscape', '*.{}[]exam?ple')).toBe('\\*\\.\\{\\}\\[\\]exam\\?ple');
    const escaped = fn('reEscape', 'a+b(c)|$^') as string;
    expect(fn('reFind', escaped, 'xx a+b(c)|$^')).toBe(4);
  });
});
