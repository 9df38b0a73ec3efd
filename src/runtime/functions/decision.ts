/**
 * Decision functions (is*). They take raw values (parameter type 'any') so nothing is cast before
 * the test, and they never throw for a value of the wrong type: they answer false.
 */
import * as net from 'node:net';
import { cfEquals } from './collection-util.js';
import { ArgumentsScope } from '../access.js';
import * as os from 'node:os';
import { CfmlError, expressionError } from '../errors.js';
import { safeRegExp } from '../safe-regex.js';
import { BoundedMap } from '../bounded-map.js';
import { isBooleanLike, isNumeric, isSimple, simple, toStr, tryDate, tryNum } from '../cast.js';
import { Struct } from '../struct.js';
import { Query } from '../query.js';
import { CfFunction } from '../function-value.js';
import type { FunctionDef } from './types.js';
import { arrayDepth } from './array.js';
import { XmlNode, tryParseXml } from '../xml/node.js';
import { ComponentInstance } from '../components/instance.js';
import { parseJson } from './json.js';
import { UDF } from '../udf.js';
import { FileObject } from '../file-stream.js';

const anyParam = (name: string, required = true) => ({ name, type: 'any' as const, required });

export function isDateValue(v: unknown): boolean {
  v = simple(v);
  return v instanceof Date || (typeof v === 'string' && tryDate(v) !== undefined);
}

function isEmptyValue(v: unknown): boolean {
  v = simple(v);
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') return v.length === 0;
  if (Array.isArray(v)) return v.length === 0;
  if (v instanceof Struct) return v.size === 0;
  if (v instanceof Query) return v.recordCount === 0;
  if (v instanceof Uint8Array) return v.length === 0;
  return false;
}

/**
 * isJSON: whether the text parses as JSON. Lucee's default reader is lenient (JSON5: bare keys,
 * comments, single quotes, trailing commas); `format: "json"` asks for strict JSON.
 * @throws Expression error for a format other than json and json5.
 */
function isJsonText(v: unknown, format = 'json5'): boolean {
  const f = format.trim().toLowerCase();
  if (f !== 'json' && f !== 'json5') throw expressionError(`invalid format [${format}] for function [isJSON], valid values are [json, json5]`);
  v = simple(v);
  if (typeof v === 'number' || typeof v === 'boolean') return true;
  if (typeof v !== 'string') return false;
  const t = v.trim();
  if (!t) return false;
  try {
    if (f === 'json') JSON.parse(t);
    else parseJson(t);
    return true;
  } catch {
    return false;
  }
}

/**
 * Lucee's three kinds of functions: a declared function (`function f() {}`) is a udf, a
 * `function () {}` literal a closure, an arrow function `() => x` a lambda.
 */
