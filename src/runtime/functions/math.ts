/**
 * Math functions. Numbers are doubles; bitAnd/Or/Xor/Not/SHLN/SHRN work on integers of any
 * size as Lucee 7's BigInteger ones (the masks on 32-bit ints). `round` is half-up (towards +infinity for .5 without precision, as Java's
 * Math.round; away from zero on the decimal digits with a precision).
 */
import { expressionError } from '../errors.js';
import { isNumeric, simple, toNum, toStr, tryNum } from '../cast.js';
import type { FnContext, FunctionDef, MemberSpec } from './types.js';

const num = (name = 'number') => ({ name, type: 'numeric' as const, required: true });
const nm = (name: string): MemberSpec[] => [{ type: 'numeric', name }];

/** A one-argument numeric function that is also a numeric member (`x.abs()`). */
function unary(name: string, f: (n: number) => number, member = true): FunctionDef {
  return { name, params: [num()], members: member ? nm(name) : undefined, impl: (_c, n: number) => f(n) };
}

function int32(fnName: string, n: number, arg = 'number'): number {
  const t = Math.trunc(n);
  if (!Number.isFinite(t) || t > 2147483647 || t < -2147483648) {
    throw expressionError(`invalid argument [${arg}] for function [${fnName}]: [${toStr(n)}] does not fit in a 32-bit integer`);
  }
  return t | 0;
}

/**
 * A bit function's operand as an integer of any size (Lucee 7 works on BigInteger: no 32-bit
 * wrap-around). A double within 1e-9 of an integer is that integer (1.0, 0.999999999999999).
 * @throws Expression error for NaN, infinities and numbers with a fraction.
 */
function big(fnName: string, n: number, arg = 'number'): bigint {
  const r = Math.round(n);
  if (!Number.isFinite(n) || Math.abs(n - r) > 1e-9) {
    throw expressionError(`invalid argument [${arg}] for function [${fnName}]: [${toStr(n)}] is not an integer`);
  }
  return BigInt(r);
}

/** A shift count: a whole number from 0 up (the operand has no fixed width). */
function shiftBy(fnName: string, n: number): bigint {
  const c = Math.trunc(n);
  if (!(c >= 0) || c > 4096) throw expressionError(`Invalid shift value [${toStr(n)}] for function [${fnName}]: it must be a whole number from 0 to 4096`);
  return BigInt(c);
}

/** Half-up on the decimal digits: round(1.005, 2) is 1.01, round(-2.5, 0) goes through Java's rule. */
export function roundHalfUp(n: number, precision = 0): number {
  const p = Math.trunc(precision);
  if (p <= 0 || !Number.isFinite(n)) {
    // Java Math.round: the nearest integer, .5 going up (towards +infinity).
    const f = Math.floor(n);
    const r = n - f >= 0.5 ? f + 1 : f;
    return Object.is(r, -0) ? 0 : r;
  }
  const sign = n < 0 ? -1 : 1;
  const shifted = Number(`${Math.abs(n)}e${p}`);
  if (!Number.isFinite(shifted)) return n;
  const r = Number(`${Math.round(shifted)}e-${p}`) * sign;
  return Object.is(r, -0) ? 0 : r;
}

