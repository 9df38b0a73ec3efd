import type { FnContext, FunctionDef, ParamSpec } from './types.js';
import { localeFor } from './locale.js';
import { expressionError } from '../errors.js';
import { OdbcDate, parseDateString } from '../dates.js';
import { Struct } from '../struct.js';
import { simple, toStr } from '../cast.js';
import {
  DATETIME_DEFAULT_MASK,
  DAY_NAMES,
  MONTH_NAMES,
  calendarNames,
  dateParts,
  dayOfYear,
  formatDateMask,
  formatDateTimeMask,
  formatInput,
  formatTimeMask,
  normalizeZone,
  offsetRfc,
  weekOfYearInYear,
  weekOfYearBy,
  zoneName,
  isStyle,
} from './date-mask.js';
import { dateAdd, dateCompare, dateDiff, datePart, daysInMonthOf, isLeap } from './date-calc.js';
import { parseWithMask } from './date-parse.js';
import { parseLocaleDate } from './locale-date.js';
import { MAX_YEAR, MIN_YEAR } from '../dates.js';
import { processZone, requestZone, wallToDate, zoneArg } from '../time-zone.js';
import { numberText } from '../limits.js';

const tzParam: ParamSpec = { name: 'timezone', type: 'string' };
const dateArg: ParamSpec = { name: 'date', type: 'date', required: true };

/** The instant whose wall clock in `zone` (else the request's zone) reads the given parts; each part range-checked for `fn`. */
function fromParts(fn: string, y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0, zone?: string): Date {
  [y, mo, d, h, mi, s, ms] = [y, mo, d, h, mi, s, ms].map(Math.trunc) as [number, number, number, number, number, number, number];
  // a JS Date holds about 275,000 years either side of 1970; later years would print as NaN
  if (!(y >= MIN_YEAR && y <= MAX_YEAR)) throw expressionError(`invalid year [${numberText(y)}] for function [${fn}], the year must be between ${MIN_YEAR} and ${MAX_YEAR}`);
  if (mo < 1 || mo > 12) throw expressionError(`invalid month [${mo}] for function [${fn}], the month must be between 1 and 12`);
  if (d < 1 || d > daysInMonthOf(y, mo)) throw expressionError(`invalid day [${d}] for function [${fn}], the month ${mo}/${y} has ${daysInMonthOf(y, mo)} days`);
  if (h < 0 || h > 23) throw expressionError(`invalid hour [${h}] for function [${fn}], the hour must be between 0 and 23`);
  if (mi < 0 || mi > 59) throw expressionError(`invalid minute [${mi}] for function [${fn}], the minute must be between 0 and 59`);
  if (s < 0 || s > 59) throw expressionError(`invalid second [${s}] for function [${fn}], the second must be between 0 and 59`);
  if (ms < 0 || ms > 999) throw expressionError(`invalid millisecond [${ms}] for function [${fn}], the millisecond must be between 0 and 999`);
  return wallToDate(y, mo, d, h, mi, s, ms, zone);
}

/** A simple date accessor: year(date [, timezone]) and friends, with their member form. */
function part(name: string, get: (p: ReturnType<typeof dateParts>) => number, member = name): FunctionDef {
  return {
    name,
    params: [dateArg, tzParam],
    members: [{ type: 'date', name: member }],
    impl: (_ctx, d: Date, tz?: string) => get(dateParts(d, zoneArg(tz))),
  };
}

function formatFn(name: string, mask: string, format: (p: ReturnType<typeof dateParts>, mask: string) => string, argName: string, members: string[]): FunctionDef {
  return {
    name,
    params: [{ name: argName, type: 'any', required: true }, { name: 'mask', type: 'string', default: mask }, tzParam],
    members: members.map((m) => ({ type: 'date' as const, name: m })),
    impl: (_ctx, v: unknown, m: string, tz?: string) => {
      const d = formatInput(v, name);
      if (!d) return '';
      return format(dateParts(d, zoneArg(tz)), m);
    },
  };
}

const LOCALE_HINT = /^(en|en[_-]us|english|english \(us\)|english \(united states\))$/i;

