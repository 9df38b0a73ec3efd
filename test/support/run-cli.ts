/** Runs the built CLI (dist/cfml.cjs) without blocking this process (servers of the caller keep answering). */
import { spawn } from 'node:child_process';
import * as path from 'node:path';

export const CLI = path.resolve(import.meta.dirname, '../../dist/cfml.cjs');

export function runCli(args: string[], timeoutMs = 60_000): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const t = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(t);
      resolve({ code, out, err });
    });
  });
}
