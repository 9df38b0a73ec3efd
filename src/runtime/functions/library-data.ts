/**
 * What the engine knows of its own function and tag library, as Lucee's getFunctionData,
 * getTagData and getContextInfo:
 * - `getFunctionData(name)`: {name (lower-case), type "java" (built in), status "implemented",
 *   description "", returnType "any", argumentType "fixed" or "dynamic", argMin, argMax (-1 for
 *   any number), arguments: [{name, type, required, default, status}], member (the member names)}.
 * - `getTagData(nameSpaceWithSeparator, tagName)`: {nameSpace, nameSpaceSeperator, name, type
 *   "java", status "implemented", description "", bodyType (free, required, empty),
 *   attributeType (fixed or dynamic), attributeCollection true, attributes: {name: {name, type,
 *   required, default, status, values}}}; only the "cf" namespace exists.
 * - `getContextInfo()`: {flushed}: whether the response has been sent in part already (cfflush).
 * Descriptions are empty: the library carries its documentation in the source, not at run time.
 */
import type { FunctionDef } from './types.js';
import { expressionError } from '../errors.js';
import { Struct } from '../struct.js';

function functionData(def: FunctionDef): Struct {
  const s = new Struct();
  s.set('name', def.name.toLowerCase());
  s.set('status', 'implemented');
  s.set('description', '');
  s.set('returnType', 'any');
  s.set('type', 'java');
  s.set('argumentType', def.variadic || def.namedArgs ? 'dynamic' : 'fixed');
  s.set('argMin', def.params.filter((p) => p.required).length);
  s.set('argMax', def.variadic || def.namedArgs ? -1 : def.params.length);
  s.set(
    'arguments',
    def.params.map((p) => {
      const a = new Struct();
      a.set('name', p.name.toLowerCase());
      a.set('type', p.type ?? 'any');
      a.set('required', p.required === true);
      a.set('default', p.default === undefined || p.default === null ? '' : p.default);
      a.set('description', '');
      a.set('status', 'implemented');
      return a;
    }),
  );
  s.set('member', (def.members ?? []).map((m) => `${m.type}.${m.name}`).join(','));
  return s;
}

export const libraryDataFunctions: FunctionDef[] = [
  {
    name: 'getFunctionData',
    params: [{ name: 'functionName', type: 'string', required: true }],
    impl: (ctx, name: string) => {
      const def = ctx.ctx?.engine.functions.get(name.trim());
      if (!def) throw expressionError(`function [${name}] is not part of the function library`);
      return functionData(def);
    },
  },
  {
    name: 'getTagData',
    params: [{ name: 'nameSpaceWithSeparator', type: 'string', required: true }, { name: 'tagName', type: 'string', required: true }],
    impl: (ctx, ns: string, tagName: string) => {
      const lower = tagName.trim().toLowerCase();
      const def = ns.trim().toLowerCase() === 'cf' ? ctx.ctx?.engine.tags.get(lower) : undefined;
      if (!def || def.name !== lower) throw expressionError(`tag [${ns}${tagName}] is not part of the tag library`);
      const s = new Struct();
      s.set('nameSpace', 'cf');
      s.set('nameSpaceSeperator', '');
      s.set('name', def.name);
      s.set('type', 'java');
      s.set('status', 'implemented');
      s.set('description', '');
      s.set('bodyType', def.body === 'required' ? 'required' : def.body === 'optional' ? 'free' : 'empty');
      s.set('attributeType', def.anyAttrs ? 'dynamic' : 'fixed');
      s.set('attributeCollection', !def.staticAttrs);
      const attrs = new Struct();
      for (const a of def.attrs ?? []) {
        const x = new Struct();
        x.set('name', a.name);
        x.set('type', a.type ?? 'any');
        x.set('required', a.required === true);
        x.set('default', a.default === undefined || a.default === null ? '' : a.default);
        x.set('status', 'implemented');
        x.set('description', '');
        if (a.values) x.set('values', a.values.join(','));
        attrs.set(a.name, x);
      }
      s.set('attributes', attrs);
      return s;
    },
  },
  {
    name: 'getContextInfo',
    params: [],
    impl: (ctx) => Struct.from({ flushed: ctx.ctx?.flushed ?? false }),
  },
];
