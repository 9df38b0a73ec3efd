/**
 * Renders a page with the built engine (dist/) in a worker thread that is ended when it does not
 * answer in time: for tests of inputs that used to block the whole process (a catastrophic
 * regular expression), which would otherwise stall the test runner instead of failing.
 */
import { Worker } from 'node:worker_threads';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export type IsolatedResult =
  | { output: string }
  | { error: { cfml: boolean; type?: string; message: string } }
  | { hang: true };

const root = path.resolve(import.meta.dirname, '../..');

/** Builds dist/ when it is missing (scripts/test.sh builds before the suite). */
export function ensureBuilt(): void {
  if (fs.existsSync(path.join(root, 'dist/index.js'))) return;
  const b = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) throw new Error('npm run build failed');
}

/**
 * The output or error of rendering `source` (EngineOptions.timeout `timeoutSeconds`), or
 * `{ hang: true }` when no answer came within `hangMs` (the worker is then terminated).
 */
export async function renderIsolated(source: string, opts: { timeoutSeconds?: number; hangMs?: number } = {}): Promise<IsolatedResult> {
  const worker = new Worker(path.join(import.meta.dirname, 'isolated-worker.mjs'), {
    workerData: { engineUrl: pathToFileURL(path.join(root, 'dist/index.js')).href, timeoutSeconds: opts.timeoutSeconds ?? 5 },
  });
  try {
    return await new Promise<IsolatedResult>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      worker.on('error', reject);
      worker.on('message', (m: { ready?: boolean } & IsolatedResult) => {
        if (m.ready) {
          // the clock starts once the engine is loaded: a slow start on a busy machine is not a hang
          timer = setTimeout(() => resolve({ hang: true }), opts.hangMs ?? 60_000);
          worker.postMessage({ source });
        } else {
          clearTimeout(timer);
          resolve(m);
        }
      });
    });
  } finally {
    await worker.terminate();
  }
}
