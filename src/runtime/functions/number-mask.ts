/**
 * numberFormat masks (`_ 9 0 . , + - $ ( ) ^ L C`) and exact half-up decimal rounding shared by
 * the formatting functions. Rounding works on the shortest decimal form of the double, so 1.005
 * rounds to 1.01 the way CFML users expect.
 */
import { expressionError } from '../errors.js';

/** Rounds |n| half-up to `places` decimals and returns the fixed-point digits. */
export function roundHalfUp(n: number, places: number): string {
  const abs = Math.abs(n);
  if (!Number.isFinite(abs)) return String(abs);
  // shortest round-trip decimal form, expanded to plain digits
  let [mant, expPart] = abs.toExponential().split('e') as [string, string];
  const exp = Number(expPart);
  const digits = mant.replace('.', '');
  // value = 0.digits * 10^(exp+1)
  let intLen = exp + 1;
  let all = digits;
  if (intLen <= 0) {
    all = '0'.repeat(1 - intLen) + all;
    intLen = 1;
  } else if (intLen > all.length) all = all.padEnd(intLen, '0');
  let intPart = all.slice(0, intLen);
  let frac = all.slice(intLen);
  if (frac.length > places) {
    const roundUp = frac.charCodeAt(places) >= 53; // '5'
    frac = frac.slice(0, places);
    if (roundUp) {
      const joined = (intPart + frac).split('').map(Number);
      let i = joined.length - 1;
      while (i >= 0) {
        if (joined[i]! < 9) {
          joined[i]!++;
          break;
        }
        joined[i] = 0;
        i--;
      }
      let s = joined.join('');
      if (i < 0) s = '1' + s;
      intPart = s.slice(0, s.length - places);
      frac = s.slice(s.length - places);
    }
  } else frac = frac.padEnd(places, '0');
  intPart = intPart.replace(/^0+(?=\d)/, '');
  return places > 0 ? `${intPart}.${frac}` : intPart;
}

export function group(intDigits: string, sep = ','): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** "1,234.50": grouping plus a fixed number of decimals, sign in front. */
export function formatFixed(n: number, places: number, grouping = true): string {
  const s = roundHalfUp(n, places);
  const [i, f] = s.split('.') as [string, string | undefined];
  const body = (grouping ? group(i) : i) + (f !== undefined ? '.' + f : '');
  return n < 0 && /[1-9]/.test(s) ? '-' + body : body;
}

interface Mask {
  /** Integer pattern: '#' optional digit, '0' required digit. */
  intPattern: string;
  /** Number of decimals (fixed), or -1 for "as many as needed, up to 11". */
  decimals: number;
  hasPoint: boolean;
  comma: boolean;
  plus: boolean;
  minus: boolean;
  dollar: boolean;
  brackets: boolean;
  justify: 'right' | 'left' | 'center';
  symbolsFirst: boolean;
  width: number;
}

const VALID = "['_', '9', '.', '0', '(', ')', '+', '-', ',', 'L', 'C', '$', '^']";

function parseMask(raw: string, fn: string): Mask {
  if (raw.length === 0) throw expressionError(`invalid argument [mask] for function [${fn}]: mask can't be an empty value`);
  const m: Mask = { intPattern: '', decimals: 0, hasPoint: false, comma: false, plus: false, minus: false, dollar: false, brackets: false, justify: 'right', symbolsFirst: raw.replace(/,/g, '').startsWith('_'), width: 0 };
  let frac = 0;
  let int = '';
  let sawZero = false;
  for (const c of raw) {
    switch (c) {
      case '_':
      case '9':
        if (m.hasPoint) frac++;
        else int += sawZero ? '0' : '#';
        break;
      case '0':
        if (m.hasPoint) frac++;
        else {
          int = '0'.repeat(int.length) + '0';
          sawZero = true;
        }
        break;
      case '.':
        if (!m.hasPoint) {
          m.hasPoint = true;
          // a digit right before the point is always shown (9.99 prints 0.50)
          int = int.length ? int.slice(0, -1) + '0' : '0';
        }
        break;
      case ',':
        m.comma = true;
        break;
      case '(':
      case ')':
        m.brackets = true;
        break;
      case '+':
        m.plus = true;
        break;
      case '-':
        m.minus = true;
        break;
      case '$':
        m.dollar = true;
        break;
      case 'L':
        m.justify = 'left';
        break;
      case 'C':
        m.justify = 'center';
        break;
      case '^':
        break;
      default:
        throw expressionError(`invalid argument [mask] for function [${fn}]: invalid character [${c}], valid characters are ${VALID}`);
    }
  }
  m.intPattern = int;
  m.decimals = !m.hasPoint && int === '' ? -1 : frac;
  m.width = int.length + (m.hasPoint ? 1 + frac : 0);
  return m;
}

