/**
 * The same golden pages on SQLite, a real PostgreSQL and a real MariaDB (started by the test in a
 * temp dir on 127.0.0.1, see test/support/databases.ts): each page gets an empty database of its
 * own and must print exactly its .out file on all three.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Engine } from '../../src/index.js';
import { startMariadb, startPostgres, type DbServer } from '../support/databases.js';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'pages');
const pages = readdirSync(dir).filter((f) => f.endsWith('.cfm')).sort();
const servers: Partial<Record<'postgresql' | 'mysql', DbServer>> = {};
let dbCount = 0;

beforeAll(async () => {
  const [pg, my] = await Promise.all([startPostgres(), startMariadb()]);
  servers.postgresql = pg;
  servers.mysql = my;
}, 180_000);

afterAll(async () => {
  await Promise.all(Object.values(servers).map((s) => s?.stop()));
}, 60_000);

/** A datasource on a fresh empty database of the driver. */
async function datasourceFor(driver: 'sqlite' | 'postgresql' | 'mysql') {
  if (driver === 'sqlite') return { driver: 'sqlite', database: ':memory:' };
  const s = servers[driver]!;
  const database = await s.createDatabase(`golden_${++dbCount}_${process.pid}`);
  return { driver, host: s.host, port: s.port, database, username: s.username, password: s.password };
}

for (const driver of ['sqlite', 'postgresql', 'mysql'] as const) {
  describe(`database golden pages on ${driver}`, () => {
    for (const page of pages) {
      it(page, async () => {
        const engine = new Engine({ datasources: { main: await datasourceFor(driver) }, datasource: 'main' });
        try {
          const out = await engine.renderFile(path.join(dir, page));
          const expectedFile = path.join(dir, page.replace(/\.cfm$/, '.out'));
          if (process.env.UPDATE_GOLDEN && driver === 'sqlite') writeFileSync(expectedFile, out);
          expect(out).toBe(readFileSync(expectedFile, 'utf8'));
        } finally {
          await engine.close();
        }
      });
    }
  });
}

describe('PostgreSQL and MariaDB specifics', () => {
  const engineOn = async (driver: 'postgresql' | 'mysql', extra: Record<string, unknown> = {}) =>
    new Engine({ datasources: { main: { ...(await datasourceFor(driver)), ...extra } }, datasource: 'main' });

  for (const driver of ['postgresql', 'mysql'] as const) {
    it(`${driver}: generated keys in result`, async () => {
      const e = await engineOn(driver);
      try {
        const ddl = driver === 'postgresql' ? 'id SERIAL PRIMARY KEY' : 'id INTEGER AUTO_INCREMENT PRIMARY KEY';
        const out = await e.renderString(`<cfsetting enablecfoutputonly="true">
<cfquery>CREATE TABLE t (${ddl}, v VARCHAR(5))</cfquery>
<cfquery result="r">INSERT INTO t (v) VALUES (<cfqueryparam value="a">)</cfquery>
<cfquery result="r">INSERT INTO t (v) VALUES (<cfqueryparam value="b">)</cfquery>
<cfquery name="q">SELECT COUNT(*) AS n FROM t</cfquery>
<cfoutput>#r.generatedKey# #r.recordCount# #q.n#</cfoutput>`);
        expect(out.trim()).toBe('2 1 2');
      } finally {
        await e.close();
      }
    });

    it(`${driver}: a wrong password is a Database error that does not show the password`, async () => {
      const secret = 'Sup3r-Secret-Pw';
      const e = await engineOn(driver, { password: secret });
      try {
        const out = await e.renderString('<cftry><cfquery name="q">SELECT 1 AS x</cfquery><cfcatch type="database"><cfoutput>#cfcatch.type#|#cfcatch.message#</cfoutput><cfdump var="#cfcatch#"></cfcatch></cftry>');
        expect(out.startsWith('Database|')).toBe(true);
        expect(out).not.toContain(secret);
        const err = await e.renderString('<cfquery name="q">SELECT 1 AS x</cfquery>').then(() => null, (x: unknown) => x);
        expect(e.formatError(err)).not.toContain(secret);
      } finally {
        await e.close();
      }
    });

    it(`${driver}: a query that waits cannot be the condition of an if (clear, located error)`, async () => {
      const e = await engineOn(driver);
      try {
        await expect(e.renderString('\n<cfif queryExecute("SELECT 1 AS x").x eq 1>yes</cfif>')).rejects.toMatchObject({ loc: { line: 2 } });
        // assigned first, it works
        expect(await e.renderString('<cfset q = queryExecute("SELECT 1 AS x")><cfif q.x eq 1>yes</cfif>')).toBe('yes');
      } finally {
        await e.close();
      }
    });
  }

  it('postgresql: the pool keeps to connectionLimit, and engine.close() ends its connections', async () => {
    const s = servers.postgresql!;
    const pg = (await import('pg')).default;
    const monitor = new pg.Client({ host: s.host, port: s.port, user: s.username, password: s.password, database: 'postgres' });
    await monitor.connect();
    try {
      const e = await engineOn('postgresql', { connectionLimit: 2 });
      const db = (await monitor.query("SELECT datname FROM pg_database WHERE datname LIKE 'golden_%' ORDER BY oid DESC LIMIT 1")).rows[0].datname as string;
      const count = async () => Number((await monitor.query('SELECT COUNT(*) AS n FROM pg_stat_activity WHERE datname = $1', [db])).rows[0].n);
      // four renders at once, each holding a connection for half a second; a monitor counts them
      const renders = Promise.all([1, 2, 3, 4].map(() => e.renderString('<cfquery name="q">SELECT pg_sleep(0.5) AS s</cfquery>')));
      let most = 0;
      let done = false;
      void renders.finally(() => (done = true));
      while (!done) {
        most = Math.max(most, await count());
        await new Promise((r) => setTimeout(r, 50));
      }
      await renders;
      expect(most).toBe(2);
      expect(await count()).toBeGreaterThan(0);
      await e.close();
      // the server notices the ends within a moment
      for (let i = 0; i < 50 && (await count()) > 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(await count()).toBe(0);
    } finally {
      await monitor.end();
    }
  });
});