/** Locale names CFML code passes ("de_DE", "German (Standard)") to BCP 47 tags for Intl. */
export function localeTag(locale: string | undefined): string | undefined {
  if (!locale || !locale.trim() || LOCALE_HINT.test(locale.trim())) return undefined;
  const l = locale.trim();
  const named: Record<string, string> = { german: 'de', french: 'fr', spanish: 'es', italian: 'it', dutch: 'nl', english: 'en', portuguese: 'pt', japanese: 'ja', chinese: 'zh' };
  const m = /^([a-z]+)(?:\s*\(([^)]*)\))?$/i.exec(l);
  if (m && named[m[1]!.toLowerCase()]) return named[m[1]!.toLowerCase()];
  const tag = l.replace(/_/g, '-');
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    throw expressionError(`invalid locale [${locale}]`);
  }
}

function intlName(locale: string | undefined, opts: Intl.DateTimeFormatOptions, when: Date): string | undefined {
  const tag = localeTag(locale);
  if (!tag) return undefined;
  return new Intl.DateTimeFormat(tag, { ...opts, timeZone: 'UTC' }).format(when);
}

/** The locale of an LS date function: its argument, else the request's (setLocale); undefined for English (US). */
function lsLocale(ctx: FnContext, fn: string, locale: string | undefined): string | undefined {
  return localeTag(localeFor(ctx, fn, locale));
}

/** The date an LS format function formats: a string is read the locale's way first ("06.04.08" is 6 April in de_CH). */
function lsInput(v: unknown, fn: string, tag: string | undefined): Date | null {
  const s = simple(v);
  if (tag && typeof s === 'string') {
    const d = parseLocaleDate(s, tag);
    if (d) return d;
  }
  return formatInput(v, fn);
}

