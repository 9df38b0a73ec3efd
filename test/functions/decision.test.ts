import { describe, expect, it } from 'vitest';
import { fn, jsFn, makeCtx, registry } from '../support/fn-harness.js';
import { invokeBuiltin } from '../../src/runtime/functions/invoke.js';
import { Struct } from '../../src/runtime/struct.js';
import { Query, QueryColumnRef } from '../../src/runtime/query.js';
import { CfFunction } from '../../src/runtime/function-value.js';

class Udf extends CfFunction {
  readonly name = 'myFunc';
  readonly isClosure = false;
  readonly paramNames: string[] = [];
}

describe('type tests', () => {
  it('isNumeric', () => {
    expect(fn('isNumeric', 23)).toBe(true);
    expect(fn('isNumeric', '5e2')).toBe(true);
    expect(fn('isNumeric', ' -1.5 ')).toBe(true);
    expect(fn('isNumeric', 'twenty')).toBe(false);
    expect(fn('isNumeric', '')).toBe(false);
    expect(fn('isNumeric', true)).toBe(false);
    expect(fn('isNumeric', [1])).toBe(false);
  });

  it('isBoolean', () => {
    for (const v of ['yes', 'no', 'TRUE', true, false, 0, 23, '1.5']) expect(fn('isBoolean', v)).toBe(true);
    for (const v of ['maybe', '', [], new Struct()]) expect(fn('isBoolean', v)).toBe(false);
  });

  it('isDate: dates and date strings, not numbers', () => {
    expect(fn('isDate', new Date(2012, 11, 12))).toBe(true);
    expect(fn('isDate', '2024-01-05')).toBe(true);
    expect(fn('isDate', '01/05/2024 10:00')).toBe(true);
    expect(fn('isDate', 'Date')).toBe(false);
    expect(fn('isDate', 45000)).toBe(false);
    expect(fn('isDate', '2024-02-30')).toBe(false);
  });

  it('isArray with and without a dimension', () => {
    expect(fn('isArray', ['yellow', 'green'])).toBe(true);
    expect(fn('isArray', [1, 2, 3], 1)).toBe(true);
    expect(fn('isArray', [[1], [2]], 2)).toBe(true);
    expect(fn('isArray', [1, 2], 2)).toBe(false);
    expect(fn('isArray', 'a,b')).toBe(false);
    expect(fn('isArray', new Struct())).toBe(false);
  });

  it('isStruct, isQuery, isSimpleValue, isBinary, isObject', () => {
    expect(fn('isStruct', new Struct())).toBe(true);
    expect(fn('isStruct', [])).toBe(false);
    expect(fn('isQuery', new Query(['a']))).toBe(true);
    expect(fn('isQuery', 'select')).toBe(false);
    expect(fn('isSimpleValue', 42)).toBe(true);
    expect(fn('isSimpleValue', 'Hello world')).toBe(true);
    expect(fn('isSimpleValue', new Date())).toBe(true);
    expect(fn('isSimpleValue', null)).toBe(false);
    expect(fn('isSimpleValue', new Struct())).toBe(false);
    expect(fn('isSimpleValue', [])).toBe(false);
    expect(fn('isBinary', new Uint8Array([1]))).toBe(true);
    expect(fn('isBinary', 'MQ==')).toBe(false);
    expect(fn('isObject', new Struct())).toBe(false);
    expect(fn('isObject', 'x')).toBe(false);
    expect(fn('isObject', new (class Component {})())).toBe(true);
  });

  it('a query column reference reads as its current value', () => {
    const q = new Query(['n']);
    q.addRows(1);
    q.setCell('n', '7', 1);
    expect(fn('isNumeric', new QueryColumnRef(q, 'n'))).toBe(true);
    expect(fn('isSimpleValue', new QueryColumnRef(q, 'n'))).toBe(true);
  });

  it('isCustomFunction and isClosure', () => {
    const closure = jsFn((x: number) => x * x);
    expect(fn('isCustomFunction', new Udf())).toBe(true);
    expect(fn('isCustomFunction', closure)).toBe(true);
    expect(fn('isCustomFunction', '2')).toBe(false);
    expect(fn('isCustomFunction', new Udf(), 'udf')).toBe(true);
    expect(fn('isCustomFunction', closure, 'udf')).toBe(false);
    expect(fn('isClosure', closure)).toBe(true);
    expect(fn('isClosure', new Udf())).toBe(false);
    expect(fn('isClosure', 25)).toBe(false);
  });

  it('isJSON', () => {
    expect(fn('isJSON', '[1,2,3]')).toBe(true);
    expect(fn('isJSON', '{"a":1}')).toBe(true);
    expect(fn('isJSON', '"text"')).toBe(true);
    // Lucee reads JSON5 unless format "json" is given (its suite: isJson('{a:1}') is true)
    expect(fn('isJSON', "{'a':1}")).toBe(true);
    expect(fn('isJSON', "{'a':1}", 'json')).toBe(false);
    expect(fn('isJSON', 'abc')).toBe(false);
    expect(fn('isJSON', '')).toBe(false);
    expect(fn('isJSON', new Struct())).toBe(false);
  });

  it('isNull and isEmpty', () => {
    expect(fn('isNull', null)).toBe(true);
    expect(fn('isNull', undefined)).toBe(true);
    expect(fn('isNull', '')).toBe(false);
    expect(fn('isEmpty', new Struct())).toBe(true);
    expect(fn('isEmpty', Struct.from({ a: 1 }))).toBe(false);
    expect(fn('isEmpty', '')).toBe(true);
    expect(fn('isEmpty', ' ')).toBe(false);
    expect(fn('isEmpty', [])).toBe(true);
    expect(fn('isEmpty', new Query(['a']))).toBe(true);
    expect(fn('isEmpty', 0)).toBe(false);
    expect(fn('isEmpty', null)).toBe(true);
  });

  it('isDefined asks the context', () => {
    const ctx = makeCtx();
    ctx.variables.set('foo', 1);
    const def = registry.get('isDefined')!;
    expect(invokeBuiltin(def, ctx, ['foo'])).toBe(true);
    expect(invokeBuiltin(def, ctx, ['bar'])).toBe(false);
  });
});

