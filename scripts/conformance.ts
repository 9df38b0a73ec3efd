/**
 * Conformance report over the cfdocs examples (../shared/conformance/cfdocs/examples.jsonl).
 *
 *   npm run conformance [-- FILE] [--min-pass=PCT] [--min-expr-pass=PCT] [--timeout=MS]
 *                                 [--only=NAME] [--quiet]
 *
 * FILE is examples.jsonl or its directory (default: $CFDOCS_DIR, else ../shared/conformance/cfdocs
 * next to the repo). Each example is wrapped by the cfdocs rule, rendered with a fresh Engine in a
 * child process (TZ=UTC, per-example timeout) and compared by the cfdocs rules (compare.ts).
 * Prints pass/fail/skip per category, overall and for the bare expressions, then the failures.
 * Exits 0 (it is a report) unless a --min-pass threshold is missed.
 */
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareResult, wrapExample } from './conformance/compare.js';
import { CATEGORIES, categoryOf, type Category } from './conformance/categories.js';
import { loadSkips, matchSkip } from './conformance/skips.js';
import { forkWorker } from './conformance/fork-worker.js';

interface Example {
  name: string;
  kind: string;
  code: string;
  result: string;
}

type Outcome = { status: 'pass' } | { status: 'skip'; reason: string } | { status: 'fail'; got?: string; error?: string };

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');

function parseArgs(argv: string[]) {
  const opts = { file: undefined as string | undefined, minPass: undefined as number | undefined, minExprPass: undefined as number | undefined, timeout: 5000, only: undefined as string | undefined, quiet: false };
  for (const a of argv) {
    let m: RegExpMatchArray | null;
    if ((m = a.match(/^--min-pass=([\d.]+)$/))) opts.minPass = Number(m[1]);
    else if ((m = a.match(/^--min-expr-pass=([\d.]+)$/))) opts.minExprPass = Number(m[1]);
    else if ((m = a.match(/^--timeout=(\d+)$/))) opts.timeout = Number(m[1]);
    else if ((m = a.match(/^--only=(.+)$/))) opts.only = m[1]!.toLowerCase();
    else if (a === '--quiet') opts.quiet = true;
    else if (a.startsWith('--')) {
      console.error(`unknown option ${a}`);
      process.exit(2);
    } else opts.file = a;
  }
  return opts;
}

function resolveExamples(file: string | undefined): string {
  const base = file ?? process.env.CFDOCS_DIR ?? path.resolve(repo, '../shared/conformance/cfdocs');
  const p = path.resolve(base);
  return fs.existsSync(p) && fs.statSync(p).isDirectory() ? path.join(p, 'examples.jsonl') : p;
}

/** Renders examples in a child process, one at a time; restarts it after a timeout or a crash. */
class Runner {
  private child?: ChildProcess;
  private ready?: Promise<void>;
  private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfdocs-'));
  private seq = 0;

  constructor(private readonly timeout: number) {}

  private start(): Promise<void> {
    const { child, ready } = forkWorker(path.join(here, 'conformance', 'worker.ts'), this.dir);
    this.child = child;
    return ready;
  }

