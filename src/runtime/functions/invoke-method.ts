import type { FunctionDef } from './types.js';
import { expressionError } from '../errors.js';
import { simple, toStr, typeName } from '../cast.js';
import { Struct } from '../struct.js';
import { CfFunction } from '../function-value.js';
import { ComponentInstance } from '../components/instance.js';
import { callMethod } from '../components/dispatch.js';
import { callFunction } from '../udf-call.js';

/**
 * invoke(instance, methodName [, arguments]) (Lucee): calls a method by name. `instance` is a
 * component instance, a dotted component name (created as createObject does, without init), or
 * "" for a function of the calling page. `arguments` is a struct (named) or an array
 * (positional). Access is checked as for `instance.method()` written at the call site, so a
 * component may invoke its own private methods. Returns what the method returns (null for none).
 * @throws Expression error when the instance is of another type or the page function is missing.
 */
export const invokeMethodFunctions: FunctionDef[] = [
  {
    name: 'invoke',
    async: true,
    params: [
      { name: 'instance', type: 'any', required: true },
      { name: 'methodName', type: 'string', required: true },
      { name: 'arguments', type: 'any' },
    ],
    impl: (fc, instance: unknown, methodName: string, args: unknown) => {
      const ctx = fc.ctx;
      if (!ctx) throw expressionError('invoke() is not available here');
      const loc = fc.loc ?? { file: fc.templatePath, line: 1, col: 1 };
      const a = simple(args);
      let positional: unknown[] = [];
      let named: Map<string, unknown> | undefined;
      if (a instanceof Struct) named = new Map([...a.entries()].map(([k, v]) => [k.toLowerCase(), v]));
      else if (Array.isArray(a)) positional = a;
      else if (a !== undefined && a !== null && toStr(a) !== '') throw expressionError(`the arguments of invoke() must be a struct or an array, not a ${typeName(a)}`);
      let target = simple(instance);
      if (!(target instanceof ComponentInstance)) {
        const name = toStr(target).trim();
        if (name === '') {
          const f = ctx.lookup(methodName.toLowerCase());
          if (!(f instanceof CfFunction)) throw expressionError(`invoke(): there is no function [${methodName}]`);
          return callFunction(ctx, f, positional, named, loc);
        }
        if (!fc.createComponent) throw expressionError(`can't create component [${name}] here`);
        target = fc.createComponent(name);
      }
      return callMethod(ctx, target as ComponentInstance, methodName.toLowerCase(), methodName, positional, named, loc);
    },
  },
];
