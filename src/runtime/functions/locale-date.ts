/**
 * Locale-aware date reading: lsIsDate and lsParseDateTime read dates written the locale's way
 * ("05.03.2024" and "5. März 2024" in de_DE, "05/03/2024" in en_GB), with the day/month/year order
 * and month names taken from Node's ICU (Intl.DateTimeFormat), then fall back to the dates every
 * locale reads (ISO, US forms; see parseDateTime). The locale is the argument or the request's.
 */
import { expressionError } from '../errors.js';
import { simple, toStr } from '../cast.js';
import { parseDateString } from '../dates.js';
import { dateParts, wallToDate } from '../time-zone.js';
import { localeFor } from './locale.js';
import type { FnContext, FunctionDef } from './types.js';

type Field = 'day' | 'month' | 'year';

/** The order of day, month and year in the locale's numeric dates. */
function fieldOrder(tag: string): Field[] {
  const parts = new Intl.DateTimeFormat(tag, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).formatToParts(new Date(Date.UTC(2024, 10, 22)));
  return parts.filter((p): p is Intl.DateTimeFormatPart & { type: Field } => p.type === 'day' || p.type === 'month' || p.type === 'year').map((p) => p.type);
}

/** Lower-case month names of the locale (long and short, without dots) to month numbers 1..12. */
function monthNames(tag: string): Map<string, number> {
  const names = new Map<string, number>();
  for (const month of ['long', 'short'] as const) {
    const f = new Intl.DateTimeFormat(tag, { month, timeZone: 'UTC' });
    for (let m = 0; m < 12; m++) names.set(f.format(new Date(Date.UTC(2024, m, 1))).toLowerCase().replace(/\.$/, ''), m + 1);
  }
  return names;
}

function build(y: number, m: number, d: number, time: string | undefined): Date | undefined {
  if (y < 100) y += y < 30 ? 2000 : 1900;
  let h = 0;
  let mi = 0;
  let s = 0;
  if (time) {
    const t = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(time);
    if (!t) return undefined;
    [h, mi, s] = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0)];
  }
  if (m < 1 || m > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return undefined;
  if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return undefined;
  return wallToDate(y, m, d, h, mi, s);
}

/** Lower-case weekday names of the locale (long and short, without dots) to 0 (Sunday)..6. */
function weekdayNames(tag: string): Map<string, number> {
  const names = new Map<string, number>();
  for (const weekday of ['long', 'short'] as const) {
    const f = new Intl.DateTimeFormat(tag, { weekday, timeZone: 'UTC' });
    // 2023-01-01 was a Sunday
    for (let d = 0; d < 7; d++) names.set(f.format(new Date(Date.UTC(2023, 0, 1 + d))).toLowerCase().replace(/\.$/, ''), d);
  }
  return names;
}

/**
 * A date written the way `tag` writes it, or undefined. A leading weekday name ("Freitag, 29.
 * Februar 2008") must be the date's own weekday. In en_US a month and day alone ("1/31") are
 * that day of the current year.
 */
export function parseLocaleDate(text: string, tag: string): Date | undefined {
  let rest = text.trim();
  let weekday: number | undefined;
  const w = /^([^\s\d,.]+)\.?,?\s+(?=\d|[^\s\d,.]+\s+\d)/u.exec(rest);
  if (w) {
    weekday = weekdayNames(tag).get(w[1]!.toLowerCase());
    if (weekday !== undefined) rest = rest.slice(w[0].length);
  }
  const d = parseLocaleDateOnly(rest, tag);
  if (!d || weekday === undefined) return d;
  return dateParts(d).dow === weekday ? d : undefined;
}

function parseLocaleDateOnly(text: string, tag: string): Date | undefined {
  const m = /^(.*?)(?:[ ,T]+(\d{1,2}:\d{2}(?::\d{2})?))?$/.exec(text);
  if (!m) return undefined;
  const [, datePart = '', time] = m;
  const monthDay = /^(\d{1,2})\/(\d{1,2})$/.exec(datePart);
  if (monthDay && /^en-US$/i.test(tag)) return build(dateParts(new Date()).year, Number(monthDay[1]), Number(monthDay[2]), time);
  const numeric = /^(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})\.?$/.exec(datePart);
  if (numeric) {
    const values = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
    // a leading four-digit year is always year-month-day
    const order: Field[] = numeric[1]!.length === 4 ? ['year', 'month', 'day'] : fieldOrder(tag);
    const at = (f: Field) => values[order.indexOf(f)]!;
    return build(at('year'), at('month'), at('day'), time);
  }
  const tokens = datePart.split(/[\s,./-]+/).filter(Boolean);
  if (tokens.length !== 3) return undefined;
  const names = monthNames(tag);
  const mi = tokens.findIndex((t) => names.has(t.toLowerCase()));
  if (mi < 0) return undefined;
  const nums = tokens.filter((_, i) => i !== mi);
  if (!nums.every((n) => /^\d{1,4}$/.test(n))) return undefined;
  const [a, b] = nums.map(Number) as [number, number];
  const yearFirst = nums[0]!.length === 4;
  return build(yearFirst ? a : b, names.get(tokens[mi]!.toLowerCase())!, yearFirst ? b : a, time);
}

/** A date for `tag`: its own way of writing, then the forms every locale reads. */
function readDate(text: string, tag: string): Date | undefined {
  return parseLocaleDate(text, tag) ?? parseDateString(text);
}

export const localeDateFunctions: FunctionDef[] = [
  {
    name: 'lsIsDate',
    params: [{ name: 'date', type: 'any', required: true }, { name: 'locale', type: 'string' }, { name: 'timezone', type: 'string' }],
    impl: (ctx: FnContext, v: unknown, locale?: string) => {
      v = simple(v);
      if (v instanceof Date) return true;
      if (typeof v !== 'string' || v.trim().length < 2) return false;
      return readDate(v, localeFor(ctx, 'lsIsDate', locale)) !== undefined;
    },
  },
];

/**
 * lsParseDateTime without a mask: the locale's own forms first. Returns undefined when the text is
 * not one, so the caller can go on with parseDateTime's rules.
 */
export function lsParseLocaleDate(ctx: FnContext, v: unknown, locale: string | undefined): Date | undefined {
  v = simple(v);
  if (v instanceof Date) return v;
  const s = toStr(v);
  const d = parseLocaleDate(s, localeFor(ctx, 'lsParseDateTime', locale));
  if (d === undefined && s.trim() === '') throw expressionError(`can't parse [${s}] to a date for function [lsParseDateTime]`);
  return d;
}
