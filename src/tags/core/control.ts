import { defineTag } from '../types.js';
import { AbortPage } from '../../runtime/context.js';
import { CfmlError } from '../../runtime/errors.js';
import { toStr } from '../../runtime/cast.js';
import { ExitTagSignal } from '../../runtime/custom-tags.js';

/** cfabort: ends the page; with showerror it ends it with an error. */
export const abortTag = defineTag({
  name: 'abort',
  attrs: [{ name: 'showerror' }],
  scriptShorthand: { attr: 'showerror' },
  compile(node, c) {
    const a = node.attrs.find((x) => x.lower === 'showerror');
    const msg = a ? c.expr(a.value) : undefined;
    const loc = node.loc;
    return (ctx) => {
      if (msg) {
        const m = toStr(msg(ctx));
        if (m) throw new CfmlError(m, { type: 'Application', loc });
      }
      throw new AbortPage(loc);
    };
  },
});

/**
 * cfexit: in a custom tag's template it ends the tag's current execution mode as `method`
 * says (exitTag, default; exitTemplate; loop, see runtime/custom-tags.ts); elsewhere (a page, a
 * custom tag's body) it ends the page like cfabort, as in Lucee.
 */
export const exitTag = defineTag({
  name: 'exit',
  attrs: [{ name: 'method', values: ['exitTag', 'exitTemplate', 'loop'] }],
  compile(node, c) {
    const loc = node.loc;
    const a = node.attrs.find((x) => x.lower === 'method');
    const method = a ? c.expr(a.value) : undefined;
    return (ctx) => {
      if (!ctx.tagTemplate) throw new AbortPage(loc);
      const m = method ? toStr(method(ctx)).toLowerCase() : 'exittag';
      if (m !== 'exittag' && m !== 'exittemplate' && m !== 'loop') {
        throw new CfmlError(`Invalid value [${m}] for attribute [method] of tag [cfexit], valid values are [exitTag, exitTemplate, loop]`, { type: 'Application', loc });
      }
      throw new ExitTagSignal(m);
    };
  },
});