/** mulberry32: a small seeded generator for randomize(); Math.random otherwise. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RNG_KEY = 'math.random';
const ALGORITHMS = new Set(['cfmx_compat', 'sha1prng', 'ibmsecurerandom', 'nativeprng', 'nativeprngblocking', 'nativeprngnonblocking', 'drbg', 'windows-prng']);

function random(ctx: FnContext, fnName: string, algorithm?: string): number {
  if (algorithm !== undefined && !ALGORITHMS.has(algorithm.trim().toLowerCase())) {
    throw expressionError(`random algorithm [${algorithm}] is not supported, function [${fnName}]`, { detail: 'use CFMX_COMPAT or SHA1PRNG' });
  }
  const rng = ctx.locals.get(RNG_KEY) as (() => number) | undefined;
  return rng ? rng() : Math.random();
}

function positive(fnName: string, n: number): number {
  if (!(n > 0)) throw expressionError(`invalid argument for function [${fnName}]: the number must be greater than 0, got ${toStr(n)}`);
  return n;
}

function unitRange(fnName: string, n: number): number {
  if (!(n >= -1 && n <= 1)) throw expressionError(`invalid argument for function [${fnName}]: the number must be between -1 and 1, got ${toStr(n)}`);
  return n;
}

function radixArg(fnName: string, radix: number): number {
  const r = Math.trunc(radix);
  if (!(r >= 2 && r <= 36)) throw expressionError(`invalid radix [${toStr(radix)}] for function [${fnName}], the radix must be between 2 and 36`);
  return r;
}

function numericArgs(fnName: string, args: unknown[]): number[] {
  return args.map((a, i) => {
    const n = tryNum(simple(a));
    if (n === undefined) return toNum(a); // throws the standard cast error
    if (Number.isNaN(n)) throw expressionError(`argument ${i + 1} of function [${fnName}] is not a number`);
    return n;
  });
}

export const mathFunctions: FunctionDef[] = [
  unary('abs', Math.abs),
  unary('ceiling', (n) => Math.ceil(n) || 0),
  unary('floor', (n) => Math.floor(n)),
  // CFML's int() is the closest integer smaller than the number (floor), fix() truncates.
  unary('int', (n) => Math.floor(n)),
  unary('fix', (n) => Math.trunc(n) || 0),
  unary('sgn', (n) => (n > 0 ? 1 : n < 0 ? -1 : 0)),
  unary('exp', Math.exp),
  unary('sin', Math.sin),
  unary('cos', Math.cos),
  unary('tan', Math.tan),
  unary('atn', Math.atan),
  unary('incrementValue', (n) => n + 1),
  unary('decrementValue', (n) => n - 1),
  { name: 'sqr', params: [num()], members: nm('sqr'), impl: (_c, n: number) => {
    if (n < 0) throw expressionError(`invalid argument for function [sqr]: the number must be 0 or greater, got ${toStr(n)}`);
    return Math.sqrt(n);
  } },
  { name: 'log', params: [num()], members: nm('log'), impl: (_c, n: number) => Math.log(positive('log', n)) },
  { name: 'log10', params: [num()], members: nm('log10'), impl: (_c, n: number) => Math.log10(positive('log10', n)) },
  { name: 'asin', params: [num()], members: nm('asin'), impl: (_c, n: number) => Math.asin(unitRange('asin', n)) },
  { name: 'acos', params: [num()], members: nm('acos'), impl: (_c, n: number) => Math.acos(unitRange('acos', n)) },
  { name: 'pi', params: [], impl: () => Math.PI },
  {
    name: 'round',
    params: [num(), { name: 'precision', type: 'numeric', default: 0 }],
    members: nm('round'),
    impl: (_c, n: number, precision: number) => roundHalfUp(n, precision),
  },
  {
    name: 'max',
    params: [num('number1'), num('number2')],
    variadic: true,
    members: nm('max'),
    impl: (_c, ...args: unknown[]) => Math.max(...numericArgs('max', args)),
  },
  {
    name: 'min',
    params: [num('number1'), num('number2')],
    variadic: true,
    members: nm('min'),
    impl: (_c, ...args: unknown[]) => Math.min(...numericArgs('min', args)),
  },
  {
    name: 'rand',
    params: [{ name: 'algorithm', type: 'string' }],
    impl: (ctx, algorithm?: string) => random(ctx, 'rand', algorithm),
  },
  {
    name: 'randRange',
    params: [num('number1'), num('number2'), { name: 'algorithm', type: 'string' }],
    impl: (ctx, a: number, b: number, algorithm?: string) => {
      let lo = int32('randRange', a, 'number1');
      let hi = int32('randRange', b, 'number2');
      if (lo > hi) [lo, hi] = [hi, lo];
      return lo + Math.floor(random(ctx, 'randRange', algorithm) * (hi - lo + 1));
    },
  },
  {
    name: 'randomize',
    params: [num(), { name: 'algorithm', type: 'string' }],
    impl: (ctx, seed: number, algorithm?: string) => {
      ctx.locals.set(RNG_KEY, seeded(Math.trunc(seed)));
      return random(ctx, 'randomize', algorithm);
    },
  },
  {
    name: 'formatBaseN',
    params: [num(), num('radix')],
    members: nm('formatBaseN'),
    impl: (_c, n: number, radix: number) => {
      const r = radixArg('formatBaseN', radix);
      const i = int32('formatBaseN', n);
      // Like Java: binary and hex print negatives as their 32-bit two's complement.
      if (i < 0 && (r === 2 || r === 16)) return (i >>> 0).toString(r);
      return i.toString(r);
    },
  },
  {
    name: 'inputBaseN',
    params: [{ name: 'string', type: 'string', required: true }, num('radix')],
    impl: (_c, s: string, radix: number) => {
      const r = radixArg('inputBaseN', radix);
      let t = s.trim().toLowerCase();
      let sign = 1;
      if (t.startsWith('-')) {
        sign = -1;
        t = t.slice(1);
      } else if (t.startsWith('+')) t = t.slice(1);
      if (r === 16 && t.startsWith('0x')) t = t.slice(2);
      const digits = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, r);
      if (!t.length || [...t].some((ch) => !digits.includes(ch))) {
        throw expressionError(`invalid argument for function [inputBaseN]: [${s}] is not a number in base ${r}`);
      }
      if (t.length > 32) throw expressionError('invalid argument for function [inputBaseN]: the string can have at most 32 digits');
      let v = 0;
      for (const ch of t) v = v * r + digits.indexOf(ch);
      return sign * v;
    },
  },
  { name: 'bitAnd', params: [num('number1'), num('number2')], members: nm('bitAnd'), impl: (_c, a: number, b: number) => Number(big('bitAnd', a, 'number1') & big('bitAnd', b, 'number2')) },
  { name: 'bitOr', params: [num('number1'), num('number2')], members: nm('bitOr'), impl: (_c, a: number, b: number) => Number(big('bitOr', a, 'number1') | big('bitOr', b, 'number2')) },
  { name: 'bitXor', params: [num('number1'), num('number2')], members: nm('bitXor'), impl: (_c, a: number, b: number) => Number(big('bitXor', a, 'number1') ^ big('bitXor', b, 'number2')) },
  { name: 'bitNot', params: [num()], members: nm('bitNot'), impl: (_c, a: number) => Number(~big('bitNot', a)) },
  {
    name: 'bitSHLN',
    params: [num(), num('count')],
    members: nm('bitSHLN'),
    impl: (_c, a: number, c: number) => Number(big('bitSHLN', a) << shiftBy('bitSHLN', c)),
  },
  {
    name: 'bitSHRN',
    params: [num(), num('count')],
    members: nm('bitSHRN'),
    // arithmetic shift: the sign is kept (-2 >> 1 is -1)
    impl: (_c, a: number, c: number) => Number(big('bitSHRN', a) >> shiftBy('bitSHRN', c)),
  },
  {
    name: 'bitMaskRead',
    params: [num(), num('start'), num('length')],
    members: nm('bitMaskRead'),
    impl: (_c, n: number, start: number, length: number) => {
      const [s, l] = maskArgs('bitMaskRead', start, length);
      return (int32('bitMaskRead', n) >>> s) & (l === 32 ? -1 : (1 << l) - 1);
    },
  },
  {
    name: 'bitMaskSet',
    params: [num(), num('mask'), num('start'), num('length')],
    members: nm('bitMaskSet'),
    impl: (_c, n: number, mask: number, start: number, length: number) => {
      const [s, l] = maskArgs('bitMaskSet', start, length);
      const bits = (l === 32 ? -1 : (1 << l) - 1) << s;
      return (int32('bitMaskSet', n) & ~bits) | ((int32('bitMaskSet', mask, 'mask') << s) & bits);
    },
  },
  {
    name: 'bitMaskClear',
    params: [num(), num('start'), num('length')],
    members: nm('bitMaskClear'),
    impl: (_c, n: number, start: number, length: number) => {
      const [s, l] = maskArgs('bitMaskClear', start, length);
      const bits = (l === 32 ? -1 : (1 << l) - 1) << s;
      return int32('bitMaskClear', n) & ~bits;
    },
  },
  {
    name: 'precisionEvaluate',
    params: [{ name: 'expressions', type: 'any', required: true }],
    variadic: true,
    // The arguments arrive evaluated (with double precision); strings that are not numbers are
    // evaluated as expressions. The value of the last one is returned.
    impl: (ctx, ...exprs: unknown[]) => {
      let last: unknown = '';
      for (const e of exprs) {
        const v = simple(e);
        if (typeof v === 'string' && !isNumeric(v)) last = ctx.evaluate(v);
        else last = v;
      }
      return typeof last === 'string' && isNumeric(last) ? toNum(last) : last;
    },
  },
];

function maskArgs(fnName: string, start: number, length: number): [number, number] {
  const s = Math.trunc(start);
  const l = Math.trunc(length);
  if (!(s >= 0 && s <= 31) || !(l >= 0 && l <= 31) || s + l > 32) {
    throw expressionError(`invalid start [${toStr(start)}] or length [${toStr(length)}] for function [${fnName}]: both must be between 0 and 31`);
  }
  return [s, l];
}
