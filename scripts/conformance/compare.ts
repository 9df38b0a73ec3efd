/**
 * The comparison rules of the cfdocs conformance data (see ../shared/conformance/cfdocs/README.md):
 * trim both sides and collapse runs of blank lines; a boolean-looking expected value passes on the
 * same truth value; numbers longer than 10 characters are compared after rounding to 8 decimals;
 * a JSON-looking expected value is compared after parsing both sides.
 */

/** Trims, unifies line ends, drops trailing blanks of lines and collapses runs of blank lines. */
export function normalizeText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const BOOL = /^(true|false|yes|no)$/i;
const NUM = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function truth(s: string): boolean | undefined {
  if (!BOOL.test(s)) return undefined;
  const l = s.toLowerCase();
  return l === 'true' || l === 'yes';
}

function round8(s: string): number {
  return Math.round(Number(s) * 1e8) / 1e8;
}

function looksLikeJson(s: string): boolean {
  return (s.startsWith('{') && s.endsWith('}')) || (s.startsWith('[') && s.endsWith(']'));
}

function tryJson(s: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(s) };
  } catch {
    return { ok: false };
  }
}

/** Deep equality of parsed JSON: object key order does not matter, numbers compare by value. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return round8(String(a)) === round8(String(b));
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => jsonEqual(v, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a as object);
    const kb = Object.keys(b as object);
    if (ka.length !== kb.length) return false;
    return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && jsonEqual((a as any)[k], (b as any)[k]));
  }
  return false;
}

export type CompareRule = 'text' | 'boolean' | 'number' | 'json';

export interface CompareResult {
  pass: boolean;
  rule: CompareRule;
}

/** Compares an example's expected result with the engine's output by the cfdocs rules. */
export function compareResult(expected: string, got: string): CompareResult {
  const e = normalizeText(expected);
  const g = normalizeText(got);
  const t = truth(e);
  if (t !== undefined) return { pass: truth(g) === t, rule: 'boolean' };
  if (NUM.test(e) && e.length > 10) {
    return { pass: NUM.test(g) && round8(e) === round8(g), rule: 'number' };
  }
  if (looksLikeJson(e)) {
    const pe = tryJson(e);
    if (pe.ok) {
      const pg = tryJson(g);
      return { pass: pg.ok && jsonEqual(pe.value, pg.value), rule: 'json' };
    }
  }
  return { pass: e === g, rule: 'text' };
}

/** The cfdocs "try it" wrapping: expression -> cfoutput, script -> cfscript, else as is. */
export function wrapExample(code: string): { source: string; form: 'expression' | 'script' | 'template' } {
  if (/<cf/i.test(code)) return { source: code, form: 'template' };
  if (code.includes(';')) return { source: `<cfscript>${code}</cfscript>`, form: 'script' };
  return { source: `<cfoutput>#${code}#</cfoutput>`, form: 'expression' };
}
