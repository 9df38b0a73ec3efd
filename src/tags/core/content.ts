import { defineTag, Signal } from '../types.js';
import { andThen, tryFinally } from '../../runtime/maybe.js';
import { toBool, toNum, toStr } from '../../runtime/cast.js';

/** cfsavecontent: the body's output goes into a variable. */
export const savecontentTag = defineTag({
  name: 'savecontent',
  body: 'required',
  attrs: [{ name: 'variable', required: true }, { name: 'append' }, { name: 'trim' }],
  run(call) {
    return andThen(call.capture(), (text) => {
      const name = toStr(call.attrs.variable);
      let value = call.attrs.trim !== undefined && toBool(call.attrs.trim) ? text.trim() : text;
      if (call.attrs.append !== undefined && toBool(call.attrs.append)) {
        const old = call.ctx.engine.getterFor(name)(call.ctx);
        value = (old === undefined ? '' : toStr(old)) + value;
      }
      call.setVariable(name, value);
      return Signal.Normal;
    });
  },
});

/** cfsilent: runs the body and drops what it prints. */
export const silentTag = defineTag({
  name: 'silent',
  body: 'required',
  compile(node, c) {
    const body = c.block(node.body);
    return (ctx) => {
      const saved = ctx.out;
      ctx.captureDepth++;
      return tryFinally(() => body(ctx), () => {
        ctx.out = saved;
        ctx.captureDepth--;
      });
    };
  },
});

/** cfsetting: enablecfoutputonly is a nesting counter; the other settings do nothing here. */
export const settingTag = defineTag({
  name: 'setting',
  attrs: [{ name: 'enablecfoutputonly' }, { name: 'showdebugoutput' }, { name: 'requesttimeout' }],
  compile(node, c) {
    const a = node.attrs.find((x) => x.lower === 'enablecfoutputonly');
    const v = a ? c.expr(a.value) : undefined;
    const t = node.attrs.find((x) => x.lower === 'requesttimeout');
    const timeout = t ? c.expr(t.value) : undefined;
    return (ctx) => {
      if (v) {
        if (toBool(v(ctx))) ctx.outputOnly++;
        else if (ctx.outputOnly > 0) ctx.outputOnly--;
      }
      // seconds from the start of the render; open-ended loops check it
      if (timeout) ctx.deadline = ctx.startedAt + toNum(timeout(ctx)) * 1000;
      return Signal.Normal;
    };
  },
});

/** cfprocessingdirective: pageEncoding is always UTF-8 here; suppressWhitespace collapses runs. */
export const processingdirectiveTag = defineTag({
  name: 'processingdirective',
  body: 'optional',
  attrs: [{ name: 'pageencoding' }, { name: 'suppresswhitespace' }, { name: 'preservecase' }],
  compile(node, c) {
    const body = c.block(node.body);
    const a = node.attrs.find((x) => x.lower === 'suppresswhitespace');
    const sw = a ? c.expr(a.value) : undefined;
    return (ctx) => {
      if (!node.body) return Signal.Normal;
      if (!sw || !toBool(sw(ctx))) return body(ctx);
      const saved = ctx.out;
      ctx.out = '';
      ctx.captureDepth++;
      const finish = () => {
        ctx.captureDepth--;
        // Lucee: every whitespace run becomes one character, a newline when the run holds one
        const produced = ctx.out.replace(/\s+/g, (m) => (/[\r\n]/.test(m) ? '\n' : m[0]!));
        ctx.out = saved + produced;
      };
      return tryFinally(() => body(ctx), finish);
    };
  },
});
