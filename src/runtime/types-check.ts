import { Struct } from './struct.js';
import { Query } from './query.js';
import { CfFunction } from './function-value.js';
import { isBooleanLike, isNumeric, isSimple, simple, tryDate } from './cast.js';

/** Whether a value fits a CFML type name as used by cfargument, cfparam and returntype. */
export function checkType(v: unknown, type: string): boolean {
  const t = type.toLowerCase();
  v = simple(v);
  switch (t) {
    case 'any':
    case 'void':
      return true;
    case 'string':
      return isSimple(v);
    case 'numeric':
    case 'number':
      return isNumeric(v);
    case 'integer':
      return isNumeric(v) && Number.isInteger(Number(v));
    case 'boolean':
      return isBooleanLike(v);
    case 'date':
    case 'datetime':
      return v instanceof Date || (typeof v === 'string' && tryDate(v) !== undefined);
    case 'array':
      return Array.isArray(v);
    case 'struct':
      return v instanceof Struct;
    case 'query':
      return v instanceof Query;
    case 'function':
    case 'closure':
      return v instanceof CfFunction;
    case 'binary':
      return v instanceof Uint8Array;
    case 'guid':
      return typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
    case 'uuid':
      return typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{16}$/i.test(v);
    case 'email':
      return typeof v === 'string' && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v);
    case 'variablename':
      return typeof v === 'string' && /^[a-z_][\w]*(\.[a-z_][\w]*)*$/i.test(v);
    default:
      // component types and unknown names: accept structs (components come later)
      return true;
  }
}
