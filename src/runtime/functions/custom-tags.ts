/** getBaseTagList and getBaseTagData: what a custom tag knows of the custom tags around it. */
import { expressionError } from '../errors.js';
import type { FunctionDef } from './types.js';

export const customTagFunctions: FunctionDef[] = [
  {
    // Lucee: the running custom tag first, then its ancestors (`CF_INNER,CF_OUTER`)
    name: 'getBaseTagList',
    params: [{ name: 'delimiter', type: 'string', default: ',' }],
    impl: (ctx, delimiter: string) => (ctx.baseTagList?.() ?? []).join(delimiter),
  },
  {
    // the variables scope of the nearest enclosing custom tag of that name (`cf_outer` or `outer`)
    name: 'getBaseTagData',
    params: [{ name: 'tagName', type: 'string', required: true }, { name: 'instanceNumber', type: 'numeric', default: 1 }],
    impl: (ctx, tagName: string, instance: number) => {
      const data = ctx.baseTagData?.(tagName, instance);
      if (data === undefined) throw expressionError(`can't find base tag with name [${tagName}]`, { detail: `enclosing custom tags: [${(ctx.baseTagList?.() ?? []).join(', ')}]` });
      return data;
    },
  },
];
