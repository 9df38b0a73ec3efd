import { CfmlError, ControlSignal, expressionError } from '../errors.js';
import { numberText } from '../limits.js';
import { MAX_YEAR, MIN_YEAR } from '../dates.js';
import { toBool, toDate, toNum, toStr, typeName, simple } from '../cast.js';
import { Struct } from '../struct.js';
import { Query, QueryColumnRef } from '../query.js';
import { CfFunction } from '../function-value.js';
import { ArgumentsScope } from '../access.js';
import { XmlNode, xmlAsStruct } from '../xml/node.js';
import type { FnContext, FunctionDef, ParamSpec } from './types.js';
import { synonymParam } from './param-synonyms.js';
import { luceeArgPosition } from './lucee-arg-names.js';

function cast(def: FunctionDef, p: ParamSpec, v: unknown): unknown {
  switch (p.type) {
    case undefined:
    case 'any':
    case 'object':
      return v;
    case 'string':
      return toStr(v);
    case 'numeric':
      return toNum(v);
    case 'boolean':
      return toBool(v);
    case 'date':
      return toDate(v);
    case 'array':
      if (v instanceof QueryColumnRef) return v.values();
      if (Array.isArray(v)) return v;
      // the arguments scope is also an array of the values in argument order (Lucee)
      if (v instanceof ArgumentsScope) return v.order.map((k) => v.getLower(k.toLowerCase()) ?? null);
      // A binary value is a Java byte[] in Lucee, which array functions accept (signed bytes).
      if (v instanceof Uint8Array) return Array.from(v, (b) => (b > 127 ? b - 256 : b));
      // `parent.child` is also the list of the children of that name (arrayLen(doc.root.item))
      if (v instanceof XmlNode) return v.items();
      break;
    case 'struct':
      if (v instanceof Struct) return v;
      // an XML element is a struct of its child elements in Lucee (structKeyExists(node, "child"))
      if (v instanceof XmlNode) return xmlAsStruct(v);
      break;
    case 'query':
      if (v instanceof Query) return v;
      break;
    case 'function':
      if (v instanceof CfFunction) return v;
      break;
  }
  throw expressionError(`Invalid argument for function [${def.name}], can't cast ${typeName(v)} to ${p.type} for argument [${p.name}]`);
}

function castArg(def: FunctionDef, p: ParamSpec, v: unknown): unknown {
  try {
    return cast(def, p, p.type === 'array' ? v : simpleUnlessWanted(p, v));
  } catch (e) {
    if (e instanceof Error && !/^Invalid argument/.test(e.message)) {
      throw expressionError(`Invalid argument [${p.name}] for function [${def.name}]: ${e.message}`);
    }
    throw e;
  }
}

/** Query column refs stay refs only for 'any' parameters (valueList needs the column itself). */
function simpleUnlessWanted(p: ParamSpec, v: unknown): unknown {
  return p.type === undefined || p.type === 'any' ? v : simple(v);
}

function namedStruct(named: Map<string, unknown>): Struct {
  const s = new Struct();
  for (const [k, v] of named) s.set(k, v);
  return s;
}

/**
 * Calls a built-in with positional arguments, or named ones when `named` is given. Applies
 * defaults and declared casts, and checks the argument count, so each implementation can trust
 * its inputs.
 */
export function invokeBuiltin(def: FunctionDef, ctx: FnContext, args: unknown[], named?: Map<string, unknown>): unknown {
  const params = def.params;
  let values: unknown[];
  if (named && def.namedArgs) return def.impl(ctx, namedStruct(named));
  if (named) {
    values = new Array(params.length);
    for (const [k, v] of named) {
      let i = params.findIndex((p) => p.name.toLowerCase() === k);
      if (i < 0) i = synonymParam(params.map((p) => p.name), k);
      if (i < 0) {
        // the name Lucee's function library uses for that position
        i = luceeArgPosition(def.name.toLowerCase(), k);
        if (i >= params.length) i = -1;
      }
      if (i < 0) {
        throw expressionError(`function [${def.name}] has no argument with name [${k}]`, {
          detail: `the function has the arguments [${params.map((p) => p.name).join(', ')}]`,
        });
      }
      values[i] = v;
    }
  } else {
    if (args.length > params.length && !def.variadic) {
      throw expressionError(`too many arguments passed to function [${def.name}], the function takes at most ${params.length} arguments but got ${args.length}`, {
        detail: signature(def),
      });
    }
    values = args.slice();
  }
  for (let i = 0; i < params.length; i++) {
    const p = params[i]!;
    let v = values[i];
    if (v === undefined) {
      if (p.required) {
        throw expressionError(`The parameter [${p.name}] to function [${def.name}] is required but was not passed in.`, { detail: signature(def) });
      }
      if (p.default !== undefined) values[i] = p.default;
      continue;
    }
    values[i] = castArg(def, p, v);
  }
  while (values.length && values[values.length - 1] === undefined && values.length > params.length) values.pop();
  let result: unknown;
  try {
    result = def.impl(ctx, ...values);
  } catch (e) {
    throw builtinFailure(def, values, e);
  }
  if (result instanceof Date && Number.isNaN(result.getTime())) {
    throw expressionError(`Invalid argument for function [${def.name}]: the resulting date is outside the range of dates (years ${MIN_YEAR} to ${MAX_YEAR})`, { detail: signature(def) });
  }
  return result;
}

