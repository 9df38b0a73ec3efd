/**
 * Date values are JS Dates (instants) read in the request's time zone (see time-zone.ts: the
 * zone of setTimeZone(), else the process zone). Conversions between date strings, numbers and
 * Dates live here so comparisons, casts and the date functions agree.
 */

import { expressionError } from './errors.js';
import { dateParts, wallToDate } from './time-zone.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Day number of the CFML epoch (1899-12-30), as used when dates take part in arithmetic. */
const EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** The date as days since 1899-12-30 on the request zone's wall clock (fraction = time of day). */
export function dateToNumber(d: Date): number {
  const localMs = d.getTime() + dateParts(d).offset * 60_000;
  return (localMs - EPOCH_MS) / DAY_MS;
}

/** Years a date value can have (the range of a JS Date, shortened to whole years). */
export const MIN_YEAR = -271820;
export const MAX_YEAR = 275759;

/**
 * The date `n` days after 1899-12-30 (CFML's numeric form of dates).
 * @throws Expression error when `n` is not a number or is outside the range of dates.
 */
export function numberToDate(n: number): Date {
  const utc = new Date(EPOCH_MS + Math.round(n * DAY_MS));
  const d = Number.isNaN(utc.getTime())
    ? utc
    : wallToDate(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate(), utc.getUTCHours(), utc.getUTCMinutes(), utc.getUTCSeconds(), utc.getUTCMilliseconds());
  if (Number.isNaN(d.getTime())) throw expressionError(`Can't cast Number [${n}] to a value of type [DateTime]: it is outside the range of dates (years ${MIN_YEAR} to ${MAX_YEAR})`);
  return d;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * A date that prints in ODBC date-only (`{d '2024-01-05'}`) or time-only (`{t '10:00:00'}`) form,
 * as createODBCDate / createODBCTime / createTime results do. Otherwise an ordinary Date.
 */
export class OdbcDate extends Date {
  constructor(
    ms: number,
    readonly odbc: 'd' | 't',
  ) {
    super(ms);
  }
}

/** `{ts '2024-01-05 10:00:00'}`: how Lucee prints a date value (on the request zone's wall clock). */
export function formatTimestamp(d: Date): string {
  const p = dateParts(d);
  if (d instanceof OdbcDate) {
    if (d.odbc === 'd') return `{d '${p.year}-${pad(p.month)}-${pad(p.day)}'}`;
    return `{t '${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}'}`;
  }
  return `{ts '${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}'}`;
}

function make(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): Date | undefined {
  if (y < 100) y += y < 30 ? 2000 : 1900;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return undefined;
  if (d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return undefined;
  return wallToDate(y, mo, d, h, mi, s, ms);
}

function monthIndex(name: string): number {
  const n = name.toLowerCase().replace(/\.$/, '');
  if (n.length < 3) return -1;
  return MONTHS.findIndex((m) => m.startsWith(n));
}

function applyTime(date: Date | undefined, time: string | undefined): Date | undefined {
  if (!date || !time) return date;
  const t = /^(\d{1,2})(?::(\d{1,2}))?(?::(\d{1,2})(?:[.,](\d{1,3}))?)?\s*([ap]\.?m\.?)?$/i.exec(time.trim());
  if (!t) return undefined;
  let h = +t[1]!;
  const ap = t[5]?.toLowerCase();
  if (ap) {
    if (h > 12) return undefined;
    if (ap.startsWith('p') && h < 12) h += 12;
    if (ap.startsWith('a') && h === 12) h = 0;
  }
  const p = dateParts(date);
  return make(p.year, p.month, p.day, h, +(t[2] ?? 0), +(t[3] ?? 0), +(t[4] ?? '0').padEnd(3, '0'));
}

/** RFC 822 / common zone names with their offsets in minutes. */
const ZONES: Record<string, number> = {
  GMT: 0, UT: 0, UTC: 0, Z: 0, WET: 0, BST: 60, CET: 60, MET: 60, MEZ: 60, CEST: 120, MEST: 120, MESZ: 120, EET: 120, EEST: 180,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
};

function zoneOffset(z: string): number | undefined {
  const u = z.toUpperCase();
  if (u in ZONES) return ZONES[u];
  const m = /^(?:GMT|UTC)?([+-])(\d{1,2}):?(\d{2})?$/.exec(u);
  if (!m) return undefined;
  return (m[1] === '-' ? -1 : 1) * (+m[2]! * 60 + +(m[3] ?? 0));
}

/** The instant whose wall clock at UTC offset `off` (minutes east) reads what `local` reads in the request zone. */
function shiftToOffset(local: Date, off: number): Date {
  const p = dateParts(local);
  const wall = new Date(Date.UTC(2000, p.month - 1, p.day, p.hour, p.minute, p.second, p.ms));
  wall.setUTCFullYear(p.year);
  return new Date(wall.getTime() - off * 60_000);
}

/**
 * Parses the date strings CFML accepts wherever a date is expected. Returns undefined when the
 * string is not a date; never guesses from a bare number.
 */
export function parseDateString(input: string): Date | undefined {
  const s = input.trim();
  // a time alone ("10:30", "1:02:03 PM") is that time on CFML's day zero, 1899-12-30 (Lucee)
  const time = /^(\d{1,2}:\d{1,2}(?::\d{1,2}(?:[.,]\d{1,3})?)?(?:\s*[ap]\.?m\.?)?)(?:\s+([a-z]{1,5}|(?:GMT|UTC)?[+-]\d{1,2}(?::?\d{2})?))?$/i.exec(s);
  if (time) {
    const local = applyTime(make(1899, 12, 30), time[1]);
    if (!local || !time[2]) return local;
    const off = zoneOffset(time[2]);
    return off === undefined ? undefined : shiftToOffset(local, off);
  }
  if (s.length < 6 || s.length > 60) return undefined;
  let m = /^\{(?:ts|d|t)\s+'([^']*)'\}$/i.exec(s);
  if (m) return parseDateString(m[1]!);
  // ISO: 2024-01-05, 2024-01-05 10:00:00, 2024-01-05T10:00:00Z, with optional offset
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(s);
  if (m) {
    if (m[5]) {
      const iso = `${m[1]}-${pad(+m[2]!)}-${pad(+m[3]!)}T${m[4]!.split(':').map((p, i) => (i < 2 ? pad(+p) : p)).join(':')}${m[5].toUpperCase() === 'Z' ? 'Z' : m[5].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`;
      const d = new Date(iso);
      return isNaN(d.getTime()) ? undefined : d;
    }
    return applyTime(make(+m[1]!, +m[2]!, +m[3]!), m[4]);
  }
  // US: 01/05/2024 [10:00[:00] [AM]]; also with - or .
  m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})(?:\s+(.+))?$/.exec(s);
  if (m) return applyTime(make(+m[4]!, +m[1]!, +m[3]!), m[5]);
  // 2024/01/05
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:\s+(.+))?$/.exec(s);
  if (m) return applyTime(make(+m[1]!, +m[2]!, +m[3]!), m[4]);
  // Month names: "January 5, 2024", "Jan 5 2024 10:00", "5 January 2024", "Fri, 05 Jan 2024 10:00:00 +0100"
  const cleaned = s.replace(/^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i, '');
  m = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(.+))?$/i.exec(cleaned);
  if (m) {
    const mo = monthIndex(m[1]!);
    const d = mo >= 0 ? applyTime(make(+m[3]!, mo + 1, +m[2]!), m[4]) : undefined;
    if (d) return d;
  }
  m = /^(\d{1,2})[\s-]+([a-z]+)\.?[\s-]+(\d{2,4})(?:,?\s+(\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)(?:\s*([a-z]{1,5}|(?:GMT|UTC)?[+-]\d{1,2}:?\d{2}))?(?:\s*\([^)]*\))?)?$/i.exec(cleaned);
  if (m) {
    const mo = monthIndex(m[2]!);
    if (mo < 0) return undefined;
    let y = +m[3]!;
    if (m[3]!.length <= 2) y += y < 50 ? 2000 : 1900;
    const local = applyTime(make(y, mo + 1, +m[1]!), m[4]);
    if (!local || !m[5]) return local;
    const off = zoneOffset(m[5]);
    if (off === undefined) return undefined;
    return shiftToOffset(local, off);
  }
  // "Jan 5 2024 10:00:00 GMT+0100" style (JS Date.toString without the weekday)
  m = /^([a-z]+)\s+(\d{1,2})\s+(\d{4})\s+(\d{1,2}:\d{2}(?::\d{2})?)\s*((?:GMT|UTC)?[+-]\d{4}|GMT|UTC|Z)(?:\s*\([^)]*\))?$/i.exec(cleaned);
  if (m) {
    const mo = monthIndex(m[1]!);
    const local = mo < 0 ? undefined : applyTime(make(+m[3]!, mo + 1, +m[2]!), m[4]);
    const off = zoneOffset(m[5]!);
    if (!local || off === undefined) return undefined;
    return shiftToOffset(local, off);
  }
  return undefined;
}