function digitsFor(abs: number, m: Mask): string {
  let body: string;
  if (m.decimals < 0) {
    body = roundHalfUp(abs, 11).replace(/\.?0+$/, '');
  } else {
    body = roundHalfUp(abs, m.decimals);
  }
  let [i, f] = body.split('.') as [string, string | undefined];
  const minInt = (m.intPattern.match(/0/g) ?? []).length;
  i = i.padStart(minInt, '0');
  if (m.comma) i = group(i);
  return f !== undefined && (m.decimals > 0 || m.decimals < 0) ? `${i}.${f}` : i;
}

/** Inserts a symbol after any leading padding. */
function addSymbol(s: string, sym: string): string {
  const lead = s.length - s.trimStart().length;
  return s.slice(0, lead) + sym + s.slice(lead);
}

function symbols(s: string, n: number, m: Mask): string {
  const neg = n < 0;
  if (m.brackets && neg) s = addSymbol(s, '(') + ')';
  if (m.plus) s = addSymbol(s, neg ? '-' : '+');
  if (neg && !m.brackets && !m.plus) s = addSymbol(s, '-');
  else if (m.minus) s = addSymbol(s, ' ');
  if (m.dollar) s = addSymbol(s, '$');
  return s;
}

function justify(s: string, padding: number, how: Mask['justify']): string {
  if (padding <= 0) return s;
  if (how === 'left') return s + ' '.repeat(padding);
  if (how === 'center') {
    const half = Math.floor(padding / 2) + 1;
    return ' '.repeat(half) + s + ' '.repeat(half);
  }
  return ' '.repeat(padding) + s;
}

/** numberFormat(n, mask) */
export function numberMask(n: number, mask: string | undefined, fn = 'numberFormat'): string {
  if (mask === undefined || mask === '' || mask === ',') {
    if (mask === '') throw expressionError(`invalid argument [mask] for function [${fn}]: mask can't be an empty value`);
    return formatFixed(n, 0);
  }
  const lc = mask.toLowerCase();
  if (lc === 'roman') return roman(Math.trunc(n), fn);
  if (lc === 'hex') return (Math.trunc(n) >>> 0).toString(16);
  const m = parseMask(mask, fn);
  const abs = Math.abs(n);
  const digits = digitsFor(abs, m);
  // a value that rounds to zero keeps no sign unless a sign is asked for
  const signed = /[1-9]/.test(digits) ? n : m.plus ? abs : 0;
  const withSymbols = symbols(digits, signed, m);
  const extra = withSymbols.length - digits.length;
  const padding = m.width + extra - withSymbols.length;
  if (m.symbolsFirst) return justify(withSymbols, padding, m.justify);
  return symbols(justify(digits, padding, m.justify), signed, m);
}

function roman(v: number, fn: string): string {
  if (v <= 0) throw expressionError(`invalid argument [number] for function [${fn}]: a roman value can't be ${v === 0 ? '0' : 'less than 0'}`);
  if (v > 3999) throw expressionError(`invalid argument [number] for function [${fn}]: a roman value can't be greater than 3999`);
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [k, s] of table) {
    while (v >= k) {
      out += s;
      v -= k;
    }
  }
  return out;
}
