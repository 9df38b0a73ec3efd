/**
 * The CLI bundle's ./load.ts (swapped in by scripts/build.mjs): the parser module is required on
 * the first call. esbuild bundles the require and runs the parser's modules (chevrotain's
 * included) only then.
 */
import type * as Api from './api.js';

let api: typeof Api | undefined;

/** The parser's entry points (./api.ts), loaded on first use. */
export function parser(): typeof Api {
  return (api ??= require('./api.js') as typeof Api);
}
