import { describe, expect, it } from 'vitest';
import { fn, jsFn, makeCtx, member, named, registry } from '../support/fn-harness.js';
import { invokeBuiltin } from '../../src/runtime/functions/invoke.js';
import { Struct } from '../../src/runtime/struct.js';
import { Query } from '../../src/runtime/query.js';

const S = (o: Record<string, unknown>) => Struct.from(o);

describe('struct basics', () => {
  it('structNew types', () => {
    expect((fn('structNew') as Struct).kind).toBe('normal');
    expect((fn('structNew', 'ordered') as Struct).kind).toBe('ordered');
    expect((fn('structNew', 'linked') as Struct).kind).toBe('ordered');
    expect((fn('structNew', 'casesensitive') as Struct).kind).toBe('casesensitive');
    expect(() => fn('structNew', 'bogus')).toThrow(/invalid struct type \[bogus\]/);
    expect(member('struct', 'isOrdered', fn('structNew', 'ordered'))).toBe(true);
    expect(fn('structIsCaseSensitive', fn('structNew'))).toBe(false);
  });

  it('structKeyExists is case-insensitive and false for null values', () => {
    const s = S({ Name: 'x', gone: null });
    expect(fn('structKeyExists', s, 'name')).toBe(true);
    expect(fn('structKeyExists', s, 'NAME')).toBe(true);
    expect(fn('structKeyExists', s, 'gone')).toBe(false);
    expect(fn('structKeyExists', s, 'other')).toBe(false);
    expect(member('struct', 'keyExists', s, 'Name')).toBe(true);
  });

  it('structKeyExists on a query looks at columns; on a string it is an error', () => {
    const q = new Query(['id']);
    expect(fn('structKeyExists', q, 'ID')).toBe(true);
    expect(fn('structKeyExists', q, 'nope')).toBe(false);
    expect(() => fn('structKeyExists', 'abc', 'x')).toThrow(/can't cast String to struct/);
  });

  it('count, keyList, keyArray, valueArray keep stored case and order', () => {
    const s = S({ OK: 200, CREATED: 201, notFound: 404 });
    expect(fn('structCount', s)).toBe(3);
    expect(member('struct', 'count', s)).toBe(3);
    expect(member('struct', 'len', s)).toBe(3);
    expect(fn('structKeyList', s)).toBe('OK,CREATED,notFound');
    expect(fn('structKeyList', s, ' | ')).toBe('OK | CREATED | notFound');
    expect(fn('structKeyArray', s)).toEqual(['OK', 'CREATED', 'notFound']);
    expect(fn('structValueArray', s)).toEqual([200, 201, 404]);
    expect(fn('structKeyList', new Struct())).toBe('');
  });

  it('structDelete returns true; indicateNotExisting reports a missing key', () => {
    const s = S({ a: 1, b: 2 });
    expect(fn('structDelete', s, 'A')).toBe(true);
    expect(s.keys()).toEqual(['b']);
    expect(fn('structDelete', s, 'zzz')).toBe(true);
    expect(fn('structDelete', s, 'zzz', true)).toBe(false);
    expect(member('struct', 'delete', s, 'b')).toBe(s);
    expect(s.size).toBe(0);
  });

  it('structInsert refuses to overwrite unless allowed', () => {
    const s = S({ hair: 'brown' });
    expect(fn('structInsert', s, 'lips', 'red')).toBe(true);
    expect(() => fn('structInsert', s, 'HAIR', 'red')).toThrow(/already exists/);
    expect(fn('structInsert', s, 'hair', 'red', true)).toBe(true);
    expect(s.get('hair')).toBe('red');
  });

  it('structUpdate sets an existing key and errors on a missing one', () => {
    const s = S({ a: 1, c: 3 });
    expect(fn('structUpdate', s, 'c', 15)).toBe(true);
    expect(s.get('c')).toBe(15);
    expect(() => fn('structUpdate', s, 'z', 1)).toThrow(/Cannot update key \[z\]/);
  });

  it('structAppend overwrites by default, not with overwriteFlag=false', () => {
    const a = S({ A: 0, B: 0 });
    fn('structAppend', a, S({ B: 1, C: 1 }));
    expect(a.toObject()).toEqual({ A: 0, B: 1, C: 1 });
    const b = S({ A: 0, B: 0 });
    expect(member('struct', 'append', b, S({ b: 1, c: 1 }), false)).toBe(b);
    expect(b.toObject()).toEqual({ A: 0, B: 0, c: 1 });
  });

  it('structCopy is shallow: nested values are shared, top-level keys are not', () => {
    const inner = S({ x: 1 });
    const s = S({ a: 1, inner });
    const c = fn('structCopy', s) as Struct;
    c.set('a', 5);
    c.delete('inner');
    expect(s.get('a')).toBe(1);
    expect(s.get('inner')).toBe(inner);
    const c2 = fn('structCopy', s) as Struct;
    expect(c2.get('inner')).toBe(inner);
  });

  it('structClear, structIsEmpty', () => {
    const s = S({ a: 1 });
    expect(fn('structIsEmpty', s)).toBe(false);
    expect(fn('structClear', s)).toBe(true);
    expect(fn('structIsEmpty', s)).toBe(true);
    expect(member('struct', 'isEmpty', new Struct())).toBe(true);
  });

  it('structFind returns the value, the default, or an error', () => {
    const s = S({ Germany: 'Berlin' });
    expect(fn('structFind', s, 'germany')).toBe('Berlin');
    expect(fn('structFind', s, 'France', 'n/a')).toBe('n/a');
    expect(() => fn('structFind', s, 'France')).toThrow(/Cannot find key \[France\]/);
  });

  it('structEquals compares deeply without case', () => {
    expect(fn('structEquals', S({ a: 0, b: [1, 2] }), S({ A: 0, B: [1, 2] }))).toBe(true);
    expect(fn('structEquals', S({ a: 0, b: 0 }), S({ a: 0, b: 1 }))).toBe(false);
  });

  it('named arguments use the documented names', () => {
    const s = S({ a: 1 });
    expect(named('structKeyExists', { structure: s, key: 'A' })).toBe(true);
    expect(named('structInsert', { structure: s, key: 'b', value: 2, allowoverwrite: false })).toBe(true);
    expect(() => named('structCount', { collection: s })).toThrow(/has no argument with name \[collection\]/);
  });
});

describe('structFindKey / structFindValue', () => {
  const people = () =>
    S({
      PERSON1: S({ ID: 1, LASTNAME: 'Lennon' }),
      PERSON2: S({ ID: 2, LASTNAME: 'McCartney' }),
    });

  it('finds keys with their path and owner', () => {
    const top = people();
    const one = fn('structFindKey', top, 'lastName', 'one') as Struct[];
    expect(one).toHaveLength(1);
    expect(one[0]!.get('path')).toBe('.PERSON1.LASTNAME');
    expect(one[0]!.get('value')).toBe('Lennon');
    expect(one[0]!.get('owner')).toBe(top.get('PERSON1'));
    const all = member('struct', 'findKey', top, 'LASTNAME', 'all') as Struct[];
    expect(all.map((e) => e.get('value'))).toEqual(['Lennon', 'McCartney']);
  });

  it('finds values through nested structs and arrays', () => {
    const top = S({ a: 12, b: 4, nested: S({ a2: '12', list: [S({ z: 12 })] }) });
    const all = fn('structFindValue', top, '12', 'all') as Struct[];
    expect(all.map((e) => e.get('path'))).toEqual(['.a', '.nested.a2', '.nested.list[1].z']);
    expect(all.map((e) => e.get('key'))).toEqual(['a', 'a2', 'z']);
    expect(fn('structFindValue', top, 'none', 'all')).toEqual([]);
    expect(() => fn('structFindValue', top, '12', 'some')).toThrow(/invalid scope/);
  });
});

describe('structSort', () => {
  it('sorts keys by numeric values', () => {
    const s = S({ red: 93, yellow: 90, green: 94 });
    expect(fn('structSort', s, 'numeric', 'desc')).toEqual(['green', 'red', 'yellow']);
    expect(fn('structSort', s, 'numeric')).toEqual(['yellow', 'red', 'green']);
  });

  it('sorts by a sub-element path, without case', () => {
    const s = S({
      scott: S({ age: 26, department: 'General' }),
      glan: S({ age: 29, department: 'computer' }),
      george: S({ age: 31, department: 'Physical' }),
    });
    expect(fn('structSort', s, 'textnocase', 'asc', 'department')).toEqual(['glan', 'scott', 'george']);
    expect(() => fn('structSort', s, 'text', 'asc', 'salary')).toThrow(/path \[salary\]/);
  });

  it('sorts with a closure over the values', () => {
    const s = S({ Jim: 3, Anne: 1, Thomas: 2 });
    expect(fn('structSort', s, jsFn((a: number, b: number) => a - b))).toEqual(['Anne', 'Thomas', 'Jim']);
  });

  it('numeric sort of text values is an error', () => {
    expect(() => fn('structSort', S({ a: 'x', b: 1 }), 'numeric')).toThrow(/not numeric/);
  });
});

describe('struct iteration', () => {
  it('structEach passes key, value and the struct', () => {
    const s = S({ a: 1, b: 2 });
    const seen: string[] = [];
    const r = member('struct', 'each', s, jsFn((k: string, v: number, st: Struct) => void seen.push(`${k}=${v}:${st === s}`)));
    expect(seen).toEqual(['a=1:true', 'b=2:true']);
    expect(r).toBe(s);
  });

  it('structFilter and structMap make new structs', () => {
    const s = S({ apple: 4, banana: 1, orange: 5 });
    const f = fn('structFilter', s, jsFn((_k: string, v: number) => v >= 3)) as Struct;
    expect(f.keys()).toEqual(['apple', 'orange']);
    expect(s.size).toBe(3);
    const mapped = member('struct', 'map', s, jsFn((k: string, v: number) => `${k}:${v}`)) as Struct;
    expect(mapped.toObject()).toEqual({ apple: 'apple:4', banana: 'banana:1', orange: 'orange:5' });
  });

  it('structReduce, structSome, structEvery', () => {
    const s = S({ a: 1, b: 2, c: 3 });
    expect(fn('structReduce', s, jsFn((acc: number, _k: string, v: number) => acc + v), 0)).toBe(6);
    expect(fn('structSome', s, jsFn((k: string) => k === 'b'))).toBe(true);
    expect(fn('structSome', s, jsFn((k: string) => k === 'z'))).toBe(false);
    const visited: string[] = [];
    expect(
      fn(
        'structEvery',
        s,
        jsFn((k: string) => {
          visited.push(k);
          return false;
        }),
      ),
    ).toBe(false);
    expect(visited).toEqual(['a']);
  });
});

describe('structGet', () => {
  it('reads a dotted path and creates missing structs', () => {
    const ctx = makeCtx();
    const x = S({ y: S({ z: 8 }) });
    ctx.variables.set('x', x);
    ctx.getVariable = (name: string) => {
      let cur: unknown = ctx.variables;
      for (const part of name.split('.')) {
        if (!(cur instanceof Struct)) return undefined;
        cur = cur.get(part);
      }
      return cur;
    };
    ctx.setVariable = (name: string, value: unknown) => {
      const parts = name.split('.');
      let cur = ctx.variables;
      for (const p of parts.slice(0, -1)) cur = cur.get(p) as Struct;
      cur.set(parts[parts.length - 1]!, value);
    };
    const def = registry.get('structGet')!;
    expect(invokeBuiltin(def, ctx, ['x.y.z'])).toBe(8);
    const made = invokeBuiltin(def, ctx, ['a.b']);
    expect(made).toBeInstanceOf(Struct);
    expect((ctx.variables.get('a') as Struct).get('b')).toBe(made);
  });
});

describe('duplicate', () => {
  it('deep copies structs, arrays, dates and queries', () => {
    const d = new Date(2024, 0, 5);
    const q = new Query(['id']);
    q.addRows(1);
    q.setCell('id', 1, 1);
    const src = S({ foo: 'Lorem', list: [1, S({ deep: true })], when: d, q });
    const copy = fn('duplicate', src) as Struct;
    (copy.get('list') as unknown[])[0] = 99;
    ((copy.get('list') as unknown[])[1] as Struct).set('deep', false);
    (copy.get('q') as Query).setCell('id', 2, 1);
    expect((src.get('list') as unknown[])[0]).toBe(1);
    expect(((src.get('list') as unknown[])[1] as Struct).get('deep')).toBe(true);
    expect(copy.get('when')).not.toBe(d);
    expect((copy.get('when') as Date).getTime()).toBe(d.getTime());
    expect(q.getCell('id', 1)).toBe(1);
  });

  it('keeps cycles and shares nested values when deepcopy is false', () => {
    const s = S({ a: 1 });
    s.set('self', s);
    const c = fn('duplicate', s) as Struct;
    expect(c.get('self')).toBe(c);
    const inner = [1];
    const shallow = fn('duplicate', S({ inner }), false) as Struct;
    expect(shallow.get('inner')).toBe(inner);
    expect(fn('duplicate', 'text')).toBe('text');
  });
});
