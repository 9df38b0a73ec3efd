/**
 * `<cfformgroup>` and `<cfformitem>` in html format. Lucee refuses both; Adobe ColdFusion lays
 * them out only in flash and xml forms. Here, as a page written for html expects: cfformgroup
 * writes its body unchanged (its type is a flash/xml layout), cfformitem type="html" writes its
 * body, "text" its body HTML-escaped, "hrule" an `<hr>`; "vrule" and "spacer" write nothing.
 */
import { defineTag, Signal } from '../../types.js';
import { andThen } from '../../../runtime/maybe.js';
import { toStr } from '../../../runtime/cast.js';
import { escHtml } from './html.js';

export const formgroupTag = defineTag({
  name: 'formgroup',
  body: 'optional',
  anyAttrs: true,
  attrs: [{ name: 'type', required: true }],
  run(call) {
    return call.node.body ? call.body() : Signal.Normal;
  },
});

export const formitemTag = defineTag({
  name: 'formitem',
  body: 'optional',
  anyAttrs: true,
  attrs: [{ name: 'type', required: true, values: ['html', 'text', 'hrule', 'vrule', 'spacer', 'script'] }],
  run(call) {
    const type = toStr(call.attrs.type);
    const body = call.node.body ? call.capture() : '';
    return andThen(body, (text) => {
      if (type === 'html' || type === 'script') call.write(text);
      else if (type === 'text') call.write(escHtml(text));
      else if (type === 'hrule') call.write('<hr>');
      return Signal.Normal;
    });
  },
});
