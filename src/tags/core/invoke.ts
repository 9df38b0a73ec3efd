import { defineTag, Signal, type Exec } from '../types.js';
import type * as A from '../../parser/ast.js';
import type { Eval } from '../../runtime/exec.js';
import { CfmlError, ErrorCode, toCfmlError } from '../../runtime/errors.js';
import { toStr } from '../../runtime/cast.js';
import { isThenable } from '../../runtime/maybe.js';
import { Struct } from '../../runtime/struct.js';
import { CfFunction } from '../../runtime/function-value.js';
import { ComponentInstance } from '../../runtime/components/instance.js';
import { callMethod, componentClass, instantiate } from '../../runtime/components/dispatch.js';
import { callFunction } from '../../runtime/udf-call.js';

const INVOKE_ATTRS = ['component', 'method', 'returnvariable', 'argumentcollection'];

/** An instance from a component attribute: an instance as is, a dotted name created as createObject does. */
function target(ctx: Parameters<Exec>[0], v: unknown, loc: A.SourceLoc): ComponentInstance {
  if (v instanceof ComponentInstance) return v;
  const made = instantiate(ctx, componentClass(ctx, toStr(v), loc), loc);
  if (isThenable(made)) {
    made.catch(() => undefined);
    throw new CfmlError('cfinvoke: the component ran a tag that waits (such as cfimap) while being created; create it with new first', { type: 'Application', loc });
  }
  return made;
}

/**
 * `<cfinvoke component="path"|#obj# method="m" returnvariable="r" argumentcollection=#s#>` with
 * `<cfinvokeargument name= value=>` children; other attributes are passed as arguments too
 * (Lucee). Without `component`, calls the function `method` names in the current scopes.
 */
export const invokeTag = defineTag({
  name: 'invoke',
  body: 'optional',
  anyAttrs: true,
  attrs: [{ name: 'component' }, { name: 'method', required: true }, { name: 'returnvariable' }, { name: 'argumentcollection' }],
  compile(node, c) {
    const attr = (n: string): Eval | undefined => {
      const a = node.attrs.find((x) => x.lower === n);
      return a ? c.expr(a.value) : undefined;
    };
    const component = attr('component');
    const method = attr('method')!;
    const returnVariable = attr('returnvariable');
    const collection = attr('argumentcollection');
    const extra = node.attrs.filter((a) => !INVOKE_ATTRS.includes(a.lower)).map((a) => [a.lower, c.expr(a.value)] as const);
    const args = (node.body ?? []).flatMap((s) => {
      if (s.kind !== 'tag' || s.name !== 'invokeargument') return [];
      const name = s.attrs.find((a) => a.lower === 'name')!;
      const value = s.attrs.find((a) => a.lower === 'value');
      return [{ name: c.expr(name.value), value: value ? c.expr(value.value) : () => undefined }];
    });
    const loc = node.loc;
    return (ctx) => {
      let r: unknown;
      try {
        const name = toStr(method(ctx));
        const named = new Map<string, unknown>();
        const coll = collection?.(ctx);
        if (coll instanceof Struct) for (const [k, v] of coll.entries()) named.set(k.toLowerCase(), v);
        for (const [k, v] of extra) named.set(k, v(ctx));
        for (const a of args) named.set(toStr(a.name(ctx)).toLowerCase(), a.value(ctx));
        if (component) {
          r = callMethod(ctx, target(ctx, component(ctx), loc), name.toLowerCase(), name, [], named, loc);
        } else {
          const f = ctx.lookup(name.toLowerCase());
          if (!(f instanceof CfFunction)) throw new CfmlError(`cfinvoke: there is no function [${name}]`, { type: 'Expression', loc, code: ErrorCode.NoSuchFunction });
          r = callFunction(ctx, f, [], named, loc);
        }
      } catch (e) {
        throw toCfmlError(e, loc);
      }
      const set = (v: unknown) => {
        if (returnVariable && v !== undefined) c.engine.setterFor(toStr(returnVariable(ctx)), loc)(ctx, v);
        return Signal.Normal;
      };
      return isThenable(r) ? r.then(set) : set(r);
    };
  },
});

/** `<cfinvokeargument name="x" value="#v#">` inside cfinvoke (read by cfinvoke when it compiles). */
export const invokeArgumentTag = defineTag({
  name: 'invokeargument',
  parents: ['invoke'],
  attrs: [{ name: 'name', required: true }, { name: 'value' }, { name: 'omit' }],
  compile: () => () => Signal.Normal,
});

/** `<cfobject component="path" name="x">` (type="component"): createObject without init. */
export const objectTag = defineTag({
  name: 'object',
  attrs: [{ name: 'component' }, { name: 'name', required: true }, { name: 'type' }, { name: 'class' }, { name: 'action' }, { name: 'context' }],
  run(call) {
    const type = call.attrs.type === undefined ? 'component' : toStr(call.attrs.type).toLowerCase();
    if (type !== 'component' || call.attrs.component === undefined) throw call.error(`cfobject: only type="component" with a component attribute is supported here`, { detail: 'Java, COM and web service objects need a JVM' });
    call.setVariable(toStr(call.attrs.name), target(call.ctx, call.attrs.component, call.node.loc));
  },
});
