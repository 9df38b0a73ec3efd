/**
 * Struct functions. Structs are `Struct` values passed by reference; closures get
 * (key, value, struct). Key case is whatever the struct stored (dot-notation upper-casing is
 * done by the evaluator before keys reach here).
 */
import { expressionError } from '../errors.js';
import { isSimple, simple, toStr, typeName } from '../cast.js';
import { Struct } from '../struct.js';
import { setStructType } from '../struct-meta.js';
import { Query } from '../query.js';
import { CfFunction } from '../function-value.js';
import type { FnContext, FunctionDef, MemberSpec, ParamSpec } from './types.js';
import { XmlNode, xmlGet } from '../xml/node.js';
import { callClosure, cfEquals, closureComparator, duplicateValue, isMissing, predicateResult, typedComparator } from './collection-util.js';

const m = (name: string, returnsReceiver = false): MemberSpec[] => [{ type: 'struct', name, returnsReceiver }];

const STRUCT_TYPES: Record<string, Struct['kind']> = {
  normal: 'normal',
  ordered: 'ordered',
  linked: 'ordered',
  casesensitive: 'casesensitive',
  'ordered-casesensitive': 'casesensitive',
  soft: 'normal',
  weak: 'normal',
  synchronized: 'normal',
};

const structParam: ParamSpec = { name: 'structure', type: 'struct', required: true };

function iterParams(first = 'struct', fnArg = 'callback'): ParamSpec[] {
  return [
    { name: first, type: 'struct', required: true },
    { name: fnArg, type: 'function', required: true },
    { name: 'parallel', type: 'boolean', default: false },
    { name: 'maxThreads', type: 'numeric', default: 20 },
  ];
}

function newLike(s: Struct): Struct {
  const out = new Struct();
  out.kind = s.kind;
  return out;
}

/**
 * structKeyExists also answers for queries (columns) and arrays (defined index), as Lucee's
 * collections do. A key holding null exists only with full null support (Ctx.fullNullSupport of `fc`), as in Lucee.
 */
function keyExists(container: unknown, key: string, fc?: FnContext): boolean {
  container = simple(container);
  // the null-support setting is read only for a key that holds null
  if (container instanceof Struct) return container.has(key) && (!isMissing(container.get(key)) || !!fc?.ctx?.fullNullSupport);
  if (container instanceof Query) return container.hasColumn(key);
  if (container instanceof XmlNode) return xmlGet(container, key, true, undefined, true) !== undefined;
  if (Array.isArray(container)) {
    const n = Number(key);
    return Number.isInteger(n) && n >= 1 && n <= container.length && !isMissing(container[n - 1]);
  }
  throw expressionError(`Invalid argument for function [structKeyExists], can't cast ${typeName(container)} to struct for argument [structure]`);
}

interface FoundEntry {
  path: string;
  owner: unknown;
  key: string;
  value: unknown;
}

/** Walks structs and arrays depth-first in key order (structFindKey/structFindValue). */
function walk(top: unknown, path: string, visit: (e: FoundEntry) => boolean, seen = new Set<unknown>()): boolean {
  if (seen.has(top)) return false;
  if (top instanceof Struct) {
    seen.add(top);
    for (const [k, v] of top.entries()) {
      const p = `${path}.${k}`;
      if (visit({ path: p, owner: top, key: k, value: v })) return true;
      if ((v instanceof Struct || Array.isArray(v)) && walk(v, p, visit, seen)) return true;
    }
  } else if (Array.isArray(top)) {
    seen.add(top);
    for (let i = 0; i < top.length; i++) {
      const v = top[i];
      if (v instanceof Struct || Array.isArray(v)) {
        if (walk(v, `${path}[${i + 1}]`, visit, seen)) return true;
      }
    }
  }
  return false;
}

function findScope(fnName: string, scope: string): boolean {
  const s = scope.trim().toLowerCase();
  if (s !== 'one' && s !== 'all') throw expressionError(`invalid scope [${scope}] for function [${fnName}], valid values are [one, all]`);
  return s === 'all';
}

