/** `cfml serve` run as a user runs it (dist/cfml.cjs in a child process), for the scaling tests and bench:scale. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { freePort } from './databases.js';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const CLI = path.join(REPO, 'dist/cfml.cjs');

export interface Served {
  proc: ChildProcess;
  base: string;
  port: number;
  /** Everything the server wrote to stderr so far. */
  stderr(): string;
  /** Pids of the worker processes now alive (children of the primary). */
  workers(): number[];
  /** Resolves with the exit code (the server is not stopped by this). */
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL after 30 s; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `cfml serve dir ...args` on a free port and waits until its health path answers 200. */
export async function startServe(dir: string, args: string[]): Promise<Served> {
  if (!fs.existsSync(CLI)) spawnSync('npm', ['run', 'build', '--silent'], { cwd: REPO, stdio: 'inherit' });
  const port = await freePort();
  const proc = spawn(process.execPath, [CLI, 'serve', dir, '--port', String(port), '--health', '/__health', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`cfml serve exited (${proc.exitCode}): ${err}`);
    if (Date.now() > until) throw new Error(`cfml serve did not become healthy: ${err}`);
    const ok = await fetch(base + '/__health').then((r) => r.status === 200, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    proc,
    base,
    port,
    stderr: () => err,
    workers: () => {
      const r = spawnSync('pgrep', ['-P', String(proc.pid)], { encoding: 'utf8' });
      return r.stdout.split('\n').filter(Boolean).map(Number);
    },
    exited,
    stop: async () => {
      if (proc.exitCode === null) {
        proc.kill('SIGTERM');
        const t = setTimeout(() => proc.kill('SIGKILL'), 30_000);
        const code = await exited;
        clearTimeout(t);
        return code;
      }
      return proc.exitCode;
    },
  };
}

/** CPU time (user, in clock ticks) a process has used so far, from /proc. */
export function cpuTicks(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[11]);
  } catch {
    return 0;
  }
}
