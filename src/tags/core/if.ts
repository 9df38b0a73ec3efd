import { defineTag, Signal, type Exec } from '../types.js';
import { toBool } from '../../runtime/cast.js';
import { toCfmlError } from '../../runtime/errors.js';

export const ifTag = defineTag({
  name: 'if',
  expression: 'required',
  body: 'required',
  compile(node, c) {
    const tests = [c.expr(node.expr!)];
    const locs = [node.loc];
    const bodies: Exec[] = [c.block(node.body)];
    let otherwise: Exec = () => Signal.Normal;
    for (const b of node.branches ?? []) {
      if (b.tag.name === 'elseif') {
        tests.push(c.expr(b.tag.expr!));
        locs.push(b.tag.loc);
        bodies.push(c.block(b.body));
      } else otherwise = c.block(b.body);
    }
    const n = tests.length;
    if (n === 1) {
      // the common `<cfif>...</cfif>` or `<cfif>...<cfelse>...</cfif>`: no branch loop
      const test = tests[0]!;
      const then = bodies[0]!;
      const loc = locs[0];
      return (ctx) => {
        const v = test(ctx);
        let ok: boolean;
        if (typeof v === 'boolean') ok = v;
        else {
          try {
            ok = toBool(v);
          } catch (e) {
            throw toCfmlError(e, loc);
          }
        }
        return ok ? then(ctx) : otherwise(ctx);
      };
    }
    return (ctx) => {
      for (let i = 0; i < n; i++) {
        let ok: boolean;
        try {
          ok = toBool(tests[i]!(ctx));
        } catch (e) {
          throw toCfmlError(e, locs[i]);
        }
        if (ok) return bodies[i]!(ctx);
      }
      return otherwise(ctx);
    };
  },
});

export const elseifTag = defineTag({ name: 'elseif', expression: 'required', branchOf: ['if'] });

export const elseTag = defineTag({
  name: 'else',
  branchOf: ['if'],
  check(node, api) {
    if (node.branches) throw api.error('<cfelse> takes no attributes');
  },
});
