/**
 * Locale-aware numbers and currency: lsNumberFormat, lsCurrencyFormat, lsEuroCurrencyFormat,
 * lsParseNumber, lsParseCurrency, lsParseEuroCurrency, lsIsNumeric, lsIsCurrency. Each takes its
 * locale argument or the request's locale (setLocale). Symbols, grouping and currency placement
 * come from Node's ICU (Intl.NumberFormat); a country's currency from the country-to-currency table.
 * Output follows Lucee's LSCurrencyFormat: no-break spaces become plain spaces, a negative amount
 * is shown in parentheses.
 */
import countryToCurrency from 'country-to-currency';
import { expressionError } from '../errors.js';
import { isNumericString, simple, tryNum, typeName } from '../cast.js';
import { numberMask } from './number-mask.js';
import { localeFor } from './locale.js';
import type { FnContext, FunctionDef } from './types.js';

/** The currency of a locale's country (ISO 4217); USD when the locale names no known country. */
function currencyOf(tag: string): string {
  const region = new Intl.Locale(tag).maximize().region ?? 'US';
  return (countryToCurrency as Record<string, string>)[region] ?? 'USD';
}

interface Symbols {
  group: string;
  decimal: string;
  minus: string;
}

function symbols(tag: string): Symbols {
  const parts = new Intl.NumberFormat(tag).formatToParts(-12345.5);
  const of = (t: string, d: string) => parts.find((p) => p.type === t)?.value ?? d;
  return { group: of('group', ','), decimal: of('decimal', '.'), minus: of('minusSign', '-') };
}

const plainSpaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').trim();

/** A currency amount written for `tag`: local (symbol), international (ISO code first) or none. */
function formatCurrency(n: number, type: string, tag: string, currency: string, fn: string): string {
  const kind = type.trim().toLowerCase() || 'local';
  if (kind !== 'local' && kind !== 'international' && kind !== 'none') {
    throw expressionError(`invalid argument [type] for function [${fn}]: invalid value [${type}], valid values are [local, international, none]`);
  }
  const nf = new Intl.NumberFormat(tag, { style: 'currency', currency });
  const parts = nf.formatToParts(Math.abs(n));
  const body = parts.filter((p) => kind === 'local' || p.type !== 'currency').map((p) => p.value).join('');
  let s = plainSpaces(body);
  if (kind === 'international') s = `${currency} ${s}`;
  const negative = n < 0 && parts.some((p) => (p.type === 'integer' || p.type === 'fraction') && /[1-9]/.test(p.value));
  return negative ? `(${s})` : s;
}

/** The number argument of the formatting functions: "" counts as 0, like Lucee. */
function numberArg(v: unknown, fn: string): number {
  v = simple(v);
  if (typeof v === 'string' && v.trim() === '') return 0;
  const n = tryNum(v);
  if (n === undefined || Number.isNaN(n)) {
    throw expressionError(`invalid argument [number] for function [${fn}]: can't cast value [${typeof v === 'string' ? v : typeName(v)}] to a number`);
  }
  return n;
}

/** A number written with `tag`'s grouping and decimal symbols, read back; undefined when it is not one. */
function parseLocaleNumber(text: string, tag: string): number | undefined {
  const { group, decimal, minus } = symbols(tag);
  let t = plainSpaces(text);
  if (minus !== '-') t = t.split(minus).join('-');
  // grouping symbols only between digits; a no-break group separator is also accepted as a space
  const groups = group.trim() === '' ? [' '] : [group];
  for (const g of groups) t = t.replace(new RegExp(`(?<=\\d)${escapeRe(g)}(?=\\d{3})`, 'g'), '');
  if (decimal !== '.') {
    if (t.includes('.')) return undefined;
    t = t.replace(decimal, '.');
  }
  t = t.replace(/^\+/, '');
  return isNumericString(t) ? Number(t.trim()) : undefined;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A currency amount in `tag`'s notation: its symbol or code (either side), parentheses or a minus for negatives. */
function parseLocaleCurrency(text: string, tag: string, currency: string): number | undefined {
  let t = plainSpaces(text);
  let negative = false;
  if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1).trim();
  }
  const symbol = new Intl.NumberFormat(tag, { style: 'currency', currency }).formatToParts(1).find((p) => p.type === 'currency')?.value ?? '';
  for (const mark of [currency, symbol]) {
    if (!mark) continue;
    const at = t.indexOf(mark);
    if (at === 0 || (at > 0 && at === t.length - mark.length)) t = (t.slice(0, at) + t.slice(at + mark.length)).trim();
  }
  if (t.startsWith('-')) {
    negative = !negative;
    t = t.slice(1).trim();
  }
  const n = parseLocaleNumber(t, tag);
  if (n === undefined || n < 0) return undefined;
  return negative ? -n : n;
}

