import { describe, expect, it } from 'vitest';
import { fn, jsFn, member, named } from '../support/fn-harness.js';
import { joinList, listItems, listRemoveEmpty, splitList, trimList } from '../../src/runtime/functions/list-util.js';

describe('list-util', () => {
  it('splits on a set of delimiter characters and skips empty items', () => {
    expect(splitList('a,b;;c', ',;')).toEqual(['a', 'b', 'c']);
    expect(splitList(',a,,b,', ',', { includeEmpty: true })).toEqual(['', 'a', '', 'b', '']);
    expect(splitList('', ',', { includeEmpty: true })).toEqual([]);
    expect(splitList('a::b:c', '::', { multiChar: true })).toEqual(['a', 'b:c']);
    // an empty delimiter splits into characters (Lucee's list-to-array), with empty ends when includeEmpty
    expect(splitList('abc', '')).toEqual(['a', 'b', 'c']);
    expect(splitList('ab', '', { includeEmpty: true })).toEqual(['', 'a', 'b', '']);
    expect(splitList('ab', '', { multiChar: true })).toEqual(['a', 'b']);
    // the positional walk keeps the whole string as one item
    expect(listItems('abc', '').map((i) => i.value)).toEqual(['abc']);
  });
  it('keeps item offsets, joins with the first delimiter, trims and removes empties', () => {
    expect(listItems('x,,y', ',')).toEqual([
      { value: 'x', start: 0, end: 1 },
      { value: 'y', start: 3, end: 4 },
    ]);
    expect(joinList(['a', 1, 'b'], ';,')).toBe('a;1;b');
    expect(trimList(',,a,,b,;', ',;')).toBe('a,,b');
    expect(listRemoveEmpty(',a,,b,', ',')).toBe('a,b');
  });
});

describe('listLen / listGetAt / listFirst / listLast / listRest', () => {
  it('counts items', () => {
    expect(fn('listLen', 'foo,bar,bar2,foo2')).toBe(4);
    expect(fn('listLen', 'foo,bar|bar2|foo2', '|')).toBe(3);
    expect(fn('listLen', 'foo,bar,,foo2', ',', 'YES')).toBe(4);
    expect(fn('listLen', '')).toBe(0);
    expect(fn('listLen', ',,,')).toBe(0);
    expect(fn('listLen', 'a b\tc', ' \t')).toBe(3);
    expect(member('string', 'listLen', 'a,b')).toBe(2);
    expect(fn('listLen', 12.5, '.')).toBe(2);
  });
  it('gets an item by position and rejects bad positions', () => {
    expect(fn('listGetAt', 'foo,bar|lorem,ipsum|me|something', 3, '|')).toBe('me');
    expect(fn('listGetAt', 'foo,bar,,lorem,ipsum', 4, ',', true)).toBe('lorem');
    expect(fn('listGetAt', 'foo,bar,,lorem,ipsum', 3)).toBe('lorem');
    expect(() => fn('listGetAt', 'a,b', 3)).toThrow(/index \[3\].*1 to 2/);
    expect(() => fn('listGetAt', 'a,b', 0)).toThrow(/listGetAt/);
    expect(() => fn('listGetAt', '', 1)).toThrow(/empty/);
  });
  it('first, last and rest', () => {
    expect(fn('listFirst', ',,one,two')).toBe('one');
    expect(fn('listLast', 'one/two\\three/four', '\\/')).toBe('four');
    expect(fn('listRest', 'one,two,three,four')).toBe('two,three,four');
    expect(fn('listRest', 'a,,b,,c')).toBe('b,,c');
    expect(fn('listRest', 'only')).toBe('');
    expect(fn('listFirst', fn('listRest', fn('listRest', 'one,two,three,four')))).toBe('three');
    expect(fn('listFirst', 'a,b;c', ',;', false, 2)).toBe('a,b');
    expect(fn('listLast', 'a,b;c', ',;', false, 2)).toBe('b;c');
    expect(fn('listFirst', '')).toBe('');
    expect(fn('listLast', ',a,', ',', true)).toBe('');
    expect(() => fn('listFirst', 'a', ',', false, 0)).toThrow(/count/);
  });
});