describe('isValid', () => {
  const ok = (type: string, value: unknown, ...rest: unknown[]) => fn('isValid', type, value, ...rest);

  it('numbers', () => {
    expect(ok('integer', 235)).toBe(true);
    expect(ok('integer', '235')).toBe(true);
    expect(ok('integer', 1.5)).toBe(false);
    expect(ok('integer', 2 ** 40)).toBe(false);
    expect(ok('numeric', '1e3')).toBe(true);
    expect(ok('float', 'abc')).toBe(false);
    expect(ok('range', 5, 1, 10)).toBe(true);
    expect(ok('range', 11, 1, 10)).toBe(false);
    expect(ok('range', 'x', 1, 10)).toBe(false);
    expect(() => ok('range', 5)).toThrow(/min and a max/);
    expect(ok('integer', 5, 1, 3)).toBe(false);
  });

  it('strings, booleans, dates', () => {
    expect(ok('string', 'x')).toBe(true);
    expect(ok('string', 5)).toBe(true);
    expect(ok('string', [])).toBe(false);
    expect(ok('string', 'abc', 1, 2)).toBe(false);
    expect(ok('boolean', 'yes')).toBe(true);
    expect(ok('boolean', 'maybe')).toBe(false);
    expect(ok('date', '2024-01-05')).toBe(true);
    expect(ok('usdate', '12/31/2024')).toBe(true);
    expect(ok('usdate', '31/12/2024')).toBe(false);
    expect(ok('eurodate', '31/12/2024')).toBe(true);
    expect(ok('eurodate', '29/02/2023')).toBe(false);
    expect(ok('time', '10:30')).toBe(true);
    expect(ok('time', '10:30 PM')).toBe(true);
  });

  it('formats', () => {
    expect(ok('email', 'user@example.com')).toBe(true);
    expect(ok('email', 'first.last+tag@sub.example.co.uk')).toBe(true);
    expect(ok('email', 'user@')).toBe(false);
    expect(ok('email', 'no spaces@example.com')).toBe(false);
    expect(ok('url', 'https://example.com/path?q=1')).toBe(true);
    expect(ok('url', 'mailto:a@b.com')).toBe(true);
    expect(ok('url', 'example.com')).toBe(false);
    expect(ok('uuid', '2E4D5AF1-03E2-5A2F-3A0B9F5DC1E6A8B7')).toBe(true);
    expect(ok('guid', '2e4d5af1-03e2-5a2f-3a0b-9f5dc1e6a8b7')).toBe(true);
    expect(ok('guid', '2E4D5AF1-03E2-5A2F-3A0B9F5DC1E6A8B7')).toBe(false);
    expect(ok('ssn', '123-45-6789')).toBe(true);
    expect(ok('social_security_number', '123456789')).toBe(true);
    expect(ok('ssn', '12-345-6789')).toBe(false);
    expect(ok('telephone', '(555) 123-4567')).toBe(true);
    expect(ok('telephone', '+1 555.123.4567')).toBe(true);
    expect(ok('telephone', '123')).toBe(false);
    expect(ok('zipcode', '12345')).toBe(true);
    expect(ok('zipcode', '12345-6789')).toBe(true);
    expect(ok('zipcode', '1234')).toBe(false);
    expect(ok('creditcard', '4111 1111 1111 1111')).toBe(true);
    expect(ok('creditcard', '4111 1111 1111 1112')).toBe(false);
    expect(ok('variablename', 'my_var1')).toBe(true);
    expect(ok('variablename', '1var')).toBe(false);
    expect(ok('variablename', 'my-var')).toBe(false);
  });

  it('complex types', () => {
    expect(ok('array', [])).toBe(true);
    expect(ok('struct', new Struct())).toBe(true);
    expect(ok('query', new Query())).toBe(true);
    expect(ok('function', jsFn(() => 1))).toBe(true);
    expect(ok('binary', new Uint8Array())).toBe(true);
    expect(ok('any', 'x')).toBe(true);
    expect(ok('any', [])).toBe(true); // Lucee's suite: isValid("any", structNew()) is true
  });

  it('regex: positional third argument or named pattern, whole-value match', () => {
    expect(ok('regex', 'abc123', '[a-z]+\\d+')).toBe(true);
    expect(ok('regular_expression', 'abc123x', '[a-z]+\\d+')).toBe(false);
    expect(fn('isValid', 'regex', 'AB', undefined, undefined, '[A-Z]{2}')).toBe(true);
    expect(() => ok('regex', 'x')).toThrow(/pattern/);
    expect(() => ok('regex', 'x', '(')).toThrow(/invalid regular expression/);
  });

  it('unknown types are an error', () => {
    expect(() => ok('color', 'red')).toThrow(/invalid type \[color\] for function \[isValid\]/);
  });
});
