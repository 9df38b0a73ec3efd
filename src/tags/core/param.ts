import { defineTag, Signal } from '../types.js';
import { CfmlError, toCfmlError } from '../../runtime/errors.js';
import { toNum, toStr, typeName } from '../../runtime/cast.js';
import { checkType } from '../../runtime/types-check.js';
import { invokeBuiltin } from '../../runtime/functions/invoke.js';

/** cfparam: defaults a variable and validates its type. */
export const paramTag = defineTag({
  name: 'param',
  attrs: [{ name: 'name', required: true }, { name: 'default' }, { name: 'type' }, { name: 'min' }, { name: 'max' }, { name: 'pattern' }, { name: 'maxlength' }],
  compile(node, c) {
    const get = (n: string) => {
      const a = node.attrs.find((x) => x.lower === n);
      return a ? c.expr(a.value) : undefined;
    };
    const name = get('name')!;
    const def = get('default');
    const type = get('type');
    const min = get('min');
    const max = get('max');
    const pattern = get('pattern');
    const loc = node.loc;
    return (ctx) => {
      try {
        const n = toStr(name(ctx));
        let v = c.engine.getterFor(n, loc)(ctx);
        if (v === undefined) {
          if (!def) throw new CfmlError(`The required parameter [${n}] was not provided.`, { type: 'Expression', loc });
          v = def(ctx);
          c.engine.setterFor(n, loc)(ctx, v);
        }
        if (type) {
          const t = toStr(type(ctx)).toLowerCase();
          let ok: boolean;
          const isValid = c.engine.functions.getLower('isvalid');
          if (t === 'range' || t === 'regex' || t === 'regular_expression') {
            const extra = t === 'range' ? [min ? toNum(min(ctx)) : -Infinity, max ? toNum(max(ctx)) : Infinity] : [pattern ? toStr(pattern(ctx)) : ''];
            ok = isValid ? Boolean(invokeBuiltin(isValid, c.fnContext(ctx, loc), [t, v, ...extra])) : true;
          } else if (isValid && !['any', 'array', 'struct', 'query', 'function'].includes(t)) {
            ok = Boolean(invokeBuiltin(isValid, c.fnContext(ctx, loc), [t, v]));
          } else ok = checkType(v, t);
          if (!ok) {
            throw new CfmlError(`Invalid parameter type, the value [${isSimpleShow(v)}] is not of type [${t}]`, { type: 'Expression', loc, detail: `parameter [${n}]` });
          }
        }
      } catch (e) {
        throw toCfmlError(e, loc);
      }
      return Signal.Normal;
    };
  },
});

function isSimpleShow(v: unknown): string {
  try {
    return toStr(v);
  } catch {
    return typeName(v);
  }
}
