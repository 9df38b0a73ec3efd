/** Reading optional attribute values in a tag's run(): absent or empty means undefined. */
import { toBool, toNum, toStr } from '../runtime/cast.js';

/** The value as a string, or undefined when the attribute is absent. */
export const str = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : toStr(v));
/** The value as a number, or undefined when absent or empty. */
export const num = (v: unknown): number | undefined => (v === undefined || v === null || v === '' ? undefined : toNum(v));
/** The value as a boolean, or undefined when absent or empty. */
export const bool = (v: unknown): boolean | undefined => (v === undefined || v === null || v === '' ? undefined : toBool(v));
