/**
 * The server-side check of a submitted form's validation fields, the ColdFusion convention that
 * `<cfinput validateAt="onServer">` writes (and older pages write by hand): a field `NAME_required`
 * makes NAME required, `NAME_integer`, `NAME_float`/`_numeric`, `NAME_date`, `NAME_eurodate`,
 * `NAME_time`, `NAME_email`... check NAME's value when it is not empty, `NAME_range` holds
 * "MIN=a MAX=b", `NAME_maxlength` a length, `NAME_regex` a pattern. The hidden field's value is the
 * message shown (else Lucee's default wording for that check). A failed check ends the request
 * before the page runs with status 400 and a page listing the messages (HTML-escaped).
 *
 * This is a convenience for pages without JavaScript, not a security boundary: the visitor can
 * remove the fields. A form field whose own name ends in one of these suffixes is read as such a
 * rule, as in ColdFusion.
 */
import { toStr } from '../../../runtime/cast.js';
import type { Struct } from '../../../runtime/struct.js';
import { escHtml } from './html.js';
import { fill, passes, requiredMessage, ruleFor } from './validation.js';

const SUFFIX = /^(.+)_(required|integer|int|float|numeric|range|date|usdate|eurodate|time|boolean|email|url|uuid|guid|zipcode|zip|telephone|phone|ssn|social_security_number|creditcard|noblanks|maxlength|regex|regular_expression)$/i;

const NUMBER_RULE = /^(.+)_(integer|int|float|numeric)$/i;

/** The messages of the failed checks of a submitted form, in field order (empty when all pass). */
export function formFieldErrors(form: Struct): string[] {
  const errors: string[] = [];
  const rangeOf = (field: string) => {
    const r = toStr(form.get(`${field}_range`) ?? '');
    const min = /MIN=\s*(-?[\d.]+)/i.exec(r)?.[1];
    const max = /MAX=\s*(-?[\d.]+)/i.exec(r)?.[1];
    return { min: min === undefined ? undefined : Number(min), max: max === undefined ? undefined : Number(max) };
  };
  // fields that also have a number rule, found in one pass (the range field then only parameterises it)
  const numberRuled = new Set<string>();
  for (const key of form.keys()) {
    const m = NUMBER_RULE.exec(key);
    if (m) numberRuled.add(m[1]!.toLowerCase());
  }
  for (const key of form.keys()) {
    const m = SUFFIX.exec(key);
    if (!m) continue;
    const field = m[1]!;
    const check = m[2]!.toLowerCase();
    const given = toStr(form.get(key) ?? '');
    const raw = form.get(field);
    const value = raw === undefined ? '' : toStr(raw);
    if (check === 'required') {
      if (value.trim() === '') errors.push(given || requiredMessage('text', field));
      continue;
    }
    if (value.trim() === '') continue;
    const rule = ruleFor(check)!;
    const { min, max } = rangeOf(field);
    const param = { min, max, maxLength: check === 'maxlength' ? Number(given) : undefined, pattern: check.startsWith('reg') ? given : undefined };
    // range alone: the range field is the rule; beside integer/float it only parameterises them
    if (rule.name === 'range' && numberRuled.has(field.toLowerCase())) continue;
    if (passes(rule, value, rule.name === 'integer' || rule.name === 'float' || rule.name === 'range' ? { min, max } : param)) continue;
    const custom = rule.name === 'range' || rule.name === 'maxlength' || rule.name === 'regex' ? '' : given;
    const failedRange = (rule.name === 'integer' || rule.name === 'float') && passes(rule, value) ? ruleFor('range')! : rule;
    errors.push(custom || fill(failedRange.message, { v: value, n: field, min: min === undefined ? '' : String(min), max: max === undefined ? '' : String(max), p: given }));
  }
  return errors;
}

/** The page shown for a form that failed its server-side checks. */
export function formErrorPage(errors: string[]): string {
  return (
    '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Form entries are incomplete or invalid</title></head><body>\n' +
    '<h1>Form entries are incomplete or invalid.</h1>\n<ul>\n' +
    errors.map((e) => `<li>${escHtml(e)}</li>\n`).join('') +
    '</ul>\n<p>Go back and correct the problem.</p>\n</body></html>\n'
  );
}
