/**
 * Date and time masks of dateFormat, timeFormat and dateTimeFormat (en_US names), plus the
 * locale styles short/medium/long/full. Formatting reads the wall-clock parts of a Date either in
 * the engine's local time zone or in a named IANA zone.
 */
import { expressionError } from '../errors.js';
import { numberToDate, parseDateString } from '../dates.js';
import { isNumericString, typeName, simple } from '../cast.js';

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const short3 = (s: string) => s.slice(0, 3);

export { dateParts, normalizeZone, type DateParts } from '../time-zone.js';
import { dateParts, type DateParts } from '../time-zone.js';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** "+0100" */
export function offsetRfc(p: DateParts): string {
  const o = p.offset;
  const a = Math.abs(o);
  return (o < 0 ? '-' : '+') + pad(Math.floor(a / 60)) + pad(a % 60);
}

function offsetIso(p: DateParts, count: number): string {
  if (p.offset === 0) return 'Z';
  const r = offsetRfc(p);
  if (count === 1) return r.slice(0, 3);
  if (count === 2) return r;
  return `${r.slice(0, 3)}:${r.slice(3)}`;
}

/** The time zone's name as Java prints it for `z` (short) or `zzzz` (long). */
export function zoneName(p: DateParts, long: boolean): string {
  try {
    const f = new Intl.DateTimeFormat('en-US', { timeZone: p.zone, timeZoneName: long ? 'long' : 'short' });
    const part = f.formatToParts(new Date(p.time)).find((x) => x.type === 'timeZoneName');
    const name = part?.value ?? 'UTC';
    if (long || !/^GMT[+-]/.test(name)) return name;
    // Intl has no abbreviation for many zones ("GMT+1"); Java prints one built from the long
    // name ("Central European Standard Time" -> CET, "... Summer Time" -> CEST).
    const longName = zoneName(p, true);
    if (/^GMT/.test(longName)) return name;
    return longName.replace(/\bStandard\b\s*/, '').split(/\s+/).map((w) => w[0]).join('').toUpperCase();
  } catch {
    return 'UTC';
  }
}

function hour12(h: number): number {
  const x = h % 12;
  return x === 0 ? 12 : x;
}

/** Day of the year, 1-based. */
export function dayOfYear(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / 86_400_000) + 1;
}

/** First day (UTC ms) of week 1 of `year`: weeks start on `firstDay` (0 = Sunday) and week 1 has at least `minDays` days of the year. */
function week1Start(year: number, firstDay: number, minDays: number): number {
  const jan1 = Date.UTC(year, 0, 1);
  const before = (new Date(jan1).getUTCDay() - firstDay + 7) % 7;
  return jan1 - before * 86_400_000 + (7 - before < minDays ? 7 * 86_400_000 : 0);
}

/** Week of the year by a locale's rules, as Java's Calendar.WEEK_OF_YEAR (US: Sunday/1, most of Europe: Monday/4). */
export function weekOfYearBy(year: number, month: number, day: number, firstDay: number, minDays: number): number {
  const t = Date.UTC(year, month - 1, day);
  if (t >= week1Start(year + 1, firstDay, minDays)) return 1;
  let start = week1Start(year, firstDay, minDays);
  if (t < start) start = week1Start(year - 1, firstDay, minDays);
  return Math.floor((t - start) / (7 * 86_400_000)) + 1;
}

/** US week of the year (weeks start on Sunday, week 1 holds January 1st), as Java's Calendar. */
export function weekOfYear(year: number, month: number, day: number): number {
  const jan1Dow = new Date(Date.UTC(year, 0, 1)).getUTCDay();
  const doy = dayOfYear(year, month, day);
  const dow = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  const nextJan1Dow = new Date(Date.UTC(year + 1, 0, 1)).getUTCDay();
  const daysLeft = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, month - 1, day)) / 86_400_000;
  if (nextJan1Dow !== 0 && daysLeft <= 6 - dow) return 1;
  return Math.floor((doy - 1 + jan1Dow) / 7) + 1;
}

