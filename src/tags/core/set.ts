import { defineTag, Signal } from '../types.js';
import { compileVar } from '../../runtime/compile-stmt.js';
import { isThenable } from '../../runtime/maybe.js';

/** `<cfset x = expr>`, `<cfset var x = expr>`, or any expression (`<cfset arrayAppend(a, 1)>`). */
export const setTag = defineTag({
  name: 'set',
  expression: 'required',
  compile(node, c) {
    const expr = node.expr!;
    if (node.attrs.some((a) => a.lower === 'var')) {
      if (expr.kind === 'assign') return compileVar(c, expr.target, expr.value, node.loc);
      return compileVar(c, expr, undefined, node.loc);
    }
    const e = c.expr(expr, { async: true });
    return (ctx) => {
      const r = e(ctx);
      return isThenable(r) ? (r as Promise<unknown>).then(() => Signal.Normal) : Signal.Normal;
    };
  },
});
