/**
 * Array functions that take closures (each/map/filter/reduce/some/every) and arraySort.
 * Closures get (item, index, array) with a 1-based index; `parallel` is accepted and ignored
 * (functions run synchronously).
 */
import { toStr } from '../cast.js';
import { Struct } from '../struct.js';
import { CfFunction } from '../function-value.js';
import type { FunctionDef, MemberSpec, ParamSpec } from './types.js';
import { callClosure, closureComparator, isMissing, predicateResult, typedComparator } from './collection-util.js';

const m = (name: string, returnsReceiver = false): MemberSpec[] => [{ type: 'array', name, returnsReceiver }];

const iterParams = (fnArg = 'callback'): ParamSpec[] => [
  { name: 'array', type: 'array', required: true },
  { name: fnArg, type: 'function', required: true },
  { name: 'parallel', type: 'boolean', default: false },
  { name: 'maxThreads', type: 'numeric', default: 20 },
];

export const arrayIterationFunctions: FunctionDef[] = [
  {
    name: 'arraySort',
    params: [
      { name: 'array', type: 'array', required: true },
      { name: 'sortType', type: 'any', default: 'textnocase' },
      { name: 'sortOrder', type: 'string', default: 'asc' },
      { name: 'localeSensitive', type: 'boolean', default: false },
      { name: 'callback', type: 'function' },
    ],
    members: m('sort', true),
    impl: (ctx, arr: unknown[], sortType: unknown, sortOrder: string, _locale: boolean, callback?: CfFunction) => {
      const fn = callback ?? (sortType instanceof CfFunction ? sortType : undefined);
      const cmp = fn ? closureComparator(ctx, 'arraySort', fn) : typedComparator('arraySort', toStr(sortType), sortOrder);
      // Array.prototype.sort is stable; sort a dense copy so holes do not reach the comparator.
      const sorted = Array.from(arr).sort(cmp);
      for (let i = 0; i < sorted.length; i++) arr[i] = sorted[i];
      return true;
    },
  },
  {
    name: 'arrayEach',
    params: iterParams(),
    members: m('each', true),
    impl: (ctx, arr: unknown[], fn: CfFunction) => {
      // The length is read on each step: Lucee sees elements the closure appends.
      for (let i = 0; i < arr.length; i++) {
        if (arr[i] === undefined) continue;
        ctx.call(fn, [arr[i], i + 1, arr]);
      }
      return null;
    },
  },
  {
    name: 'arrayMap',
    params: iterParams(),
    members: m('map'),
    impl: (ctx, arr: unknown[], fn: CfFunction) => {
      const out: unknown[] = new Array(arr.length);
      for (let i = 0; i < arr.length; i++) {
        if (arr[i] === undefined) continue;
        out[i] = callClosure(ctx, fn, [arr[i], i + 1, arr]);
      }
      return out;
    },
  },
  {
    name: 'arrayFilter',
    params: iterParams(),
    members: m('filter'),
    impl: (ctx, arr: unknown[], fn: CfFunction) => {
      const out: unknown[] = [];
      for (let i = 0; i < arr.length; i++) {
        if (arr[i] === undefined) continue;
        if (predicateResult('arrayFilter', ctx.call(fn, [arr[i], i + 1, arr]))) out.push(arr[i]);
      }
      return out;
    },
  },
  ...(['arrayReduce', 'arrayReduceRight'] as const).map(
    (name): FunctionDef => ({
      name,
      params: [
        { name: 'array', type: 'array', required: true },
        { name: 'callback', type: 'function', required: true },
        { name: 'initialValue', type: 'any' },
      ],
      members: m(name === 'arrayReduce' ? 'reduce' : 'reduceRight'),
      // Lucee starts from the initial value (null when absent) and visits every element.
      impl: (ctx, arr: unknown[], fn: CfFunction, initial: unknown) => {
        let acc: unknown = initial === undefined ? null : initial;
        const right = name === 'arrayReduceRight';
        for (let k = 0; k < arr.length; k++) {
          const i = right ? arr.length - 1 - k : k;
          if (arr[i] === undefined) continue;
          acc = callClosure(ctx, fn, [acc, arr[i], i + 1, arr]);
        }
        return acc;
      },
    }),
  ),
  {
    name: 'arraySome',
    params: iterParams(),
    members: m('some'),
    impl: (ctx, arr: unknown[], fn: CfFunction) => {
      for (let i = 0; i < arr.length; i++) {
        if (arr[i] === undefined) continue;
        if (predicateResult('arraySome', ctx.call(fn, [arr[i], i + 1, arr]))) return true;
      }
      return false;
    },
  },
  {
    name: 'arrayEvery',
    params: iterParams('closure'),
    members: m('every'),
    impl: (ctx, arr: unknown[], fn: CfFunction) => {
      for (let i = 0; i < arr.length; i++) {
        if (arr[i] === undefined) continue;
        if (!predicateResult('arrayEvery', ctx.call(fn, [arr[i], i + 1, arr]))) return false;
      }
      return true;
    },
  },
  {
    name: 'arrayToStruct',
    params: [
      { name: 'array', type: 'array', required: true },
      { name: 'valueAsKey', type: 'boolean', default: false },
    ],
    members: m('toStruct'),
    impl: (_c, arr: unknown[], valueAsKey: boolean) => {
      const s = new Struct();
      s.kind = 'ordered';
      for (let i = 0; i < arr.length; i++) {
        if (isMissing(arr[i])) continue;
        if (valueAsKey) s.set(toStr(arr[i]), i + 1);
        else s.set(String(i + 1), arr[i]);
      }
      return s;
    },
  },
];