/**
 * The week() function's week of the year: the US week, except that the last days of December
 * count as week 53 (or 54) of their own year rather than week 1 of the next (Lucee's
 * DateTimeUtil.getWeekOfYear: the week of the same day a week earlier, plus one).
 */
export function weekOfYearInYear(year: number, month: number, day: number): number {
  const w = weekOfYear(year, month, day);
  if (w !== 1 || month !== 12) return w;
  const back = new Date(Date.UTC(year, month - 1, day - 7));
  return weekOfYear(back.getUTCFullYear(), back.getUTCMonth() + 1, back.getUTCDate()) + 1;
}

function weekOfMonth(p: DateParts): number {
  const firstDow = new Date(Date.UTC(p.year, p.month - 1, 1)).getUTCDay();
  return Math.floor((p.day - 1 + firstDow) / 7) + 1;
}

// ---- styles ---------------------------------------------------------------------------------

export type Style = 'short' | 'medium' | 'long' | 'full';
export const isStyle = (mask: string): mask is Style => /^(short|medium|long|full)$/i.test(mask);

export function styleDate(p: DateParts, style: Style): string {
  switch (style.toLowerCase() as Style) {
    case 'short':
      return `${p.month}/${p.day}/${pad(p.year % 100)}`;
    case 'medium':
      return `${short3(MONTH_NAMES[p.month - 1]!)} ${p.day}, ${p.year}`;
    case 'long':
      return `${MONTH_NAMES[p.month - 1]} ${p.day}, ${p.year}`;
    default:
      return `${DAY_NAMES[p.dow]}, ${MONTH_NAMES[p.month - 1]} ${p.day}, ${p.year}`;
  }
}

export function styleTime(p: DateParts, style: Style): string {
  const ampm = p.hour < 12 ? 'AM' : 'PM';
  switch (style.toLowerCase() as Style) {
    case 'short':
      return `${hour12(p.hour)}:${pad(p.minute)} ${ampm}`;
    case 'medium':
      return `${hour12(p.hour)}:${pad(p.minute)}:${pad(p.second)} ${ampm}`;
    default:
      return `${hour12(p.hour)}:${pad(p.minute)}:${pad(p.second)} ${ampm} ${zoneName(p, false)}`;
  }
}

// ---- dateFormat -----------------------------------------------------------------------------

/** Counts how many times `test` holds for the characters from `pos` on (at most `max`). */
function run(mask: string, pos: number, test: (c: string) => boolean, max = Infinity): number {
  let n = 0;
  while (pos + n < mask.length && n < max && test(mask[pos + n]!)) n++;
  return n;
}

const ci = (ch: string) => (c: string) => c.toLowerCase() === ch;
const exact = (ch: string) => (c: string) => c === ch;

/** Zone tokens shared by all three masks: z (name), Z (+0100), X (ISO offset). */
function zoneToken(mask: string, i: number, p: DateParts, out: string[]): number {
  const c = mask[i]!;
  const n = run(mask, i, exact(c));
  if (c === 'z') out.push(zoneName(p, n >= 4));
  else if (c === 'Z') out.push(offsetRfc(p));
  else out.push(offsetIso(p, Math.min(n, 3)));
  return n;
}

export function formatDateMask(p: DateParts, mask: string): string {
  const lc = mask.toLowerCase();
  if (isStyle(lc)) return styleDate(p, lc);
  if (lc === 'iso' || lc === 'iso8601') return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
  const out: string[] = [];
  for (let i = 0; i < mask.length; ) {
    const c = mask[i]!;
    const l = c.toLowerCase();
    let n = 1;
    if (c === 'z' || c === 'Z' || c === 'X') n = zoneToken(mask, i, p, out);
    else if (l === 'd') {
      n = run(mask, i, ci('d'), 4);
      out.push(n === 1 ? String(p.day) : n === 2 ? pad(p.day) : n === 3 ? short3(DAY_NAMES[p.dow]!) : DAY_NAMES[p.dow]!);
    } else if (l === 'm') {
      n = run(mask, i, ci('m'), 4);
      out.push(n === 1 ? String(p.month) : n === 2 ? pad(p.month) : n === 3 ? short3(MONTH_NAMES[p.month - 1]!) : MONTH_NAMES[p.month - 1]!);
    } else if (l === 'y') {
      n = run(mask, i, ci('y'), 4);
      out.push(n === 2 ? pad(p.year % 100) : String(p.year));
    } else if (l === 'g') {
      n = run(mask, i, ci('g'));
      out.push(p.year > 0 ? 'AD' : 'BC');
    } else if (l === 'w') {
      n = run(mask, i, ci('w'), 2);
      const w = c === 'W' ? weekOfMonth(p) : weekOfYear(p.year, p.month, p.day);
      out.push(n === 2 ? pad(w) : String(w));
    } else out.push(c);
    i += n;
  }
  return out.join('');
}

