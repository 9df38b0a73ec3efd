import { isValidValue } from './functions/decision.js';
import { ComponentInstance } from './components/instance.js';
import { typeName } from './cast.js';

/** Type names isValid() knows; any other name names a component (or a Java class). */
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
  if (t === 'any' || t === 'void') return true;
  if (VALIDATED.has(t)) return isValidValue(t, v);
  // a component type: the instance's class, a parent or an interface of that name
  if (v instanceof ComponentInstance) return t === 'component' || t === 'object' || v.cls.isNamed(t);
  return t !== 'component' && !LENIENT_NOT.has(typeName(v));
}

/** Values that never pass for a component type (anything else might be a Java object: accepted). */
const LENIENT_NOT = new Set(['String', 'Number', 'Boolean', 'Array', 'Struct', 'Query', 'Date']);
