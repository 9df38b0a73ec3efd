/**
 * The npm driver modules load on the first query of their kind, so pages without a datasource pay
 * nothing. Resolved from this file (the CLI bundle passes its own path as __filename).
 */
import { createRequire } from 'node:module';
import { CfmlError, ErrorCode } from '../../runtime/errors.js';
import type { BoundParam } from '../types.js';

const load = createRequire(typeof __filename === 'string' ? __filename : import.meta.url);
const loaded = new Map<string, unknown>();

/** Requires an npm driver once; a missing or broken install is a Database error that says which package. */
export function loadDriver<T>(pkg: string, what: string): T {
  let m = loaded.get(pkg);
  if (m === undefined) {
    try {
      m = load(pkg);
    } catch (e) {
      throw new CfmlError(`the ${what} driver could not be loaded (npm package [${pkg}])`, {
        type: 'Database',
        code: ErrorCode.DriverMissing,
        detail: e instanceof Error ? e.message.split('\n')[0] : String(e),
      });
    }
    loaded.set(pkg, m);
  }
  return m as T;
}

/** Two-digit padding for the date texts drivers bind. */
const p2 = (n: number) => String(n).padStart(2, '0');

/** `yyyy-mm-dd` of a date in local time. */
export const isoDate = (d: Date) => `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())}`;
/** `HH:MM:SS` (with .mmm when there are milliseconds) of a date in local time. */
export const isoTime = (d: Date) => `${p2(d.getHours())}:${p2(d.getMinutes())}:${p2(d.getSeconds())}${d.getMilliseconds() ? '.' + String(d.getMilliseconds()).padStart(3, '0') : ''}`;
/** `yyyy-mm-dd HH:MM:SS` in local time. */
export const isoTimestamp = (d: Date) => `${isoDate(d)} ${isoTime(d)}`;

/** Converts a binary value (Uint8Array) to a Buffer without copying. */
export const toBuffer = (v: Uint8Array) => (Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength));

/**
 * A bound cfqueryparam value as a driver takes it: null for a null, the driver's spelling of a
 * boolean, ISO text for a date or time parameter, `timestamp(d)` for any other date, a Buffer for
 * binary, anything else as it is.
 * @param booleans the driver's [true, false] (1/0 for SQLite and MariaDB; '1'/'0' for PostgreSQL,
 *   whose server infers an untyped parameter's type, so it fits boolean and integer columns alike)
 * @param timestamp how the driver takes a timestamp (a Date itself, or ISO text for SQLite)
 */
export function driverValue(p: BoundParam, booleans: readonly [unknown, unknown], timestamp: (d: Date) => unknown = (d) => d): unknown {
  const v = p.value;
  if (p.isNull || v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v ? booleans[0] : booleans[1];
  if (v instanceof Date) return p.type === 'date' ? isoDate(v) : p.type === 'time' ? isoTime(v) : timestamp(v);
  if (v instanceof Uint8Array) return toBuffer(v);
  return v;
}
