import type { FunctionDef } from './types.js';
import { expressionError } from '../errors.js';
import { isBooleanLike, simple, toBool, tryNum, typeName } from '../cast.js';
import { formatFixed, numberMask } from './number-mask.js';

/** The number argument of the formatting functions: "" counts as 0, like Lucee. */
function numberArg(v: unknown, fn: string): number {
  v = simple(v);
  if (typeof v === 'string' && v.trim() === '') return 0;
  const n = tryNum(v);
  if (n === undefined || Number.isNaN(n)) {
    const shown = typeof v === 'string' ? v : typeName(v);
    throw expressionError(`invalid argument [number] for function [${fn}]: can't cast value [${shown}] to a number`);
  }
  return n;
}

/** Boolean argument of yesNoFormat & co: "" is false, anything else must be boolean-like. */
function boolArg(v: unknown, fn: string): boolean {
  v = simple(v);
  if (typeof v === 'string' && v.trim() === '') return false;
  if (!isBooleanLike(v)) throw expressionError(`invalid argument [value] for function [${fn}]: can't cast [${typeof v === 'string' ? v : typeName(v)}] to a boolean value`);
  return toBool(v);
}


const numberParam = { name: 'number', type: 'any' as const, required: true };

export const formatFunctions: FunctionDef[] = [
  {
    name: 'numberFormat',
    params: [numberParam, { name: 'mask', type: 'string' }],
    members: [{ type: 'numeric', name: 'numberFormat' }],
    impl: (_ctx, v: unknown, mask?: string) => numberMask(numberArg(v, 'numberFormat'), mask),
  },
  {
    name: 'decimalFormat',
    params: [numberParam],
    members: [{ type: 'numeric', name: 'decimalFormat' }],
    impl: (_ctx, v: unknown) => formatFixed(numberArg(v, 'decimalFormat'), 2),
  },
  {
    name: 'dollarFormat',
    params: [numberParam],
    members: [{ type: 'numeric', name: 'dollarFormat' }],
    impl: (_ctx, v: unknown) => {
      const n = numberArg(v, 'dollarFormat');
      const body = '$' + formatFixed(Math.abs(n), 2);
      return n < 0 && /[1-9]/.test(body) ? `(${body})` : body;
    },
  },
  {
    name: 'yesNoFormat',
    params: [{ name: 'value', type: 'any', required: true }],
    members: [{ type: 'boolean', name: 'yesNoFormat' }],
    impl: (_ctx, v: unknown) => (boolArg(v, 'yesNoFormat') ? 'Yes' : 'No'),
  },
  {
    name: 'booleanFormat',
    params: [{ name: 'value', type: 'any', required: true }],
    members: [{ type: 'boolean', name: 'booleanFormat' }],
    impl: (_ctx, v: unknown) => (boolArg(v, 'booleanFormat') ? 'true' : 'false'),
  },
  {
    name: 'trueFalseFormat',
    params: [{ name: 'value', type: 'any', required: true }],
    impl: (_ctx, v: unknown) => (boolArg(v, 'trueFalseFormat') ? 'true' : 'false'),
  },
];
