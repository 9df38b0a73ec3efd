/**
 * List functions that call a closure for each item: listEach, listMap, listFilter, listReduce,
 * listReduceRight, listSome, listEvery. The closure gets (item, index, list, delimiter); reducers get
 * (accumulator, item, index, list, delimiter). As in Lucee, the delimiter of these functions is
 * taken as one multi-character string unless multiCharacterDelimiter=false.
 */
import { toBool, toStr } from '../cast.js';
import type { CfFunction } from '../function-value.js';
import type { FnContext, FunctionDef, ParamSpec } from './types.js';
import { joinDelimiter, splitList } from './list-util.js';

const list: ParamSpec = { name: 'list', type: 'string', required: true };
const fnParam = (name: string): ParamSpec => ({ name, type: 'function', required: true });
const tail = (delimName = 'delimiter'): ParamSpec[] => [
  { name: delimName, type: 'string', default: ',' },
  { name: 'includeEmptyFields', type: 'boolean', default: false },
  { name: 'multiCharacterDelimiter', type: 'boolean', default: true },
];
const parallel: ParamSpec[] = [
  { name: 'parallel', type: 'boolean', default: false },
  { name: 'maxThreads', type: 'numeric', default: 20 },
];

function items(l: string, d: string, inc: boolean, multi: boolean): string[] {
  return splitList(l, d, { includeEmpty: inc, multiChar: multi });
}

function reduce(ctx: FnContext, l: string, fn: CfFunction, init: unknown, d: string, inc: boolean, multi: boolean, right: boolean): unknown {
  const values = items(l, d, inc, multi);
  let acc = init;
  let i = right ? values.length - 1 : 0;
  // Without an initial value the first item seeds the accumulator, as arrayReduce does.
  if (acc === undefined && values.length) {
    acc = values[i];
    i += right ? -1 : 1;
  }
  for (; right ? i >= 0 : i < values.length; i += right ? -1 : 1) acc = ctx.call(fn, [acc, values[i], i + 1, l, d]);
  return acc;
}

export const listIterationFunctions: FunctionDef[] = [
  {
    name: 'listEach',
    params: [list, fnParam('function'), ...tail('delim'), ...parallel],
    members: [{ type: 'string', name: 'listEach' }],
    impl: (ctx, l: string, fn: CfFunction, d: string, inc: boolean, multi: boolean) => {
      items(l, d, inc, multi).forEach((v, i) => ctx.call(fn, [v, i + 1, l, d]));
      return null;
    },
  },
  {
    name: 'listMap',
    params: [list, fnParam('function'), ...tail(), ...parallel],
    members: [{ type: 'string', name: 'listMap' }],
    impl: (ctx, l: string, fn: CfFunction, d: string, inc: boolean, multi: boolean) =>
      items(l, d, inc, multi)
        .map((v, i) => ctx.call(fn, [v, i + 1, l, d]))
        .map((v) => toStr(v))
        .join(joinDelimiter(d, multi)),
  },
  {
    name: 'listFilter',
    params: [list, fnParam('function'), ...tail(), ...parallel],
    members: [{ type: 'string', name: 'listFilter' }],
    impl: (ctx, l: string, fn: CfFunction, d: string, inc: boolean, multi: boolean) =>
      items(l, d, inc, multi)
        .filter((v, i) => toBool(ctx.call(fn, [v, i + 1, l, d])))
        .join(joinDelimiter(d, multi)),
  },
  {
    name: 'listReduce',
    params: [list, fnParam('function'), { name: 'initialValue' }, ...tail()],
    members: [{ type: 'string', name: 'listReduce' }],
    impl: (ctx, l: string, fn: CfFunction, init: unknown, d: string, inc: boolean, multi: boolean) => reduce(ctx, l, fn, init, d, inc, multi, false),
  },
  {
    name: 'listReduceRight',
    params: [list, fnParam('callback'), { name: 'initialValue' }, ...tail()],
    members: [{ type: 'string', name: 'listReduceRight' }],
    impl: (ctx, l: string, fn: CfFunction, init: unknown, d: string, inc: boolean, multi: boolean) => reduce(ctx, l, fn, init, d, inc, multi, true),
  },
  {
    name: 'listSome',
    params: [list, fnParam('closure'), ...tail(), ...parallel],
    members: [{ type: 'string', name: 'listSome' }],
    impl: (ctx, l: string, fn: CfFunction, d: string, inc: boolean, multi: boolean) =>
      items(l, d, inc, multi).some((v, i) => toBool(ctx.call(fn, [v, i + 1, l, d]))),
  },
  {
    name: 'listEvery',
    params: [list, fnParam('closure'), ...tail(), ...parallel],
    members: [{ type: 'string', name: 'listEvery' }],
    impl: (ctx, l: string, fn: CfFunction, d: string, inc: boolean, multi: boolean) =>
      items(l, d, inc, multi).every((v, i) => toBool(ctx.call(fn, [v, i + 1, l, d]))),
  },
];
