import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** tsx's loader as a file URL (import.meta.resolve is missing under vitest). */
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/**
 * Forks a TypeScript worker (run through tsx) with TZ=UTC and en_US, talking over IPC only, and
 * waits for its `{ ready: true }` message. Used by both conformance runners.
 * @throws (the promise rejects) when the worker exits before it is ready.
 */
export function forkWorker(script: string, cwd: string): { child: ChildProcess; ready: Promise<void> } {
  const child = fork(script, [], {
    cwd,
    execArgv: ['--import', tsxLoader],
    env: { ...process.env, TZ: 'UTC', LANG: 'en_US.UTF-8' },
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    const onMsg = (m: any) => {
      if (m?.ready) {
        child.off('message', onMsg);
        resolve();
      }
    };
    child.on('message', onMsg);
    child.once('exit', () => reject(new Error(`worker ${script} exited during start`)));
  });
  return { child, ready };
}