/**
 * A faster invokeBuiltin for a positional call whose argument count `n` (1 to 3) is known at
 * compile time: when every argument is already of its parameter's type (a string for `string`,
 * a number for `numeric`, anything but undefined for `any`), the implementation is called
 * directly with the trailing parameters' defaults, without an argument array; any other value
 * goes through invokeBuiltin, so casts, errors and results are the same.
 * @returns undefined when the call does not qualify (variadic, too many or too few arguments, other types)
 */
export function directInvoker(def: FunctionDef, n: number): ((fc: FnContext, a: unknown, b: unknown, c: unknown) => unknown) | undefined {
  const params = def.params;
  if (def.variadic || def.async || n < 1 || n > 3 || n > params.length) return undefined;
  const kinds: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = params[i]!.type;
    kinds.push(t === undefined || t === 'any' ? ANY : t === 'string' ? STRING : t === 'numeric' ? NUMBER : -1);
  }
  if (kinds.includes(-1) || params.slice(n).some((p) => p.required)) return undefined;
  const rest = params.slice(n).map((p) => p.default);
  const [k0, k1, k2] = [kinds[0]!, kinds[1] ?? ANY, kinds[2] ?? ANY];
  const ok = (k: number, v: unknown) => (k === STRING ? typeof v === 'string' : k === NUMBER ? typeof v === 'number' : v !== undefined);
  const impl = def.impl;
  const call = (fc: FnContext, values: unknown[]) => {
    let result: unknown;
    try {
      result = impl(fc, ...values);
    } catch (e) {
      throw builtinFailure(def, values, e);
    }
    if (result instanceof Date && Number.isNaN(result.getTime())) return invokeBuiltin(def, fc, values.slice(0, n));
    return result;
  };
  if (n === 1 && rest.length === 0) {
    return (fc, a) => {
      if (!ok(k0, a)) return invokeBuiltin(def, fc, [a]);
      let result: unknown;
      try {
        result = impl(fc, a);
      } catch (e) {
        throw builtinFailure(def, [a], e);
      }
      if (result instanceof Date && Number.isNaN(result.getTime())) return invokeBuiltin(def, fc, [a]);
      return result;
    };
  }
  return (fc, a, b, c) => {
    const given = n === 1 ? [a] : n === 2 ? [a, b] : [a, b, c];
    if (!ok(k0, a) || (n > 1 && !ok(k1, b)) || (n > 2 && !ok(k2, c))) return invokeBuiltin(def, fc, given);
    return call(fc, rest.length ? given.concat(rest) : given);
  };
}

const ANY = 0;
const STRING = 1;
const NUMBER = 2;

/**
 * What a built-in's own JS failure becomes (issue 8, item 11): the function's implementation
 * should check its arguments itself and name the one at fault; a JS error that still escapes
 * (RangeError "Invalid string length", "Invalid code point NaN", a TypeError) is an Expression
 * error naming the function, never a CF9000 with a JavaScript message. CFML errors, control
 * signals (abort, break...) and stack overflows (reported as such by toCfmlError) pass through.
 */
function builtinFailure(def: FunctionDef, values: unknown[], e: unknown): unknown {
  if (e instanceof CfmlError || e instanceof ControlSignal || !(e instanceof Error)) return e;
  if (e instanceof RangeError && e.message.includes('call stack')) return e;
  // the argument at fault is, nearly always, the one number out of the ordinary
  const suspects = def.params.map((p, i) => [p.name, values[i]] as const).filter(([, v]) => typeof v === 'number' && !(Math.abs(v) <= 2 ** 31));
  if (suspects.length === 1) {
    const [name, v] = suspects[0]!;
    return expressionError(`Invalid argument [${name}] for function [${def.name}]: [${numberText(v as number)}] is out of range`, { detail: signature(def), cause: e });
  }
  const why = e instanceof RangeError ? 'an argument is out of range' : 'an argument has a value it cannot use';
  return expressionError(`Invalid argument for function [${def.name}]: ${why}`, { detail: signature(def), cause: e });
}
export function signature(def: FunctionDef): string {
  return `${def.name}(${def.params.map((p) => (p.required ? '' : '[') + (p.type ?? 'any') + ' ' + p.name + (p.required ? '' : ']')).join(', ')})`;
}
