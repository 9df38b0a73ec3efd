import { isValidValue } from './functions/decision.js';

/** Type names isValid() knows; everything else (component names) is accepted until CFCs exist. */
const VALIDATED = new Set([
  'string', 'numeric', 'number', 'float', 'integer', 'boolean', 'date', 'time', 'array', 'struct', 'query',
  'binary', 'function', 'udf', 'closure', 'guid', 'uuid', 'email', 'variablename', 'xml',
]);

/**
 * Whether a value fits a CFML type name as used by cfargument, cfparam and returntype: the
 * rules of isValid(), except that `any` accepts anything (isValid's `any` means a simple value).
 */
export function checkType(v: unknown, type: string): boolean {
  const t = type.toLowerCase();
  if (t === 'datetime') return isValidValue('date', v);
  return VALIDATED.has(t) ? isValidValue(t, v) : true;
}
