/**
 * The request's time zone and the wall-clock view of instants.
 *
 * A CFML date value is an instant (a JS Date). Everything that reads or builds its calendar
 * parts (year(), dateFormat, createDateTime, "2024-01-05 10:00" cast to a date, dateAdd("d"),
 * the `{ts '...'}` form) does so in the request's time zone: the one setTimeZone() or the
 * application's `timezone` setting chose, else the process's own zone. This is Lucee's rule
 * (PageContext.getTimeZone() is consulted by every date function and cast).
 *
 * The zone of a request travels with its async work (AsyncLocalStorage), so concurrent renders
 * of one Engine never see each other's zone. Without a zone set, the fast path reads the JS
 * Date's local getters.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { expressionError } from './errors.js';
import { BoundedMap } from './bounded-map.js';

/** What a request holds: the IANA zone id setTimeZone chose, or none (the process zone). */
export interface ZoneHolder {
  zone?: string;
}

const store = new AsyncLocalStorage<ZoneHolder>();

/**
 * Whether renders carry their zone holder through async work. An AsyncLocalStorage in use makes
 * every promise of the process cost more (Node 20: about 2x on a promise-bound loop), so it stays
 * off until the first setTimeZone() of the process (setZone); pages that never set a zone pay nothing.
 */
let carrying = false;

/** Runs `fn` (and the async work it starts) with `holder` as the request's zone. */
export function runInZone<T>(holder: ZoneHolder, fn: () => T): T {
  return carrying ? store.run(holder, fn) : fn();
}

/**
 * Sets the request's zone (setTimeZone). The first call of the process starts carrying zones:
 * the running render, which was not started inside runInZone, enters its holder here, and so do
 * the async continuations it creates from now on; every later render runs inside runInZone.
 */
export function setZone(holder: ZoneHolder, zone: string): void {
  holder.zone = zone;
  if (store.getStore() !== holder) {
    carrying = true;
    store.enterWith(holder);
  }
}

/** The zone holder of the request running now, if any. */
export function zoneHolder(): ZoneHolder | undefined {
  return store.getStore();
}

/** The request's zone id, or undefined when it is the process zone. */
export function requestZone(): string | undefined {
  return carrying ? store.getStore()?.zone : undefined;
}

/** The zone getTimeZone() reports: the request's (setTimeZone), else the process zone. */
export function currentZone(): string {
  return requestZone() ?? processZone();
}

/** A date function's optional zone argument: undefined when absent or blank (then the request's zone holds). */
export function zoneArg(tz: string | undefined): string | undefined {
  return tz && tz.trim() ? tz : undefined;
}

/** The process's own zone id ("UTC", "Europe/Berlin"). */
export function processZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** US and a few other abbreviations Lucee's TimeZoneUtil maps to zone ids (Intl rejects CDT, EDT, ...). */
const ZONE_ABBR: Record<string, string> = {
  et: 'US/Eastern', est: 'US/Eastern', edt: 'US/Eastern',
  ct: 'US/Central', cst: 'US/Central', cdt: 'US/Central',
  mt: 'US/Mountain', mst: 'US/Mountain', mdt: 'US/Mountain',
  pt: 'US/Pacific', pst: 'US/Pacific', pdt: 'US/Pacific',
  cest: 'CET', acdt: 'Australia/Darwin', aest: 'Australia/Queensland',
};

/**
 * Maps CFML-ish zone names ("UTC", "GMT", "GMT+1", "CET", "EST") to an id Intl accepts.
 * @throws Expression error for an offset with minutes other than 00 (no Etc zone holds it).
 */
export function normalizeZone(zone: string): string {
  const z = zone.trim();
  const abbr = ZONE_ABBR[z.toLowerCase()];
  if (abbr) return abbr;
  const m = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(z);
  if (m) {
    if (m[3] && m[3] !== '00') throw expressionError(`timezone [${zone}] is not supported, use a whole-hour offset or a zone name`);
    // Etc/GMT zones have the sign reversed.
    return +m[2]! === 0 ? 'UTC' : `Etc/GMT${m[1] === '+' ? '-' : '+'}${+m[2]!}`;
  }
  if (/^(gmt|utc|z|ut)$/i.test(z)) return 'UTC';
  return z;
}

/** The wall-clock view of an instant in one zone. */
export interface DateParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  dow: number; // 0 = Sunday
  /** Offset from UTC in minutes (east positive). */
  offset: number;
  /** The zone id the parts are read in; undefined for the process zone. */
  zone?: string;
  time: number;
}

// bounded: a zone name is matched case-insensitively, so a request can spell one in many ways
const zoneCache = new BoundedMap<string, Intl.DateTimeFormat>(1000);

function zoneFormatter(zone: string): Intl.DateTimeFormat {
  let f = zoneCache.get(zone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        weekday: 'short',
      });
    } catch {
      throw expressionError(`invalid timezone [${zone}]`);
    }
    zoneCache.set(zone, f);
  }
  return f;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/**
 * The calendar parts of `d` in `zone` (a CFML zone name), or in the request's zone when `zone`
 * is undefined, or in the process zone when the request has none.
 */
export function dateParts(d: Date, zone?: string): DateParts {
  const z = zone ?? requestZone();
  if (!z) {
    return {
      year: d.getFullYear(),
      month: d.getMonth() + 1,
      day: d.getDate(),
      hour: d.getHours(),
      minute: d.getMinutes(),
      second: d.getSeconds(),
      ms: d.getMilliseconds(),
      dow: d.getDay(),
      offset: -d.getTimezoneOffset(),
      time: d.getTime(),
    };
  }
  const tz = normalizeZone(z);
  const parts: Record<string, string> = {};
  for (const p of zoneFormatter(tz).formatToParts(d)) parts[p.type] = p.value;
  // Intl prints years before 1 AD as era BC with a positive year
  const year = parts.era === 'BC' || parts.era === 'B' ? 1 - +parts.year! : +parts.year!;
  const month = +parts.month!;
  const day = +parts.day!;
  const hour = +parts.hour! % 24;
  const minute = +parts.minute!;
  const second = +parts.second!;
  const ms = ((d.getTime() % 1000) + 1000) % 1000;
  const wall = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, ms));
  wall.setUTCFullYear(year);
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    ms,
    dow: WEEKDAYS.indexOf(parts.weekday!),
    offset: Math.round((wall.getTime() - d.getTime()) / 60_000),
    zone: tz,
    time: d.getTime(),
  };
}

/**
 * The instant whose wall clock in `zone` (else the request's zone, else the process zone) reads
 * the given parts. Parts out of range roll over (month 13 is January of the next year, day 0 the
 * last day of the month before), as Java's lenient Calendar does; a wall time inside a DST gap
 * moves forward by the gap.
 */
export function wallToDate(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0, zone?: string): Date {
  const z = zone ?? requestZone();
  if (!z) {
    const r = new Date(2000, 0, 1, 0, 0, 0, 0);
    r.setFullYear(y, mo - 1, d);
    r.setHours(h, mi, s, ms);
    return r;
  }
  const wallDate = new Date(Date.UTC(2000, 0, 1, 0, 0, 0, 0));
  wallDate.setUTCFullYear(y, mo - 1, d);
  wallDate.setUTCHours(h, mi, s, ms);
  const wall = wallDate.getTime();
  const first = wall - dateParts(new Date(wall), z).offset * 60_000;
  const second = wall - dateParts(new Date(first), z).offset * 60_000;
  return new Date(second);
}
