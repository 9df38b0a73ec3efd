import type { FunctionDef, MemberReceiver } from './types.js';
import { expressionError } from '../errors.js';
import { isNumericString, simple, toBool, toNum, toStr, typeName } from '../cast.js';

/** val(): the leading number of a string (sign, digits, one decimal point), 0 when there is none. */
export function val(s: string): number {
  const m = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)/.exec(s.trim());
  return m ? Number(m[0]) || 0 : 0;
}

const RADIX_NAMES: Record<string, number> = { bin: 2, oct: 8, dec: 10, hex: 16 };

function radixOf(r: unknown, fn: string): number {
  const s = toStr(r).trim().toLowerCase();
  if (s === '') return 10;
  if (s in RADIX_NAMES) return RADIX_NAMES[s]!;
  const n = Number(s);
  if (!Number.isInteger(n) || n < 2 || n > 36) throw expressionError(`invalid radix [${toStr(r)}] for function [${fn}], valid values are [2-36, bin, oct, dec, hex]`);
  return n;
}

function parseRadix(text: string, radix: number, fn: string): number {
  const t = text.trim();
  if (radix === 10) {
    if (!isNumericString(t)) throw expressionError(`can't cast [${text}] to a number for function [${fn}]`);
    return Number(t);
  }
  const digits = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, radix);
  const body = t.replace(/^[+-]/, '').toLowerCase();
  if (body === '' || [...body].some((c) => !digits.includes(c))) {
    throw expressionError(`can't cast [${text}] to a number with radix ${radix} for function [${fn}]`);
  }
  const n = parseInt(body, radix);
  return t.startsWith('-') ? -n : n;
}

const JAVA_INT: Record<string, [number, number]> = {
  byte: [-128, 127],
  short: [-32768, 32767],
  int: [-2147483648, 2147483647],
  long: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

function javaCastOne(type: string, v: unknown): unknown {
  v = simple(v);
  switch (type) {
    case 'null':
      return null;
    case 'string':
      return toStr(v);
    case 'boolean':
      return toBool(v);
    case 'double':
    case 'float':
    case 'bigdecimal':
    case 'number':
      return toNum(v);
    case 'char': {
      const s = toStr(v);
      if (s.length === 0) throw expressionError("javaCast: can't cast an empty string to [char]");
      return s[0];
    }
    case 'byte':
    case 'short':
    case 'int':
    case 'long':
    case 'biginteger': {
      const n = Math.trunc(toNum(v));
      const range = JAVA_INT[type];
      if (range && (n < range[0] || n > range[1])) throw expressionError(`javaCast: the value [${n}] is out of range for the type [${type}]`);
      return n;
    }
  }
  throw expressionError(`javaCast: unsupported type [${type}], supported types are [boolean, int, long, short, byte, double, float, bigdecimal, char, string, null] and their arrays`);
}

const stringMembers: MemberReceiver[] = ['string', 'numeric', 'boolean', 'date'];

export const conversionFunctions: FunctionDef[] = [
  {
    name: 'toString',
    params: [{ name: 'any_value', type: 'any' }, { name: 'encoding', type: 'string' }],
    members: stringMembers.map((type) => ({ type, name: 'toString' })),
    impl: (_ctx, v: unknown, encoding?: string) => {
      if (v === undefined) return '';
      v = simple(v);
      if (v instanceof Uint8Array) {
        const enc = encoding && encoding.trim() ? encoding.trim() : 'utf-8';
        try {
          return new TextDecoder(enc).decode(v);
        } catch {
          throw expressionError(`invalid encoding [${enc}] for function [toString]`);
        }
      }
      return toStr(v);
    },
  },
  {
    name: 'val',
    params: [{ name: 'String', type: 'string', required: true }],
    members: [{ type: 'string', name: 'val' }],
    impl: (_ctx, s: string) => val(s),
  },
  {
    name: 'javaCast',
    params: [{ name: 'type', type: 'string', required: true }, { name: 'variable', type: 'any', required: true }],
    impl: (_ctx, type: string, v: unknown) => {
      const t = type.trim().toLowerCase().replace(/^java\.lang\./, '');
      if (t.endsWith('[]')) {
        if (!Array.isArray(v)) throw expressionError(`javaCast: can't cast ${typeName(v)} to [${type}], an array is needed`);
        return v.map((x) => javaCastOne(t.slice(0, -2), x));
      }
      return javaCastOne(t, v);
    },
  },
  {
    name: 'toNumeric',
    params: [{ name: 'value', type: 'any', required: true }, { name: 'radix', type: 'any' }],
    members: [{ type: 'string', name: 'toNumeric' }],
    impl: (_ctx, v: unknown, radix?: unknown) => {
      v = simple(v);
      const r = radix === undefined ? 10 : radixOf(radix, 'toNumeric');
      if (r === 10) return toNum(v);
      return parseRadix(toStr(v), r, 'toNumeric');
    },
  },
  {
    name: 'parseNumber',
    params: [{ name: 'number', type: 'string', required: true }, { name: 'radix', type: 'string' }],
    impl: (_ctx, s: string, radix?: string) => parseRadix(s, radix === undefined ? 10 : radixOf(radix, 'parseNumber'), 'parseNumber'),
  },
];