function subValue(fnName: string, value: unknown, path: string | undefined, key: string): unknown {
  if (!path) return value;
  let cur = value;
  for (const part of path.split('.').filter(Boolean)) {
    if (!(cur instanceof Struct) || !cur.has(part)) {
      throw expressionError(`function [${fnName}]: the value of key [${key}] has no element at path [${path}]`);
    }
    cur = cur.get(part);
  }
  return cur;
}

export const structsFunctions: FunctionDef[] = [
  {
    name: 'structNew',
    params: [
      { name: 'type', type: 'string', default: 'normal' },
      { name: 'sortType', type: 'any' },
      { name: 'sortOrder', type: 'string', default: 'asc' },
      { name: 'localeSensitive', type: 'boolean', default: false },
      { name: 'callback', type: 'function' },
    ],
    impl: (_c, type: string) => {
      const t = type.trim().toLowerCase() || 'normal';
      const kind = STRUCT_TYPES[t];
      if (!kind) throw expressionError(`invalid struct type [${type}] for function [structNew], valid types are [${Object.keys(STRUCT_TYPES).join(', ')}]`);
      const s = new Struct();
      s.kind = kind;
      const named = t === 'normal' || t === 'regular' ? 'regular' : t === 'sync' || t === 'syncronized' ? 'synchronized' : t === 'weaked' ? 'weak' : t;
      return ['regular', 'soft', 'weak', 'synchronized'].includes(named) ? setStructType(s, named) : s;
    },
  },
  {
    name: 'structKeyExists',
    params: [
      { name: 'structure', type: 'any', required: true },
      { name: 'key', type: 'string', required: true },
    ],
    members: m('keyExists'),
    impl: (c, s: unknown, key: string) => keyExists(s, key, c),
  },
  { name: 'structCount', params: [structParam], members: [...m('count'), ...m('len')], impl: (_c, s: Struct) => s.size },
  {
    name: 'structKeyList',
    params: [structParam, { name: 'delimiter', type: 'string', default: ',' }],
    members: m('keyList'),
    impl: (_c, s: Struct, delimiter: string) => s.keys().join(delimiter),
  },
  { name: 'structKeyArray', params: [structParam], members: m('keyArray'), impl: (_c, s: Struct) => s.keys() },
  { name: 'structValueArray', params: [structParam], members: m('valueArray'), impl: (_c, s: Struct) => s.values() },
  {
    name: 'structDelete',
    params: [structParam, { name: 'key', type: 'string', required: true }, { name: 'indicateNotExisting', type: 'boolean', default: false }],
    members: m('delete', true),
    impl: (_c, s: Struct, key: string, indicate: boolean) => {
      const had = s.delete(key);
      return indicate ? had : true;
    },
  },
  {
    name: 'structInsert',
    params: [structParam, { name: 'key', type: 'string', required: true }, { name: 'value', type: 'any', required: true }, { name: 'allowoverwrite', type: 'boolean', default: false }],
    members: m('insert', true),
    impl: (_c, s: Struct, key: string, value: unknown, overwrite: boolean) => {
      if (!overwrite && s.has(key)) {
        throw expressionError(`The key [${key}] already exists in the struct, function [structInsert]`, { detail: 'pass allowOverwrite=true to replace the value' });
      }
      s.set(key, value);
      return true;
    },
  },
  {
    name: 'structUpdate',
    params: [structParam, { name: 'key', type: 'string', required: true }, { name: 'value', type: 'any', required: true }],
    members: m('update', true),
    impl: (_c, s: Struct, key: string, value: unknown) => {
      if (!s.has(key)) throw expressionError(`Cannot update key [${key}], the struct has no such key, function [structUpdate]`, { detail: `existing keys are [${s.keys().join(',')}]` });
      s.set(key, value);
      return true;
    },
  },
  {
    name: 'structAppend',
    params: [
      { name: 'struct1', type: 'struct', required: true },
      { name: 'struct2', type: 'struct', required: true },
      { name: 'overwriteFlag', type: 'boolean', default: true },
    ],
    members: m('append', true),
    impl: (_c, s1: Struct, s2: Struct, overwrite: boolean) => {
      for (const [k, v] of s2.entries()) if (overwrite || !s1.has(k)) s1.set(k, v);
      return true;
    },
  },
  { name: 'structCopy', params: [structParam], members: m('copy'), impl: (_c, s: Struct) => duplicateValue(s, false) },
  {
    name: 'structClear',
    params: [structParam],
    members: m('clear', true),
    impl: (_c, s: Struct) => {
      s.clear();
      return true;
    },
  },
  { name: 'structIsEmpty', params: [structParam], members: m('isEmpty'), impl: (_c, s: Struct) => s.size === 0 },
  { name: 'structIsOrdered', params: [structParam], members: m('isOrdered'), impl: (_c, s: Struct) => s.kind === 'ordered' },
  { name: 'structIsCaseSensitive', params: [structParam], members: m('isCaseSensitive'), impl: (_c, s: Struct) => s.kind === 'casesensitive' },
  {
    name: 'structEquals',
    params: [
      { name: 'struct1', type: 'struct', required: true },
      { name: 'struct2', type: 'struct', required: true },
    ],
    members: m('equals'),
    impl: (_c, a: Struct, b: Struct) => cfEquals(a, b, false),
  },
  {
    name: 'structFind',
    params: [structParam, { name: 'key', type: 'string', required: true }, { name: 'defaultValue', type: 'any' }],
    members: m('find'),
    impl: (_c, s: Struct, key: string, dflt: unknown) => {
      if (s.has(key) && !isMissing(s.get(key))) return s.get(key);
      if (dflt !== undefined) return dflt;
      throw expressionError(`Cannot find key [${key}] in struct, function [structFind]`, { detail: `existing keys are [${s.keys().join(',')}]` });
    },
  },
  {
    name: 'structFindKey',
    params: [
      { name: 'top', type: 'any', required: true },
      { name: 'value', type: 'string', required: true },
      { name: 'scope', type: 'string', default: 'one' },
    ],
    members: m('findKey'),
    impl: (_c, top: unknown, key: string, scope: string) => {
      const all = findScope('structFindKey', scope);
      if (!(top instanceof Struct) && !Array.isArray(top)) throw expressionError(`Invalid argument for function [structFindKey], can't cast ${typeName(top)} to struct for argument [top]`);
      const out: Struct[] = [];
      const lower = key.toLowerCase();
      walk(top, '', (e) => {
        if (e.key.toLowerCase() !== lower) return false;
        out.push(Struct.from({ value: e.value, path: e.path, owner: e.owner }));
        return !all;
      });
      return out;
    },
  },
  {
    name: 'structFindValue',
    params: [
      { name: 'top', type: 'any', required: true },
      { name: 'value', type: 'string', required: true },
      { name: 'scope', type: 'string', default: 'one' },
    ],
    members: m('findValue'),
    impl: (_c, top: unknown, value: string, scope: string) => {
      const all = findScope('structFindValue', scope);
      if (!(top instanceof Struct) && !Array.isArray(top)) throw expressionError(`Invalid argument for function [structFindValue], can't cast ${typeName(top)} to struct for argument [top]`);
      const out: Struct[] = [];
      const needle = value.toLowerCase();
      walk(top, '', (e) => {
        if (isMissing(e.value) || !isSimple(e.value) || toStr(e.value).toLowerCase() !== needle) return false;
        out.push(Struct.from({ key: e.key, path: e.path, owner: e.owner }));
        return !all;
      });
      return out;
    },
  },
  {
    name: 'structSort',
    params: [
      { name: 'struct', type: 'struct', required: true },
      { name: 'sortType', type: 'any', default: 'text' },
      { name: 'sortOrder', type: 'string', default: 'asc' },
      { name: 'path', type: 'string' },
      { name: 'localeSensitive', type: 'boolean', default: false },
      { name: 'callback', type: 'function' },
    ],
    members: m('sort'),
    impl: (ctx, s: Struct, sortType: unknown, sortOrder: string, path: string | undefined, _l: boolean, callback?: CfFunction) => {
      const fn = callback ?? (sortType instanceof CfFunction ? sortType : undefined);
      const cmp = fn ? closureComparator(ctx, 'structSort', fn) : typedComparator('structSort', toStr(sortType), sortOrder);
      const entries = s.entries().map(([k, v]) => ({ k, v: subValue('structSort', v, path, k) }));
      entries.sort((a, b) => cmp(a.v, b.v));
      return entries.map((e) => e.k);
    },
  },
  {
    name: 'structGet',
    params: [{ name: 'path', type: 'string', required: true }],
    // Lucee creates the missing structs along the path and returns the (new) last one.
    impl: (ctx, path: string) => {
      const v = ctx.getVariable(path);
      if (v !== undefined && v !== null) return v;
      const parts = path.split('.');
      let prefix = '';
      for (const part of parts) {
        prefix = prefix ? `${prefix}.${part}` : part;
        const cur = ctx.getVariable(prefix);
        if (cur === undefined || cur === null) ctx.setVariable(prefix, new Struct());
        else if (!(cur instanceof Struct)) throw expressionError(`function [structGet]: [${prefix}] is not a struct but ${typeName(cur)}`);
      }
      return ctx.getVariable(path);
    },
  },
  {
    name: 'structEach',
    params: iterParams('struct'),
    members: m('each', true),
    impl: (ctx, s: Struct, fn: CfFunction) => {
      for (const [k, v] of s.entries()) ctx.call(fn, [k, v, s]);
      return null;
    },
  },
  {
    name: 'structMap',
    params: iterParams('struct'),
    members: m('map'),
    impl: (ctx, s: Struct, fn: CfFunction) => {
      const out = newLike(s);
      for (const [k, v] of s.entries()) out.set(k, callClosure(ctx, fn, [k, v, s]));
      return out;
    },
  },
  {
    name: 'structFilter',
    params: iterParams('struct'),
    members: m('filter'),
    impl: (ctx, s: Struct, fn: CfFunction) => {
      const out = newLike(s);
      for (const [k, v] of s.entries()) if (predicateResult('structFilter', ctx.call(fn, [k, v, s]))) out.set(k, v);
      return out;
    },
  },
  {
    name: 'structReduce',
    params: [
      { name: 'struct', type: 'struct', required: true },
      { name: 'callback', type: 'function', required: true },
      { name: 'initialVal', type: 'any' },
    ],
    members: m('reduce'),
    impl: (ctx, s: Struct, fn: CfFunction, initial: unknown) => {
      let acc: unknown = initial === undefined ? null : initial;
      for (const [k, v] of s.entries()) acc = callClosure(ctx, fn, [acc, k, v, s]);
      return acc;
    },
  },
  {
    name: 'structSome',
    params: iterParams('struct'),
    members: m('some'),
    impl: (ctx, s: Struct, fn: CfFunction) => {
      for (const [k, v] of s.entries()) if (predicateResult('structSome', ctx.call(fn, [k, v, s]))) return true;
      return false;
    },
  },
  {
    name: 'structEvery',
    params: iterParams('struct', 'closure'),
    members: m('every'),
    impl: (ctx, s: Struct, fn: CfFunction) => {
      for (const [k, v] of s.entries()) if (!predicateResult('structEvery', ctx.call(fn, [k, v, s]))) return false;
      return true;
    },
  },
  {
    name: 'duplicate',
    params: [
      { name: 'object', type: 'any', required: true },
      { name: 'deepcopy', type: 'boolean', default: true },
    ],
    members: [
      { type: 'struct', name: 'duplicate' },
      { type: 'array', name: 'duplicate' },
      { type: 'query', name: 'duplicate' },
    ],
    impl: (_c, v: unknown, deep: boolean) => duplicateValue(v, deep),
  },
];

