/**
 * The validation types of `<cfinput validate=>` (Lucee's names and aliases), shared by the
 * client-side script (the regular expressions are written into it) and the server-side check of
 * the hidden fields (`NAME_required`, `NAME_integer`...). Default messages are Lucee's wording.
 */
import { safeRegExp } from '../../../runtime/safe-regex.js';

export interface Rule {
  /** Canonical name: the hidden-field suffix and the client-side code. */
  name: string;
  /** Whether a non-empty value passes (server side; the client script uses `pattern`). */
  pattern?: RegExp;
  /** Extra test after the pattern (credit card checksum, date validity). */
  check?: (v: string) => boolean;
  /** Lucee's default message; `{v}` is the value, `{n}` the field name. */
  message: string;
}

const DATE_US = /^(0?[1-9]|1[0-2])[/.-](0?[1-9]|[12]\d|3[01])[/.-](\d{2}|\d{4})$/;
const DATE_ISO = /^\d{4}-(0?[1-9]|1[0-2])-(0?[1-9]|[12]\d|3[01])$/;
const DATE_EURO = /^(0?[1-9]|[12]\d|3[01])[/.-](0?[1-9]|1[0-2])[/.-](\d{2}|\d{4})$/;

/** Luhn checksum over the digits of a card number (spaces and dashes ignored). */
export function luhn(v: string): boolean {
  const d = v.replace(/[\s-]/g, '');
  if (!/^\d{13,19}$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    let x = d.charCodeAt(d.length - 1 - i) - 48;
    if (i % 2 === 1) x = x * 2 > 9 ? x * 2 - 9 : x * 2;
    sum += x;
  }
  return sum % 10 === 0;
}

export const RULES: Record<string, Rule> = {
  integer: { name: 'integer', pattern: /^[+-]?\d+$/, message: "value ({v}) of field {n} doesn't contain an integer" },
  float: { name: 'float', pattern: /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/, message: "value ({v}) of field {n} doesn't contain a number value" },
  range: { name: 'range', pattern: /^[+-]?(\d+\.?\d*|\.\d+)$/, message: 'value ({v}) of field {n} has an invalid range, valid range is from {min} to {max}' },
  date: { name: 'date', pattern: new RegExp(`${DATE_US.source}|${DATE_ISO.source}`), message: "value ({v}) of field {n} doesn't contain a date value" },
  usdate: { name: 'usdate', pattern: DATE_US, message: "value ({v}) of field {n} doesn't contain a date value" },
  eurodate: { name: 'eurodate', pattern: DATE_EURO, message: "value ({v}) of field {n} doesn't contain an euro date value" },
  time: { name: 'time', pattern: /^([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d)?(\s?[aApP][mM])?$/, message: "value ({v}) of field {n} doesn't contain a time value" },
  boolean: { name: 'boolean', pattern: /^(true|false|yes|no|1|0)$/i, message: "value ({v}) of field {n} doesn't contain a boolean value" },
  email: { name: 'email', pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, message: "value ({v}) of field {n} doesn't contain a valid Email Address" },
  url: { name: 'url', pattern: /^(https?|ftp|file|mailto|news):\S+$/i, message: "value ({v}) of field {n} doesn't contain a URL" },
  uuid: { name: 'uuid', pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{16}$/i, message: "value ({v}) of field {n} doesn't contain a UUID" },
  guid: { name: 'guid', pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, message: "value ({v}) of field {n} doesn't contain a GUID" },
  zipcode: { name: 'zipcode', pattern: /^\d{5}([ -]?\d{4})?$/, message: "value ({v}) of field {n} doesn't contain a zip code" },
  telephone: { name: 'telephone', pattern: /^(\+?1[ .-]?)?\(?\d{3}\)?[ .-]?\d{3}[ .-]?\d{4}$/, message: "value ({v}) of field {n} doesn't contain a phone number" },
  ssn: { name: 'ssn', pattern: /^\d{3}[ -]?\d{2}[ -]?\d{4}$/, message: "value ({v}) of field {n} doesn't contain a (us) Social Security Number" },
  creditcard: { name: 'creditcard', check: luhn, message: "value ({v}) of field {n} doesn't contain a credit card number" },
  noblanks: { name: 'noblanks', check: (v) => v.trim() !== '', message: 'value ({v}) of field {n} does contains only Spaces' },
  maxlength: { name: 'maxlength', message: 'value ({v}) of field {n} is to long' },
  regex: { name: 'regex', message: "value ({v}) of field {n} doesn't match given pattern ({p})" },
};

/** Lucee's aliases of validate= values. */
const ALIASES: Record<string, string> = {
  numeric: 'float', int: 'integer', regular_expression: 'regex', social_security_number: 'ssn', phone: 'telephone', zip: 'zipcode',
};

/** The rule a validate= value names, or undefined when it names none (`none` included). */
export function ruleFor(validate: string): Rule | undefined {
  const v = validate.trim().toLowerCase();
  return RULES[ALIASES[v] ?? v];
}

/** Every validate= value accepted (for the error message). */
export const VALIDATE_NAMES = ['none', ...Object.keys(RULES), ...Object.keys(ALIASES)].sort();

/** Lucee's message for a required field that is empty, by kind of control. */
export function requiredMessage(kind: 'text' | 'check' | 'select', name: string): string {
  if (kind === 'select') return `drop-down field "${name}" is required, but no selction is made`;
  if (kind === 'check') return `radio button or checkbox [${name}] is not checked but required`;
  return `missing value for text input field "${name}"`;
}

/** Fills a default message. */
export function fill(message: string, f: { v: string; n: string; min?: string; max?: string; p?: string }): string {
  return message.replace(/\{(v|n|min|max|p)\}/g, (_m, k: 'v' | 'n' | 'min' | 'max' | 'p') => f[k] ?? '');
}

/** Whether a non-empty value passes a rule (range, maxlength and regex take their parameter). */
export function passes(rule: Rule, value: string, param?: { min?: number; max?: number; maxLength?: number; pattern?: string }): boolean {
  if (rule.name === 'maxlength') return param?.maxLength === undefined || value.length <= param.maxLength;
  if (rule.name === 'regex') {
    if (!param?.pattern) return true;
    try {
      // the pattern may come from a posted hidden field: only patterns that cannot backtrack without end
      return safeRegExp('cfinput', param.pattern, param.pattern, '').test(value);
    } catch {
      return false;
    }
  }
  if (rule.pattern && !rule.pattern.test(value.trim())) return false;
  if (rule.check && !rule.check(value)) return false;
  if (rule.name === 'range' || ((rule.name === 'integer' || rule.name === 'float') && param && (param.min !== undefined || param.max !== undefined))) {
    const n = Number(value.trim());
    if (param?.min !== undefined && n < param.min) return false;
    if (param?.max !== undefined && n > param.max) return false;
  }
  return true;
}