describe('searching lists', () => {
  it('listFind is exact and case-sensitive, NoCase ignores case', () => {
    expect(fn('listFind', 'apple,orange,banana', 'orange')).toBe(2);
    expect(fn('listFind', 'apple,orange', 'Orange')).toBe(0);
    expect(fn('listFind', 'apple,orange', 'ora')).toBe(0);
    expect(fn('listFindNoCase', 'apple|orange|banana', 'ORANGE', '|')).toBe(2);
    expect(member('string', 'listFind', 'apple|orange|banana', 'orange', '|')).toBe(2);
    expect(fn('listFind', 'a,,b', '', ',', true)).toBe(2);
  });
  it('listContains finds a substring', () => {
    expect(fn('listContains', 'sheep,goat,foo,bar,goo', 'oo')).toBe(3);
    expect(fn('listContains', 'sheep,goat', 'OA')).toBe(0);
    expect(fn('listContainsNoCase', 'sheep,goat,Foo,bar,foo', 'foo')).toBe(3);
    expect(fn('listContains', 'a,b', '')).toBe(0);
  });
  it('value counts', () => {
    expect(fn('listValueCount', 'foo,bar,lorem,foo,ipsum', 'foo')).toBe(2);
    expect(fn('listValueCount', 'bar|foo|lorem,ipsum|me|foo,something|foo|FOO', 'foo', '|')).toBe(2);
    expect(fn('listValueCountNoCase', 'bar|Foo|lorem,ipsum|me|foo,something|foo|FOO', 'foo', '|')).toBe(3);
  });
  it('listIndexExists', () => {
    expect(fn('listIndexExists', 'Apple,Orange', 2)).toBe(true);
    expect(fn('listIndexExists', 'Apple,,Orange', 3)).toBe(false);
    expect(fn('listIndexExists', 'Apple,,Orange', 3, ',', true)).toBe(true);
    expect(fn('listIndexExists', 'a', 0)).toBe(false);
  });
});

describe('changing lists', () => {
  it('listAppend / listPrepend use the first delimiter', () => {
    expect(fn('listAppend', 'bar,bar2', 'foo')).toBe('bar,bar2,foo');
    expect(fn('listAppend', 'bar,bar2', 'foo', '|;')).toBe('bar,bar2|foo');
    expect(fn('listAppend', 'bar,bar2', 'foo,,', ',', true)).toBe('bar,bar2,foo,,');
    expect(fn('listAppend', 'bar,bar2', 'foo,,', ',', false)).toBe('bar,bar2,foo');
    expect(fn('listAppend', '', 'x')).toBe('x');
    expect(fn('listPrepend', 'Feb,Mar,Apr', ',,Jan', ',', true)).toBe(',,Jan,Feb,Mar,Apr');
    expect(fn('listPrepend', 'Feb,Mar,Apr', ',,Jan,,', ',', false)).toBe('Jan,Feb,Mar,Apr');
    expect(fn('listPrepend', '1-2-3', '0', '-')).toBe('0-1-2-3');
    expect(member('string', 'listAppend', 'a', 'b')).toBe('a,b');
  });
  it('listSetAt / listDeleteAt / listInsertAt keep the other delimiters', () => {
    expect(fn('listSetAt', 'bar|lorem,ipsum|me|something', 2, 'foo', '|')).toBe('bar|foo|me|something');
    expect(fn('listSetAt', 'a,,b', 2, 'X')).toBe('a,,X');
    expect(fn('listDeleteAt', 'foo,bar,lorem,ipsum', 2)).toBe('foo,lorem,ipsum');
    expect(fn('listDeleteAt', 'foo,bar|lorem,ipsum|me|something', 2, '|')).toBe('foo,bar|me|something');
    expect(fn('listDeleteAt', 'a,b,c', 3)).toBe('a,b');
    expect(fn('listDeleteAt', 'a', 1)).toBe('');
    expect(fn('listInsertAt', 'bar,lorem,ipsum', 2, 'foo')).toBe('bar,foo,lorem,ipsum');
    expect(fn('listInsertAt', 'bar|lorem,ipsum|me', 2, 'foo', '|,')).toBe('bar|foo|lorem,ipsum|me');
    expect(() => fn('listSetAt', 'a,b', 5, 'x')).toThrow(/listSetAt/);
    expect(() => fn('listInsertAt', 'a,b', 3, 'x')).toThrow(/index \[3\]/);
  });
  it('listSort', () => {
    expect(fn('listSort', 'COLDFUSION,coldfusion,adobe,LucEE,RAILO', 'Text', 'desc')).toBe('coldfusion,adobe,RAILO,LucEE,COLDFUSION');
    expect(fn('listSort', '10;20;-99;46;50', 'Numeric', 'asc', ';')).toBe('-99;10;20;46;50');
    expect(fn('listSort', '10|RED|yeLLow|-246|green|ORange', 'TextNoCase', 'asc', '|')).toBe('-246|10|green|ORange|RED|yeLLow');
    expect(fn('listSort', 'b,,a')).toBe('a,b');
    expect(() => fn('listSort', '1,x', 'numeric')).toThrow(/not numeric/);
    expect(() => fn('listSort', '1,2', 'weird')).toThrow(/sort type/);
    expect(() => fn('listSort', '1,2', 'text', 'up')).toThrow(/sort order/);
  });
  it('listToArray / listChangeDelims / listQualify', () => {
    expect(fn('listToArray', 'red,green,orange')).toEqual(['red', 'green', 'orange']);
    expect(fn('listToArray', 'coldfusion;php;;java', ';', true)).toEqual(['coldfusion', 'php', '', 'java']);
    expect(fn('listToArray', 'coldfusion,php,|test,java,|sql', ',|', false, true)).toEqual(['coldfusion,php', 'test,java', 'sql']);
    expect(named('listToArray', { list: 'a b', delimiters: ' ' })).toEqual(['a', 'b']);
    expect(fn('listChangeDelims', 'foo,bar|lorem,ipsum|me', '~', '|')).toBe('foo,bar~lorem,ipsum~me');
    expect(fn('listChangeDelims', 'a,,b', '::')).toBe('a::b');
    expect(fn('listQualify', 'coldfusion:railo:144:lucee:46', '|', ':')).toBe('|coldfusion|:|railo|:|144|:|lucee|:|46|');
    expect(fn('listQualify', 'coldfusion:railo:144:lucee:46', '|', ':', 'CHAR')).toBe('|coldfusion|:|railo|:144:|lucee|:46');
    expect(fn('listQualify', 'a:144::b', '|', ':', 'CHAR', true)).toBe('|a|:144:||:|b|');
    expect(fn('listQualify', '', "'")).toBe('');
  });
  it('duplicates, compact, trims, average', () => {
    expect(fn('listRemoveDuplicates', 'one,two,three,one,,three')).toBe('one,two,three');
    expect(fn('listRemoveDuplicates', 'one,two,ONE,TWO', ',', true)).toBe('one,two');
    expect(fn('listRemoveDuplicates', 'one,two,ONE')).toBe('one,two,ONE');
    expect(fn('listCompact', ',eggs,,milk,')).toBe('eggs,,milk');
    expect(fn('listCompact', '::a::b::', '::', true)).toBe('a::b');
    expect(fn('listTrim', ';a;')).toBe(';a;');
    expect(fn('listItemTrim', 'hello, world ,this, is a, ,example')).toBe('hello,world,this,is a,,example');
    expect(fn('listItemTrim', 'hello, world ,this, is a,  ,,example', ',', true)).toBe('hello,world,this,is a,,,example');
    expect(fn('listAvg', '1,2,3,4')).toBe(2.5);
    expect(fn('listAvg', '')).toBe(0);
    expect(() => fn('listAvg', '1,x')).toThrow(/not numeric/);
  });
});

