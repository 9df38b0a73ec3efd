import { describe, expect, it } from 'vitest';
import { fn, jsFn, member, named } from '../support/fn-harness.js';
import { Struct } from '../../src/runtime/struct.js';
import { CfmlError } from '../../src/runtime/errors.js';

describe('array basics', () => {
  it('arrayNew gives an empty array and checks the dimension', () => {
    expect(fn('arrayNew')).toEqual([]);
    expect(fn('arrayNew', 2)).toEqual([]);
    expect(() => fn('arrayNew', 4)).toThrow(/dimension/);
  });

  it('arrayLen counts sparse slots', () => {
    const a: unknown[] = [];
    a[41] = 42;
    expect(fn('arrayLen', a)).toBe(42);
    expect(member('array', 'len', ['a', 'b', 'c'])).toBe(3);
  });

  it('arrayLen rejects a non-array', () => {
    expect(() => fn('arrayLen', 'abc')).toThrow(CfmlError);
    expect(() => fn('arrayLen', 'abc')).toThrow(/can't cast String to array/);
  });

  it('arrayAppend mutates, returns true, member returns the array', () => {
    const a = [1, 2, 3];
    expect(fn('arrayAppend', a, 4)).toBe(true);
    expect(a).toEqual([1, 2, 3, 4]);
    const b = [1];
    expect(member('array', 'append', b, 2)).toBe(b);
    expect(b).toEqual([1, 2]);
  });

  it('arrayAppend merge flattens one level only when asked', () => {
    const a = [1, 2, 3];
    fn('arrayAppend', a, [4, 5, 6], true);
    expect(a).toEqual([1, 2, 3, 4, 5, 6]);
    const b = [1];
    fn('arrayAppend', b, [2, 3]);
    expect(b).toEqual([1, [2, 3]]);
  });

  it('arrayPrepend and arrayInsertAt use 1-based positions', () => {
    const a = [3, 2, 1];
    fn('arrayPrepend', a, 4);
    expect(a).toEqual([4, 3, 2, 1]);
    const b = [1, 2, 3];
    fn('arrayInsertAt', b, 2, 4);
    expect(b).toEqual([1, 4, 2, 3]);
    fn('arrayInsertAt', b, 5, 'end');
    expect(b).toEqual([1, 4, 2, 3, 'end']);
    expect(() => fn('arrayInsertAt', b, 0, 'x')).toThrow(/invalid index \[0\]/);
    expect(() => fn('arrayInsertAt', b, 7, 'x')).toThrow(/arrayInsertAt/);
  });

  it('arrayDeleteAt removes by position and rejects out-of-range', () => {
    const a = ['Red', 'White', 'Green', 'Blue', 'Pink'];
    fn('arrayDeleteAt', a, 3);
    expect(a).toEqual(['Red', 'White', 'Blue', 'Pink']);
    expect(() => fn('arrayDeleteAt', a, 5)).toThrow(/invalid index \[5\]/);
    expect(() => fn('arrayDeleteAt', [], 1)).toThrow(/the array has 0 elements/);
  });

  it('arrayDelete removes the first or all matches, case-sensitively', () => {
    const a = ['apple', 'orange', 'pear', 'apple'];
    expect(fn('arrayDelete', a, 'apple')).toBe(true);
    expect(a).toEqual(['orange', 'pear', 'apple']);
    const b = ['apple', 'orange', 'pear', 'apple'];
    member('array', 'delete', b, 'apple', 'all');
    expect(b).toEqual(['orange', 'pear']);
    expect(fn('arrayDelete', b, 'PEAR')).toBe(false);
    const c = ['apple', 'orange', 'Apple'];
    fn('arrayDeleteNoCase', c, 'APPLE');
    expect(c).toEqual(['orange', 'Apple']);
  });

  it('arrayFind is case-sensitive, arrayFindNoCase is not', () => {
    const fruit = ['orange', 'pineapple', 'apple'];
    expect(fn('arrayFind', fruit, 'apple')).toBe(3);
    expect(fn('arrayFind', fruit, 'Apple')).toBe(0);
    expect(fn('arrayFindNoCase', fruit, 'Apple')).toBe(3);
    expect(member('array', 'find', fruit, 'apple')).toBe(3);
  });

  it('arrayFind compares as strings (Lucee OpUtil.equals, case-sensitive) and skips empty slots', () => {
    const a: unknown[] = [1, '02', 3, true];
    a[5] = 'x';
    expect(fn('arrayFind', a, '1')).toBe(1);
    expect(fn('arrayFind', a, 2)).toBe(0);
    expect(fn('arrayFind', a, '3.0')).toBe(0);
    expect(fn('arrayFind', a, 'yes')).toBe(0);
    expect(fn('arrayFind', a, 'x')).toBe(6);
  });

  it('arrayFindNoCase compares as the EQ operator: numbers numerically, boolean literals as booleans', () => {
    const a: unknown[] = [1, '02', 3, 'yes'];
    expect(fn('arrayFindNoCase', a, 2)).toBe(2);
    expect(fn('arrayFindNoCase', a, '3.0')).toBe(3);
    expect(fn('arrayFindNoCase', a, true)).toBe(1);
    expect(fn('arrayFindNoCase', a, 'TRUE')).toBe(1);
    expect(fn('arrayFindNoCase', ['no'], 0)).toBe(1);
  });

  it('arrayFind accepts a predicate closure', () => {
    expect(fn('arrayFind', [5, 4, 3, 2, 1], jsFn((item: number) => item === 2))).toBe(4);
    expect(() => fn('arrayFind', [1], jsFn(() => 'maybe'))).toThrow(/cannot be casted to a boolean/);
  });

  it('arrayFind finds structs by value', () => {
    const a = [Struct.from({ a: 1 }), Struct.from({ a: 2 })];
    expect(fn('arrayFind', a, Struct.from({ A: 2 }))).toBe(2);
  });

  it('arrayFindAll and arrayFindAllNoCase return all positions', () => {
    expect(fn('arrayFindAllNoCase', ['apple', 'banana', 'APPLE', 'kiwi'], 'Apple')).toEqual([1, 3]);
    expect(fn('arrayFindAll', ['apple', 'banana', 'APPLE'], 'apple')).toEqual([1]);
    const courses = [[], [1, 2], [], [3]];
    expect(fn('arrayFindAll', courses, jsFn((c: unknown[]) => c.length > 0))).toEqual([2, 4]);
  });

  it('arrayContains returns the position (Lucee), substring match on request', () => {
    expect(fn('arrayContains', [1, 2, 3], 2)).toBe(2);
    expect(fn('arrayContains', [1, 2, 3], 5)).toBe(0);
    expect(fn('arrayContains', ['hello', 'world'], 'el', true)).toBe(1);
    expect(fn('arrayContains', ['hello', 'world'], 'EL', true)).toBe(0);
    expect(fn('arrayContainsNoCase', ['hello', 'world'], 'WORLD')).toBe(2);
    expect(() => fn('arrayContains', [1], [1], true)).toThrow(/substringMatch/);
  });

  it('arrayIsEmpty, arrayClear', () => {
    expect(fn('arrayIsEmpty', [])).toBe(true);
    expect(fn('arrayIsEmpty', [1])).toBe(false);
    const a = [1, 2];
    const r = member('array', 'clear', a);
    expect(r).toBe(a);
    expect(a).toEqual([]);
  });

  it('arrayToList joins with a delimiter and prints values the CFML way', () => {
    expect(fn('arrayToList', [1, 2, 3, 4], '|')).toBe('1|2|3|4');
    expect(member('array', 'toList', ['Jerry', 'Elaine'])).toBe('Jerry,Elaine');
    expect(fn('arrayToList', [0.1 + 0.2, true, 'x'])).toBe('0.3,true,x');
    const sparse: unknown[] = ['a'];
    sparse[2] = 'c';
    expect(fn('arrayToList', sparse)).toBe('a,,c');
    expect(fn('arrayToList', [])).toBe('');
    expect(() => fn('arrayToList', [[1]])).toThrow(/Complex Object Type Array/);
  });

  it('aggregates: avg, sum, min, max, median', () => {
    expect(fn('arrayAvg', [1, 2, 3])).toBe(2);
    expect(fn('arrayAvg', [])).toBe(0);
    expect(fn('arraySum', [10, 99, 27, 72])).toBe(208);
    expect(fn('arraySum', ['1', '2.5'])).toBe(3.5);
    expect(fn('arraySum', [])).toBe(0);
    expect(fn('arrayMin', [23, 45, 87, 2, 4])).toBe(2);
    expect(fn('arrayMax', [23, 45, -87])).toBe(45);
    expect(fn('arrayMax', [])).toBe(0);
    expect(fn('arrayMin', [])).toBe(0);
    expect(fn('arrayMedian', [1, 2, 2])).toBe(2);
    expect(fn('arrayMedian', [4, 1, 3, 2])).toBe(2.5);
    expect(() => fn('arraySum', [1, 'x'])).toThrow(/position \[2\] is not numeric/);
    expect(fn('arraySum', [1, '', 2], true)).toBe(3);
  });

  it('arrayIsDefined and arrayIndexExists see sparse slots', () => {
    const a: unknown[] = ['one', 'two'];
    a[3] = 'four';
    expect(fn('arrayIsDefined', a, 2)).toBe(true);
    expect(fn('arrayIsDefined', a, 3)).toBe(false);
    expect(fn('arrayIndexExists', a, 4)).toBe(true);
    expect(fn('arrayIndexExists', a, 5)).toBe(false);
    expect(fn('arrayIndexExists', [], 0)).toBe(false);
    expect(member('array', 'indexExists', a, 1)).toBe(true);
  });

  it('arrayMerge appends, or keeps indexes with leaveIndex', () => {
    const fruit = ['apple', 'banana', 'orange'];
    const veg = ['tomato', 'carrot', 'corn', 'peas', 'peppers'];
    expect(fn('arrayMerge', fruit, veg)).toEqual([...fruit, ...veg]);
    expect(fn('arrayMerge', fruit, veg, true)).toEqual(['apple', 'banana', 'orange', 'peas', 'peppers']);
    expect(fruit).toHaveLength(3);
  });

  it('arraySet fills a range, growing the array', () => {
    const a: unknown[] = [];
    expect(fn('arraySet', a, 1, 4, 'x')).toBe(true);
    expect(a).toEqual(['x', 'x', 'x', 'x']);
    expect(() => fn('arraySet', a, 0, 2, 'y')).toThrow(/start index/);
    expect(named('arraySet', { array: a, start: 2, end: 3, value: 'y' })).toBe(true);
    expect(a).toEqual(['x', 'y', 'y', 'x']);
  });

  it('arraySwap swaps and checks both positions', () => {
    const a = ['Spider-Man', 'Green Goblin', 'Doctor Octopus', 'Venom'];
    fn('arraySwap', a, 1, 3);
    expect(a).toEqual(['Doctor Octopus', 'Green Goblin', 'Spider-Man', 'Venom']);
    expect(() => fn('arraySwap', a, 1, 9)).toThrow(/invalid index \[9\]/);
  });

  it('arrayResize only grows', () => {
    const a = [1, 2];
    fn('arrayResize', a, 5);
    expect(a.length).toBe(5);
    expect(fn('arrayIsDefined', a, 4)).toBe(false);
    fn('arrayResize', a, 1);
    expect(a.length).toBe(5);
  });

  it('arrayReverse returns a new array', () => {
    const a = [1, 2, 3];
    expect(fn('arrayReverse', a)).toEqual([3, 2, 1]);
    expect(a).toEqual([1, 2, 3]);
  });

  it('arraySlice with offsets, negative offsets and lengths', () => {
    const a = [1, 2, 3, 4, 5, 6, 7, 8];
    expect(fn('arraySlice', a, 2, 3)).toEqual([2, 3, 4]);
    expect(fn('arraySlice', a, 4)).toEqual([4, 5, 6, 7, 8]);
    // Lucee (ArraySlice.java): an offset <= 0 counts from the end, 0 is the last element (was: -1 the last)
    expect(fn('arraySlice', a, -5, 3)).toEqual([3, 4, 5]);
    expect(fn('arraySlice', a, 0)).toEqual([8]);
    // length 0 runs to the end, a negative length stops before the end
    expect(fn('arraySlice', a, 6, 0)).toEqual([6, 7, 8]);
    expect(fn('arraySlice', a, 2, -5)).toEqual([2, 3]);
    expect(member('array', 'slice', a, 8)).toEqual([8]);
    expect(() => fn('arraySlice', a, 9)).toThrow(/offset/);
    expect(() => fn('arraySlice', a, 7, 5)).toThrow(/length/);
  });

  it('arrayMid and arraySplice', () => {
    const v = ['Mustang', 'Nova', 'Celica', 'Camry', 'Tacoma', 'Tundra'];
    expect(fn('arrayMid', v, 5)).toEqual(['Tacoma', 'Tundra']);
    expect(fn('arrayMid', v, 3, 2)).toEqual(['Celica', 'Camry']);
    const months = ['Jan', 'March', 'April', 'June'];
    fn('arraySplice', months, 2, 0, ['Feb']);
    expect(months).toEqual(['Jan', 'Feb', 'March', 'April', 'June']);
    const m2 = ['Jan', 'March', 'April', 'June'];
    expect(fn('arraySplice', m2, 3, 2, ['Feb'])).toEqual(['April', 'June']);
    expect(m2).toEqual(['Jan', 'March', 'Feb']);
    const m3 = ['Jan', 'March', 'April', 'June'];
    fn('arraySplice', m3, -3, 0, ['Feb']);
    expect(m3).toEqual(['Jan', 'Feb', 'March', 'April', 'June']);
  });

  it('first, last, pop, shift, push, unshift', () => {
    expect(fn('arrayFirst', ['Jerry', 'Elaine'])).toBe('Jerry');
    expect(fn('arrayLast', ['first', 'second', 'third'])).toBe('third');
    expect(() => fn('arrayFirst', [])).toThrow(/empty/);
    const a = [1, 2, 42];
    expect(named('arrayPop', { array: a })).toBe(42);
    expect(a).toEqual([1, 2]);
    expect(fn('arrayShift', a)).toBe(1);
    expect(a).toEqual([2]);
    expect(fn('arrayPop', [], 'dflt')).toBe('dflt');
    expect(() => fn('arrayShift', [])).toThrow(/empty/);
    const b = [1, 2, 3];
    expect(member('array', 'push', b, [42])).toBe(4);
    expect(b[3]).toEqual([42]);
    expect(fn('arrayUnshift', b, 0)).toBe(5);
    expect(b[0]).toBe(0);
  });

  it('arrayRemoveDuplicates keeps the first occurrence', () => {
    expect(fn('arrayRemoveDuplicates', ['a', 'A', 'b', 'a'])).toEqual(['a', 'A', 'b']);
    expect(fn('arrayRemoveDuplicates', ['a', 'A', 'b', 'a'], true)).toEqual(['a', 'b']);
  });

  it('argument count errors', () => {
    expect(() => fn('arrayAppend', [])).toThrow(/parameter \[value\] to function \[arrayAppend\] is required/);
    expect(() => fn('arrayLen', [], 1)).toThrow(/too many arguments/);
  });
});

describe('arraySort', () => {
  it('numeric desc', () => {
    const a = [10, 20, -99, 46, 50];
    expect(fn('arraySort', a, 'numeric', 'desc')).toBe(true);
    expect(a).toEqual([50, 46, 20, 10, -99]);
  });

  it('numeric sort reads numeric strings and rejects text', () => {
    const a = ['10', '9', '100'];
    fn('arraySort', a, 'numeric');
    expect(a).toEqual(['9', '10', '100']);
    expect(() => fn('arraySort', ['1', 'x'], 'numeric')).toThrow(/not numeric/);
  });

  it('text is by character code, textnocase folds case', () => {
    const a = ['COLDFUSION', 'coldfusion', 'adobe', 'LucEE', 'RAILO'];
    member('array', 'sort', a, 'text', 'desc');
    expect(a).toEqual(['coldfusion', 'adobe', 'RAILO', 'LucEE', 'COLDFUSION']);
    const b = ['b', 'C', 'a'];
    fn('arraySort', b, 'textnocase');
    expect(b).toEqual(['a', 'b', 'C']);
    const c = ['b', 'C', 'a'];
    fn('arraySort', c, 'text');
    expect(c).toEqual(['C', 'a', 'b']);
  });

  it('sorts with a closure comparator', () => {
    const a = [Struct.from({ name: 'testemployee' }), Struct.from({ name: 'employeetest' })];
    fn(
      'arraySort',
      a,
      jsFn((x: Struct, y: Struct) => String(x.get('name')).localeCompare(String(y.get('name')))),
    );
    expect(a.map((s) => s.get('name'))).toEqual(['employeetest', 'testemployee']);
  });

  it('member sort returns the array; bad types and orders are errors', () => {
    const a = [3, 1, 2];
    expect(member('array', 'sort', a, 'numeric')).toBe(a);
    expect(a).toEqual([1, 2, 3]);
    expect(() => fn('arraySort', a, 'bogus')).toThrow(/invalid sort type \[bogus\]/);
    expect(() => fn('arraySort', a, 'numeric', 'up')).toThrow(/invalid sort order \[up\]/);
  });
});

describe('array iteration', () => {
  it('arrayEach passes item, 1-based index and the array', () => {
    const seen: string[] = [];
    const letters = ['a', 'b', 'c'];
    fn(
      'arrayEach',
      letters,
      jsFn((el: string, i: number, arr: unknown[]) => {
        seen.push(`${i}:${el}:${arr === letters}`);
      }),
    );
    expect(seen).toEqual(['1:a:true', '2:b:true', '3:c:true']);
  });

  it('arrayMap returns a new array; no return value becomes null', () => {
    const src = [Struct.from({ a: 4 }), Struct.from({ a: 18 })];
    expect(fn('arrayMap', src, jsFn((s: Struct) => s.get('a')))).toEqual([4, 18]);
    expect(member('array', 'map', [1, 2], jsFn(() => undefined))).toEqual([null, null]);
  });

  it('arrayFilter keeps items whose closure returns a truthy CFML boolean', () => {
    expect(fn('arrayFilter', [1, 2, 3, 4], jsFn((x: number) => (x % 2 ? 'yes' : 'no')))).toEqual([1, 3]);
    expect(() => fn('arrayFilter', [1], jsFn(() => 'abc'))).toThrow(/boolean/);
  });

  it('arrayReduce starts from the initial value (null when missing)', () => {
    expect(fn('arrayReduce', [4, 18, 51], jsFn((acc: number, x: number) => acc + x), 0)).toBe(73);
    const calls: unknown[] = [];
    fn(
      'arrayReduce',
      ['a', 'b'],
      jsFn((acc: unknown, x: string, i: number) => {
        calls.push([acc, x, i]);
        return x;
      }),
    );
    expect(calls).toEqual([
      [null, 'a', 1],
      ['a', 'b', 2],
    ]);
    expect(fn('arrayReduceRight', ['a', 'b', 'c'], jsFn((acc: string, x: string, i: number) => acc + x + i), '')).toBe('c3b2a1');
  });

  it('arraySome and arrayEvery stop early', () => {
    let n = 0;
    expect(
      fn(
        'arraySome',
        [1, 2, 3],
        jsFn((x: number) => {
          n++;
          return x === 2;
        }),
      ),
    ).toBe(true);
    expect(n).toBe(2);
    expect(fn('arrayEvery', [4, 5, 6], jsFn((x: number) => x > 2))).toBe(true);
    expect(fn('arrayEvery', [1, 2, 3], jsFn((x: number) => x > 2))).toBe(false);
    expect(fn('arrayEvery', [], jsFn(() => false))).toBe(true);
    expect(fn('arraySome', [], jsFn(() => true))).toBe(false);
  });

  it('closures are required to be functions', () => {
    expect(() => fn('arrayMap', [1], 'notAFunction')).toThrow(/can't cast String to function/);
  });

  it('arrayToStruct keys by index or by value', () => {
    const s = fn('arrayToStruct', ['a', 'b']) as Struct;
    expect(s.entries()).toEqual([
      ['1', 'a'],
      ['2', 'b'],
    ]);
    expect((fn('arrayToStruct', ['a', 'b'], true) as Struct).get('b')).toBe(2);
  });
});
