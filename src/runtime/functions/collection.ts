/**
 * Lucee's type-generic iteration functions: collectionEach/Map/Filter/Reduce/Some/Every and
 * each(). They dispatch on the collection (array, struct, query) to the array/struct/query
 * built-ins, so the closure arguments and results follow those.
 */
import { expressionError } from '../errors.js';
import { isQuery, isStruct, typeName } from '../cast.js';
import { QueryColumnRef } from '../query.js';
import type { FnContext, FunctionDef } from './types.js';
import { arrayFunctions } from './array.js';
import { structsFunctions } from './structs.js';
import { queryFunctions } from './query.js';
import { invokeBuiltin } from './invoke.js';

const all = [...arrayFunctions, ...structsFunctions, ...queryFunctions];
const byName = (n: string): FunctionDef => {
  const d = all.find((f) => f.name.toLowerCase() === n.toLowerCase());
  if (!d) throw new Error(`collection dispatch: no built-in [${n}]`);
  return d;
};

function dispatch(fn: string, op: string, ctx: FnContext, args: unknown[]): unknown {
  let coll = args[0];
  if (coll instanceof QueryColumnRef) coll = coll.values();
  const family = Array.isArray(coll) ? 'array' : isStruct(coll) ? 'struct' : isQuery(coll) ? 'query' : undefined;
  if (!family) throw expressionError(`Invalid argument for function [${fn}], can't iterate over a value of type ${typeName(coll)}`);
  const rest = args.slice(1);
  while (rest.length && rest[rest.length - 1] === undefined) rest.pop();
  return invokeBuiltin(byName(family + op), ctx, [coll, ...rest]);
}

const iter = (name: string, op: string, extra: string[] = []): FunctionDef => ({
  name,
  params: [
    { name: 'collection', required: true },
    { name: 'callback', type: 'function', required: true },
    ...extra.map((n) => ({ name: n })),
  ],
  impl: (ctx, ...args: unknown[]) => dispatch(name, op, ctx, args),
});

export const collectionFunctions: FunctionDef[] = [
  iter('collectionEach', 'Each', ['parallel', 'maxThreads']),
  iter('collectionMap', 'Map', ['parallel', 'maxThreads']),
  iter('collectionFilter', 'Filter', ['parallel', 'maxThreads']),
  iter('collectionSome', 'Some', ['parallel', 'maxThreads']),
  iter('collectionEvery', 'Every', ['parallel', 'maxThreads']),
  iter('collectionReduce', 'Reduce', ['initialValue']),
  iter('each', 'Each', ['parallel', 'maxThreads']),
];
