import { Signal, type MaybePromise } from './exec.js';
import type { SourceLoc } from './errors.js';

/** What a loop reports each iteration to, so that a render past its time limit ends (Ctx.tick). */
export interface LoopClock {
  tick(loc?: SourceLoc): void;
}

/** True for a promise-like; everything in the sync fast path is a plain value. */
export function isThenable(v: unknown): v is Promise<unknown> {
  return typeof v === 'object' && v !== null && typeof (v as { then?: unknown }).then === 'function';
}

/** Runs statements in order; continues asynchronously only when one of them returned a promise. */
export function runBlock<C>(execs: readonly ((ctx: C) => MaybePromise<Signal>)[], ctx: C, from = 0): MaybePromise<Signal> {
  for (let i = from; i < execs.length; i++) {
    const r = execs[i]!(ctx);
    if (r === Signal.Normal) continue;
    if (typeof r === 'number') return r;
    return r.then((s) => (s !== Signal.Normal ? s : runBlock(execs, ctx, i + 1)));
  }
  return Signal.Normal;
}

/**
 * Drives a loop: `next()` advances (and sets the loop variables) or returns false at the end;
 * `body()` runs one iteration. `done()` always runs at the end, also on error. Every iteration
 * ticks `clock` first, so every loop form ends when the render runs past its time limit.
 * @throws the RequestTimeout error of `clock.tick`.
 */
export function driveLoop(clock: LoopClock, loc: SourceLoc | undefined, next: () => boolean, body: () => MaybePromise<Signal>, done?: () => void, label?: string): MaybePromise<Signal> {
  let async = false;
  try {
    while ((clock.tick(loc), next())) {
      const r = body();
      if (typeof r !== 'number') {
        async = true;
        return finishAsync(clock, loc, r, next, body, done, label);
      }
      if (r === Signal.Normal || r === Signal.Continue) continue;
      const k = loopAction(r, label);
      if (k === 'break') break;
      if (k === 'up') return r;
    }
    return Signal.Normal;
  } finally {
    if (!async) done?.();
  }
}

/**
 * The rest of a loop whose body went asynchronous (returned `first`): as driveLoop from there on.
 * For loops that run their synchronous iterations inline (cfloop from/to).
 */
export function continueLoop(clock: LoopClock, loc: SourceLoc | undefined, first: Promise<Signal>, next: () => boolean, body: () => MaybePromise<Signal>, label?: string): Promise<Signal> {
  return finishAsync(clock, loc, first, next, body, undefined, label);
}

async function finishAsync(clock: LoopClock, loc: SourceLoc | undefined, first: Promise<Signal>, next: () => boolean, body: () => MaybePromise<Signal>, done?: () => void, label?: string): Promise<Signal> {
  try {
    let s = await first;
    for (;;) {
      const k = s === Signal.Normal || s === Signal.Continue ? 'continue' : loopAction(s, label);
      if (k === 'break') return Signal.Normal;
      if (k === 'up') return s;
      clock.tick(loc);
      if (!next()) return Signal.Normal;
      s = await body();
    }
  } finally {
    done?.();
  }
}

// Labelled break/continue (`<cfbreak outerLoop>`) travel as signals above LABEL_BASE: the label's
// index times two, plus one for continue. Loops without the label pass them up.
const LABEL_BASE = 16;
const labelNames: string[] = [];

/** The signal of `break label` (or `continue label`). */
export function labelSignal(label: string, kind: 'break' | 'continue'): Signal {
  const l = label.toLowerCase();
  let i = labelNames.indexOf(l);
  if (i < 0) i = labelNames.push(l) - 1;
  return (LABEL_BASE + i * 2 + (kind === 'continue' ? 1 : 0)) as Signal;
}

/** What a loop labelled `label` does with signal `s` (not Normal/Continue). */
export function loopAction(s: Signal, label: string | undefined): 'break' | 'continue' | 'up' {
  if (s === Signal.Break) return 'break';
  if (s < LABEL_BASE) return 'up';
  if (label === undefined || labelNames[(s - LABEL_BASE) >> 1] !== label.toLowerCase()) return 'up';
  return (s - LABEL_BASE) % 2 ? 'continue' : 'break';
}

/** `try { fn() } finally { fin() }` for a maybe-async fn. */
export function tryFinally<T>(fn: () => MaybePromise<T>, fin: () => void): MaybePromise<T> {
  let r: MaybePromise<T>;
  try {
    r = fn();
  } catch (e) {
    fin();
    throw e;
  }
  if (isThenable(r)) return (r as Promise<T>).finally(fin);
  fin();
  return r;
}

/** `try { fn() } catch (e) { onError(e) }` for a maybe-async fn. */
export function tryCatch<T>(fn: () => MaybePromise<T>, onError: (e: unknown) => MaybePromise<T>): MaybePromise<T> {
  let r: MaybePromise<T>;
  try {
    r = fn();
  } catch (e) {
    return onError(e);
  }
  if (isThenable(r)) return (r as Promise<T>).catch(onError);
  return r;
}

/** Applies f to a maybe-async value. */
export function andThen<T, R>(v: MaybePromise<T>, f: (v: T) => MaybePromise<R>): MaybePromise<R> {
  return isThenable(v) ? (v as Promise<T>).then(f) : f(v as T);
}
