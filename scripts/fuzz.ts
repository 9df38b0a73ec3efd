/**
 * npm run fuzz: 100,000 fuzz inputs (test/fuzz/inputs.ts: mutated golden pages, token soups,
 * hostile built-in calls) through Engine.renderString on the built package, in worker threads
 * (test/fuzz/pool.ts). Prints the counts by outcome and every crash, hang, JS error or JS text
 * reaching the output, each with its input; exits 1 when there is any.
 * Options: FUZZ_RUNS (default 100000), FUZZ_SEED (default: the time), FUZZ_WORKERS (default 2).
 */
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RenderPool, isFailure, type Outcome } from '../test/fuzz/pool.js';
import { fuzzInput } from '../test/fuzz/inputs.js';

const runs = Number(process.env.FUZZ_RUNS ?? 100_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const workers = Number(process.env.FUZZ_WORKERS ?? 2);
const inputs = fc.sample(fuzzInput, { numRuns: runs, seed });
const pool = new RenderPool(workers);
const counts: Record<string, number> = {};
const failures: { outcome: Outcome; source: string }[] = [];
const t0 = Date.now();
let next = 0;
let done = 0;

async function lane(): Promise<void> {
  while (next < inputs.length) {
    const source = inputs[next++]!;
    const o = await pool.run(source);
    counts[o.kind] = (counts[o.kind] ?? 0) + 1;
    if (isFailure(o)) failures.push({ outcome: o, source });
    if (++done % 5000 === 0) process.stderr.write(`${done}/${runs} in ${((Date.now() - t0) / 1000).toFixed(0)} s, ${failures.length} failures\n`);
  }
}
await Promise.all(Array.from({ length: workers }, lane));
await pool.close();

const secs = (Date.now() - t0) / 1000;
console.log(`fuzz: ${runs} inputs, seed ${seed}, ${workers} workers, ${secs.toFixed(0)} s (${(runs / secs).toFixed(0)} inputs/s)`);
console.log(`outcomes: ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log(`crashes: ${counts.crash ?? 0}, hangs: ${counts.hang ?? 0}, JS errors: ${counts['js-error'] ?? 0}, JS text in output: ${counts.leak ?? 0}`);
if (failures.length) {
  const file = path.join(os.tmpdir(), `cfml-fuzz-failures-${seed}.json`);
  fs.writeFileSync(file, JSON.stringify(failures, null, 1));
  // one line per distinct message, with the shortest input that gave it
  const byMessage = new Map<string, string>();
  for (const f of failures) {
    const key = `${f.outcome.kind}: ${'message' in f.outcome ? f.outcome.message : ''}`;
    const seen = byMessage.get(key);
    if (seen === undefined || f.source.length < seen.length) byMessage.set(key, f.source);
  }
  for (const [msg, src] of byMessage) console.log(`\n${msg}\n  input: ${JSON.stringify(src.slice(0, 500))}`);
  console.log(`\nall failures with their inputs: ${file}`);
  process.exitCode = 1;
}
