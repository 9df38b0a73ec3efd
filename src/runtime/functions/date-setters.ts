/**
 * Date member functions that change a date in place, as Lucee's hidden __setX functions with
 * member names: `d.setYear(n)`, `setMonth`, `setDay`, `setHour`, `setMinute`, `setSecond`,
 * `setMillisecond` (and the Java-style plurals `setMinutes`, `setSeconds`, `setHours`...), each
 * with an optional time zone; they return the date. As Java's lenient Calendar, a value past the
 * field's range carries over (`setMinute(100)` is 1:40). Also `d.part(datePart)` (datePart's
 * member name in Lucee) and lsDayOfWeek (the day of the week counted from the locale's first
 * day, as Lucee's LSDayOfWeek with Java's WeekFields).
 */
import type { FunctionDef, ParamSpec } from './types.js';
import { dateParts, type DateParts } from './date-mask.js';
import { datePart } from './date-calc.js';
import { localeFor } from './locale.js';
import { zoneArg } from '../time-zone.js';

type Field = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'ms';


/** The instant whose wall clock in `zone` reads the (possibly out-of-range) parts, carried over as Java does. */
function lenientInstant(p: Record<Field, number>, zone: string): number {
  const wallDate = new Date(Date.UTC(2000, 0, 1, p.hour, p.minute, p.second, p.ms));
  wallDate.setUTCFullYear(p.year, p.month - 1, p.day);
  const wall = wallDate.getTime();
  const first = wall - dateParts(new Date(wall), zone).offset * 60_000;
  return wall - dateParts(new Date(first), zone).offset * 60_000;
}

/**
 * Sets one field of `d` (in place) on its wall clock in `zone`, or in the zone the date functions
 * read when none is given (the request's, else the engine's local time).
 */
export function setDateField(d: Date, field: Field, value: number, zone?: string): Date {
  const p = dateParts(d, zone) as DateParts & { zone?: string };
  const parts: Record<Field, number> = { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute, second: p.second, ms: p.ms };
  parts[field] = Math.trunc(value);
  const z = zone ?? p.zone;
  if (z) d.setTime(lenientInstant(parts, z));
  else {
    // local time: the setters carry a value past its range into the next field
    const r = new Date(2000, 0, 1);
    r.setFullYear(parts.year, parts.month - 1, parts.day);
    r.setHours(parts.hour, parts.minute, parts.second, parts.ms);
    d.setTime(r.getTime());
  }
  return d;
}

const SETTERS: ReadonlyArray<[Field, string[]]> = [
  ['year', ['setYear']],
  ['month', ['setMonth']],
  ['day', ['setDay']],
  ['hour', ['setHour', 'setHours']],
  ['minute', ['setMinute', 'setMinutes']],
  ['second', ['setSecond', 'setSeconds']],
  ['ms', ['setMillisecond', 'setMilliseconds']],
];

const tzParam: ParamSpec = { name: 'timezone', type: 'string' };

export const dateSetterFunctions: FunctionDef[] = [
  ...SETTERS.map(
    ([field, names]): FunctionDef => ({
      name: `date.${names[0]}`,
      memberOnly: true,
      params: [{ name: 'date', type: 'date', required: true }, { name: 'value', type: 'numeric', required: true }, tzParam],
      members: names.map((name) => ({ type: 'date' as const, name })),
      impl: (_c, d: Date, value: number, tz?: string) => setDateField(d, field, value, zoneArg(tz)),
    }),
  ),
  {
    name: 'date.part',
    memberOnly: true,
    params: [{ name: 'date', type: 'date', required: true }, { name: 'datePart', type: 'string', required: true }, tzParam],
    members: [{ type: 'date', name: 'part' }],
    impl: (_c, d: Date, part: string, tz?: string) => datePart(part, dateParts(d, zoneArg(tz))),
  },
  {
    name: 'lsDayOfWeek',
    params: [{ name: 'date', type: 'date', required: true }, { name: 'locale', type: 'string' }, tzParam],
    members: [{ type: 'date', name: 'lsDayOfWeek' }],
    impl: (ctx, d: Date, locale?: string, tz?: string) => {
      const loc = new Intl.Locale(localeFor(ctx, 'lsDayOfWeek', locale)) as Intl.Locale & { weekInfo?: { firstDay: number }; getWeekInfo?: () => { firstDay: number } };
      // ISO day numbers: Monday 1 ... Sunday 7
      const first = (loc.getWeekInfo?.() ?? loc.weekInfo ?? { firstDay: 7 }).firstDay % 7;
      const dow = dateParts(d, zoneArg(tz)).dow; // Sunday 0
      return ((dow - first + 7) % 7) + 1;
    },
  },
];
