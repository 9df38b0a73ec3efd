/**
 * cfqueryparam and queryExecute parameters: every cf_sql type checked and cast as Lucee's
 * SQLCaster does, before the driver sees it. A value that does not fit its type is an error
 * naming the value and the type; nothing ever goes into the SQL text.
 */
import { CfmlError, ErrorCode } from '../runtime/errors.js';
import { simple, toBool, toDate, toNum, toStr, typeName } from '../runtime/cast.js';
import type { BoundParam } from './types.js';

/** cf_sql type (without prefix, lower-case) to the kind of value it binds. */
const KINDS: Record<string, 'string' | 'integer' | 'decimal' | 'float' | 'bit' | 'date' | 'time' | 'timestamp' | 'binary' | 'idstamp' | 'other'> = {
  varchar: 'string', char: 'string', nvarchar: 'string', nchar: 'string', longvarchar: 'string', longnvarchar: 'string',
  clob: 'string', nclob: 'string', sqlxml: 'string', string: 'string',
  integer: 'integer', int: 'integer', smallint: 'integer', tinyint: 'integer', bigint: 'integer',
  numeric: 'decimal', decimal: 'decimal', money: 'decimal', money4: 'decimal',
  float: 'float', double: 'float', real: 'float', number: 'float',
  bit: 'bit', boolean: 'bit',
  date: 'date', time: 'time', timestamp: 'timestamp', datetime: 'timestamp',
  blob: 'binary', binary: 'binary', varbinary: 'binary', longvarbinary: 'binary',
  idstamp: 'idstamp',
  other: 'other', array: 'other', struct: 'other', refcursor: 'other', distinct: 'other', null: 'other',
};

const RANGES: Record<string, [number, number]> = {
  tinyint: [-128, 255],
  smallint: [-32768, 32767],
  integer: [-2147483648, 2147483647],
  int: [-2147483648, 2147483647],
  bigint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

const GUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/** What is known of a cf_sql type once: its short name, its kind and an integer type's range. */
interface SqlTypeInfo {
  type: string;
  kind: (typeof KINDS)[string];
  range?: [number, number];
}

/** The canonical short name of a cfsqltype (`CF_SQL_VARCHAR` -> `varchar`); throws for unknown types. */
export function sqlType(type: string | undefined): string {
  return typeInfo(type).type;
}

/** cfsqltype values as written to what they name: a page names the same few on every query. */
const SQL_TYPES = new Map<string | undefined, SqlTypeInfo>();

function typeInfo(type: string | undefined): SqlTypeInfo {
  const known = SQL_TYPES.get(type);
  if (known !== undefined) return known;
  const t = (type ?? 'varchar').trim().toLowerCase().replace(/^cf_sql_/, '');
  if (!KINDS[t]) {
    throw new CfmlError(`invalid cfsqltype [${type}]`, {
      type: 'Database',
      code: ErrorCode.SqlType,
      detail: 'valid types are CF_SQL_ followed by one of [varchar, char, longvarchar, clob, integer, smallint, tinyint, bigint, numeric, decimal, float, double, real, money, bit, date, time, timestamp, blob, varbinary, idstamp, other]',
    });
  }
  const info: SqlTypeInfo = { type: t, kind: KINDS[t]!, range: RANGES[t] };
  if (SQL_TYPES.size < 256) SQL_TYPES.set(type, info);
  return info;
}

function invalid(v: unknown, type: string, why?: string): CfmlError {
  const shown = typeof v === 'string' ? v : v instanceof Date || typeof v === 'number' || typeof v === 'boolean' ? toStr(v) : typeName(v);
  return new CfmlError(`invalid data [${shown}] for CFSQLTYPE CF_SQL_${type.toUpperCase()}`, { type: 'Database', code: ErrorCode.ParamValue, detail: why ?? '' });
}

/** Casts one value to its cf_sql type (short name from sqlType), as the driver will bind it. */
export function castParam(raw: unknown, type: string, scale?: number): unknown {
  return castTo(raw, typeInfo(type), scale);
}

function castTo(raw: unknown, info: SqlTypeInfo, scale: number | undefined): unknown {
  const v = simple(raw);
  const type = info.type;
  switch (info.kind) {
    case 'string':
      if (typeof v === 'string') return v;
      try {
        return toStr(v);
      } catch {
        throw invalid(v, type, 'the value is not a simple value');
      }
    case 'integer': {
      const n = num(v, type);
      if (!Number.isFinite(n)) throw invalid(v, type);
      const i = Math.round(n);
      const r = info.range;
      if (r && (i < r[0] || i > r[1])) throw invalid(v, type, `the value is out of the range of the type (${r[0]} to ${r[1]})`);
      return i;
    }
    case 'decimal': {
      const n = num(v, type);
      if (scale === undefined || scale < 0) return n;
      const f = 10 ** Math.floor(scale);
      return Math.round(n * f) / f;
    }
    case 'float':
      return num(v, type);
    case 'bit':
      if (typeof v === 'boolean') return v;
      try {
        return toBool(v);
      } catch {
        throw invalid(v, type, 'a bit is true/false, yes/no or a number');
      }
    case 'date':
    case 'time':
    case 'timestamp':
      if (v instanceof Date) return v;
      try {
        return type === 'time' && typeof v === 'string' && /^\d{1,2}:\d\d(:\d\d(\.\d+)?)?$/.test(v.trim()) ? timeOf(v.trim()) : toDate(v);
      } catch {
        throw invalid(v, type, 'the value is not a date');
      }
    case 'binary':
      if (v instanceof Uint8Array) return v;
      if (typeof v === 'string') return Buffer.from(v, 'utf8');
      throw invalid(v, type, 'the value is not binary');
    case 'idstamp': {
      const s = typeof v === 'string' ? v.trim() : '';
      if (!GUID.test(s)) throw invalid(v, type, 'an idstamp is a GUID (8-4-4-4-12 hexadecimal digits)');
      return s;
    }
    default:
      return v;
  }
}

function num(v: unknown, type: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() === '') throw invalid(v, type, 'an empty string is not a number (use null="true" for NULL)');
  try {
    const n = toNum(v);
    if (Number.isNaN(n)) throw new Error();
    return n;
  } catch {
    throw invalid(v, type, 'the value is not a number');
  }
}