/** lsNumberFormat: the numberFormat mask, then the locale's grouping and decimal symbols. */
function lsNumberFormat(ctx: FnContext, v: unknown, mask: string | undefined, locale: string | undefined): string {
  const tag = localeFor(ctx, 'lsNumberFormat', locale);
  const out = numberMask(numberArg(v, 'lsNumberFormat'), mask, 'lsNumberFormat');
  const { group, decimal } = symbols(tag);
  if (group === ',' && decimal === '.') return out;
  const g = plainSpaces(group) || ' ';
  return out.replace(/[,.]/g, (c) => (c === ',' ? g : decimal));
}

const numberParam = { name: 'number', type: 'any' as const, required: true };
const typeParam = { name: 'type', type: 'string' as const, default: 'local' };
const localeParam = { name: 'locale', type: 'string' as const };

export const localeNumberFunctions: FunctionDef[] = [
  {
    name: 'lsNumberFormat',
    params: [numberParam, { name: 'mask', type: 'string' }, localeParam],
    members: [{ type: 'numeric', name: 'lsNumberFormat' }],
    impl: lsNumberFormat,
  },
  {
    name: 'lsCurrencyFormat',
    params: [numberParam, typeParam, localeParam],
    members: [{ type: 'numeric', name: 'lsCurrencyFormat' }],
    impl: (ctx, v: unknown, type: string, locale?: string) => {
      const tag = localeFor(ctx, 'lsCurrencyFormat', locale);
      return formatCurrency(numberArg(v, 'lsCurrencyFormat'), type, tag, currencyOf(tag), 'lsCurrencyFormat');
    },
  },
  {
    // Lucee 7: the same as lsCurrencyFormat (the locale's own currency)
    name: 'lsEuroCurrencyFormat',
    params: [{ name: 'currency', type: 'any', required: true }, typeParam, localeParam],
    impl: (ctx, v: unknown, type: string, locale?: string) => {
      const tag = localeFor(ctx, 'lsEuroCurrencyFormat', locale);
      return formatCurrency(numberArg(v, 'lsEuroCurrencyFormat'), type, tag, currencyOf(tag), 'lsEuroCurrencyFormat');
    },
  },
  {
    name: 'lsParseNumber',
    params: [{ name: 'string', type: 'string', required: true }, localeParam],
    impl: (ctx, s: string, locale?: string) => {
      const n = parseLocaleNumber(s, localeFor(ctx, 'lsParseNumber', locale));
      if (n === undefined) throw expressionError(`can't parse [${s}] to a number for function [lsParseNumber]`);
      return n;
    },
  },
  {
    name: 'lsIsNumeric',
    params: [{ name: 'string', type: 'any', required: true }, localeParam],
    impl: (ctx, v: unknown, locale?: string) => {
      v = simple(v);
      if (typeof v === 'number') return true;
      return typeof v === 'string' && parseLocaleNumber(v, localeFor(ctx, 'lsIsNumeric', locale)) !== undefined;
    },
  },
  ...(['lsParseCurrency', 'lsParseEuroCurrency'] as const).map(
    (name): FunctionDef => ({
      name,
      params: [{ name: 'string', type: 'string', required: true }, localeParam],
      impl: (ctx, s: string, locale?: string) => {
        const tag = localeFor(ctx, name, locale);
        const n = parseLocaleCurrency(s, tag, name === 'lsParseEuroCurrency' ? 'EUR' : currencyOf(tag));
        if (n === undefined) throw expressionError(`can't parse [${s}] as a currency value for function [${name}]`);
        return n;
      },
    }),
  ),
  {
    name: 'lsIsCurrency',
    params: [{ name: 'string', type: 'any', required: true }, localeParam],
    impl: (ctx, v: unknown, locale?: string) => {
      v = simple(v);
      if (typeof v === 'number') return true;
      if (typeof v !== 'string') return false;
      const tag = localeFor(ctx, 'lsIsCurrency', locale);
      return parseLocaleCurrency(v, tag, currencyOf(tag)) !== undefined;
    },
  },
];