function functionKind(f: CfFunction): 'udf' | 'closure' | 'lambda' {
  if (!f.isClosure) return 'udf';
  return f instanceof UDF && f.decl.arrow ? 'lambda' : 'closure';
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function validDayMonth(month: number, day: number, year: number): boolean {
  if (year < 100) year += year < 30 ? 2000 : 1900;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(year, month, 0).getDate();
}

const PATTERNS: Record<string, RegExp> = {
  email: /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/i,
  guid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{16}$/i,
  ssn: /^\d{3}[- ]?\d{2}[- ]?\d{4}$/,
  telephone: /^(?:\+?1[-. ]?)?(?:\(\d{3}\)|\d{3})[-. ]?\d{3}[-. ]?\d{4}(?:\s*(?:x|ext\.?)\s*\d{1,6})?$/i,
  zipcode: /^\d{5}(?:[- ]\d{4})?$/,
  url: /^(?:(?:https?|ftps?):\/\/(?:[^\s:@/]+(?::[^\s@/]*)?@)?[^\s/?#:@]+(?::\d+)?(?:[/?#]\S*)?|file:\/\/\S+|mailto:[^\s@]+@\S+|news:\S+)$/i,
  variablename: /^[a-z_$\u00c0-\uffff][\w$\u00c0-\uffff]*(?:\.[a-z_$\u00c0-\uffff][\w$\u00c0-\uffff]*)*$/i,
  time: /^\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?\s*(?:[ap]\.?m\.?)?$/i,
};

function textOf(v: unknown): string | undefined {
  v = simple(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return toStr(v);
  return undefined;
}

function matches(re: RegExp, v: unknown): boolean {
  const s = textOf(v);
  return s !== undefined && re.test(s.trim());
}

function isIntegerValue(v: unknown): boolean {
  v = simple(v);
  if (!isNumeric(v)) return false;
  const n = tryNum(v)!;
  return Number.isInteger(n) && n >= -2147483648 && n <= 2147483647;
}

function usOrEuroDate(v: unknown, euro: boolean): boolean {
  v = simple(v);
  if (v instanceof Date) return true;
  const s = textOf(v);
  if (s === undefined) return false;
  const mt = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:\s+.+)?$/.exec(s.trim());
  if (!mt) return false;
  const a = +mt[1]!;
  const b = +mt[2]!;
  return euro ? validDayMonth(b, a, +mt[3]!) : validDayMonth(a, b, +mt[3]!);
}

function isCreditCard(v: unknown): boolean {
  const s = textOf(v);
  if (s === undefined) return false;
  const digits = s.replace(/[ -]/g, '');
  return /^\d{13,19}$/.test(digits) && luhn(digits);
}

function rangeNumber(arg: string, v: unknown): number {
  const n = tryNum(simple(v));
  if (n === undefined) throw expressionError(`function [isValid]: the ${arg} value must be numeric`);
  return n;
}

/** Compiled isValid("regex") patterns, bounded like every Engine-wide cache. */
const isValidRegexCache = new BoundedMap<string, RegExp>(200);

export function isValidValue(type: string, value: unknown, min?: unknown, max?: unknown, pattern?: unknown): boolean {
  const t = type.trim().toLowerCase();
  const v = simple(value);
  switch (t) {
    case 'range': {
      if (min === undefined || max === undefined) throw expressionError('function [isValid]: for type [range] you have to pass a min and a max value');
      const n = isNumeric(v) ? tryNum(v)! : undefined;
      return n !== undefined && n >= rangeNumber('min', min) && n <= rangeNumber('max', max);
    }
    case 'regex':
    case 'regular_expression': {
      const p = pattern ?? min;
      if (p === undefined) throw expressionError('function [isValid]: for type [regex] you have to pass a pattern');
      const s = textOf(v);
      if (s === undefined) return false;
      const src = toStr(p);
      let re = isValidRegexCache.get(src);
      if (!re) {
        try {
          // through safeRegExp like every pattern a page supplies: bounded time or a clear refusal
          re = safeRegExp('isValid', src, `^(?:${src})$`, '');
        } catch (e) {
          if (e instanceof CfmlError) throw e;
          throw expressionError(`function [isValid]: invalid regular expression [${src}]: ${(e as Error).message}`);
        }
        isValidRegexCache.set(src, re);
      }
      return re.test(s);
    }
    case 'any':
      return true;
    case 'json':
      return isJsonText(v);
    case 'string':
      if (min !== undefined && max !== undefined) {
        if (!isSimple(v)) return false;
        const len = toStr(v).length;
        return len >= rangeNumber('min', min) && len <= rangeNumber('max', max);
      }
      return isSimple(v);
    case 'numeric':
    case 'number':
    case 'float':
    case 'integer': {
      // a boolean is a float (true is 1), as Lucee casts it
      const ok = t === 'integer' ? isIntegerValue(v) : isNumeric(v) || (t === 'float' && typeof v === 'boolean');
      if (!ok || min === undefined || max === undefined) return ok;
      const n = tryNum(v)!;
      return n >= rangeNumber('min', min) && n <= rangeNumber('max', max);
    }
    case 'boolean':
      return isBooleanLike(v);
    case 'date':
      return isDateValue(v);
    case 'time':
      return isDateValue(v) || matches(PATTERNS.time!, v);
    case 'usdate':
      return usOrEuroDate(v, false);
    case 'eurodate':
      return usOrEuroDate(v, true);
    case 'array':
      return Array.isArray(v) || v instanceof ArgumentsScope;
    case 'struct':
      return v instanceof Struct;
    case 'query':
      return v instanceof Query;
    case 'binary':
      return v instanceof Uint8Array;
    case 'function':
    case 'udf':
      return v instanceof CfFunction;
    // Lucee: a closure is a `function () {}` literal, a lambda an arrow function `() => x`;
    // a declared function (`function f() {}`) is neither
    case 'closure':
    case 'lambda':
      return v instanceof CfFunction && functionKind(v) === t;
    case 'creditcard':
      return isCreditCard(v);
    case 'ssn':
    case 'social_security_number':
      return matches(PATTERNS.ssn!, v);
    case 'email':
    case 'guid':
    case 'uuid':
    case 'telephone':
    case 'zipcode':
    case 'url':
    case 'variablename':
      return matches(PATTERNS[t]!, v);
    case 'component':
      return v instanceof ComponentInstance;
    case 'fileobject':
      return v instanceof FileObject;
    case 'xml':
      // an XML value, or a string that parses as XML
      return v instanceof XmlNode || (typeof v === 'string' && tryParseXml(v) !== undefined);
    default:
      throw expressionError(`invalid type [${type}] for function [isValid]`, {
        detail:
          'valid types are [any, array, binary, boolean, creditcard, date, time, email, eurodate, float, numeric, guid, integer, query, range, regex, regular_expression, ssn, social_security_number, string, struct, telephone, url, usdate, uuid, variablename, zipcode, function, component, xml, fileobject]',
      });
  }
}

/**
 * The Java types a built-in value is an instance of in Lucee (its class, superclasses and
 * interfaces that templates test for), for isInstanceOf. Class names compare case-sensitively.
 */
const OBJ = ['java.lang.Object', 'java.io.Serializable'];
const COLLECTION = ['lucee.runtime.type.Collection', 'java.lang.Cloneable', ...OBJ];
const JAVA_TYPES: Record<string, string[]> = {
  String: ['java.lang.String', 'java.lang.CharSequence', 'java.lang.Comparable', ...OBJ],
  Number: ['java.lang.Double', 'java.lang.Number', 'java.lang.Comparable', ...OBJ],
  Boolean: ['java.lang.Boolean', 'java.lang.Comparable', ...OBJ],
  Date: ['lucee.runtime.type.dt.DateTimeImpl', 'lucee.runtime.type.dt.DateTime', 'java.util.Date', 'java.lang.Comparable', 'java.lang.Cloneable', ...OBJ],
  Array: ['lucee.runtime.type.ArrayImpl', 'lucee.runtime.type.Array', 'java.util.List', 'java.util.Collection', 'java.lang.Iterable', ...COLLECTION],
  Struct: ['lucee.runtime.type.StructImpl', 'lucee.runtime.type.Struct', 'java.util.Map', ...COLLECTION],
  Query: ['lucee.runtime.type.QueryImpl', 'lucee.runtime.type.Query', ...COLLECTION],
  Function: ['lucee.runtime.type.UDF', 'lucee.runtime.type.UDFImpl', ...OBJ],
};

export const decisionFunctions: FunctionDef[] = [
  {
    // Lucee tests a component's name/extends chain, else the Java class hierarchy of the value.
    // There are no components or Java objects here: the built-in values answer for the Java types
    // Lucee's values have (isInstanceOf(now(), "java.util.Date") is true); other names are false.
    name: 'isInstanceOf',
    params: [anyParam('object'), { name: 'typeName', type: 'string', required: true }],
    impl: (_c, v: unknown, type: string) => {
      const t = type.trim();
      v = simple(v);
      if (v === null || v === undefined) return false;
      if (v instanceof ComponentInstance) return v.cls.isNamed(t);
      const kind = v instanceof CfFunction ? 'Function' : typeof v === 'string' ? 'String' : typeof v === 'number' ? 'Number' : typeof v === 'boolean' ? 'Boolean' : v instanceof Date ? 'Date' : Array.isArray(v) ? 'Array' : v instanceof Struct ? 'Struct' : v instanceof Query ? 'Query' : '';
      return (JAVA_TYPES[kind] ?? []).includes(t);
    },
  },
  // Lucee: true for the file objects fileOpen() returns
  { name: 'isFileObject', params: [anyParam('value')], impl: (_c, v: unknown) => v instanceof FileObject },
  {
    // Lucee's IsIPv6: whether the host resolves to an IPv6 address; no argument (or localhost)
    // asks about this machine. Literal addresses answer by their form; names are not resolved here.
    name: 'isIPv6',
    params: [{ name: 'hostname', type: 'string' }],
    impl: (_c, host?: string) => {
      const h = (host ?? '').trim();
      const local = h === '' || /^(localhost|127\.0\.0\.1|::1|0:0:0:0:0:0:0:1)$/i.test(h);
      if (local) return Object.values(os.networkInterfaces()).some((list) => (list ?? []).some((a) => a.family === 'IPv6'));
      const kind = net.isIP(h.replace(/^\[|\]$/g, ''));
      if (kind) return kind === 6;
      throw expressionError(`function [isIPv6] can't resolve the host name [${h}] here; pass an IP address`, { detail: 'host names are not looked up by this engine' });
    },
  },
  // Lucee: true unless the value is a java.util.Map (a struct).
  { name: 'isNotMap', params: [anyParam('object')], impl: (_c, v: unknown) => !(simple(v) instanceof Struct) },
  {
    name: 'isDefined',
    params: [{ name: 'variable_name', type: 'string', required: true }],
    impl: (ctx, name: string) => ctx.isDefined(name.trim()),
  },
  // The evaluator must pass `undefined` (not throw) for an undefined variable argument.
  { name: 'isNull', params: [anyParam('object', false)], impl: (_c, v: unknown) => v === null || v === undefined },
  { name: 'isNumeric', params: [anyParam('string')], impl: (_c, v: unknown) => isNumeric(v) },
  { name: 'isBoolean', params: [anyParam('value')], impl: (_c, v: unknown) => isBooleanLike(v) },
  { name: 'isDate', params: [anyParam('object')], impl: (_c, v: unknown) => isDateValue(v) },
  {
    // Lucee's ObjectEquals: values compared deeply, simple ones by the EQ rule (case-insensitive)
    name: 'objectEquals',
    params: [anyParam('left'), anyParam('right')],
    impl: (_c, a: unknown, b: unknown) => cfEquals(a, b, false),
  },
  {
    name: 'isArray',
    params: [anyParam('value'), { name: 'number', type: 'numeric' }],
    impl: (_c, v: unknown, dim?: number) => {
      v = simple(v);
      // the arguments scope is also a one-dimensional array (Lucee's Argument extends Array)
      if (v instanceof ArgumentsScope) return dim === undefined || dim === -999 || Math.trunc(dim) === 1;
      if (!Array.isArray(v)) return false;
      if (dim === undefined || dim === -999) return true;
      // Arrays do not record their dimension; an empty array or nested arrays of that depth pass.
      const depth = arrayDepth(v);
      return v.length === 0 || depth === Math.trunc(dim) || (Math.trunc(dim) === 1 && depth >= 1);
    },
  },
  { name: 'isStruct', params: [anyParam('variable')], impl: (_c, v: unknown) => simple(v) instanceof Struct },
  { name: 'isQuery', params: [anyParam('value')], impl: (_c, v: unknown) => simple(v) instanceof Query },
  { name: 'isSimpleValue', params: [anyParam('value')], impl: (_c, v: unknown) => isSimple(v) },
  {
    name: 'isObject',
    params: [anyParam('value')],
    // Components (and Java objects) are objects; the built-in value types are not.
    impl: (_c, v: unknown) => {
      v = simple(v);
      if (v === null || v === undefined || typeof v !== 'object') return false;
      if (v instanceof ComponentInstance) return true;
      return !(v instanceof Date || Array.isArray(v) || v instanceof Struct || v instanceof Query || v instanceof Uint8Array || v instanceof CfFunction);
    },
  },
  {
    name: 'isCustomFunction',
    params: [anyParam('object'), { name: 'type', type: 'string' }],
    impl: (_c, v: unknown, type?: string) => {
      if (!(v instanceof CfFunction)) return false;
      const t = type?.trim().toLowerCase();
      if (!t) return true;
      if (t === 'udf' || t === 'closure' || t === 'lambda') return functionKind(v) === t;
      throw expressionError(`invalid type [${type}] for function [isCustomFunction], valid values are [udf, closure, lambda]`);
    },
  },
  { name: 'isClosure', params: [anyParam('object')], impl: (_c, v: unknown) => v instanceof CfFunction && v.isClosure },
  { name: 'isJSON', params: [anyParam('value'), { name: 'format', type: 'string' }], impl: (_c, v: unknown, format?: string) => isJsonText(v, format) },
  { name: 'isBinary', params: [anyParam('value')], impl: (_c, v: unknown) => simple(v) instanceof Uint8Array },
  { name: 'isEmpty', params: [anyParam('value', false)], impl: (_c, v: unknown) => isEmptyValue(v) },
  {
    name: 'isValid',
    params: [
      { name: 'type', type: 'string', required: true },
      { name: 'value', type: 'any', required: true },
      { name: 'min', type: 'any' },
      { name: 'max', type: 'any' },
      { name: 'pattern', type: 'any' },
    ],
    impl: (_c, type: string, value: unknown, min: unknown, max: unknown, pattern: unknown) => isValidValue(type, value, min, max, pattern),
  },
];