// ---- timeFormat -----------------------------------------------------------------------------

export function formatTimeMask(p: DateParts, mask: string): string {
  const lc = mask.toLowerCase();
  if (isStyle(lc)) return styleTime(p, lc);
  const out: string[] = [];
  const isMin = (c: string) => c === 'm' || c === 'M' || c === 'n' || c === 'N';
  for (let i = 0; i < mask.length; ) {
    const c = mask[i]!;
    let n = 1;
    if (c === 'z' || c === 'Z' || c === 'X') n = zoneToken(mask, i, p, out);
    else if (c === 'h' || c === 'H') {
      n = run(mask, i, exact(c), 2);
      const h = c === 'h' ? hour12(p.hour) : p.hour;
      out.push(n === 2 ? pad(h) : String(h));
    } else if (isMin(c)) {
      n = run(mask, i, isMin, 2);
      out.push(n === 2 ? pad(p.minute) : String(p.minute));
    } else if (c === 's' || c === 'S') {
      n = run(mask, i, ci('s'), 2);
      out.push(n === 2 ? pad(p.second) : String(p.second));
    } else if (c === 'l' || c === 'L') {
      n = run(mask, i, ci('l'), 3);
      out.push(pad(p.ms, n));
    } else if (c === 't' || c === 'T') {
      n = run(mask, i, ci('t'), 2);
      out.push(p.hour < 12 ? (n === 2 ? 'AM' : 'A') : n === 2 ? 'PM' : 'P');
    } else out.push(c);
    i += n;
  }
  return out.join('');
}

// ---- dateTimeFormat -------------------------------------------------------------------------

export const DATETIME_DEFAULT_MASK = 'dd-mmm-yyyy HH:nn:ss';

/**
 * dateTimeFormat masks follow Java's date patterns with CFML extras: `m` is month (like `M`),
 * `n` minutes, `t`/`tt` the A/AM marker, `l` milliseconds, `d` x3/x4 the day name, quoted text
 * is literal ('' is a quote) and other letters print as they are.
 */