function timeOf(s: string): Date {
  const [h, m, sec] = s.split(':');
  const secs = Number(sec ?? 0);
  return new Date(1970, 0, 1, Number(h), Number(m), Math.floor(secs), Math.round((secs % 1) * 1000));
}

/** A parameter as written: cfqueryparam attributes, or a queryExecute struct / plain value. */
export interface ParamInput {
  value: unknown;
  cfsqltype?: string;
  list?: boolean;
  separator?: string;
  null?: boolean;
  maxLength?: number;
  scale?: number;
}

/**
 * Checks and casts a parameter. A list becomes one bound value per item (empty items dropped; an
 * empty list binds a single NULL, so `IN (...)` matches nothing). Throws for values that do not fit.
 */
export function bindParam(p: ParamInput): BoundParam[] {
  const info = typeInfo(p.cfsqltype);
  const type = info.type;
  if (p.null) return [{ value: null, type, isNull: true }];
  if (!p.list) return [checked(p, info, p.value)];
  const raw = simple(p.value);
  const items = Array.isArray(raw) ? raw : toStr(raw).split(p.separator ?? ',');
  const kept = items.map((x) => (typeof x === 'string' && info.kind !== 'string' ? x.trim() : x)).filter((x) => x !== '');
  if (!kept.length) return [{ value: null, type, isNull: true }];
  return kept.map((v) => checked(p, info, v));
}

/** One value of a parameter checked against maxLength and cast to its type. */
function checked(p: ParamInput, info: SqlTypeInfo, v: unknown): BoundParam {
  if (p.maxLength !== undefined && p.maxLength > 0 && typeof v === 'string' && v.length > p.maxLength) {
    throw new CfmlError(`the value of the parameter is ${v.length} characters long, more than its maxLength [${p.maxLength}]`, { type: 'Database', code: ErrorCode.ParamLength });
  }
  return { value: castTo(v, info, p.scale), type: info.type, isNull: false };
}