function lsFormat(kind: 'date' | 'time') {
  return (ctx: FnContext, v: unknown, mask: string, locale?: string, tz?: string) => {
    const fn = kind === 'date' ? 'lsDateFormat' : 'lsTimeFormat';
    const tag = lsLocale(ctx, fn, locale);
    const d = lsInput(v, fn, tag);
    if (!d) return '';
    const lc = mask.toLowerCase();
    if (tag && isStyle(lc)) {
      const style = lc as 'short' | 'medium' | 'long' | 'full';
      const opts: Intl.DateTimeFormatOptions = kind === 'date' ? { dateStyle: style } : { timeStyle: style };
      return new Intl.DateTimeFormat(tag, { ...opts, timeZone: zoneArg(tz) ? normalizeZone(tz!) : undefined }).format(d);
    }
    const p = dateParts(d, zoneArg(tz));
    // masks print the locale's month and weekday names ("mmmm" is "Januar" in German)
    return kind === 'date' ? formatDateMask(p, mask, tag ? calendarNames(tag) : undefined) : formatTimeMask(p, mask);
  };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

export const dateFunctions: FunctionDef[] = [
  { name: 'now', params: [], impl: () => new Date() },
  {
    name: 'createDate',
    params: [
      { name: 'year', type: 'numeric', required: true },
      { name: 'month', type: 'numeric', default: 1 },
      { name: 'day', type: 'numeric', default: 1 },
      tzParam,
    ],
    impl: (_ctx, y: number, m: number, d: number, tz?: string) => fromParts('createDate', y, m, d, 0, 0, 0, 0, zoneArg(tz)),
  },
  {
    name: 'createDateTime',
    params: [
      { name: 'year', type: 'numeric', required: true },
      { name: 'month', type: 'numeric', default: 1 },
      { name: 'day', type: 'numeric', default: 1 },
      { name: 'hour', type: 'numeric', default: 0 },
      { name: 'minute', type: 'numeric', default: 0 },
      { name: 'second', type: 'numeric', default: 0 },
      { name: 'millisecond', type: 'numeric', default: 0 },
      tzParam,
    ],
    impl: (_ctx, y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, tz?: string) =>
      fromParts('createDateTime', y, mo, d, h, mi, s, ms, zoneArg(tz)),
  },
  {
    name: 'createTime',
    params: [
      { name: 'hour', type: 'numeric', required: true },
      { name: 'minute', type: 'numeric', default: 0 },
      { name: 'second', type: 'numeric', default: 0 },
      { name: 'millisecond', type: 'numeric', default: 0 },
      tzParam,
    ],
    impl: (_ctx, h: number, mi: number, s: number, ms: number, tz?: string) =>
      new OdbcDate(fromParts('createTime', 1899, 12, 30, h, mi, s, ms, zoneArg(tz)).getTime(), 't'),
  },
  {
    name: 'createTimeSpan',
    params: [
      { name: 'days', type: 'numeric', required: true },
      { name: 'hours', type: 'numeric', required: true },
      { name: 'minutes', type: 'numeric', required: true },
      { name: 'seconds', type: 'numeric', required: true },
      { name: 'milliseconds', type: 'numeric', default: 0 },
    ],
    impl: (_ctx, d: number, h: number, m: number, s: number, ms: number) => {
      const t = Math.trunc;
      return t(d) + t(h) / 24 + t(m) / 1440 + t(s) / 86_400 + t(ms) / 86_400_000;
    },
  },
  {
    name: 'createODBCDate',
    params: [dateArg, tzParam],
    members: [{ type: 'date', name: 'createODBCDate' }],
    impl: (_ctx, d: Date, tz?: string) => {
      const p = dateParts(d, zoneArg(tz));
      return new OdbcDate(fromParts('createODBCDate', p.year, p.month, p.day, 0, 0, 0, 0, zoneArg(tz)).getTime(), 'd');
    },
  },
  {
    name: 'createODBCDateTime',
    params: [dateArg],
    members: [{ type: 'date', name: 'createODBCDateTime' }],
    impl: (_ctx, d: Date) => new Date(d.getTime() - d.getMilliseconds()),
  },
  {
    name: 'createODBCTime',
    params: [dateArg],
    members: [{ type: 'date', name: 'createODBCTime' }],
    impl: (_ctx, d: Date) => {
      const p = dateParts(d);
      return new OdbcDate(fromParts('createODBCTime', 1899, 12, 30, p.hour, p.minute, p.second).getTime(), 't');
    },
  },
  {
    name: 'parseDateTime',
    params: [{ name: 'dt_string', type: 'any', required: true }, { name: 'pop_conversion', type: 'string' }, tzParam],
    // Lucee core-base.fld: member-name parseDateTime ("2024-01-31".parseDateTime())
    members: [{ type: 'string', name: 'parseDateTime' }],
    impl: (_ctx, v: unknown, format?: string, tz?: string) => {
      v = simple(v);
      if (v instanceof Date) return v;
      const s = toStr(v);
      const f = (format ?? '').trim();
      if (f && !/^(pop|standard)$/i.test(f)) {
        const d = parseWithMask(s, f, zoneArg(tz));
        if (!d) throw expressionError(`can't parse [${s}] with the mask [${f}] to a date`);
        return d;
      }
      // pop: RFC 822 mail dates; comments like "(CET)" and the weekday are ignored.
      const d = parseDateString(/^pop$/i.test(f) ? s.replace(/\s*\([^)]*\)\s*$/, '') : s);
      if (!d) throw expressionError(`can't cast [${s}] to date value`);
      return d;
    },
  },
  formatFn('dateFormat', 'dd-mmm-yy', formatDateMask, 'date', ['dateFormat']),
  formatFn('timeFormat', 'hh:mm tt', formatTimeMask, 'time', ['timeFormat']),
  formatFn('dateTimeFormat', DATETIME_DEFAULT_MASK, formatDateTimeMask, 'date', ['dateTimeFormat', 'format']),
  {
    name: 'lsDateFormat',
    params: [{ name: 'date', type: 'any', required: true }, { name: 'mask', type: 'string', default: 'medium' }, { name: 'locale', type: 'string' }, tzParam],
    members: [{ type: 'date', name: 'lsDateFormat' }],
    impl: lsFormat('date'),
  },
  {
    name: 'lsTimeFormat',
    params: [{ name: 'time', type: 'any', required: true }, { name: 'mask', type: 'string', default: 'short' }, { name: 'locale', type: 'string' }, tzParam],
    members: [{ type: 'date', name: 'lsTimeFormat' }],
    impl: lsFormat('time'),
  },
  {
    name: 'lsDateTimeFormat',
    params: [{ name: 'date', type: 'any', required: true }, { name: 'mask', type: 'string', default: 'medium' }, { name: 'locale', type: 'string' }, tzParam],
    members: [{ type: 'date', name: 'lsDateTimeFormat' }],
    impl: (ctx, v: unknown, mask: string, locale?: string, tz?: string) => {
      const tag = lsLocale(ctx, 'lsDateTimeFormat', locale);
      const d = lsInput(v, 'lsDateTimeFormat', tag);
      if (!d) return '';
      const lc = mask.toLowerCase();
      if (tag && isStyle(lc)) {
        const style = lc as 'short' | 'medium' | 'long' | 'full';
        return new Intl.DateTimeFormat(tag, { dateStyle: style, timeStyle: style, timeZone: zoneArg(tz) ? normalizeZone(tz!) : undefined }).format(d);
      }
      return formatDateTimeMask(dateParts(d, zoneArg(tz)), mask, tag ? calendarNames(tag) : undefined);
    },
  },
  {
    name: 'dateAdd',
    params: [{ name: 'datepart', type: 'string', required: true }, { name: 'number', type: 'numeric', required: true }, dateArg],
    members: [{ type: 'date', name: 'add', receiverArg: 2 }],
    impl: (_ctx, part: string, n: number, d: Date) => dateAdd(part, n, d),
  },
  {
    name: 'dateDiff',
    params: [{ name: 'datepart', type: 'string', required: true }, { name: 'date1', type: 'date', required: true }, { name: 'date2', type: 'date', required: true }],
    members: [{ type: 'date', name: 'diff', receiverArg: 2 }],
    impl: (_ctx, part: string, d1: Date, d2: Date) => dateDiff(part, d1, d2),
  },
  {
    name: 'dateCompare',
    params: [{ name: 'date1', type: 'date', required: true }, { name: 'date2', type: 'date', required: true }, { name: 'datePart', type: 'string', default: 's' }],
    members: [{ type: 'date', name: 'compare' }],
    impl: (_ctx, d1: Date, d2: Date, p: string) => dateCompare(d1, d2, p),
  },
  {
    name: 'datePart',
    params: [{ name: 'datepart', type: 'string', required: true }, dateArg, tzParam],
    members: [{ type: 'date', name: 'datePart', receiverArg: 1 }],
    impl: (_ctx, p: string, d: Date, tz?: string) => datePart(p, dateParts(d, zoneArg(tz))),
  },
  part('year', (p) => p.year),
  part('month', (p) => p.month),
  part('day', (p) => p.day),
  part('hour', (p) => p.hour),
  part('minute', (p) => p.minute),
  part('second', (p) => p.second),
  part('millisecond', (p) => p.ms),
  part('quarter', (p) => Math.floor((p.month - 1) / 3) + 1),
  part('week', (p) => weekOfYearInYear(p.year, p.month, p.day)),
  {
    // Lucee's LSWeek: the week of the year by the locale's first weekday and minimal days of week 1
    // (Java's Calendar rules: en_US Sunday/1, de_DE Monday/4); locale and zone default to the request's.
    name: 'lsWeek',
    params: [dateArg, { name: 'locale', type: 'string' }, tzParam],
    impl: (ctx, d: Date, locale?: string, tz?: string) => {
      const tag = localeFor(ctx, 'lsWeek', locale);
      const loc = new Intl.Locale(tag) as Intl.Locale & { weekInfo?: { firstDay: number; minimalDays: number }; getWeekInfo?: () => { firstDay: number; minimalDays: number } };
      const info = loc.getWeekInfo?.() ?? loc.weekInfo ?? { firstDay: 7, minimalDays: 1 };
      const p = dateParts(d, zoneArg(tz));
      return weekOfYearBy(p.year, p.month, p.day, info.firstDay % 7, info.minimalDays);
    },
  },
  part('dayOfWeek', (p) => p.dow + 1),
  part('dayOfYear', (p) => dayOfYear(p.year, p.month, p.day)),
  part('daysInMonth', (p) => daysInMonthOf(p.year, p.month)),
  part('daysInYear', (p) => (isLeap(p.year) ? 366 : 365)),
  part('firstDayOfMonth', (p) => dayOfYear(p.year, p.month, 1)),
  {
    name: 'dayOfWeekAsString',
    params: [{ name: 'dayOfWeek', type: 'numeric', required: true }, { name: 'locale', type: 'string' }],
    impl: (ctx, n: number, locale?: string) => {
      const i = Math.trunc(n);
      if (i < 1 || i > 7) throw expressionError(`invalid day of the week [${n}] for function [dayOfWeekAsString], it must be between 1 and 7`);
      // 2023-01-01 was a Sunday
      return intlName(localeFor(ctx, 'dayOfWeekAsString', locale), { weekday: 'long' }, new Date(Date.UTC(2023, 0, i))) ?? DAY_NAMES[i - 1];
    },
  },
  {
    name: 'dayOfWeekShortAsString',
    params: [{ name: 'dayOfWeek', type: 'numeric', required: true }, { name: 'locale', type: 'string' }],
    impl: (ctx, n: number, locale?: string) => {
      const i = Math.trunc(n);
      if (i < 1 || i > 7) throw expressionError(`invalid day of the week [${n}] for function [dayOfWeekShortAsString], it must be between 1 and 7`);
      return intlName(localeFor(ctx, 'dayOfWeekShortAsString', locale), { weekday: 'short' }, new Date(Date.UTC(2023, 0, i))) ?? DAY_NAMES[i - 1]!.slice(0, 3);
    },
  },
  {
    name: 'monthAsString',
    params: [{ name: 'month_number', type: 'numeric', required: true }, { name: 'locale', type: 'string' }],
    impl: (ctx, n: number, locale?: string) => {
      const i = Math.trunc(n);
      if (i < 1 || i > 12) throw expressionError(`invalid month [${n}] for function [monthAsString], it must be between 1 and 12`);
      return intlName(localeFor(ctx, 'monthAsString', locale), { month: 'long' }, new Date(Date.UTC(2023, i - 1, 1))) ?? MONTH_NAMES[i - 1];
    },
  },
  {
    name: 'monthShortAsString',
    params: [{ name: 'month_number', type: 'numeric', required: true }, { name: 'locale', type: 'string' }],
    impl: (ctx, n: number, locale?: string) => {
      const i = Math.trunc(n);
      if (i < 1 || i > 12) throw expressionError(`invalid month [${n}] for function [monthShortAsString], it must be between 1 and 12`);
      return intlName(localeFor(ctx, 'monthShortAsString', locale), { month: 'short' }, new Date(Date.UTC(2023, i - 1, 1))) ?? MONTH_NAMES[i - 1]!.slice(0, 3);
    },
  },
  {
    name: 'isLeapYear',
    params: [{ name: 'year', type: 'numeric', required: true }],
    impl: (_ctx, y: number) => isLeap(Math.trunc(y)),
  },
  {
    name: 'getTickCount',
    params: [{ name: 'unit', type: 'string' }],
    impl: (_ctx, unit?: string) => {
      const u = (unit ?? '').toLowerCase();
      if (u === 'nano') return Number(process.hrtime.bigint());
      if (u === 'second') return Math.floor(Date.now() / 1000);
      return Date.now();
    },
  },
  {
    name: 'getHttpTimeString',
    params: [{ name: 'DateTime', type: 'date' }],
    impl: (_ctx, d?: Date) => {
      const p = dateParts(d ?? new Date(), 'UTC');
      return `${DAY_NAMES[p.dow]!.slice(0, 3)}, ${pad2(p.day)} ${MONTH_NAMES[p.month - 1]!.slice(0, 3)} ${p.year} ${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)} GMT`;
    },
  },
  {
    name: 'dateConvert',
    params: [{ name: 'conversionType', type: 'string', required: true }, dateArg],
    members: [{ type: 'date', name: 'convert', receiverArg: 1 }],
    impl: (_ctx, type: string, d: Date) => {
      const t = type.toLowerCase();
      // the request zone's wall clock read as UTC, and back
      if (t === 'local2utc') return new Date(d.getTime() - dateParts(d).offset * 60_000);
      if (t === 'utc2local') {
        const guess = new Date(d.getTime() + dateParts(d).offset * 60_000);
        return new Date(d.getTime() + dateParts(guess).offset * 60_000);
      }
      throw expressionError(`invalid conversion type [${type}] for function [dateConvert], valid values are [local2Utc, utc2Local]`);
    },
  },
  {
    name: 'getTimeZoneInfo',
    params: [tzParam, { name: 'locale', type: 'string' }],
    impl: (_ctx, tz?: string) => {
      // without an argument: the zone of setTimeZone() for this render, else the process zone
      const set = requestZone();
      const zone = zoneArg(tz) ? normalizeZone(tz!) : set ? normalizeZone(set) : processZone();
      const now = new Date();
      const p = dateParts(now, zone);
      const jan = dateParts(new Date(Date.UTC(p.year, 0, 1)), zone).offset;
      const jul = dateParts(new Date(Date.UTC(p.year, 6, 1)), zone).offset;
      const west = 0 - p.offset || 0; // CFML counts seconds west of UTC as positive
      const s = new Struct();
      s.set('utcTotalOffset', west * 60);
      s.set('utcHourOffset', Math.trunc(west / 60));
      s.set('utcMinuteOffset', Math.abs(west % 60));
      s.set('isDSTOn', jan !== jul && p.offset === Math.max(jan, jul));
      s.set('id', zone);
      s.set('timezone', zone);
      s.set('name', zoneName(p, true));
      s.set('shortName', zoneName(p, false));
      s.set('offset', offsetRfc(p));
      return s;
    },
  },
];
