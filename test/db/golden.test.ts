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
