import { describe, expect, it } from 'vitest';
import { numberToString, toBool, toNum, toStr } from '../../src/runtime/cast.js';
import { compareValues } from '../../src/runtime/compare.js';
import { Struct } from '../../src/runtime/struct.js';
import { Query } from '../../src/runtime/query.js';
import { parseDateString } from '../../src/runtime/dates.js';

describe('value rules', () => {
  it('prints numbers the CFML way', () => {
    expect(numberToString(0.1 + 0.2)).toBe('0.3');
    expect(numberToString(1 / 3)).toBe('0.333333333333');
    expect(numberToString(Math.acos(0.3))).toBe('1.266103672779');
    expect(numberToString(5)).toBe('5');
    expect(numberToString(-0)).toBe('0');
    expect(numberToString(123456789012)).toBe('123456789012');
  });

  it('casts strings, numbers and booleans into each other', () => {
    expect(toNum(' 5 ')).toBe(5);
    expect(toNum(true)).toBe(1);
    expect(() => toNum('abc')).toThrow(/Can't cast String \[abc\] to a value of type \[Number\]/);
    expect(toBool('YES')).toBe(true);
    expect(toBool('0')).toBe(false);
    expect(() => toBool('')).toThrow(/Boolean/);
    expect(toStr(true)).toBe('true');
    expect(toStr(new Date(2024, 0, 5, 10, 0, 0))).toBe("{ts '2024-01-05 10:00:00'}");
  });

  it('compares numerically, as dates, else case-insensitively', () => {
    expect(compareValues('01', '1')).toBe(0);
    expect(compareValues('abc', 'ABC')).toBe(0);
    expect(compareValues('10', '9')).toBeGreaterThan(0);
    expect(compareValues(new Date(2024, 0, 2), '2024-01-01')).toBeGreaterThan(0);
  });

  it('compares a boolean-literal string as a boolean (Lucee OpUtil.compare)', () => {
    expect(compareValues(1, 'true')).toBe(0);
    expect(compareValues('yes', 'true')).toBe(0);
    expect(compareValues('NO', 'false')).toBe(0);
    expect(compareValues('no', 0)).toBe(0);
    expect(compareValues(true, 'Yes')).toBe(0);
    expect(compareValues('2', 'true')).toBeGreaterThan(0);
    expect(compareValues('yes', 'no')).toBeGreaterThan(0);
    // not a literal: padded, abbreviated, other words
    expect(compareValues(' yes', true)).not.toBe(0);
    expect(compareValues('y', 'yes')).not.toBe(0);
    // a non-numeric word sorts after numbers, an empty string before
    expect(compareValues('abc', 5)).toBeGreaterThan(0);
    expect(compareValues('', 5)).toBeLessThan(0);
    expect(compareValues(null, '')).toBe(0);
  });

  it('compares dates to the second', () => {
    expect(compareValues(new Date(2024, 0, 1, 10, 0, 0, 100), new Date(2024, 0, 1, 10, 0, 0, 900))).toBe(0);
    expect(compareValues(new Date(2024, 0, 1, 10, 0, 1), new Date(2024, 0, 1, 10, 0, 0))).toBeGreaterThan(0);
  });

  it('structs look keys up case-insensitively and keep the first spelling', () => {
    const s = new Struct();
    s.set('Foo', 1);
    s.set('FOO', 2);
    expect(s.get('foo')).toBe(2);
    expect(s.keys()).toEqual(['Foo']);
  });

  it('queries are column arrays with 1-based rows', () => {
    const q = new Query(['a', 'b']);
    q.addRows(2);
    q.setCell('a', 'x', 1);
    q.setCell('B', 'y', 2);
    expect(q.getCell('A', 1)).toBe('x');
    expect(q.row(2)).toEqual({ a: '', b: 'y' });
    expect(() => q.getCell('a', 3)).toThrow(/row \[3\]/);
  });

  it('parses the common date strings', () => {
    expect(parseDateString('2024-01-05')?.getDate()).toBe(5);
    expect(parseDateString('01/05/2024 10:30')?.getHours()).toBe(10);
    expect(parseDateString('January 5, 2024')?.getMonth()).toBe(0);
    expect(parseDateString('hello there')).toBeUndefined();
  });
});