  async run(source: string): Promise<{ output?: string; error?: string }> {
    if (!this.child || this.child.exitCode !== null || this.child.killed) this.ready = this.start();
    await this.ready;
    const child = this.child!;
    const id = ++this.seq;
    return new Promise((resolve) => {
      let done = false;
      const finish = (r: { output?: string; error?: string }) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        child.off('message', onMsg);
        child.off('exit', onExit);
        resolve(r);
      };
      const onMsg = (m: any) => {
        if (m?.id === id) finish(m.error !== undefined ? { error: m.error } : { output: String(m.output) });
      };
      const onExit = (code: number | null) => finish({ error: `worker exited (${code}) while rendering` });
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        finish({ error: `timeout after ${this.timeout} ms` });
      }, this.timeout);
      child.on('message', onMsg);
      child.once('exit', onExit);
      child.send({ id, source });
    });
  }

  close(): void {
    this.child?.kill();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

interface Tally {
  pass: number;
  fail: number;
  skip: number;
}

const pct = (n: number, d: number) => (d === 0 ? '-' : ((100 * n) / d).toFixed(1) + '%');

function row(label: string, t: Tally): string {
  const total = t.pass + t.fail + t.skip;
  return `${label.padEnd(12)} ${String(total).padStart(5)} ${String(t.pass).padStart(5)} ${String(t.fail).padStart(5)} ${String(t.skip).padStart(5)}  ${pct(t.pass, total).padStart(7)}  ${pct(t.pass, t.pass + t.fail).padStart(7)}`;
}

function indent(s: string): string {
  return s.replace(/\n/g, '\n      ');
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const file = resolveExamples(opts.file);
  if (!fs.existsSync(file)) {
    console.log(`cfdocs conformance data not found at ${file}: nothing to run (set CFDOCS_DIR or pass FILE).`);
    return;
  }
  const examples: Example[] = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
  const skips = loadSkips(path.join(here, 'conformance', 'skip.json'));

  const runner = new Runner(opts.timeout);
  const byCat = new Map<Category, Tally>(CATEGORIES.map((c) => [c, { pass: 0, fail: 0, skip: 0 }]));
  const byForm = new Map<string, Tally>();
  const overall: Tally = { pass: 0, fail: 0, skip: 0 };
  const failures: string[] = [];
  const seen = new Map<string, number>();
  const usedSkips = new Set<number>();
  let ran = 0;

  for (const ex of examples) {
    const nth = (seen.get(ex.name) ?? 0) + 1;
    seen.set(ex.name, nth);
    if (opts.only && ex.name.toLowerCase() !== opts.only) continue;
    const { source, form } = wrapExample(ex.code);
    const skip = matchSkip(skips, ex.name, nth, ex.code);
    let outcome: Outcome;
    if (skip) {
      usedSkips.add(skip.index);
      outcome = { status: 'skip', reason: skip.entry.reason };
    } else {
      const r = await runner.run(source);
      ran++;
      if (r.error !== undefined) outcome = { status: 'fail', error: r.error };
      else outcome = compareResult(ex.result, r.output!).pass ? { status: 'pass' } : { status: 'fail', got: r.output! };
    }
    const tallies = [byCat.get(categoryOf(ex.name, ex.kind))!, overall];
    if (!byForm.has(form)) byForm.set(form, { pass: 0, fail: 0, skip: 0 });
    tallies.push(byForm.get(form)!);
    for (const t of tallies) t[outcome.status]++;
    if (outcome.status === 'fail') {
      const got = outcome.error !== undefined ? `error: ${outcome.error}` : `got:      ${indent(JSON.stringify(outcome.got!.trim()))}`;
      failures.push(
        `- ${ex.name} #${nth} [${form}]\n    code:     ${indent(ex.code)}\n    expected: ${indent(JSON.stringify(ex.result.trim()))}\n    ${got}`,
      );
    }
  }
  runner.close();

  const head = `${'category'.padEnd(12)} ${'total'.padStart(5)} ${'pass'.padStart(5)} ${'fail'.padStart(5)} ${'skip'.padStart(5)}  ${'pass%'.padStart(7)}  ${'of run'.padStart(7)}`;
  console.log(`cfdocs conformance: ${file}`);
  console.log(`${examples.length} examples, ${ran} rendered, ${skips.length} skip entries, timeout ${opts.timeout} ms, TZ=UTC\n`);
  if (!opts.quiet && failures.length) {
    console.log(`Failures (${failures.length}):`);
    console.log(failures.join('\n'));
    console.log('');
  }
  console.log(head);
  for (const c of CATEGORIES) {
    const t = byCat.get(c)!;
    if (t.pass + t.fail + t.skip) console.log(row(c, t));
  }
  console.log('-'.repeat(head.length));
  console.log(row('overall', overall));
  console.log('');
  console.log(head.replace('category', 'form    '));
  for (const f of ['expression', 'script', 'template']) if (byForm.has(f)) console.log(row(f, byForm.get(f)!));

  const unused = skips.filter((_, i) => !usedSkips.has(i));
  if (!opts.only && unused.length) {
    console.log(`\nWarning: ${unused.length} skip entr${unused.length === 1 ? 'y matches' : 'ies match'} no example (stale name/nth/hash):`);
    for (const s of unused) console.log(`  ${s.name} #${s.nth}`);
  }

  const total = overall.pass + overall.fail + overall.skip;
  const expr = byForm.get('expression') ?? { pass: 0, fail: 0, skip: 0 };
  const exprTotal = expr.pass + expr.fail + expr.skip;
  let failed = false;
  if (opts.minPass !== undefined && (100 * overall.pass) / total < opts.minPass) {
    console.log(`\nFAIL: overall pass ${pct(overall.pass, total)} is under --min-pass=${opts.minPass}`);
    failed = true;
  }
  if (opts.minExprPass !== undefined && (100 * expr.pass) / exprTotal < opts.minExprPass) {
    console.log(`\nFAIL: expression pass ${pct(expr.pass, exprTotal)} is under --min-expr-pass=${opts.minExprPass}`);
    failed = true;
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
