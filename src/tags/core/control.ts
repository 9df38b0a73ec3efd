import { defineTag } from '../types.js';
import { AbortPage } from '../../runtime/context.js';
import { CfmlError } from '../../runtime/errors.js';
import { toStr } from '../../runtime/cast.js';

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
 * cfexit: outside a custom tag (the only place this engine runs templates) it ends the page
 * like cfabort, as in Lucee; the method attribute only matters inside custom tags.
 */
export const exitTag = defineTag({
  name: 'exit',
  attrs: [{ name: 'method', values: ['exitTag', 'exitTemplate', 'loop'] }],
  compile(node) {
    const loc = node.loc;
    return () => {
      throw new AbortPage(loc);
    };
  },
});

/** cflock: one render runs at a time per Engine call chain, so the body just runs. */
export const lockTag = defineTag({
  name: 'lock',
  body: 'required',
  anyAttrs: true,
  attrs: [{ name: 'name' }, { name: 'scope' }, { name: 'type' }, { name: 'timeout' }, { name: 'throwontimeout' }],
  compile: (node, c) => c.block(node.body),
});
