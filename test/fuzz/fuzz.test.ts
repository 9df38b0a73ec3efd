/**
 * Fuzz test (issue 8): a few thousand inputs (mutated golden pages, token soups, hostile calls)
 * rendered through Engine.renderString in worker threads. Fails on any error that is not a CFML
 * error, a JS message reaching the user, a hang past the render timeout, or a dead worker (what
 * would end a server process). `npm run fuzz` runs the same with 100,000 inputs.
 */
import { describe, it, beforeAll, afterAll, expect } from 'vitest';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RenderPool, isFailure } from './pool.js';
import { fuzzInput, goldenPages } from './inputs.js';

const root = path.resolve(import.meta.dirname, '../..');
let pool: RenderPool;

beforeAll(() => {
  if (!fs.existsSync(path.join(root, 'dist/index.js'))) {
    const b = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('npm run build failed');
  }
  // one worker: the suite shares the machine (npm run fuzz uses two)
  pool = new RenderPool(1);
}, 120_000);
afterAll(() => pool?.close());

describe('fuzz', () => {
  it('has golden pages to mutate', () => expect(goldenPages.length).toBeGreaterThan(50));

  it('the pool sees crashes and hangs (the checks can fail)', async () => {
    // a worker heap smaller than what a[10000000] = 1 fills with nulls (80 MB): a crash
    const small = new RenderPool(1, { heapMb: 32 });
    // an answer awaited for less than the engine's own time limit: a hang
    const impatient = new RenderPool(1, { timeoutSeconds: 30, hangMs: 1500 });
    try {
      expect(await small.run('<cfoutput>#1+1#</cfoutput>')).toMatchObject({ kind: 'ok' });
      expect(await small.run('<cfset x = y>')).toMatchObject({ kind: 'cfml', type: 'Expression' });
      expect(await small.run('<cfset a = []><cfset a[10000000] = 1>')).toMatchObject({ kind: 'crash' });
      expect(await small.run('<cfoutput>#2+2#</cfoutput>')).toMatchObject({ kind: 'ok' }); // a fresh worker
      expect(await impatient.run('<cfloop condition="true"></cfloop>')).toMatchObject({ kind: 'hang' });
    } finally {
      await Promise.all([small.close(), impatient.close()]);
    }
  }, 60_000);

  it('no input ends the worker, hangs it or shows a JS error', async () => {
    await fc.assert(
      fc.asyncProperty(fuzzInput, async (source) => {
        const o = await pool.run(source);
        if (isFailure(o)) throw new Error(`${o.kind}: ${o.message}`);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 1500), seed: Number(process.env.FUZZ_SEED ?? 8), endOnFailure: true },
    );
  }, 600_000);
});