export function formatDateTimeMask(p: DateParts, mask: string): string {
  const lc = mask.toLowerCase();
  if (isStyle(lc)) {
    const ds = lc === 'full' ? 'full' : lc;
    return `${styleDate(p, ds)} ${styleTime(p, lc === 'full' ? 'long' : lc)}`;
  }
  if (lc === 'iso' || lc === 'iso8601') {
    return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${offsetRfc(p)}`;
  }
  if (lc === 'isoms' || lc === 'isomillis' || lc === 'javascript') {
    return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}.${pad(p.ms, 3)}${offsetRfc(p)}`;
  }
  if (lc === 'epoch') return String(Math.floor(p.time / 1000));
  if (lc === 'epochms') return String(p.time);

  const out: string[] = [];
  for (let i = 0; i < mask.length; ) {
    const c = mask[i]!;
    if (c === "'") {
      if (mask[i + 1] === "'") {
        out.push("'");
        i += 2;
        continue;
      }
      let j = i + 1;
      let text = '';
      while (j < mask.length) {
        if (mask[j] === "'") {
          if (mask[j + 1] === "'") {
            text += "'";
            j += 2;
            continue;
          }
          break;
        }
        text += mask[j];
        j++;
      }
      out.push(text);
      i = j + 1;
      continue;
    }
    let n = 1;
    const same = (x: string) => run(mask, i, exact(x));
    switch (c) {
      case 'y':
      case 'Y': {
        n = run(mask, i, ci('y'));
        out.push(n === 2 ? pad(p.year % 100) : pad(p.year, Math.max(n, 1)));
        break;
      }
      case 'm':
      case 'M': {
        n = run(mask, i, ci('m'));
        out.push(n === 1 ? String(p.month) : n === 2 ? pad(p.month) : n === 3 ? short3(MONTH_NAMES[p.month - 1]!) : MONTH_NAMES[p.month - 1]!);
        break;
      }
      case 'd': {
        n = same('d');
        out.push(n === 1 ? String(p.day) : n === 2 ? pad(p.day) : n === 3 ? short3(DAY_NAMES[p.dow]!) : DAY_NAMES[p.dow]!);
        break;
      }
      case 'D': {
        n = same('D');
        const doy = dayOfYear(p.year, p.month, p.day);
        out.push(n >= 4 ? DAY_NAMES[p.dow]! : n === 3 ? short3(DAY_NAMES[p.dow]!) : pad(doy, n));
        break;
      }
      case 'E': {
        n = same('E');
        out.push(n >= 4 ? DAY_NAMES[p.dow]! : short3(DAY_NAMES[p.dow]!));
        break;
      }
      case 'H':
      case 'h':
      case 'k':
      case 'K': {
        n = same(c);
        const h = c === 'H' ? p.hour : c === 'h' ? hour12(p.hour) : c === 'k' ? p.hour || 24 : p.hour % 12;
        out.push(pad(h, Math.min(n, 2)));
        break;
      }
      case 'n':
      case 'N': {
        n = run(mask, i, ci('n'));
        out.push(pad(p.minute, Math.min(n, 2)));
        break;
      }
      case 's':
      case 'S': {
        n = run(mask, i, ci('s'));
        out.push(pad(p.second, Math.min(n, 2)));
        break;
      }
      case 'l':
      case 'L': {
        n = run(mask, i, ci('l'));
        out.push(pad(p.ms, 3).slice(0, Math.min(n, 3)).padEnd(n, '0'));
        break;
      }
      case 't':
      case 'T': {
        n = run(mask, i, ci('t'), 2);
        out.push(p.hour < 12 ? (n === 2 ? 'AM' : 'A') : n === 2 ? 'PM' : 'P');
        break;
      }
      case 'a': {
        n = same('a');
        out.push(p.hour < 12 ? 'AM' : 'PM');
        break;
      }
      case 'z':
      case 'Z':
      case 'X':
        n = zoneToken(mask, i, p, out);
        break;
      case 'G':
      case 'g':
        n = run(mask, i, ci('g'));
        out.push(p.year > 0 ? 'AD' : 'BC');
        break;
      case 'w':
        n = same('w');
        out.push(pad(weekOfYear(p.year, p.month, p.day), Math.min(n, 2)));
        break;
      case 'W':
        n = same('W');
        out.push(String(weekOfMonth(p)));
        break;
      case 'F':
        out.push(String(Math.floor((p.day - 1) / 7) + 1));
        break;
      default:
        out.push(c);
    }
    i += n;
  }
  return out.join('');
}

// ---- input ----------------------------------------------------------------------------------

/**
 * The date argument of the formatting functions: Dates, date strings, and numbers (or numeric
 * strings) as day numbers. An empty string gives null: the functions then return "".
 */
export function formatInput(v: unknown, fn: string): Date | null {
  v = simple(v);
  if (v instanceof Date) return v;
  if (typeof v === 'number') return numberToDate(v);
  if (typeof v === 'string') {
    if (v.trim() === '') return null;
    if (isNumericString(v)) return numberToDate(Number(v));
    const d = parseDateString(v);
    if (d) return d;
    throw expressionError(`Can't cast String [${v}] to a value of type [DateTime]`, { detail: `in function [${fn}]` });
  }
  throw expressionError(`Invalid argument for function [${fn}], can't cast ${typeName(v)} to a date`);
}
