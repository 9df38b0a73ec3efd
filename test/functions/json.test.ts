import { describe, expect, it } from 'vitest';
import { fn, member } from '../support/fn-harness.js';
import { Struct } from '../../src/runtime/struct.js';
import { Query } from '../../src/runtime/query.js';

function news(): Query {
  const q = new Query(['id', 'title']);
  q.addRows(2);
  q.setCell('id', 1, 1);
  q.setCell('title', 'Dewey defeats Truman', 1);
  q.setCell('id', 2, 2);
  q.setCell('title', 'Man walks on Moon', 2);
  return q;
}

describe('serializeJSON', () => {
  it('structs keep the stored key case and order', () => {
    const s = new Struct();
    s.set('COMPANY', 'Foundeo');
    s.set('name', 'Pete Freitag');
    expect(fn('serializeJSON', s)).toBe('{"COMPANY":"Foundeo","name":"Pete Freitag"}');
    expect(member('struct', 'toJSON', s)).toBe('{"COMPANY":"Foundeo","name":"Pete Freitag"}');
  });
  it('simple values: numbers as numbers, strings stay strings', () => {
    const s = Struct.from({ phone: '123456789', firstname: 'no', zip: '00123', n: 5, x: 1.5, ok: true, nothing: null });
    expect(fn('serializeJSON', s)).toBe('{"phone":"123456789","firstname":"no","zip":"00123","n":5,"x":1.5,"ok":true,"nothing":null}');
    expect(fn('serializeJSON', [1, 2, 3, 4])).toBe('[1,2,3,4]');
    expect(fn('serializeJSON', 'a "quoted"\nline')).toBe('"a \\"quoted\\"\\nline"');
    expect(fn('serializeJSON', 0.1 + 0.2)).toBe('0.3');
    expect(fn('serializeJSON', [])).toBe('[]');
    expect(fn('serializeJSON', new Struct())).toBe('{}');
  });
  it('dates in Lucee form', () => {
    const d = fn('createDateTime', 2024, 1, 5, 10, 0, 0) as Date;
    const off = -d.getTimezoneOffset();
    const z = (off < 0 ? '-' : '+') + String(Math.floor(Math.abs(off) / 60)).padStart(2, '0') + String(Math.abs(off) % 60).padStart(2, '0');
    expect(fn('serializeJSON', d)).toBe(`"January, 05 2024 10:00:00 ${z}"`);
  });
  it('queries in row, column and struct form', () => {
    expect(fn('serializeJSON', news())).toBe('{"COLUMNS":["ID","TITLE"],"DATA":[[1,"Dewey defeats Truman"],[2,"Man walks on Moon"]]}');
    expect(fn('serializeJSON', news(), 'struct')).toBe('[{"ID":1,"TITLE":"Dewey defeats Truman"},{"ID":2,"TITLE":"Man walks on Moon"}]');
    expect(fn('serializeJSON', news(), true)).toBe('{"ROWCOUNT":2,"COLUMNS":["ID","TITLE"],"DATA":{"ID":[1,2],"TITLE":["Dewey defeats Truman","Man walks on Moon"]}}');
    expect(fn('serializeJSON', new Query(['a']))).toBe('{"COLUMNS":["A"],"DATA":[]}');
    expect(() => fn('serializeJSON', news(), 'diagonal')).toThrow(/queryFormat/);
  });
  it('secure prefix and circular references', () => {
    expect(fn('serializeJSON', [1], 'row', true)).toBe('//[1]');
    const a: unknown[] = [];
    a.push(a);
    expect(() => fn('serializeJSON', a)).toThrow(/circular/);
  });
});

describe('deserializeJSON', () => {
  it('objects become structs keeping key case and order', () => {
    const p = fn('deserializeJSON', '{"company":"Foundeo","Name":"Pete","2":"two","1":"one"}') as Struct;
    expect(p).toBeInstanceOf(Struct);
    expect(p.get('COMPANY')).toBe('Foundeo');
    expect(p.keys()).toEqual(['company', 'Name', '2', '1']);
  });
  it('arrays, numbers, booleans, null, unicode', () => {
    expect(fn('deserializeJSON', '[1, 2.5, -3e2, true, false, null, "\\u00e9\\n"]')).toEqual([1, 2.5, -300, true, false, null, 'é\n']);
    expect(fn('deserializeJSON', '"just a string"')).toBe('just a string');
    expect(fn('deserializeJSON', ' 42 ')).toBe(42);
  });
  it('round-trips nested values', () => {
    const json = '{"a":[1,{"b":"c"}],"d":{"e":null}}';
    expect(fn('serializeJSON', fn('deserializeJSON', json))).toBe(json);
  });
  it('lenient JSON5 bits: trailing commas, single quotes, bare keys', () => {
    const s = fn('deserializeJSON', "{a: 'x', \"b\": [1,2,],}") as Struct;
    expect(s.get('a')).toBe('x');
    expect(s.get('b')).toEqual([1, 2]);
  });
  it('rejects invalid JSON', () => {
    expect(() => fn('deserializeJSON', '{"a":')).toThrow(/JSON parsing failure/);
    expect(() => fn('deserializeJSON', '[1 2]')).toThrow(/JSON parsing failure/);
    expect(() => fn('deserializeJSON', '')).toThrow(/JSON parsing failure/);
    expect(() => fn('deserializeJSON', '{} x')).toThrow(/JSON parsing failure/);
  });
  it('strictMapping=false turns query JSON back into queries', () => {
    const q = fn('deserializeJSON', fn('serializeJSON', news()), false) as Query;
    expect(q).toBeInstanceOf(Query);
    expect(q.recordCount).toBe(2);
    expect(q.getCell('title', 2)).toBe('Man walks on Moon');
    const q2 = fn('deserializeJSON', fn('serializeJSON', news(), 'column'), false) as Query;
    expect(q2.getCell('ID', 1)).toBe(1);
    const s = fn('deserializeJSON', fn('serializeJSON', news())) as Struct;
    expect(s).toBeInstanceOf(Struct);
  });
});
