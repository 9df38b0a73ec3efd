import { CfmlError, ErrorCode } from './errors.js';

/** Gives the lock back; calling it twice is harmless. */
export type Release = () => void;

interface Waiter {
  exclusive: boolean;
  grant: (r: Release) => void;
  timer?: NodeJS.Timeout;
}

interface LockState {
  readers: number;
  writer: boolean;
  queue: Waiter[];
}

/**
 * Named read/write locks shared by the renders of one Engine (`<cflock>`): any number of
 * readonly holders or one exclusive holder; waiters are served in arrival order so a writer is
 * not starved by a stream of readers. Node runs one render at a time, so a lock only matters
 * across the points where renders wait (mail, files, sleep): exactly where CFML pages need it.
 */
export class LockManager {
  private readonly locks = new Map<string, LockState>();

  /**
   * Takes the lock `key`. Returns the release function at once when the lock is free, else a
   * promise of it. Rejects after `timeoutMs` with Lucee's lock timeout error (type `lock`);
   * `describe` names the lock in that message ("lock with name [x]" or "[application] scope lock").
   */
  acquire(key: string, exclusive: boolean, timeoutMs: number, describe: string): Release | Promise<Release> {
    let st = this.locks.get(key);
    if (!st) this.locks.set(key, (st = { readers: 0, writer: false, queue: [] }));
    const state = st;
    if (state.queue.length === 0 && this.free(state, exclusive)) return this.take(key, state, exclusive);
    return new Promise<Release>((resolve, reject) => {
      const w: Waiter = { exclusive, grant: resolve };
      w.timer = setTimeout(() => {
        const i = state.queue.indexOf(w);
        if (i >= 0) state.queue.splice(i, 1);
        this.drain(key, state);
        reject(lockTimeout(exclusive, timeoutMs, describe));
      }, Math.max(0, timeoutMs));
      state.queue.push(w);
    });
  }

  private free(st: LockState, exclusive: boolean): boolean {
    return exclusive ? !st.writer && st.readers === 0 : !st.writer;
  }

  private take(key: string, st: LockState, exclusive: boolean): Release {
    if (exclusive) st.writer = true;
    else st.readers++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      if (exclusive) st.writer = false;
      else st.readers--;
      this.drain(key, st);
    };
  }

  private drain(key: string, st: LockState): void {
    while (st.queue.length && this.free(st, st.queue[0]!.exclusive)) {
      const w = st.queue.shift()!;
      clearTimeout(w.timer);
      w.grant(this.take(key, st, w.exclusive));
    }
    if (!st.writer && st.readers === 0 && st.queue.length === 0) this.locks.delete(key);
  }
}

/** Lucee's LockTimeoutException text: "a timeout occurred after 1 second trying to acquire a exclusive lock with name [x]." */
function lockTimeout(exclusive: boolean, ms: number, describe: string): CfmlError {
  const s = ms / 1000;
  const time = Number.isInteger(s) ? `${s} second${s > 1 ? 's' : ''}` : `${ms} millisecond${ms > 1 ? 's' : ''}`;
  return new CfmlError(`a timeout occurred after ${time} trying to acquire a ${exclusive ? 'exclusive' : 'read-only'} ${describe}.`, { type: 'lock', code: ErrorCode.LockTimeout });
}
