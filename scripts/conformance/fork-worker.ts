import { fork, type ChildProcess } from 'node:child_process';

/**
 * Forks a TypeScript worker (run through tsx) with TZ=UTC and en_US, talking over IPC only, and
 * waits for its `{ ready: true }` message. Used by both conformance runners.
 * @throws (the promise rejects) when the worker exits before it is ready.
 */
export function forkWorker(script: string, cwd: string): { child: ChildProcess; ready: Promise<void> } {
  const child = fork(script, [], {
    cwd,
    execArgv: ['--import', import.meta.resolve('tsx')],
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
