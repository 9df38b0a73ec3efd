/**
 * `<cfform>` in html format, as Lucee renders it: a `<form>` whose onsubmit runs the client-side
 * validation of the controls inside (registered in a script after `</form>`), method post by
 * default, action defaulting to the page itself, name defaulting to `CFForm_<n>`. flash and xml
 * formats are a clear error. Every attribute value is HTML-escaped (Lucee writes some unescaped).
 * The validation library is written inline before the first form of the page (or loaded from
 * `scriptSrc=` when given). `preserveData="true"` refills the controls from the form scope.
 */
import { defineTag, Signal, type TagCall } from '../../types.js';
import { tryFinally, andThen } from '../../../runtime/maybe.js';
import { toBool, toStr } from '../../../runtime/cast.js';
import { Struct } from '../../../runtime/struct.js';
import { CLIENT_SCRIPT } from './client-script.js';
import { attrText, escHtml, jsLiteral } from './html.js';
import { formsOf, type OpenForm } from './state.js';

/** Attributes the tag itself uses; every other one is written on the <form>. */
const OWN = new Set([
  'name', 'action', 'method', 'format', 'onsubmit', 'onreset', 'onload', 'onerror', 'passthrough', 'scriptsrc', 'preservedata',
  'skin', 'archive', 'codebase', 'height', 'width', 'preloader', 'timeout', 'wmode', 'accessible', 'enablecab',
]);

/** The attributes written on the element, in the order given, plus `passthrough` (a struct, or raw text). */
export function passThrough(call: TagCall, own: ReadonlySet<string>): { attrs: Array<[string, string]>; raw: string } {
  const attrs: Array<[string, string]> = [];
  for (const [k, v] of Object.entries(call.attrs)) if (!own.has(k) && call.given.has(k)) attrs.push([k, toStr(v)]);
  const pt = call.attrs.passthrough;
  let raw = '';
  if (pt instanceof Struct) for (const [k, v] of pt.entries()) attrs.push([k.toLowerCase(), toStr(v)]);
  else if (pt !== undefined && toStr(pt) !== '') raw = ' ' + toStr(pt);
  return { attrs, raw };
}

export const formTag = defineTag({
  name: 'form',
  body: 'required',
  anyAttrs: true,
  attrs: [
    { name: 'name' }, { name: 'action' }, { name: 'method', values: ['get', 'post'] }, { name: 'format' }, { name: 'onsubmit' },
    { name: 'onreset' }, { name: 'onload' }, { name: 'onerror' }, { name: 'passthrough', type: 'any' }, { name: 'scriptsrc' },
    { name: 'preservedata' },
  ],
  run(call) {
    const ctx = call.ctx;
    const a = call.attrs;
    const format = a.format === undefined ? 'html' : toStr(a.format).trim().toLowerCase();
    if (format !== 'html') {
      if (format === 'flash' || format === 'xml') throw call.error(`format [${format}] is not supported, only the following formats are supported [html]`);
      throw call.error(`invalid value [${format}] for attribute format, for this attribute only the following values are supported [xml, html, flash]`);
    }
    const name = a.name === undefined ? '' : toStr(a.name);
    if (!/^[A-Za-z0-9_\-:.]*$/.test(name)) throw call.error(`value of attribute name [${name}] is invalid, only the following characters are allowed [a-z,A-Z,0-9,-,_,:,.]`);
    const all = formsOf(ctx);
    const n = ++all.count;
    const form: OpenForm = {
      name: name || `CFForm_${n}`,
      jsVar: `cfform_${n}`,
      inputs: [],
      textNames: new Set(),
      preserveData: a.preservedata !== undefined && toBool(a.preservedata),
    };
    const query = toStr(ctx.cgi.get('query_string') ?? '');
    const action = a.action === undefined ? toStr(ctx.cgi.get('script_name') ?? '') + (query ? '?' + query : '') : toStr(a.action);
    const check = `_CF_check${form.name.replace(/[^A-Za-z0-9_]/g, '_')}`;
    let head = '';
    if (a.scriptsrc !== undefined) head += `<script type="text/javascript" src="${escHtml(toStr(a.scriptsrc))}"></script>`;
    else if (!all.scriptWritten) head += `<script type="text/javascript">\n${CLIENT_SCRIPT}\n</script>`;
    all.scriptWritten = true;
    head += '<script type="text/javascript">\n';
    head +=
      a.onsubmit === undefined
        ? `function ${check}() { return ${form.jsVar}.check(); }\n`
        : `function ${check}() { if (${form.jsVar}.check()) {${toStr(a.onsubmit)}\nreturn true;} return false; }\n`;
    if (a.onreset !== undefined) head += `function _CF_reset${check.slice(9)}() {${toStr(a.onreset)}\n}\n`;
    if (a.onload !== undefined) head += `function _CF_load${check.slice(9)}() {${toStr(a.onload)}\n}\n`;
    head += '</script>';
    const { attrs, raw } = passThrough(call, OWN);
    const formAttrs: Array<[string, string]> = [['name', form.name], ['action', action], ['method', a.method === undefined ? 'post' : toStr(a.method)], ['onsubmit', `return ${check}();`]];
    if (a.onreset !== undefined) formAttrs.push(['onreset', `_CF_reset${check.slice(9)}();`]);
    if (a.onload !== undefined) formAttrs.push(['onload', `_CF_load${check.slice(9)}();`]);
    call.write(`${head}<form${attrText([...formAttrs, ...attrs])}${raw}>`);
    all.open.push(form);
    const body = tryFinally(
      () => call.body(),
      () => all.open.pop(),
    );
    return andThen(body, () => {
      let end = `</form><!-- name:${escHtml(form.name)} --><script type="text/javascript">\n`;
      end += `${form.jsVar}=new CFForm(${jsLiteral(form.name)},${jsLiteral(a.onerror === undefined ? null : toStr(a.onerror))});\n`;
      for (const args of form.inputs) end += `${form.jsVar}.addInput(${args});\n`;
      call.write(end + '</script>');
      return Signal.Normal;
    });
  },
});
