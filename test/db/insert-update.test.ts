/** <cfinsert> and <cfupdate> on SQLite: columns from form fields, bound as parameters. */
import { afterAll, describe, expect, it } from 'vitest';
import { Engine, CfmlError } from '../../src/index.js';

const engine = new Engine({ datasources: { main: { driver: 'sqlite', database: ':memory:' } }, datasource: 'main' });
afterAll(() => engine.close());

const render = (src: string, form?: Record<string, unknown>) => engine.renderString(src, { form });
const rows = async () => render('<cfquery name="q">SELECT id, name, age, born, note FROM people ORDER BY id</cfquery><cfoutput><cfloop query="q">#id#:#name#:#age#:#dateFormat(born, "yyyy-mm-dd")#:#note#;</cfloop></cfoutput>');

describe('cfinsert / cfupdate (SQLite)', () => {
  it('inserts the form fields that name columns, ignoring others, FIELDNAMES and validation fields', async () => {
    await render('<cfquery>CREATE TABLE people (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL, age INTEGER, born DATE, note TEXT)</cfquery>');
    await render('<cfinsert tablename="people">', { id: 1, name: "O'Brien'); DROP TABLE people; --", age: '36', born: '1990-02-03', extra: 'x', fieldnames: 'ID,NAME,AGE,BORN,EXTRA', name_required: 'Name!' });
    await render('<cfinsert datasource="main" tablename="people" formfields="name,age">', { id: 99, name: 'Bob', age: '', note: 'not listed' });
    expect(await rows()).toBe("1:O'Brien'); DROP TABLE people; --:36:1990-02-03:;2:Bob:::;");
  });

  it('updates the row the primary key names, only the fields given', async () => {
    await render('<cfupdate tablename="people">', { id: '2', age: '41', note: 'hi' });
    await render('<cfupdate tablename="PEOPLE" formfields="id,name">', { id: '1', name: 'Ada', age: '1' });
    expect(await rows()).toBe('1:Ada:36:1990-02-03:;2:Bob:41::hi;');
  });

  it('gives clear errors', async () => {
    const err = async (src: string, form: Record<string, unknown>) => {
      try {
        await render(src, form);
      } catch (e) {
        expect(e).toBeInstanceOf(CfmlError);
        return (e as CfmlError).message;
      }
      throw new Error('no error');
    };
    expect(await err('<cfupdate tablename="people">', { name: 'x' })).toContain('primary key column [id]');
    expect(await err('<cfinsert tablename="nope">', { name: 'x' })).toContain('table [nope] not found');
    expect(await err('<cfinsert tablename="people; DROP TABLE x">', { name: 'x' })).toContain('invalid table name');
    expect(await err('<cfinsert tablename="people">', { other: 'x' })).toContain('no form field names a column');
    expect(await err('<cfinsert tablename="people">', { id: 'abc', name: 'x' })).toMatch(/abc/);
    await render('<cfquery>CREATE TABLE nokey (a INTEGER, b TEXT)</cfquery>');
    expect(await err('<cfupdate tablename="nokey">', { a: 1, b: 'x' })).toContain('has no primary key');
  });
});
