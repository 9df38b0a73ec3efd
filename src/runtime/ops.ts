import type { BinaryOp } from '../parser/ast.js';
import { simple, toBool, toNum, toStr, typeName } from './cast.js';
import { compareValues } from './compare.js';
import { expressionError } from './errors.js';

const div = (a: number, b: number) => {
  if (b === 0) throw expressionError('Division by zero is not possible');
  return a / b;
};

/** Strict equality (`===`): same type and value, strings case-sensitive. */
function identical(a: unknown, b: unknown): boolean {
  a = simple(a);
  b = simple(b);
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

/** Operators other than the short-circuit ones (and, or, which the compiler handles). */
export const BINARY: Partial<Record<BinaryOp, (a: unknown, b: unknown) => unknown>> = {
  '+': (a, b) => toNum(a) + toNum(b),
  '-': (a, b) => toNum(a) - toNum(b),
  '*': (a, b) => toNum(a) * toNum(b),
  '/': (a, b) => div(toNum(a), toNum(b)),
  '\\': (a, b) => {
    const d = Math.trunc(toNum(b));
    if (d === 0) throw expressionError('Division by zero is not possible');
    return Math.trunc(Math.trunc(toNum(a)) / d);
  },
  '^': (a, b) => Math.pow(toNum(a), toNum(b)),
  mod: (a, b) => {
    if (typeof a === 'number' && typeof b === 'number' && b !== 0) return a % b;
    const d = toNum(b);
    if (d === 0) throw expressionError('Division by zero is not possible');
    return toNum(a) % d;
  },
  '&': (a, b) => toStr(a) + toStr(b),
  eq: (a, b) => (typeof a === 'number' && typeof b === 'number' ? a === b : compareValues(a, b) === 0),
  neq: (a, b) => compareValues(a, b) !== 0,
  gt: (a, b) => compareValues(a, b) > 0,
  gte: (a, b) => compareValues(a, b) >= 0,
  lt: (a, b) => compareValues(a, b) < 0,
  lte: (a, b) => compareValues(a, b) <= 0,
  contains: (a, b) => toStr(a).toLowerCase().includes(toStr(b).toLowerCase()),
  nct: (a, b) => !toStr(a).toLowerCase().includes(toStr(b).toLowerCase()),
  '===': identical,
  '!==': (a, b) => !identical(a, b),
  xor: (a, b) => toBool(a) !== toBool(b),
  eqv: (a, b) => toBool(a) === toBool(b),
  imp: (a, b) => !toBool(a) || toBool(b),
};

export function checkSimpleOperand(v: unknown, op: string): void {
  const t = typeName(v);
  if (t === 'Struct' || t === 'Array' || t === 'Query' || t === 'Function') {
    throw expressionError(`Can't use a ${t} with the operator [${op}]`);
  }
}
