/**
 * Runs Lucee's own test suite (the spec components of lucee/Lucee's test/ directory) against
 * cfml-engine, through our LuceeTestCase base (scripts/conformance/lucee/).
 *
 *   npm run conformance:lucee -- DIR [--filter NAME] [--test NAME] [--json FILE] [--lucee DIR]
 *                                    [--timeout S] [--verbose]
 *
 * DIR is a directory of the suite ("functions", "test/tags", or an absolute path). Lucee's files
 * are read at run time, never copied into this project: from `--lucee DIR` (a checkout holding
 * test/), else exported from the git repository $LUCEE_REPO (default
 * /work/.mirror/lucee+Lucee/repo) into a temp dir per commit. --filter keeps the spec files whose
 * name contains NAME, --test the tests whose name contains it. Each file runs in a fresh Engine in
 * a child process with a time limit (--timeout, default 30 s), so a hang or a crash ends that file
 * only. Prints a line per file and per test that did not pass, the missing functions, and last
 * `lucee: P passed, F failed, S skipped`. Exits 0: it is a report.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { classify, SKIP_LABELS, type RawResult, type TestOutcome } from './lucee-classify.js';
import type { SpecJob } from './lucee-worker.js';
import { forkWorker } from './fork-worker.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Command-line options. */
export interface RunnerOptions {
  dir: string;
  filter?: string;
  test?: string;
  json?: string;
  lucee?: string;
  timeout: number;
  verbose: boolean;
}

/** The outcome of one spec file. */
export interface FileReport {
  file: string;
  /** 'ok' when the file ran to its end; otherwise why it stopped (parse error, timeout, crash). */
  status: 'ok' | 'error';
  error?: string;
  tests: TestOutcome[];
}

/** Totals over a run. */
export interface Totals {
  files: number;
  tests: number;
  passed: number;
  failed: number;
  skipped: number;
  missing: number;
}

function parseArgs(argv: string[]): RunnerOptions {
  const o: RunnerOptions = { dir: '', timeout: 30, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v!;
    };
    if (a === '--filter') o.filter = next();
    else if (a === '--test') o.test = next();
    else if (a === '--json') o.json = next();
    else if (a === '--lucee') o.lucee = next();
    else if (a === '--timeout') o.timeout = Number(next());
    else if (a === '--verbose' || a === '-v') o.verbose = true;
    else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else o.dir = a;
  }
  if (!o.dir) usage('DIR is required');
  return o;
}

function usage(msg: string): never {
  console.error(`${msg}\nusage: npm run conformance:lucee -- DIR [--filter NAME] [--test NAME] [--json FILE] [--lucee DIR] [--timeout S] [--verbose]`);
  process.exit(2);
}

