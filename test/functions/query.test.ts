import { describe, expect, it } from 'vitest';
import { fn, jsFn, makeCtx, member, registry } from '../support/fn-harness.js';
import { invokeBuiltin } from '../../src/runtime/functions/invoke.js';
import { Struct } from '../../src/runtime/struct.js';
import { Query, QueryColumnRef } from '../../src/runtime/query.js';

const S = (o: Record<string, unknown>) => Struct.from(o);
const news = () =>
  fn('queryNew', 'id,title', 'integer,varchar', [S({ id: 1, title: 'Dewey defeats Truman' }), S({ id: 2, title: 'Man walks on Moon' })]) as Query;

describe('queryNew', () => {
  it('builds columns with types and no rows', () => {
    const q = fn('queryNew', 'ID, name ,age') as Query;
    expect(q.columns).toEqual(['ID', 'name', 'age']);
    expect(q.recordCount).toBe(0);
    expect((fn('queryNew', 'a', 'integer') as Query).types.get('a')).toBe('integer');
    expect((fn('queryNew', '') as Query).columns).toEqual([]);
  });

  it('takes an array of structs, an array of arrays or a single struct', () => {
    const q1 = news();
    expect(q1.recordCount).toBe(2);
    expect(q1.getCell('title', 2)).toBe('Man walks on Moon');
    const q2 = fn('queryNew', 'id,name', 'integer,varchar', [[1, 'Rajesh'], [2, 'Anil']]) as Query;
    expect(q2.getCell('name', 2)).toBe('Anil');
    const q3 = fn('queryNew', 'id,name', '', S({ id: 7, name: 'x' })) as Query;
    expect(q3.recordCount).toBe(1);
    expect(q3.getCell('id', 1)).toBe(7);
  });

  it('rejects mismatched types, unknown columns and duplicates', () => {
    expect(() => fn('queryNew', 'a,b', 'integer')).toThrow(/type list has 1 types but there are 2 columns/);
    expect(() => fn('queryNew', 'a', '', [S({ b: 1 })])).toThrow(/column \[b\] doesn't exist/);
    expect(() => fn('queryNew', 'a,A')).toThrow(/listed twice/);
  });
});

describe('rows and cells', () => {
  it('queryAddRow adds empty rows and returns the row count', () => {
    const q = fn('queryNew', 'a') as Query;
    expect(fn('queryAddRow', q)).toBe(1);
    expect(fn('queryAddRow', q, 3)).toBe(4);
    expect(q.getCell('a', 4)).toBe('');
    expect(() => fn('queryAddRow', q, -1)).toThrow(/invalid number of rows/);
  });

  it('queryAddRow takes structs and arrays of structs; the member form returns the query', () => {
    const q = fn('queryNew', 'id,type') as Query;
    expect(fn('queryAddRow', q, S({ id: 1, type: 'book' }))).toBe(1);
    expect(fn('queryAddRow', q, [S({ id: 2, type: 'book' }), S({ id: 3, type: 'film' })])).toBe(3);
    expect(member('query', 'addRow', q)).toBe(q);
    expect(q.recordCount).toBe(4);
  });

  it('querySetCell defaults to the last row; queryGetCell too', () => {
    const q = fn('queryNew', 'name') as Query;
    fn('queryAddRow', q, 2);
    expect(fn('querySetCell', q, 'name', 'last')).toBe(true);
    fn('querySetCell', q, 'NAME', 'first', 1);
    expect(fn('queryGetCell', q, 'name')).toBe('last');
    expect(member('query', 'getCell', q, 'name', 1)).toBe('first');
    expect(() => fn('querySetCell', q, 'name', 'x', 3)).toThrow(/invalid row \[3\]/);
    expect(() => fn('querySetCell', q, 'nope', 'x')).toThrow(/column \[nope\] doesn't exist/);
    expect(() => fn('querySetCell', fn('queryNew', 'a'), 'a', 1)).toThrow(/no rows/);
  });

  it('queryAddColumn with values (pads rows) and returns the column count', () => {
    const q = news();
    expect(fn('queryAddColumn', q, 'score', 'integer', [5, 6, 7])).toBe(3);
    expect(q.recordCount).toBe(3);
    expect(q.getCell('title', 3)).toBe('');
    expect(fn('queryAddColumn', q, 'tags', ['x'])).toBe(4);
    expect(q.getCell('tags', 2)).toBe('');
    expect(() => fn('queryAddColumn', q, 'ID', [])).toThrow(/already exists/);
  });

  it('queryDeleteColumn and queryDeleteRow', () => {
    const q = news();
    expect(fn('queryDeleteColumn', q, 'ID')).toEqual([1, 2]);
    expect(q.columnList).toBe('title');
    expect(q.hasColumn('id')).toBe(false);
    const q2 = news();
    expect(fn('queryDeleteRow', q2)).toBe(true);
    expect(q2.recordCount).toBe(1);
    expect(q2.getCell('title', 1)).toBe('Dewey defeats Truman');
    const q3 = news();
    fn('queryDeleteRow', q3, 1);
    expect(q3.getCell('title', 1)).toBe('Man walks on Moon');
    expect(() => fn('queryDeleteRow', q3, 5)).toThrow(/invalid row \[5\]/);
  });

  it('queryGetRow / queryRowData return a struct of the row', () => {
    const q = news();
    const row = fn('queryGetRow', q, 1) as Struct;
    expect(row.toObject()).toEqual({ id: 1, title: 'Dewey defeats Truman' });
    expect((member('query', 'getRow', q, 2) as Struct).get('ID')).toBe(2);
    expect(fn('queryRowData', q, 2, 'array')).toEqual([2, 'Man walks on Moon']);
    expect(() => fn('queryGetRow', q, 0)).toThrow(/invalid row \[0\]/);
  });

  it('column helpers', () => {
    const q = fn('queryNew', 'ID,name,age') as Query;
    expect(fn('queryColumnExists', q, 'id')).toBe(true);
    expect(fn('queryColumnExists', q, 'gender')).toBe(false);
    expect(member('query', 'keyExists', q, 'NAME')).toBe(true);
    expect(fn('queryColumnList', q)).toBe('ID,name,age');
    expect(member('query', 'columnList', q, '|')).toBe('ID|name|age');
    expect(fn('queryColumnArray', q)).toEqual(['ID', 'name', 'age']);
    expect(fn('queryColumnCount', q)).toBe(3);
    expect(fn('queryRecordCount', news())).toBe(2);
    expect(member('query', 'recordCount', q)).toBe(0);
    expect(fn('queryCurrentRow', q)).toBe(1);
    expect(fn('queryIsEmpty', q)).toBe(true);
  });

  it('queryColumnData returns a copy, optionally mapped', () => {
    const q = news();
    const ids = fn('queryColumnData', q, 'id') as unknown[];
    ids.push(99);
    expect(q.recordCount).toBe(2);
    expect(member('query', 'columnData', q, 'id', jsFn((v: number) => v * 10))).toEqual([10, 20]);
  });

  it('queryClear empties the rows, keeps the columns', () => {
    const q = news();
    fn('queryClear', q);
    expect(q.recordCount).toBe(0);
    expect(q.columns).toEqual(['id', 'title']);
    expect(fn('queryAddRow', q)).toBe(1);
  });
});

describe('valueList', () => {
  it('joins a column reference', () => {
    const q = news();
    expect(fn('valueList', new QueryColumnRef(q, 'id'))).toBe('1,2');
    expect(fn('valueList', new QueryColumnRef(q, 'title'), ', ')).toBe('Dewey defeats Truman, Man walks on Moon');
    expect(fn('quotedValueList', new QueryColumnRef(q, 'id'))).toBe("'1','2'");
    expect(fn('quotedValueList', new QueryColumnRef(q, 'id'), ';')).toBe("'1';'2'");
    expect(fn('valueList', new QueryColumnRef(fn('queryNew', 'a') as Query, 'a'))).toBe('');
  });

  it('accepts a "query.column" name string, rejects other values', () => {
    const ctx = makeCtx();
    ctx.variables.set('news', news());
    expect(invokeBuiltin(registry.get('valueList')!, ctx, ['news.id'])).toBe('1,2');
    expect(() => fn('valueList', 42)).toThrow(/must be a query column/);
  });
});

describe('query iteration', () => {
  const items = () =>
    fn('queryNew', 'id,type,title', 'integer,varchar,varchar', [
      S({ id: 1, type: 'book', title: 'Cloud Atlas' }),
      S({ id: 2, type: 'book', title: 'Lord of The Rings' }),
      S({ id: 3, type: 'film', title: 'Men in Black' }),
    ]) as Query;

  it('queryEach passes a row struct, the row number and the query, moving currentRow', () => {
    const q = items();
    const seen: string[] = [];
    const r = member(
      'query',
      'each',
      q,
      jsFn((row: Struct, n: number, qq: Query) => void seen.push(`${n}:${row.get('title')}:${qq.currentRow}`)),
    );
    expect(seen).toEqual(['1:Cloud Atlas:1', '2:Lord of The Rings:2', '3:Men in Black:3']);
    expect(r).toBe(q);
    expect(q.currentRow).toBe(1);
  });

  it('queryFilter returns a new query with the same columns and types', () => {
    const q = items();
    const books = fn('queryFilter', q, jsFn((row: Struct) => row.get('type') === 'book')) as Query;
    expect(fn('valueList', new QueryColumnRef(books, 'title'), ', ')).toBe('Cloud Atlas, Lord of The Rings');
    expect(books.types.get('id')).toBe('integer');
    expect(q.recordCount).toBe(3);
    const none = member('query', 'filter', q, jsFn(() => false)) as Query;
    expect(none.recordCount).toBe(0);
    expect(none.columns).toEqual(['id', 'type', 'title']);
  });

  it('queryMap builds rows from returned structs', () => {
    const q = items();
    const up = fn(
      'queryMap',
      q,
      jsFn((row: Struct) => {
        const r = new Struct();
        for (const [k, v] of row.entries()) r.set(k, typeof v === 'string' ? v.toUpperCase() : v);
        return r;
      }),
    ) as Query;
    expect(up.getCell('title', 3)).toBe('MEN IN BLACK');
    expect(() => fn('queryMap', q, jsFn(() => 'x'))).toThrow(/must return a struct/);
  });

  it('queryReduce, querySome, queryEvery', () => {
    const q = fn('queryNew', 'fruit,amount', 'varchar,integer', [
      S({ fruit: 'apples', amount: 15 }),
      S({ fruit: 'pineapples', amount: 3 }),
      S({ fruit: 'strawberries', amount: 32 }),
    ]) as Query;
    expect(fn('queryReduce', q, jsFn((acc: number, row: Struct) => acc + (row.get('amount') as number)), 0)).toBe(50);
    expect(fn('querySome', q, jsFn((row: Struct) => row.get('amount') === 3))).toBe(true);
    expect(fn('querySome', q, jsFn((row: Struct) => row.get('amount') === 4))).toBe(false);
    expect(fn('queryEvery', q, jsFn((row: Struct) => (row.get('amount') as number) > 2))).toBe(true);
    expect(fn('queryEvery', q, jsFn((row: Struct) => (row.get('amount') as number) > 3))).toBe(false);
  });

  it('querySlice', () => {
    const q = items();
    const s = fn('querySlice', q, 2) as Query;
    expect(s.recordCount).toBe(2);
    expect(s.getCell('id', 1)).toBe(2);
    expect((member('query', 'slice', q, -1) as Query).getCell('id', 1)).toBe(3);
    expect((fn('querySlice', q, 1, 1) as Query).recordCount).toBe(1);
    expect(() => fn('querySlice', q, 4)).toThrow(/invalid offset/);
    expect(() => fn('querySlice', q, 2, 5)).toThrow(/invalid length/);
  });
});

describe('querySort', () => {
  it('sorts by a column, numerically or as text, in place', () => {
    const q = fn('queryNew', 'n,name', '', [[10, 'b'], [9, 'C'], [100, 'a']]) as Query;
    expect(fn('querySort', q, 'n')).toBe(true);
    expect(q.column('n')).toEqual([9, 10, 100]);
    expect(q.column('name')).toEqual(['C', 'b', 'a']);
    fn('querySort', q, 'name', 'desc');
    expect(q.column('name')).toEqual(['C', 'b', 'a']);
    fn('querySort', q, 'name');
    expect(q.column('name')).toEqual(['a', 'b', 'C']);
  });

  it('sorts by several columns and by a closure', () => {
    const q = fn('queryNew', 'dept,name', '', [['x', 'b'], ['y', 'a'], ['x', 'a']]) as Query;
    fn('querySort', q, 'dept,name', 'asc,desc');
    expect(q.toRows().map((r) => `${r.dept}${r.name}`)).toEqual(['xb', 'xa', 'ya']);
    const r = member(
      'query',
      'sort',
      q,
      jsFn((a: Struct, b: Struct) => String(a.get('name')).localeCompare(String(b.get('name')))),
    );
    expect(r).toBe(q);
    expect(q.column('name')).toEqual(['a', 'a', 'b']);
    expect(() => fn('querySort', q, 'nope')).toThrow(/column \[nope\] doesn't exist/);
  });
});
