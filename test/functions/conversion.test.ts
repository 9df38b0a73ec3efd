import { describe, expect, it } from 'vitest';
import { fn, member } from '../support/fn-harness.js';
import { Struct } from '../../src/runtime/struct.js';

describe('toString', () => {
  it('simple values print the CFML way', () => {
    expect(fn('toString', 42)).toBe('42');
    expect(fn('toString', 0.1 + 0.2)).toBe('0.3');
    expect(fn('toString', true)).toBe('true');
    expect(fn('toString', fn('createDate', 2024, 1, 5))).toBe("{ts '2024-01-05 00:00:00'}");
    expect(fn('toString')).toBe('');
    expect(member('numeric', 'toString', 42)).toBe('42');
  });
  it('decodes binary with an encoding', () => {
    expect(fn('toString', Buffer.from('stringValue'))).toBe('stringValue');
    expect(fn('toString', new Uint8Array([0xe9]), 'iso-8859-1')).toBe('é');
    expect(fn('toString', Buffer.from('é', 'utf8'), 'utf-8')).toBe('é');
    expect(() => fn('toString', Buffer.from('x'), 'no-such-charset')).toThrow(/encoding/);
  });
  it('complex values cannot be strings', () => {
    expect(() => fn('toString', new Struct())).toThrow(/Struct/);
  });
});

describe('val', () => {
  it('reads the leading number', () => {
    expect(fn('val', '120test12sstring')).toBe(120);
    expect(fn('val', 'string98')).toBe(0);
    expect(fn('val', '  -3.5kg')).toBe(-3.5);
    expect(fn('val', '.5')).toBe(0.5);
    expect(fn('val', '1.2.3')).toBe(1.2);
    expect(fn('val', '')).toBe(0);
    expect(fn('val', '1e5')).toBe(1);
    expect(fn('val', 42)).toBe(42);
  });
});

describe('javaCast', () => {
  it('numeric casts truncate like Java', () => {
    expect(fn('javaCast', 'int', '12.9')).toBe(12);
    expect(fn('javaCast', 'long', -7.9)).toBe(-7);
    expect(fn('javaCast', 'double', '180.0')).toBe(180);
    expect(fn('javaCast', 'float', 1.5)).toBe(1.5);
    expect(() => fn('javaCast', 'int', 3e10)).toThrow(/out of range/);
    expect(() => fn('javaCast', 'int', 'abc')).toThrow();
  });
  it('string, boolean, char, null and arrays', () => {
    expect(fn('javaCast', 'string', 5)).toBe('5');
    expect(fn('javaCast', 'boolean', 'yes')).toBe(true);
    expect(fn('javaCast', 'char', 'xyz')).toBe('x');
    expect(fn('javaCast', 'null', '')).toBe(null);
    expect(fn('javaCast', 'int[]', ['1', 2.7])).toEqual([1, 2]);
    expect(() => fn('javaCast', 'java.util.HashMap', 1)).toThrow(/unsupported type/);
  });
});

describe('toNumeric / parseNumber / lsParseNumber', () => {
  it('radix conversions', () => {
    expect(fn('toNumeric', '29.5')).toBe(29.5);
    expect(fn('toNumeric', 'FF0011', 'hex')).toBe(16711697);
    expect(fn('toNumeric', '1010', 'bin')).toBe(10);
    expect(fn('toNumeric', 'z', 36)).toBe(35);
    expect(fn('parseNumber', 1010, 'bin')).toBe(10);
    expect(fn('parseNumber', 1010, 'hex')).toBe(4112);
    expect(fn('parseNumber', '777', 'oct')).toBe(511);
    expect(fn('parseNumber', ' 12.5 ')).toBe(12.5);
    expect(() => fn('parseNumber', '102', 'bin')).toThrow(/radix 2/);
    expect(() => fn('toNumeric', 'abc')).toThrow();
    expect(() => fn('toNumeric', '1', 99)).toThrow(/radix/);
  });
  it('lsParseNumber reads en_US numbers', () => {
    expect(fn('lsParseNumber', '042.00')).toBe(42);
    expect(fn('lsParseNumber', '1,234,567.5')).toBe(1234567.5);
    expect(fn('lsParseNumber', '-3')).toBe(-3);
    expect(() => fn('lsParseNumber', 'twelve')).toThrow(/lsParseNumber/);
  });
});