describe('closure list functions', () => {
  it('listEach passes item, index and list', () => {
    const seen: string[] = [];
    fn('listEach', 'a;b;;c', jsFn((el: string, i: number, list: string) => seen.push(`${i}:${el}:${list}`)), ';');
    expect(seen).toEqual(['1:a:a;b;;c', '2:b:a;b;;c', '3:c:a;b;;c']);
  });
  it('map, filter, some, every', () => {
    expect(fn('listMap', '1,2,3', jsFn((v: string) => Number(v) * 2))).toBe('2,4,6');
    expect(fn('listFilter', '1,2,3,4,5,6', jsFn((v: string) => Number(v) >= 3))).toBe('3,4,5,6');
    expect(member('string', 'listFilter', 'a|b|c', jsFn((v: string) => v !== 'b'), '|')).toBe('a|c');
    expect(fn('listSome', 'apple,mango', jsFn((v: string) => v.includes('n')))).toBe(true);
    expect(fn('listEvery', '4,5,6,7', jsFn((v: string) => Number(v) > 2))).toBe(true);
    expect(fn('listEvery', '1,2,3', jsFn((v: string) => Number(v) > 2))).toBe(false);
  });
  it('delimiters of the closure functions are one string by default', () => {
    expect(fn('listMap', 'a::b', jsFn((v: string) => v.toUpperCase()), '::')).toBe('A::B');
    expect(fn('listMap', 'a:b;c', jsFn((v: string) => v.toUpperCase()), ':;', false, false)).toBe('A:B:C');
  });
  it('reduce and reduceRight', () => {
    const cat = jsFn((acc: string, v: string, i: number) => acc + v + i);
    expect(fn('listReduce', 'a,b,c', cat, '')).toBe('a1b2c3');
    expect(fn('listReduceRight', 'a,b,c,d', cat, '')).toBe('d4c3b2a1');
    expect(fn('listReduceRight', 'a,,,,,b,,,c,,,d', cat, '')).toBe('d4c3b2a1');
    expect(fn('listReduce', '1,2,3', jsFn((acc: number, v: string) => acc + Number(v)), 0)).toBe(6);
    expect(fn('listReduce', '', cat, 'init')).toBe('init');
  });
  it('rejects a non-function callback', () => {
    expect(() => fn('listEach', 'a,b', 'notAFunction')).toThrow(/function/);
  });
});
