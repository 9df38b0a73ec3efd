/** The database layer on embedded SQLite: loading, types, concurrency, configuration and errors. */
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Engine, CfmlError } from '../../src/index.js';
import { resolveDatasource } from '../../src/db/config.js';

const require = createRequire(import.meta.url);
const loaded = (pkg: string) => Object.keys(require.cache).some((k) => k.includes(`${path.sep}node_modules${path.sep}${pkg}${path.sep}`));

const memory = () => new Engine({ datasources: { main: { driver: 'sqlite', database: ':memory:' } }, datasource: 'main' });

describe('SQLite datasources', () => {
  it('loads no driver for pages without a datasource, and the SQLite one on the first query', async () => {
    const e = memory();
    expect(await e.renderString('<cfoutput>#1 + 1#</cfoutput>')).toBe('2');
    // the pg and mysql2 drivers are never needed here
    expect(loaded('pg')).toBe(false);
    expect(loaded('mysql2')).toBe(false);
    await e.renderString('<cfquery name="q">SELECT 1 AS x</cfquery>');
    expect(loaded('better-sqlite3')).toBe(true);
    expect(loaded('pg')).toBe(false);
    await e.close();
  });

  it('keeps column types for getMetadata and returns dates as date values', async () => {
    const e = memory();
    const out = await e.renderString(`<cfsetting enablecfoutputonly="true">
<cfquery>CREATE TABLE t (id INTEGER, name VARCHAR(20), born DATE, at TIMESTAMP, price NUMERIC(8,2), data BLOB)</cfquery>
<cfquery>INSERT INTO t VALUES (1, 'a', '2020-01-02', '2020-01-02 03:04:05', 1.5, <cfqueryparam value="#charsetDecode('hi', 'utf-8')#" cfsqltype="cf_sql_blob">)</cfquery>
<cfquery name="q">SELECT id, name, born, at, price, data, id + 1 AS calc FROM t</cfquery>
<cfoutput><cfloop array="#getMetadata(q)#" item="c">#c.name#=#c.typeName# </cfloop>
#isDate(q.born)# #dateTimeFormat(q.at, "yyyy-mm-dd HH:nn:ss")# #isBinary(q.data)# #charsetEncode(q.data, "utf-8")#</cfoutput>`);
    expect(out.trim()).toBe('id=INTEGER name=VARCHAR born=DATE at=TIMESTAMP price=NUMERIC data=BLOB calc=INTEGER \ntrue 2020-01-02 03:04:05 true hi');
    await e.close();
  });

  it('gives generated keys in result and an empty query as name for statements without rows', async () => {
    const e = memory();
    const out = await e.renderString(`<cfsetting enablecfoutputonly="true">
<cfquery>CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, v VARCHAR(5))</cfquery>
<cfquery name="ins" result="r">INSERT INTO t (v) VALUES ('a')</cfquery>
<cfquery name="ins" result="r">INSERT INTO t (v) VALUES ('b')</cfquery>
<cfoutput>#r.generatedKey# #r.rowid# #r.recordCount# #isQuery(ins)# #ins.recordCount#</cfoutput>`);
    expect(out.trim()).toBe('2 2 1 true 0');
    await e.close();
  });

  it('runs the same cfquery again with new values, a new #var# text, or a new number of list values', async () => {
    // each run of one cfquery as written reuses its split SQL while the text is the same: the
    // values, a changed #var# part and a list param of another length must all still be honoured
    const e = memory();
    const out = await e.renderString(`<cfsetting enablecfoutputonly="true">
<cfquery>CREATE TABLE t (id INTEGER, a VARCHAR(5), b VARCHAR(5))</cfquery>
<cfloop from="1" to="4" index="i"><cfquery>INSERT INTO t VALUES (<cfqueryparam value="#i#" cfsqltype="cf_sql_integer">, <cfqueryparam value="a#i#">, <cfqueryparam value="b#5 - i#">)</cfquery></cfloop>
<cfloop list="a,b,a" index="col"><cfquery name="q">SELECT id FROM t WHERE #col# = <cfqueryparam value="#col#2"> ORDER BY id</cfquery><cfoutput>#col#:#valueList(q.id)# </cfoutput></cfloop>
<cfloop list="1|1,2|1,2,3|4" index="ids" delimiters="|"><cfquery name="q">SELECT COUNT(*) AS n FROM t WHERE id IN (<cfqueryparam value="#ids#" cfsqltype="cf_sql_integer" list="true">)</cfquery><cfoutput>#q.n# </cfoutput></cfloop>
<cfloop from="1" to="2" index="k"><cfquery name="q">SELECT id FROM t WHERE id = <cfif k eq 1><cfqueryparam value="1" cfsqltype="cf_sql_integer"><cfelse>2 OR id = <cfqueryparam value="3" cfsqltype="cf_sql_integer"></cfif> ORDER BY id</cfquery><cfoutput>#valueList(q.id)# </cfoutput></cfloop>`);
    expect(out.trim()).toBe('a:2 b:3 a:2 1 2 3 1 1 2,3');
    await e.close();
  });

  it('never runs one render inside another render\'s transaction on the shared connection', async () => {
    // asyncTags makes every tag wait a tick, so the two renders interleave inside the transaction
    const e = new Engine({ datasources: { main: { driver: 'sqlite', database: ':memory:' } }, datasource: 'main', asyncTags: true });
    await e.renderString('<cfquery>CREATE TABLE t (id INTEGER)</cfquery>');
    const writer = e.renderString(`<cftry><cftransaction>
<cfquery>INSERT INTO t VALUES (1)</cfquery><cfset x = 1><cfset x = 2><cfthrow message="undo">
</cftransaction><cfcatch></cfcatch></cftry>`);
    const reader = e.renderString('<cfquery name="q">SELECT COUNT(*) AS n FROM t</cfquery><cfoutput>#q.n#</cfoutput>');
    const [, seen] = await Promise.all([writer, reader]);
    expect(seen.trim()).toBe('0');
    await e.close();
  });

  it('creates a SQLite file relative to the current directory, or to baseDir', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfml-sqlite-'));
    try {
      const ds = resolveDatasource('x', { database: 'app.db' }, dir);
      expect(ds.database).toBe(path.join(dir, 'app.db'));
      const e = new Engine({ datasources: { app: `sqlite:${path.join(dir, 'app.db')}` } });
      await e.renderString('<cfquery datasource="app">CREATE TABLE t (id INTEGER)</cfquery>');
      await e.close();
      expect(fs.existsSync(path.join(dir, 'app.db'))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads connection strings and Lucee key names', () => {
    const pg = resolveDatasource('a', 'postgresql://u:p%40ss@db.local:6543/app');
    expect([pg.driver, pg.host, pg.port, pg.database, pg.username, pg.password]).toEqual(['postgresql', 'db.local', 6543, 'app', 'u', 'p@ss']);
    const my = resolveDatasource('b', { class: 'org.mariadb.jdbc.Driver', connectionString: 'jdbc:mariadb://h:3307/shop', username: 'x', connectionLimit: 3 });
    expect([my.driver, my.host, my.port, my.database, my.username, my.connectionLimit]).toEqual(['mysql', 'h', 3307, 'shop', 'x', 3]);
    expect(pg.key).not.toContain('p@ss');
    expect(() => resolveDatasource('c', { driver: 'oracle', database: 'x' })).toThrow(/unknown driver \[oracle\]/);
  });

  it('fails clearly without a datasource, and catchably', async () => {
    const e = new Engine();
    await expect(e.renderString('<cfquery name="q">SELECT 1</cfquery>')).rejects.toThrow(/no datasource given and no default datasource is defined/);
    const out = await e.renderString('<cftry><cfquery name="q" datasource="x">SELECT 1</cfquery><cfcatch type="database"><cfoutput>#cfcatch.message#</cfoutput></cfcatch></cftry>');
    expect(out).toBe("datasource [x] doesn't exist");
  });

  it('is an error with a location, not a crash, when a query in a condition waits', async () => {
    const e = memory();
    const err = await e.renderString('<cfif queryExecute("SELECT 1 AS x").x eq 1>yes</cfif>').then(() => null, (x) => x);
    // SQLite answers at once, so this works; the async drivers give a located error instead (postgres.test.ts)
    expect(err).toBeNull();
    await e.close();
  });

  it('looks names up in the render\'s Application.cfc datasources first (the Ctx.appDatasources hook)', async () => {
    const e = new Engine({
      datasources: { main: { driver: 'sqlite', database: ':memory:' } },
      functions: [],
    });
    // what the Application.cfc code does: fill ctx.appDatasources before the page runs
    const tag = {
      name: 'setapp',
      run(call: { ctx: { appDatasources?: unknown } }) {
        call.ctx.appDatasources = { datasources: { other: 'sqlite::memory:' }, datasource: 'other' };
      },
    };
    e.registerTag(tag as never);
    const out = await e.renderString('<cfsetapp><cfquery name="q">SELECT 41 + 1 AS n</cfquery><cfoutput>#q.n#</cfoutput>');
    expect(out).toBe('42');
    await e.close();
  });

  it('puts Lucee\'s keys into cfcatch for a database error', async () => {
    const e = memory();
    try {
      await e.renderString('<cfquery>SELECT * FROM missing_table WHERE id = <cfqueryparam value="7" cfsqltype="cf_sql_integer"></cfquery>');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(CfmlError);
      const x = err as CfmlError;
      expect(x.type).toBe('Database');
      expect(x.extra).toMatchObject({ sql: 'SELECT * FROM missing_table WHERE id = ?', where: '(param 1) = [type=CF_SQL_INTEGER, value=7]', nativeErrorCode: 1, sqlState: 'HY000' });
      expect(x.loc?.line).toBe(1);
    }
    await e.close();
  });
});
