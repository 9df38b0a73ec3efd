import { defineTag, Signal } from '../types.js';
import type * as A from '../../parser/ast.js';
import { isThenable } from '../../runtime/maybe.js';

const litString = (a: A.AttrNode | undefined): string | undefined =>
  a && a.value.kind === 'lit' ? String(a.value.value) : undefined;

const isTrue = (v: string | undefined) => v !== undefined && /^(true|yes|1)$/i.test(v.trim());

/** Turns `<cffunction>` with its `<cfargument>` children into the same node a script function gives. */
function toFunction(node: A.TagNode): A.FuncExpr {
  const attr = (n: string) => node.attrs.find((a) => a.lower === n);
  const params: A.Param[] = [];
  const body: A.Stmt[] = [];
  for (const s of node.body ?? []) {
    if (s.kind === 'tag' && s.name === 'argument') {
      const get = (n: string) => s.attrs.find((a) => a.lower === n);
      const name = litString(get('name')) ?? '';
      params.push({ name, lower: name.toLowerCase(), type: litString(get('type'))?.toLowerCase(), required: isTrue(litString(get('required'))), default: get('default')?.value });
    } else body.push(s);
  }
  const attrs: Record<string, string> = {};
  for (const a of node.attrs) {
    const v = litString(a);
    if (v !== undefined) attrs[a.lower] = v;
  }
  return {
    kind: 'func',
    name: litString(attr('name')) ?? 'anonymous',
    params,
    body,
    arrow: false,
    returnType: litString(attr('returntype'))?.toLowerCase(),
    access: litString(attr('access')),
    attrs,
    loc: node.loc,
  };
}

/** cffunction: defined (hoisted) before the template runs, so the tag itself does nothing. */
export const functionTag = defineTag({
  name: 'function',
  staticAttrs: true,
  body: 'required',
  // output="true" makes the body behave like cfoutput
  interpolates: (node) => isTrue(litString(node.attrs.find((a) => a.lower === 'output'))),
  // other attributes (localmode, cachedwithin, test, custom ones) are the function's metadata (Lucee)
  anyAttrs: true,
  attrs: [
    { name: 'name', required: true }, { name: 'returntype' }, { name: 'access' }, { name: 'output' }, { name: 'hint' },
    { name: 'description' }, { name: 'displayname' }, { name: 'roles' }, { name: 'returnformat' }, { name: 'securejson' },
    { name: 'verifyclient' }, { name: 'modifier' },
  ],
  check(node, api) {
    if (litString(node.attrs.find((a) => a.lower === 'name')) === undefined) throw api.error('the attribute [name] of cffunction must be a literal name');
  },
  compile: () => () => Signal.Normal,
  hoistFunction: toFunction,
});

export const argumentTag = defineTag({
  name: 'argument',
  staticAttrs: true,
  parents: ['function'],
  attrs: [{ name: 'name', required: true }, { name: 'type' }, { name: 'required' }, { name: 'default' }, { name: 'hint' }, { name: 'displayname' }, { name: 'restargsource' }],
  compile: () => () => Signal.Normal,
});

export const returnTag = defineTag({
  name: 'return',
  expression: 'optional',
  compile(node, c) {
    if (!node.expr) return () => Signal.Return;
    const e = c.expr(node.expr, { async: true });
    return (ctx) => {
      const v = e(ctx);
      if (isThenable(v)) return (v as Promise<unknown>).then((x) => ((ctx.returnValue = x), Signal.Return));
      ctx.returnValue = v;
      return Signal.Return;
    };
  },
});
