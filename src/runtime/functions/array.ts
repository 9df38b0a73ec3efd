/**
 * Array functions. Arrays are JS arrays passed by reference (Lucee); users index from 1, so every
 * position argument is converted here. Sparse slots are `undefined` entries (or holes).
 */
import { expressionError } from '../errors.js';
import { isBooleanLike, isSimple, toStr, tryNum, typeName } from '../cast.js';
import { CfFunction } from '../function-value.js';
import type { FnContext, FunctionDef, MemberSpec } from './types.js';
import { cfEquals, duplicateValue, isMissing, predicateResult, toInt } from './collection-util.js';
import { arrayIterationFunctions } from './array-iteration.js';
import { arrayElement, arrayMeta, setArrayMeta } from '../array-meta.js';
import { Struct } from '../struct.js';
import { checkCount, MAX_ARRAY_LENGTH } from '../limits.js';

const m = (name: string, returnsReceiver = false): MemberSpec[] => [{ type: 'array', name, returnsReceiver }];

function checkPos(fnName: string, arr: unknown[], pos: number, allowEnd = false): number {
  const p = toInt(pos);
  const max = arr.length + (allowEnd ? 1 : 0);
  if (!(p >= 1 && p <= max)) {
    throw expressionError(`invalid index [${numText(pos)}] for function [${fnName}], the array has ${arr.length} elements`, {
      detail: arr.length || allowEnd ? `valid indexes are from 1 to ${max}` : 'the array is empty',
    });
  }
  return p;
}

const numText = (n: number) => (Number.isInteger(n) ? String(n) : toStr(n));

/** Index of the first match (1-based), 0 when none; `value` may be a predicate closure. */
export function findIndexes(ctx: FnContext, fnName: string, arr: unknown[], value: unknown, caseSensitive: boolean, all: boolean): number[] {
  const out: number[] = [];
  const pred = value instanceof CfFunction ? value : undefined;
  for (let i = 0; i < arr.length; i++) {
    const item = arr[i];
    if (isMissing(item)) continue;
    const hit = pred ? predicateResult(fnName, ctx.call(pred, [item, i + 1, arr])) : cfEquals(item, value, caseSensitive);
    if (hit) {
      out.push(i + 1);
      if (!all) break;
    }
  }
  return out;
}

function numbersOf(fnName: string, arr: unknown[], skipEmpty = false): number[] {
  const out: number[] = [];
  for (let i = 0; i < arr.length; i++) {
    const v = arr[i];
    if (skipEmpty && (isMissing(v) || v === '')) continue;
    const n = isMissing(v) ? undefined : tryNum(v);
    if (n === undefined) {
      throw expressionError(`function [${fnName}]: the element at position [${i + 1}] is not numeric`, {
        detail: isMissing(v) ? 'the element is not defined' : isSimple(v) ? `value is [${toStr(v)}]` : `value is of type ${typeName(v)}`,
      });
    }
    out.push(n);
  }
  return out;
}

function deleteMatches(ctx: FnContext, fnName: string, arr: unknown[], value: unknown, scope: string, caseSensitive: boolean): boolean {
  const s = scope.trim().toLowerCase();
  if (s !== 'one' && s !== 'all') throw expressionError(`invalid scope [${scope}] for function [${fnName}], valid values are [one, all]`);
  const hits = findIndexes(ctx, fnName, arr, value, caseSensitive, s === 'all');
  for (let i = hits.length - 1; i >= 0; i--) arr.splice(hits[i]! - 1, 1);
  return hits.length > 0;
}

function arrayDepth(v: unknown): number {
  let d = 0;
  while (Array.isArray(v)) {
    d++;
    v = v.find((x) => !isMissing(x));
  }
  return d;
}

export { arrayDepth };

