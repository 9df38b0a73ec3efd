/**
 * Largest sizes a page may ask for with a number (issue 8, items 8 and 9). A request value such as
 * `<cfset a[url.n] = 1>` with n = 150,000,000 or `arrayResize(a, 2e9)` would otherwise make V8
 * allocate until the process dies (a fatal error no try/catch sees). Sizes above these limits
 * are Expression errors naming the function (or the array index) and the argument. Lucee has no
 * such limits (the JVM throws OutOfMemoryError); we choose to fail the one request instead.
 */
import { expressionError, type SourceLoc } from './errors.js';

/** Elements of one array, rows of one query: 16,777,216 (128 MB of references). */
export const MAX_ARRAY_LENGTH = 2 ** 24;
/** Cells of one query (rows times columns), so that wide queries stay as bounded as arrays. */
export const MAX_QUERY_CELLS = 2 ** 24;
/** Characters of a string built from a count (repeatString, lJustify...): 64 Mi, as EngineOptions.maxOutput. */
export const MAX_STRING_LENGTH = 2 ** 26;

/**
 * `n` when it is a whole number in 0..max, else an Expression error naming `fn` and `arg`.
 * @param what the unit in the message ("elements", "characters", "rows").
 * @throws Expression error for NaN, infinities, fractions, negatives and values above `max`.
 */
export function checkCount(fn: string, arg: string, n: number, max: number, what: string): number {
  if (!Number.isFinite(n) || n < 0) throw expressionError(`Invalid argument [${arg}] for function [${fn}]: [${numberText(n)}] is not a valid number of ${what}`);
  const i = Math.trunc(n);
  if (i > max) throw expressionError(`Invalid argument [${arg}] for function [${fn}]: [${numberText(n)}] ${what} is more than the maximum of ${max}`);
  return i;
}

/**
 * The check of an array index on assignment (`a[n] = v` grows the array to n elements).
 * @throws Expression error for an index past {@link MAX_ARRAY_LENGTH}.
 */
export function checkArrayIndex(n: number, loc?: SourceLoc): void {
  if (n > MAX_ARRAY_LENGTH) {
    throw expressionError(`invalid array index [${numberText(n)}]: an array can have at most ${MAX_ARRAY_LENGTH} elements`, { loc });
  }
}

/** A number as a message shows it: integers without exponent up to 1e21, others as JS prints them. */
export function numberText(n: number): string {
  return Number.isInteger(n) && Math.abs(n) < 1e21 ? n.toFixed(0) : String(n);
}
