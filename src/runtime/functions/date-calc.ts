/**
 * Date arithmetic behind dateAdd, dateDiff, dateCompare and datePart. Day-based parts work on the
 * request zone's calendar (wall clock), hours and smaller on elapsed time, as Lucee does.
 */
import { expressionError } from '../errors.js';
import { dateParts, dayOfYear, weekOfYearInYear, type DateParts } from './date-mask.js';
import { wallToDate } from '../time-zone.js';

const DAY_MS = 86_400_000;

export function daysInMonthOf(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Adds months on the request zone's calendar, clamping the day to the target month's length (Jan 31 + 1 month = Feb 28/29). */
function addMonths(d: Date, n: number): Date {
  const p = dateParts(d);
  const total = p.year * 12 + (p.month - 1) + n;
  const y = Math.floor(total / 12);
  const mo = total - y * 12 + 1;
  return wallToDate(y, mo, Math.min(p.day, daysInMonthOf(y, mo)), p.hour, p.minute, p.second, p.ms);
}

/** Adds calendar days on the request zone's wall clock (the time of day stays across a DST change). */
function addDays(d: Date, n: number): Date {
  const p = dateParts(d);
  return wallToDate(p.year, p.month, p.day + n, p.hour, p.minute, p.second, p.ms);
}

/** Adds business days (Monday-Friday); a weekend start counts from the next/previous weekday. */
function addWeekdays(d: Date, n: number): Date {
  let r = new Date(d.getTime());
  if (n === 0) return r;
  const step = n > 0 ? 1 : -1;
  let left = Math.abs(n);
  const weeks = Math.floor((left - 1) / 5);
  if (weeks > 0) {
    r = addDays(r, step * weeks * 7);
    left -= weeks * 5;
  }
  while (left > 0) {
    r = addDays(r, step);
    const dow = dateParts(r).dow;
    if (dow !== 0 && dow !== 6) left--;
  }
  return r;
}

export function dateAdd(part: string, n: number, d: Date): Date {
  const p = part.toLowerCase();
  const k = Math.trunc(n);
  switch (p) {
    case 'l':
      return new Date(d.getTime() + k);
    case 's':
      return new Date(d.getTime() + k * 1000);
    case 'n':
      return new Date(d.getTime() + k * 60_000);
    case 'h':
      return new Date(d.getTime() + k * 3_600_000);
    case 'yyyy':
      return addMonths(d, k * 12);
    case 'q':
      return addMonths(d, k * 3);
    case 'm':
      return addMonths(d, k);
    case 'y':
    case 'd':
      return addDays(d, k);
    case 'ww':
      return addDays(d, k * 7);
    case 'w':
      return addWeekdays(d, k);
  }
  throw expressionError(`invalid datepart identifier [${part}] for function dateAdd`, {
    detail: 'valid dateparts are [yyyy, q, m, y, d, w, ww, h, n, s, l]',
  });
}

/** Compares the wall-clock tail (day, hour, minute, second) of two dates: -1, 0 or 1. */
function tailSign(a: DateParts, b: DateParts, fromDay: boolean): number {
  const keys: (keyof DateParts)[] = fromDay ? ['day', 'hour', 'minute', 'second'] : ['hour', 'minute', 'second'];
  for (const k of keys) {
    const x = (b[k] as number) - (a[k] as number);
    if (x !== 0) return Math.sign(x);
  }
  return 0;
}

function calendarDays(a: DateParts, b: DateParts): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS);
}

