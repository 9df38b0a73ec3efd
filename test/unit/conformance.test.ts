/** The cfdocs runner's wrapping and comparison rules (scripts/conformance/compare.ts), on hand cases. */
import { describe, expect, it } from 'vitest';
import { compareResult, normalizeText, wrapExample } from '../../scripts/conformance/compare.js';
import { codeHash, matchSkip } from '../../scripts/conformance/skips.js';

const pass = (expected: string, got: string) => compareResult(expected, got).pass;

describe('cfdocs compare rules', () => {
  it('trims and collapses runs of blank lines, otherwise exact', () => {
    expect(pass('a\nb', '  a\r\nb \n\n')).toBe(true);
    expect(normalizeText('a\n\n\n\nb')).toBe('a\n\nb');
    expect(pass('a\n\nb', 'a\n\n\n\nb')).toBe(true);
    expect(pass('a b', 'a  b')).toBe(false);
    expect(pass('Abc', 'abc')).toBe(false);
  });
  it('boolean-looking expectations compare by truth value', () => {
    expect(pass('Yes', 'true')).toBe(true);
    expect(pass('NO', 'false')).toBe(true);
    expect(pass('true', 'YES')).toBe(true);
    expect(pass('true', 'false')).toBe(false);
    expect(pass('true', '1')).toBe(false);
    expect(compareResult('yes', 'true').rule).toBe('boolean');
  });
  it('numbers longer than 10 characters compare after rounding to 8 decimals', () => {
    expect(pass('1.266103672779', '1.2661036727794')).toBe(true);
    expect(pass('3.099999999997', '3.1')).toBe(true);
    expect(pass('3.0999999900', '3.1')).toBe(false);
    expect(pass('3.14159265359', '3.141592653589793')).toBe(true);
    expect(pass('1.2661036727', '1.2661037')).toBe(false);
    // short numbers stay exact text
    expect(pass('2.50', '2.5')).toBe(false);
  });
  it('JSON-looking expectations compare parsed, key order aside', () => {
    expect(pass('{"A":0,"B":0,"C":1}', '{"C":1,"A":0,"B":0}')).toBe(true);
    expect(pass('[1, 2, 3]', '[1,2,3]')).toBe(true);
    expect(pass('{"a":1}', '{"A":1}')).toBe(false);
    expect(pass('[1,2]', '[1,2,3]')).toBe(false);
    expect(pass('[1,2]', 'Array (2)')).toBe(false);
    // not valid JSON: plain text rule
    expect(pass("['a','b']", "['a','b']")).toBe(true);
    expect(compareResult("['a','b']", 'x').rule).toBe('text');
  });
  it('wraps expressions, scripts and templates like cfdocs', () => {
    expect(wrapExample('len("abc")')).toEqual({ source: '<cfoutput>#len("abc")#</cfoutput>', form: 'expression' });
    expect(wrapExample('x = 1; writeOutput(x);').form).toBe('script');
    expect(wrapExample('<cfset x = 1>;').form).toBe('template');
  });
  it('skip entries match by name, occurrence and code hash', () => {
    const list = [{ name: 'now', nth: 2, hash: codeHash('now()'), reason: 'time' }];
    expect(matchSkip(list, 'NOW', 2, 'now()')?.entry.reason).toBe('time');
    expect(matchSkip(list, 'now', 1, 'now()')).toBeUndefined();
    expect(matchSkip(list, 'now', 2, 'now() ')).toBeUndefined();
  });
});
