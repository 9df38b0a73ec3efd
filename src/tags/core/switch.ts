import { defineTag, Signal, type Exec } from '../types.js';
import { toStr } from '../../runtime/cast.js';
import { toCfmlError } from '../../runtime/errors.js';
import type { Eval } from '../types.js';

/** cfswitch: cfcase value is a list (delimiters, default comma), matched case-insensitively. */
export const switchTag = defineTag({
  name: 'switch',
  body: 'required',
  attrs: [{ name: 'expression', required: true }],
  compile(node, c) {
    const subject = c.expr(node.attrs.find((a) => a.lower === 'expression')!.value);
    const cases: { values: Eval; delims: Eval | undefined; body: Exec }[] = [];
    let dflt: Exec | undefined;
    for (const s of node.body ?? []) {
      if (s.kind !== 'tag') continue;
      if (s.name === 'case') {
        const v = s.attrs.find((a) => a.lower === 'value');
        const d = s.attrs.find((a) => a.lower === 'delimiters');
        cases.push({ values: c.expr(v!.value), delims: d ? c.expr(d.value) : undefined, body: c.block(s.body) });
      } else if (s.name === 'defaultcase') dflt = c.block(s.body);
    }
    const loc = node.loc;
    return (ctx) => {
      let v: string;
      try {
        v = toStr(subject(ctx)).toLowerCase();
      } catch (e) {
        throw toCfmlError(e, loc);
      }
      for (const k of cases) {
        const delims = k.delims ? toStr(k.delims(ctx)) : ',';
        const list = toStr(k.values(ctx));
        const items = delims ? splitSet(list, delims) : [list];
        if (items.some((x) => x.toLowerCase() === v)) return k.body(ctx);
      }
      return dflt ? dflt(ctx) : Signal.Normal;
    };
  },
});

function splitSet(s: string, delims: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (const ch of s) {
    if (delims.includes(ch)) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

export const caseTag = defineTag({ name: 'case', staticAttrs: true, body: 'required', parents: ['switch'], attrs: [{ name: 'value', required: true }, { name: 'delimiters' }] });
export const defaultcaseTag = defineTag({ name: 'defaultcase', body: 'required', parents: ['switch'] });
