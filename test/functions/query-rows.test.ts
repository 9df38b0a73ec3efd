/** querySetRow, queryAppend/Prepend, queryReverse, queryRowSwap, queryRenameColumn, queryToStruct, q.valueList(), q.getColumnCount() (Lucee's rules). */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/index.js';

const render = (src: string) => new Engine({ logger: () => {} }).renderString(`<cfscript>${src}</cfscript>`);
const fruit = `q = queryNew("fruit,qty", "varchar,integer", [["apple", 3], ["pear", 5], ["plum", 7]]);`;

describe('querySetRow', () => {
  it('sets a row from an array by column position, ignoring extra values', async () => {
    expect(await render(`${fruit} querySetRow(q, 2, ["fig", 9, "extra"]); writeOutput(q.valueList("fruit") & "/" & q.valueList("qty"));`)).toBe('apple,fig,plum/3,9,7');
  });
  it('sets the named columns of a struct and leaves the others', async () => {
    expect(await render(`${fruit} querySetRow(query = q, row = 3, data = {qty: 0}); writeOutput(q.valueList("fruit") & "/" & q.valueList("qty"));`)).toBe('apple,pear,plum/3,5,0');
  });
  it('without a row number it adds a row', async () => {
    expect(await render(`${fruit} r = q.setRow({fruit: "kiwi", qty: 1}); writeOutput(r & ":" & q.recordCount & ":" & q.fruit[4]);`)).toBe('true:4:kiwi');
  });
  it('a row past the end is an error', async () => {
    expect(await render(`${fruit} try { querySetRow(q, 9, ["x"]); } catch (any e) { writeOutput(e.message contains "rowNumber"); }`)).toBe('true');
  });
});

describe('queryAppend / queryPrepend', () => {
  const other = `o = queryNew("qty,fruit", "integer,varchar", [[1, "date"]]);`;
  it('add the rows of the second query to the first, which is changed', async () => {
    expect(await render(`${fruit} ${other} r = queryAppend(q, o); writeOutput(q.valueList("fruit") & "|" & r.recordCount);`)).toBe('apple,pear,plum,date|4');
    expect(await render(`${fruit} ${other} q.prepend(o); writeOutput(q.valueList("fruit") & "|" & q.valueList("qty"));`)).toBe('date,apple,pear,plum|1,3,5,7');
  });
  it('refuse queries with different columns', async () => {
    expect(await render(`${fruit} o = queryNew("fruit,price"); try { queryAppend(q, o); } catch (any e) { writeOutput(e.message contains "do not match"); }`)).toBe('true');
  });
});

describe('queryReverse / queryRowSwap / queryRenameColumn', () => {
  it('queryReverse returns a new query, the source stays', async () => {
    expect(await render(`${fruit} r = queryReverse(q); writeOutput(r.valueList("fruit") & "|" & q.valueList("fruit"));`)).toBe('plum,pear,apple|apple,pear,plum');
  });
  it('queryRowSwap swaps in place and checks its rows', async () => {
    expect(await render(`${fruit} q.rowSwap(1, 3); writeOutput(q.valueList("fruit") & "|" & q.valueList("qty"));`)).toBe('plum,pear,apple|7,5,3');
    expect(await render(`${fruit} try { queryRowSwap(q, 0, 1); } catch (any e) { writeOutput(e.message contains "source"); }`)).toBe('true');
  });
  it('queryRenameColumn keeps the place and values of the column', async () => {
    expect(await render(`${fruit} queryRenameColumn(q, "FRUIT", "name"); q.renameColumn("qty", "count"); writeOutput(queryColumnArray(q).toList() & "|" & q.name[2] & q.count[2]);`)).toBe('name,count|pear5');
    expect(await render(`${fruit} try { queryRenameColumn(q, "fruit", "qty"); } catch (any e) { writeOutput("taken"); }`)).toBe('taken');
  });
});

describe('queryToStruct / valueList / getColumnCount', () => {
  it('keys the rows by a column, or gives their row numbers', async () => {
    expect(await render(`${fruit} s = queryToStruct(q, "fruit"); writeOutput(structKeyList(s) & "|" & s.pear.qty);`)).toBe('apple,pear,plum|5');
    expect(await render(`${fruit} s = q.toStruct("fruit", "ordered", true); writeOutput(s.plum);`)).toBe('3');
  });
  it('q.valueList(column, delimiter) and q.getColumnCount()', async () => {
    expect(await render(`${fruit} writeOutput(q.valueList("qty", ";") & "|" & q.getColumnCount());`)).toBe('3;5;7|2');
  });
});
