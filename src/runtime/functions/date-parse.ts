/**
 * parseDateTime(string, mask): parses with a Java-style date pattern (y, M/MMM/MMMM, d, H, h,
 * k, K, m minutes, s, S, a, E, z/Z/X, quoted literals), the form Lucee accepts as its format
 * argument. Returns undefined when the string does not fit the pattern.
 */
import { MONTH_NAMES } from './date-mask.js';
import { wallToDate } from '../time-zone.js';
import { safeRegExp } from '../safe-regex.js';

interface Slot {
  key: string;
  re: string;
}

function tokens(mask: string): (Slot | string)[] {
  const out: (Slot | string)[] = [];
  for (let i = 0; i < mask.length; ) {
    const c = mask[i]!;
    if (c === "'") {
      let j = i + 1;
      let text = '';
      while (j < mask.length && !(mask[j] === "'" && mask[j + 1] !== "'")) {
        text += mask[j];
        j += mask[j] === "'" ? 2 : 1;
      }
      out.push(i + 1 === j ? "'" : text);
      i = j + 1;
      continue;
    }
    let n = 1;
    while (mask[i + n] === c) n++;
    const digits = (min: number, max: number) => `(\\d{${min},${max}})`;
    switch (c) {
      case 'y':
        out.push({ key: n === 2 ? 'yy' : 'y', re: n === 2 ? digits(2, 2) : digits(1, 4) });
        break;
      case 'M':
        out.push(n >= 3 ? { key: 'Mname', re: '([A-Za-z]+\\.?)' } : { key: 'M', re: digits(1, 2) });
        break;
      case 'd':
        out.push({ key: 'd', re: digits(1, 2) });
        break;
      case 'H':
      case 'k':
        out.push({ key: 'H', re: digits(1, 2) });
        break;
      case 'h':
      case 'K':
        out.push({ key: 'h', re: digits(1, 2) });
        break;
      case 'm':
        out.push({ key: 'm', re: digits(1, 2) });
        break;
      case 's':
        out.push({ key: 's', re: digits(1, 2) });
        break;
      case 'S':
        out.push({ key: 'S', re: digits(1, 3) });
        break;
      case 'a':
        out.push({ key: 'a', re: '([AaPp]\\.?[Mm]\\.?)' });
        break;
      case 'E':
        out.push({ key: 'E', re: '([A-Za-z]+\\.?)' });
        break;
      case 'z':
      case 'Z':
      case 'X':
        out.push({ key: 'zone', re: '(Z|[+-]\\d{2}:?\\d{2}|[+-]\\d{2}|[A-Za-z]{1,5})' });
        break;
      default:
        out.push(c.repeat(n));
    }
    i += n;
  }
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ZONES: Record<string, number> = { GMT: 0, UTC: 0, UT: 0, Z: 0, CET: 60, CEST: 120, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420 };

export function parseWithMask(input: string, mask: string, zone?: string): Date | undefined {
  const toks = tokens(mask);
  const keys: string[] = [];
  let re = '^\\s*';
  for (const t of toks) {
    if (typeof t === 'string') re += t.trim() === '' ? '\\s*' : escape(t);
    else {
      keys.push(t.key);
      re += t.re;
    }
  }
  // the mask comes from the page: through safeRegExp like every pattern built from CFML values
  const m = safeRegExp('parseDateTime', mask, re + '\\s*$', '').exec(input);
  if (!m) return undefined;
  let y = 1970;
  let mo = 1;
  let d = 1;
  let h = 0;
  let mi = 0;
  let s = 0;
  let ms = 0;
  let pm: boolean | undefined;
  let offset: number | undefined;
  keys.forEach((k, i) => {
    const v = m[i + 1]!;
    switch (k) {
      case 'y':
        y = +v;
        if (v.length <= 2) y += y < 50 ? 2000 : 1900;
        break;
      case 'yy':
        y = 2000 + +v;
        if (y > new Date().getFullYear() + 20) y -= 100;
        break;
      case 'M':
        mo = +v;
        break;
      case 'Mname': {
        const name = v.replace('.', '').toLowerCase();
        mo = MONTH_NAMES.findIndex((x) => x.toLowerCase().startsWith(name)) + 1;
        if (name.length < 3) mo = 0;
        break;
      }
      case 'd':
        d = +v;
        break;
      case 'H':
        h = +v % 24;
        break;
      case 'h':
        h = +v % 12;
        break;
      case 'm':
        mi = +v;
        break;
      case 's':
        s = +v;
        break;
      case 'S':
        ms = +v;
        break;
      case 'a':
        pm = /^p/i.test(v);
        break;
      case 'zone': {
        const u = v.toUpperCase();
        if (u in ZONES) offset = ZONES[u];
        else {
          const z = /^([+-])(\d{2}):?(\d{2})?$/.exec(u);
          if (!z) return;
          offset = (z[1] === '-' ? -1 : 1) * (+z[2]! * 60 + +(z[3] ?? 0));
        }
        break;
      }
    }
  });
  if (pm !== undefined && keys.includes('h')) h = (h % 12) + (pm ? 12 : 0);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return undefined;
  const wallD = new Date(Date.UTC(2000, 0, 1, h, mi, s, ms));
  wallD.setUTCFullYear(y, mo - 1, d);
  if (wallD.getUTCDate() !== d) return undefined;
  const wall = wallD.getTime();
  if (offset !== undefined) return new Date(wall - offset * 60_000);
  return wallToDate(y, mo, d, h, mi, s, ms, zone);
}