function diffForward(part: string, a: DateParts, b: DateParts): number {
  switch (part) {
    case 'd':
    case 'y':
    case 'ww':
    case 'w': {
      const days = calendarDays(a, b) + (tailSign(a, b, false) < 0 ? -1 : 0);
      return part === 'w' || part === 'ww' ? Math.trunc(days / 7) : days;
    }
    case 'yyyy': {
      const behind = b.month < a.month || (b.month === a.month && tailSign(a, b, true) < 0);
      return b.year - a.year - (behind ? 1 : 0);
    }
    case 'm':
    case 'q': {
      let dayTail = tailSign(a, b, true);
      // the end of a shorter month counts as a full month (Jan 31 -> Feb 28 is one month)
      if (b.day < a.day && b.day === daysInMonthOf(b.year, b.month)) dayTail = tailSign(a, { ...b, day: a.day }, true);
      const months = (b.year - a.year) * 12 + (b.month - a.month) + (dayTail < 0 ? -1 : 0);
      return part === 'q' ? Math.trunc(months / 3) : months;
    }
    case 'wd': {
      // weekdays: count Monday-Friday dates after a up to b
      let days = calendarDays(a, b) + (tailSign(a, b, false) < 0 ? -1 : 0);
      let count = 0;
      const start = new Date(Date.UTC(a.year, a.month - 1, a.day));
      const full = Math.floor(days / 7);
      count += full * 5;
      days -= full * 7;
      for (let i = 1; i <= days; i++) {
        const dow = (start.getUTCDay() + full * 7 + i) % 7;
        if (dow !== 0 && dow !== 6) count++;
      }
      return count;
    }
  }
  throw expressionError(`invalid datepart [${part}] for function dateDiff`, {
    detail: 'valid dateparts are [yyyy, q, m, y, d, w, ww, wd, h, n, s, l]',
  });
}

/** dateDiff(part, date1, date2): how many whole parts from date1 to date2 (negative when date2 is earlier). */
export function dateDiff(part: string, d1: Date, d2: Date): number {
  const p = part.toLowerCase();
  const ms = d2.getTime() - d1.getTime();
  switch (p) {
    case 'l':
      return ms;
    case 's':
      return Math.trunc(ms / 1000);
    case 'n':
      return Math.trunc(ms / 60_000);
    case 'h':
      return Math.trunc(ms / 3_600_000);
  }
  const a = dateParts(d1);
  const b = dateParts(d2);
  return ms < 0 ? 0 - diffForward(p, b, a) || 0 : diffForward(p, a, b);
}

const PRECISION = ['yyyy', 'm', 'd', 'h', 'n', 's', 'l'];

/** dateCompare with a precision: -1, 0 or 1. */
export function dateCompare(d1: Date, d2: Date, part: string): number {
  let p = part.toLowerCase();
  if (p === 'y' || p === 'ww' || p === 'w') p = 'd';
  if (p === 'q') p = 'm';
  const depth = PRECISION.indexOf(p);
  if (depth < 0) {
    throw expressionError(`invalid datePart [${part}] for function dateCompare`, { detail: 'valid values are [yyyy, m, d, h, n, s, l]' });
  }
  const a = dateParts(d1);
  const b = dateParts(d2);
  const va = [a.year, a.month, a.day, a.hour, a.minute, a.second, a.ms];
  const vb = [b.year, b.month, b.day, b.hour, b.minute, b.second, b.ms];
  for (let i = 0; i <= depth; i++) {
    if (va[i] !== vb[i]) return va[i]! < vb[i]! ? -1 : 1;
  }
  return 0;
}

export function datePart(part: string, p: DateParts): number {
  switch (part.toLowerCase()) {
    case 'yyyy':
      return p.year;
    case 'q':
      return Math.floor((p.month - 1) / 3) + 1;
    case 'm':
      return p.month;
    case 'y':
      return dayOfYear(p.year, p.month, p.day);
    case 'd':
      return p.day;
    case 'w':
      return p.dow + 1;
    case 'ww':
      return weekOfYearInYear(p.year, p.month, p.day);
    case 'h':
      return p.hour;
    case 'n':
      return p.minute;
    case 's':
      return p.second;
    case 'l':
      return p.ms;
  }
  throw expressionError(`invalid datepart [${part}] for function datePart`, {
    detail: 'valid dateparts are [yyyy, q, m, y, d, w, ww, h, n, s, l]',
  });
}