const basics: FunctionDef[] = [
  {
    name: 'arrayNew',
    // Lucee's order: arrayNew(dimension, type, synchronized); a boolean in the type's place is the synchronized flag
    params: [
      { name: 'dimension', type: 'numeric', default: 1 },
      { name: 'type', type: 'any' },
      { name: 'synchronized', type: 'any' },
    ],
    impl: (_ctx, dimension: number, type: unknown) => {
      if (!(dimension >= 1 && dimension <= 3) || !Number.isInteger(dimension)) {
        throw expressionError(`invalid dimension [${numText(dimension)}] for function [arrayNew], the dimension must be 1, 2 or 3`);
      }
      // a typed array casts what is written into it (array-meta.ts arrayElement)
      const t = type === undefined || type === null || typeof type === 'boolean' ? '' : toStr(type).trim();
      const datatype = t === '' || isBooleanLike(t) ? 'any' : t;
      if (datatype !== 'any' && dimension > 1) throw expressionError('multi dimensional arrays are not supported with typed arrays');
      return setArrayMeta([], { dimensions: dimension, datatype });
    },
  },
  {
    name: 'arrayGetMetadata',
    params: [{ name: 'array', type: 'array', required: true }],
    members: m('getMetadata'),
    impl: (_ctx, arr: unknown[]) => {
      const meta = arrayMeta(arr);
      const s = new Struct();
      s.set('dimensions', meta.dimensions);
      s.set('datatype', meta.datatype);
      // Lucee 7 arrays are unsynchronized unless created with synchronized=true (not kept here)
      s.set('type', 'unsynchronized');
      return s;
    },
  },
  { name: 'arrayLen', params: [{ name: 'array', type: 'array', required: true }], members: m('len'), impl: (_c, a: unknown[]) => a.length },
  {
    name: 'arrayAppend',
    params: [
      { name: 'array', type: 'array', required: true },
      { name: 'value', type: 'any', required: true },
      { name: 'merge', type: 'boolean', default: false },
    ],
    members: m('append', true),
    impl: (_c, arr: unknown[], value: unknown, merge: boolean) => {
      if (merge && Array.isArray(value)) for (const v of value) arr.push(arrayElement(arr, v));
      else arr.push(arrayElement(arr, value));
      return true;
    },
  },
  {
    name: 'arrayPrepend',
    params: [
      { name: 'array', type: 'array', required: true },
      { name: 'value', type: 'any', required: true },
      { name: 'merge', type: 'boolean', default: false },
    ],
    members: m('prepend', true),
    impl: (_c, arr: unknown[], value: unknown, merge: boolean) => {
      if (merge && Array.isArray(value)) spliceIn(arr, 0, 0, value.map((v) => arrayElement(arr, v)));
      else arr.unshift(arrayElement(arr, value));
      return true;
    },
  },
  {
    name: 'arrayInsertAt',
    params: [
      { name: 'array', type: 'array', required: true },
      { name: 'position', type: 'numeric', required: true },
      { name: 'value', type: 'any', required: true },
    ],
    members: m('insertAt', true),
    impl: (_c, arr: unknown[], position: number, value: unknown) => {
      const p = checkPos('arrayInsertAt', arr, position, true);
      arr.splice(p - 1, 0, arrayElement(arr, value));
      return true;
    },
  },
  {
    name: 'arrayDeleteAt',
    params: [
      { name: 'array', type: 'array', required: true },
      { name: 'index', type: 'numeric', required: true },
    ],
    members: m('deleteAt', true),
    impl: (_c, arr: unknown[], index: number) => {
      const p = checkPos('arrayDeleteAt', arr, index);
      arr.splice(p - 1, 1);
      return true;
    },
  },
  {
    name: 'arrayDelete',
    params: [
      { name: 'array', type: 'array', required: true },
      { name: 'value', type: 'any', required: true },
      { name: 'scope', type: 'string', default: 'one' },
    ],
    members: m('delete', true),
    impl: (ctx, arr: unknown[], value: unknown, scope: string) => deleteMatches(ctx, 'arrayDelete', arr, value, scope, true),
  },
  {
    name: 'arrayDeleteNoCase',
    params: [
      { name: 'array', type: 'array', required: true },
      { name: 'value', type: 'any', required: true },
      { name: 'scope', type: 'string', default: 'one' },
    ],
    members: m('deleteNoCase', true),
    impl: (ctx, arr: unknown[], value: unknown, scope: string) => deleteMatches(ctx, 'arrayDeleteNoCase', arr, value, scope, false),
  },
  { name: 'arrayIsEmpty', params: [{ name: 'array', type: 'array', required: true }], members: m('isEmpty'), impl: (_c, a: unknown[]) => a.length === 0 },
  {
    name: 'arrayFind',
    params: [
      { name: 'array', type: 'array', required: true },
      { name: 'value', type: 'any', required: true },
    ],
    members: m('find'),
    impl: (ctx, arr: unknown[], value: unknown) => findIndexes(ctx, 'arrayFind', arr, value, true, false)[0] ?? 0,
  },
  {
    name: 'arrayFindNoCase',
    params: [
      { name: 'array', type: 'array', required: true },
      { name: 'value', type: 'any', required: true },
    ],
    members: m('findNoCase'),
    impl: (ctx, arr: unknown[], value: unknown) => findIndexes(ctx, 'arrayFindNoCase', arr, value, false, false)[0] ?? 0,
  },
  {
    name: 'arrayFindAll',
    params: [
      { name: 'array', type: 'array', required: true },
      { name: 'value', type: 'any', required: true },
    ],
    members: m('findAll'),
    impl: (ctx, arr: unknown[], value: unknown) => findIndexes(ctx, 'arrayFindAll', arr, value, true, true),
  },
  {
    name: 'arrayFindAllNoCase',
    params: [
      { name: 'array', type: 'array', required: true },
      { name: 'value', type: 'any', required: true },
    ],
    members: m('findAllNoCase'),
    impl: (ctx, arr: unknown[], value: unknown) => findIndexes(ctx, 'arrayFindAllNoCase', arr, value, false, true),
  },
  ...(['arrayContains', 'arrayContainsNoCase'] as const).map(
    (name): FunctionDef => ({
      name,
      params: [
        { name: 'array', type: 'array', required: true },
        { name: 'value', type: 'any', required: true },
        { name: 'substringMatch', type: 'boolean', default: false },
      ],
      members: m(name === 'arrayContains' ? 'contains' : 'containsNoCase'),
      // Lucee returns the position of the first match (0 when none), which is truthy in conditions.
      impl: (ctx, arr: unknown[], value: unknown, substringMatch: boolean) => {
        const cs = name === 'arrayContains';
        if (!substringMatch) return findIndexes(ctx, name, arr, value, cs, false)[0] ?? 0;
        if (!isSimple(value)) throw expressionError(`function [${name}]: substringMatch can not be true when the value searched for is a complex object`);
        const needle = cs ? toStr(value) : toStr(value).toLowerCase();
        for (let i = 0; i < arr.length; i++) {
          const v = arr[i];
          if (isMissing(v) || !isSimple(v)) continue;
          const s = cs ? toStr(v) : toStr(v).toLowerCase();
          if (s.includes(needle)) return i + 1;
        }
        return 0;
      },
    }),
  ),
  {
    name: 'arrayToList',
    params: [
      { name: 'array', type: 'array', required: true },
      { name: 'delimiter', type: 'string', default: ',' },
    ],
    members: m('toList'),
    impl: (_c, arr: unknown[], delimiter: string) => {
      const parts: string[] = [];
      for (let i = 0; i < arr.length; i++) parts.push(isMissing(arr[i]) ? '' : toStr(arr[i]));
      return parts.join(delimiter);
    },
  },
  {
    name: 'arrayAvg',
    params: [{ name: 'array', type: 'array', required: true }],
    members: m('avg'),
    impl: (_c, arr: unknown[]) => {
      const ns = numbersOf('arrayAvg', arr);
      return ns.length ? ns.reduce((a, b) => a + b, 0) / ns.length : 0;
    },
  },
  {
    name: 'arraySum',
    params: [
      { name: 'array', type: 'array', required: true },
      { name: 'ignoreEmpty', type: 'boolean', default: false },
    ],
    members: m('sum'),
    impl: (_c, arr: unknown[], ignoreEmpty: boolean) => numbersOf('arraySum', arr, ignoreEmpty).reduce((a, b) => a + b, 0),
  },
  {
    name: 'arrayMin',
    params: [{ name: 'array', type: 'array', required: true }],
    members: m('min'),
    impl: (_c, arr: unknown[]) => {
      const ns = numbersOf('arrayMin', arr);
      return ns.length ? Math.min(...ns) : 0;
    },
  },
  {
    name: 'arrayMax',
    params: [{ name: 'array', type: 'array', required: true }],
    members: m('max'),
    impl: (_c, arr: unknown[]) => {
      const ns = numbersOf('arrayMax', arr);
      return ns.length ? Math.max(...ns) : 0;
    },
  },
  {
    name: 'arrayMedian',
    params: [{ name: 'array', type: 'array', required: true }],
    members: m('median'),
    impl: (_c, arr: unknown[]) => {
      const ns = numbersOf('arrayMedian', arr).sort((a, b) => a - b);
      if (!ns.length) return 0;
      const mid = ns.length >> 1;
      return ns.length % 2 ? ns[mid]! : (ns[mid - 1]! + ns[mid]!) / 2;
    },
  },
  {
    name: 'arrayClear',
    params: [{ name: 'array', type: 'array', required: true }],
    members: m('clear', true),
    impl: (_c, arr: unknown[]) => {
      arr.length = 0;
      return true;
    },
  },
  ...(['arrayIsDefined', 'arrayIndexExists'] as const).map(
    (name): FunctionDef => ({
      name,
      params: [
        { name: 'array', type: 'array', required: true },
        { name: 'index', type: 'numeric', required: true },
      ],
      members: m(name === 'arrayIsDefined' ? 'isDefined' : 'indexExists'),
      impl: (_c, arr: unknown[], index: number) => {
        const i = toInt(index);
        return i >= 1 && i <= arr.length && !isMissing(arr[i - 1]);
      },
    }),
  ),
  {
    name: 'arrayMerge',
    params: [
      { name: 'array1', type: 'array', required: true },
      { name: 'array2', type: 'array', required: true },
      { name: 'leaveIndex', type: 'boolean', default: false },
    ],
    members: m('merge'),
    impl: (_c, a1: unknown[], a2: unknown[], leaveIndex: boolean) => {
      if (!leaveIndex) return [...a1, ...a2];
      const out = a2.slice();
      for (let i = 0; i < a1.length; i++) if (i in a1) out[i] = a1[i];
      return out;
    },
  },
  {
    name: 'arraySet',
    params: [
      { name: 'array', type: 'array', required: true },
      { name: 'start', type: 'numeric', required: true },
      { name: 'end', type: 'numeric', required: true },
      { name: 'value', type: 'any', required: true },
    ],
    members: m('set', true),
    impl: (_c, arr: unknown[], start: number, end: number, value: unknown) => {
      const s = toInt(start);
      const e = toInt(end);
      if (s < 1) throw expressionError(`invalid start index [${numText(start)}] for function [arraySet], indexes start at 1`);
      if (e < s) throw expressionError(`function [arraySet]: end index [${numText(end)}] is smaller than the start index [${numText(start)}]`);
      checkCount('arraySet', 'end', e, MAX_ARRAY_LENGTH, 'elements');
      const v = arrayElement(arr, value);
      // each position gets its own copy of an array or struct (Lucee duplicates the value per position)
      const own = Array.isArray(v) || v instanceof Struct;
      for (let i = s; i <= e; i++) arr[i - 1] = own ? duplicateValue(v) : v;
      return true;
    },
  },
  {
    name: 'arraySwap',
    params: [
      { name: 'array', type: 'array', required: true },
      { name: 'position1', type: 'numeric', required: true },
      { name: 'position2', type: 'numeric', required: true },
    ],
    members: m('swap', true),
    impl: (_c, arr: unknown[], p1: number, p2: number) => {
      const a = checkPos('arraySwap', arr, p1) - 1;
      const b = checkPos('arraySwap', arr, p2) - 1;
      const t = arr[a];
      arr[a] = arr[b];
      arr[b] = t;
      return true;
    },
  },
  {
    name: 'arrayResize',
    params: [
      { name: 'array', type: 'array', required: true },
      { name: 'size', type: 'numeric', required: true },
    ],
    members: m('resize', true),
    impl: (_c, arr: unknown[], size: number) => {
      const n = toInt(size);
      if (n < 0) throw expressionError(`invalid size [${numText(size)}] for function [arrayResize]`);
      checkCount('arrayResize', 'size', n, MAX_ARRAY_LENGTH, 'elements');
      if (n > arr.length) arr.length = n;
      return true;
    },
  },
  { name: 'arrayReverse', params: [{ name: 'array', type: 'array', required: true }], members: m('reverse'), impl: (_c, a: unknown[]) => a.slice().reverse() },
  {
    name: 'arraySlice',
    params: [
      { name: 'array', type: 'array', required: true },
      { name: 'offset', type: 'numeric', required: true },
      { name: 'length', type: 'numeric' },
    ],
    members: m('slice'),
    impl: (_c, arr: unknown[], offset: number, length?: number) => sliceArray('arraySlice', arr, offset, length),
  },
  {
    name: 'arrayMid',
    params: [
      { name: 'array', type: 'array', required: true },
      { name: 'start', type: 'numeric', required: true },
      { name: 'count', type: 'numeric' },
    ],
    members: m('mid'),
    impl: (_c, arr: unknown[], start: number, count?: number) => {
      const s = toInt(start);
      if (s < 1) throw expressionError(`invalid start index [${numText(start)}] for function [arrayMid], indexes start at 1`);
      if (count !== undefined && count < 0) throw expressionError(`invalid count [${numText(count)}] for function [arrayMid]`);
      return arr.slice(s - 1, count === undefined ? undefined : s - 1 + toInt(count));
    },
  },
  {
    name: 'arraySplice',
    params: [
      { name: 'array', type: 'array', required: true },
      { name: 'index', type: 'numeric', required: true },
      { name: 'length', type: 'numeric' },
      { name: 'replacements', type: 'array' },
    ],
    members: m('splice'),
    // Lucee: without a length (or with -1) everything from the index on is removed; other
    // negative lengths remove nothing
    impl: (_c, arr: unknown[], index: number, length: number | undefined, replacements?: unknown[]) => {
      let i = toInt(index);
      if (i < 0) i = Math.max(1, arr.length + i + 1);
      if (i < 1) throw expressionError(`invalid index [${numText(index)}] for function [arraySplice]`);
      i = Math.min(i, arr.length + 1);
      const n = length === undefined || toInt(length) === -1 ? arr.length - i + 1 : Math.max(0, toInt(length));
      return spliceIn(arr, i - 1, n, replacements ?? []);
    },
  },
  {
    name: 'arrayFirst',
    params: [{ name: 'array', type: 'array', required: true }],
    members: m('first'),
    impl: (_c, arr: unknown[]) => {
      if (!arr.length) throw expressionError('function [arrayFirst]: cannot return the first element, the array is empty');
      return arr[0];
    },
  },
  {
    name: 'arrayLast',
    params: [{ name: 'array', type: 'array', required: true }],
    members: m('last'),
    impl: (_c, arr: unknown[]) => {
      if (!arr.length) throw expressionError('function [arrayLast]: cannot return the last element, the array is empty');
      return arr[arr.length - 1];
    },
  },
  {
    name: 'arrayPop',
    params: [
      { name: 'array', type: 'array', required: true },
      { name: 'defaultValue', type: 'any' },
    ],
    members: m('pop'),
    impl: (_c, arr: unknown[], dflt: unknown) => {
      if (!arr.length) {
        if (dflt !== undefined) return dflt;
        throw expressionError('function [arrayPop]: cannot pop an element, the array is empty');
      }
      return arr.pop();
    },
  },
  {
    name: 'arrayShift',
    params: [
      { name: 'array', type: 'array', required: true },
      { name: 'defaultValue', type: 'any' },
    ],
    members: m('shift'),
    impl: (_c, arr: unknown[], dflt: unknown) => {
      if (!arr.length) {
        if (dflt !== undefined) return dflt;
        throw expressionError('function [arrayShift]: cannot shift an element, the array is empty');
      }
      return arr.shift();
    },
  },
  {
    name: 'arrayPush',
    params: [
      { name: 'array', type: 'array', required: true },
      { name: 'value', type: 'any', required: true },
    ],
    members: m('push'),
    impl: (_c, arr: unknown[], value: unknown) => arr.push(value),
  },
  {
    name: 'arrayUnshift',
    params: [
      { name: 'array', type: 'array', required: true },
      { name: 'object', type: 'any', required: true },
    ],
    members: m('unshift'),
    impl: (_c, arr: unknown[], value: unknown) => arr.unshift(value),
  },
  {
    name: 'arrayRemoveDuplicates',
    params: [
      { name: 'array', type: 'array', required: true },
      { name: 'ignoreCase', type: 'boolean', default: false },
    ],
    members: m('removeDuplicates'),
    impl: (_c, arr: unknown[], ignoreCase: boolean) => {
      const out: unknown[] = [];
      for (const v of arr) if (!out.some((o) => cfEquals(o, v, !ignoreCase))) out.push(v);
      return out;
    },
  },
];

