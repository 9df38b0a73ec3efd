/**
 * The parser, for the runtime: `parseTemplate`, `parseExpression` and `parseScript` with the
 * signatures of ./api.ts. Here the parser is imported as usual; the CLI bundle replaces this file
 * with ./load.cli.ts (scripts/build.mjs), which loads the parser and chevrotain on the first call
 * instead: with a warm parse cache a run of the CLI never parses, and loading them was a third
 * of its start.
 */
import * as api from './api.js';

/** The parser's entry points (./api.ts). */
export function parser(): typeof api {
  return api;
}
