import type { Ctx } from './context.js';

/**
 * The core execution types of compiled templates. A template compiles to closures once
 * (compiler.ts); a render calls them with its Ctx. Sync first: a statement returns a plain
 * Signal and only returns a promise when something inside it went async (maybe.ts).
 */

export type MaybePromise<T> = T | Promise<T>;

/**
 * What running a statement tells the enclosing block. A plain `enum` (not `const enum`), so the
 * public types work for consumers that compile with `isolatedModules`. Labelled break/continue
 * travel as numbers above these (maybe.ts labelSignal).
 */
export enum Signal {
  Normal = 0,
  Break = 1,
  Continue = 2,
  Return = 3,
  /** cfretry / `retry;`: the enclosing try block runs again. */
  Retry = 4,
}

/** A compiled statement. Returns a promise only when something inside went async. */
export type Exec = (ctx: Ctx) => MaybePromise<Signal>;
/** A compiled expression; expressions are always synchronous. */
export type Eval = (ctx: Ctx) => unknown;
