import { describe, expect, it } from 'vitest';
import { fn, member } from '../support/fn-harness.js';

describe('numberFormat', () => {
  it('without a mask: rounded integer with thousands separators', () => {
    expect(fn('numberFormat', 1234567.5)).toBe('1,234,568');
    expect(fn('numberFormat', 0.4)).toBe('0');
    expect(fn('numberFormat', -1234.6)).toBe('-1,235');
    expect(fn('numberFormat', '')).toBe('0');
    expect(fn('numberFormat', '42')).toBe('42');
    expect(() => fn('numberFormat', 'abc')).toThrow(/can't cast value \[abc\]/);
  });
  it('zero and nine placeholders, decimals, padding', () => {
    expect(fn('numberFormat', 123, '00000')).toBe('00123');
    expect(fn('numberFormat', 123, '99999')).toBe('  123');
    expect(fn('numberFormat', 123, '__.00')).toBe('123.00');
    expect(fn('numberFormat', 11.1, '__.00')).toBe('11.10');
    expect(fn('numberFormat', 1.23, '__.00')).toBe(' 1.23');
    expect(fn('numberFormat', 0.5, '9.99')).toBe('0.50');
    expect(fn('numberFormat', 42, '000.00')).toBe('042.00');
    expect(fn('numberFormat', 0.456, '.99')).toBe('0.46');
  });
  it('rounds half up on the decimal value', () => {
    expect(fn('numberFormat', 1.005, '9.99')).toBe('1.01');
    expect(fn('numberFormat', 2.5, '9')).toBe('3');
    expect(fn('numberFormat', 0.125, '0.00')).toBe('0.13');
    expect(fn('numberFormat', 9.999, '9.99')).toBe('10.00');
    expect(fn('numberFormat', -2.5, '9')).toBe('-3');
  });
  it('signs, dollar, brackets, commas', () => {
    expect(fn('numberFormat', 5, '+')).toBe('+5');
    expect(fn('numberFormat', -5, '+')).toBe('-5');
    expect(fn('numberFormat', 123456789, '_$,9.99')).toBe('$123,456,789.00');
    expect(fn('numberFormat', -12.5, '(9.99)')).toBe('(12.50)');
    expect(fn('numberFormat', 12.5, '(9.99)')).toBe('12.50');
    expect(fn('numberFormat', 7, '-9')).toBe(' 7');
    expect(fn('numberFormat', -7, '-9')).toBe('-7');
    expect(fn('numberFormat', 1234567.891, ',.00')).toBe('1,234,567.89');
    expect(fn('numberFormat', 1234, ',')).toBe('1,234');
  });
  it('justification', () => {
    expect(fn('numberFormat', 5, 'L999')).toBe('5  ');
    expect(fn('numberFormat', 5, '999')).toBe('  5');
  });
  it('roman, hex and invalid masks', () => {
    expect(fn('numberFormat', 1994, 'roman')).toBe('MCMXCIV');
    expect(fn('numberFormat', 255, 'hex')).toBe('ff');
    expect(() => fn('numberFormat', 1, 'abc')).toThrow(/invalid character \[a\]/);
    expect(() => fn('numberFormat', 0, 'roman')).toThrow(/roman/);
  });
  it('member form', () => {
    expect(member('numeric', 'numberFormat', 123, '00000')).toBe('00123');
    expect(fn('lsNumberFormat', 1234.5, ',.00')).toBe('1,234.50');
  });
});

describe('decimalFormat / dollarFormat / currency', () => {
  it('decimalFormat: two decimals with commas', () => {
    expect(fn('decimalFormat', 1234.567)).toBe('1,234.57');
    expect(fn('decimalFormat', -0.5)).toBe('-0.50');
    expect(fn('decimalFormat', '')).toBe('0.00');
    expect(fn('decimalFormat', 1e6)).toBe('1,000,000.00');
  });
  it('dollarFormat: negatives in parentheses', () => {
    expect(fn('dollarFormat', 1236598.2)).toBe('$1,236,598.20');
    expect(fn('dollarFormat', -11.34)).toBe('($11.34)');
    expect(fn('dollarFormat', 0)).toBe('$0.00');
    expect(fn('dollarFormat', -0.001)).toBe('$0.00');
  });
  it('lsCurrencyFormat types', () => {
    expect(fn('lsCurrencyFormat', 1234.5)).toBe('$1,234.50');
    expect(fn('lsCurrencyFormat', 1234.5, 'international')).toBe('USD 1,234.50');
    // Lucee's LSCurrencyFormat shows a negative amount in parentheses
    expect(fn('lsCurrencyFormat', -3, 'none')).toBe('(3.00)');
    expect(fn('lsCurrencyFormat', -3)).toBe('($3.00)');
    // Lucee 6/7: lsEuroCurrencyFormat is lsCurrencyFormat (the locale's currency)
    expect(fn('lsEuroCurrencyFormat', 2.5)).toBe('$2.50');
    expect(fn('lsEuroCurrencyFormat', 2.5, 'local', 'de_DE')).toBe('2,50 €');
    expect(fn('lsCurrencyFormat', 1234.5, 'local', 'de_DE')).toBe('1.234,50 €');
    expect(fn('lsCurrencyFormat', 1234.5, 'local', 'en_GB')).toBe('£1,234.50');
    expect(fn('lsCurrencyFormat', 1234.5, 'international', 'fr_FR')).toBe('EUR 1 234,50');
    expect(() => fn('lsCurrencyFormat', 1, 'weird')).toThrow(/type/);
  });
});

describe('boolean formats', () => {
  it('yesNoFormat', () => {
    expect(fn('yesNoFormat', true)).toBe('Yes');
    expect(fn('yesNoFormat', false)).toBe('No');
    expect(fn('yesNoFormat', '')).toBe('No');
    expect(fn('yesNoFormat', 'yes')).toBe('Yes');
    expect(fn('yesNoFormat', 0)).toBe('No');
    expect(fn('yesNoFormat', -2)).toBe('Yes');
    expect(() => fn('yesNoFormat', 'maybe')).toThrow(/boolean/);
  });
  it('booleanFormat and trueFalseFormat', () => {
    expect(fn('booleanFormat', 1)).toBe('true');
    expect(fn('booleanFormat', 0)).toBe('false');
    expect(fn('booleanFormat', -1)).toBe('true');
    expect(fn('trueFalseFormat', 'YES')).toBe('true');
    expect(fn('trueFalseFormat', 'NO')).toBe('false');
    expect(fn('trueFalseFormat', '')).toBe('false');
    expect(fn('trueFalseFormat', '1')).toBe('true');
  });
});