/** The Lucee commit of the default repository, or undefined when it is not there. */
export function luceeCommit(repo = process.env.LUCEE_REPO ?? '/work/.mirror/lucee+Lucee/repo'): string | undefined {
  const r = spawnSync('git', ['-C', repo, 'rev-parse', 'HEAD'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/**
 * Exports the `test` tree of the Lucee repository at HEAD into a temp dir (once per commit) and
 * returns the directory holding `test/`. Blobs missing from a partial clone are left out.
 */
export function exportLucee(repo = process.env.LUCEE_REPO ?? '/work/.mirror/lucee+Lucee/repo'): string {
  const commit = luceeCommit(repo);
  if (!commit) throw new Error(`no Lucee repository at ${repo}: fetch lucee/Lucee or give --lucee DIR`);
  const dest = path.join(os.tmpdir(), `lucee-tests-${commit.slice(0, 12)}`);
  if (fs.existsSync(path.join(dest, '.complete'))) return dest;
  const tree = spawnSync('git', ['-C', repo, 'ls-tree', '-r', '-z', 'HEAD', '--', 'test'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (tree.status !== 0) throw new Error(`git ls-tree failed: ${tree.stderr}`);
  const entries = tree.stdout.split('\0').filter(Boolean).map((line) => {
    const [meta, file] = line.split('\t') as [string, string];
    const [, type, sha] = meta.split(' ') as [string, string, string];
    return { type, sha, file };
  }).filter((e) => e.type === 'blob');
  const batch = spawnSync('git', ['-C', repo, 'cat-file', '--batch'], { input: entries.map((e) => e.sha).join('\n') + '\n', maxBuffer: 1 << 30 });
  const out = batch.stdout;
  let pos = 0;
  for (const e of entries) {
    const nl = out.indexOf(10, pos);
    const header = out.subarray(pos, nl).toString('utf8');
    pos = nl + 1;
    if (header.endsWith(' missing')) continue;
    const size = Number(header.split(' ')[2]);
    const target = path.join(dest, e.file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, out.subarray(pos, pos + size));
    pos += size + 1;
  }
  fs.writeFileSync(path.join(dest, '.complete'), commit + '\n');
  return dest;
}

/** Spec components under `dir`: .cfc files extending LuceeTestCase, sorted by path. */
export function findSpecs(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.cfc$/i.test(e.name) && /extends\s*=\s*["']\s*org\.lucee\.cfml\.test\.LuceeTestCase/i.test(fs.readFileSync(p, 'utf8'))) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** Runs spec files one at a time in a child process, restarted after a time-out or a crash. */
export class SpecRunner {
  private child?: ChildProcess;
  private ready?: Promise<void>;
  private seq = 0;

  constructor(private readonly luceeTestRoot: string, private readonly timeout: number) {}

  private start(): Promise<void> {
    const { child, ready } = forkWorker(path.join(here, 'lucee-worker.ts'), os.tmpdir());
    this.child = child;
    return ready;
  }


  /** Runs one spec file; the results reported before a time-out or a crash are kept. */
  async run(file: string, filter: string): Promise<FileReport> {
    if (!this.child || this.child.exitCode !== null || this.child.killed) this.ready = this.start();
    await this.ready;
    const child = this.child!;
    const id = ++this.seq;
    const source = fs.readFileSync(file, 'utf8');
    const tests: TestOutcome[] = [];
    return new Promise((resolve) => {
      let finished = false;
      const finish = (error?: string) => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        child.off('message', onMsg);
        child.off('exit', onExit);
        if (error !== undefined) {
          // the file as one more test: failed, or missing/skipped when the error says so
          const outcome = classify({ suite: '', name: '(file)', status: 'fail', message: error }, source);
          tests.push(outcome);
        }
        resolve({ file, status: error === undefined ? 'ok' : 'error', error, tests });
      };
      const onMsg = (m: any) => {
        if (m?.id !== id) return;
        if (m.result) tests.push(classify(lowerKeys(m.result) as unknown as RawResult, source));
        else if (m.done) finish();
        else if (m.error !== undefined) finish(String(m.error));
      };
      const onExit = (code: number | null) => finish(`the worker exited (${code}) while running the file`);
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        finish(`timeout: the file did not finish in ${this.timeout} s`);
      }, (this.timeout + 5) * 1000);
      child.on('message', onMsg);
      child.once('exit', onExit);
      const job: SpecJob = { id, file, luceeTestRoot: this.luceeTestRoot, filter, skipLabels: SKIP_LABELS, timeout: this.timeout };
      child.send(job);
    });
  }

  close(): void {
    this.child?.kill();
  }
}

/** CFML struct keys may come upper-case (`{name: x}`): the result's keys as the runner reads them. */
function lowerKeys(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k.toLowerCase(), v]));
}

/** Totals of a list of file reports. */
export function totals(files: FileReport[]): Totals {
  const t: Totals = { files: files.length, tests: 0, passed: 0, failed: 0, skipped: 0, missing: 0 };
  for (const f of files) {
    for (const x of f.tests) {
      t.tests++;
      if (x.status === 'pass') t.passed++;
      else if (x.status === 'fail') t.failed++;
      else if (x.status === 'skip') t.skipped++;
      else t.missing++;
    }
  }
  return t;
}

function fileLine(f: FileReport, root: string): string {
  const t = totals([f]);
  const mark = t.failed ? 'FAIL' : t.missing ? 'MISS' : 'ok  ';
  return `${mark} ${path.relative(root, f.file)}: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped, ${t.missing} missing${f.error ? `  (${f.error})` : ''}`;
}

function testLine(x: TestOutcome): string {
  const name = (x.suite ? `${x.suite} > ` : '') + x.name;
  const where = x.line ? ` (line ${x.line})` : '';
  const sign = { pass: 'ok', fail: 'FAIL', skip: 'skip', missing: 'missing' }[x.status];
  return `    ${sign} ${name}${x.reason ? `: ${x.reason.replace(/\s+/g, ' ').slice(0, 300)}` : ''}${where}`;
}

/** The missing functions with the number of tests each one stopped, most first. */
export function missingCounts(files: FileReport[]): [string, number][] {
  const m = new Map<string, number>();
  for (const f of files) for (const x of f.tests) if (x.status === 'missing') m.set(x.reason!, (m.get(x.reason!) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Runs the suite directory and prints the report; returns the reports. */
export async function runLucee(o: RunnerOptions, print: (line: string) => void = console.log): Promise<{ files: FileReport[]; totals: Totals; root: string }> {
  const luceeRoot = o.lucee ? path.resolve(o.lucee) : exportLucee();
  const testRoot = path.join(luceeRoot, 'test');
  let dir = path.isAbsolute(o.dir) ? o.dir : path.join(luceeRoot, o.dir);
  if (!fs.existsSync(dir) && !path.isAbsolute(o.dir)) dir = path.join(testRoot, o.dir);
  if (!fs.existsSync(dir)) throw new Error(`no directory ${dir}`);
  let specs = findSpecs(dir);
  if (o.filter) specs = specs.filter((s) => path.basename(s).toLowerCase().includes(o.filter!.toLowerCase()));
  const runner = new SpecRunner(fs.existsSync(testRoot) ? testRoot : dir, o.timeout);
  const files: FileReport[] = [];
  try {
    for (const spec of specs) {
      const r = await runner.run(spec, o.test ?? '');
      files.push(r);
      print(fileLine(r, dir));
      for (const x of r.tests) if (o.verbose || x.status !== 'pass') print(testLine(x));
    }
  } finally {
    runner.close();
  }
  const t = totals(files);
  const missing = missingCounts(files);
  if (missing.length) print(`missing (${missing.length}): ${missing.map(([n, c]) => `${n} (${c})`).join(', ')}`);
  print(`files: ${t.files}, tests: ${t.tests}, missing: ${t.missing}`);
  print(`lucee: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`);
  if (o.json) {
    fs.writeFileSync(o.json, JSON.stringify({ luceeCommit: o.lucee ? undefined : luceeCommit(), dir: o.dir, totals: t, files: files.map((f) => ({ ...f, file: path.relative(dir, f.file) })) }, null, 1));
  }
  return { files, totals: t, root: dir };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  runLucee(parseArgs(process.argv.slice(2))).catch((e) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(2);
  });
}
