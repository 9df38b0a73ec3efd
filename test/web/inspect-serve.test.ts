/**
 * The HTTP handler under EngineOptions.inspectTemplates: found pages' path resolutions are reused
 * (never misses), an edited page is served fresh by the next request under "once" and "always",
 * not under "never" (cfml serve --production), and a page added after a 404 is found at once.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSite, type Site } from '../support/web-site.js';
import type { InspectTemplates } from '../../src/index.js';

let site: Site | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

/** Rewrites a page with a clearly later modification time. */
function rewrite(file: string, text: string): void {
  fs.writeFileSync(file, text);
  const t = new Date(Date.now() + 20_000);
  fs.utimesSync(file, t, t);
}

async function run(mode: InspectTemplates): Promise<string[]> {
  site = await startSite({ 'page.cfm': 'one' }, { engineOptions: { inspectTemplates: mode } });
  const get = async (p: string) => {
    const r = await fetch(site!.base + p);
    return `${r.status}:${await r.text()}`;
  };
  const out = [await get('/page.cfm'), await get('/late.cfm')];
  rewrite(path.join(site.root, 'page.cfm'), 'two');
  fs.writeFileSync(path.join(site.root, 'late.cfm'), 'late');
  out.push(await get('/page.cfm'), await get('/late.cfm'));
  return out;
}

describe('serving under inspectTemplates', () => {
  it('"once": the next request sees the edit; a page added after a 404 is found', async () => {
    expect(await run('once')).toEqual(['200:one', '404:Not Found', '200:two', '200:late']);
  });

  it('"always": the same', async () => {
    expect(await run('always')).toEqual(['200:one', '404:Not Found', '200:two', '200:late']);
  });

  it('"never" (cfml serve --production): the loaded page is kept; a new page is still found', async () => {
    expect(await run('never')).toEqual(['200:one', '404:Not Found', '200:one', '200:late']);
  });
});