/**
 * arraySlice(array, offset [, length]) by Lucee's rules (ArraySlice.java): an offset of 0 or less
 * counts from the end (0 is the last element, -1 the last two); a length of 0 or none runs to the
 * end, a negative length stops that many elements before the end.
 * @throws Expression error for an empty array, an offset past the end, or a length past the end.
 */
export function sliceArray(fnName: string, arr: unknown[], offset: number, length?: number): unknown[] {
  const len = arr.length;
  if (len === 0) throw expressionError(`function [${fnName}]: the array is empty`);
  let off = toInt(offset);
  if (off <= 0) off = len + off;
  if (off < 1 || off > len) {
    throw expressionError(`invalid offset [${numText(offset)}] for function [${fnName}], the array has ${len} elements`);
  }
  const n = length === undefined ? 0 : toInt(length);
  const to = n > 0 ? off + n - 1 : n < 0 ? len + n : len;
  if (to > len) {
    throw expressionError(`invalid length [${numText(length!)}] for function [${fnName}]: offset ${off} plus length goes past the end of the array (${len} elements)`);
  }
  return to < off ? [] : arr.slice(off - 1, to);
}

/**
 * arr.splice(at, remove, ...items) without spreading `items` into the call, which overflows the
 * stack for a few hundred thousand items. Returns the removed elements.
 */
function spliceIn(arr: unknown[], at: number, remove: number, items: readonly unknown[]): unknown[] {
  const tail = arr.splice(at);
  const removed = tail.slice(0, remove);
  for (const v of items) arr.push(v);
  for (let i = remove; i < tail.length; i++) arr.push(tail[i]);
  return removed;
}

export const arrayFunctions: FunctionDef[] = [...basics, ...arrayIterationFunctions];
