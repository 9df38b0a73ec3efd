import { defineTag, Signal } from '../types.js';
import { andThen } from '../../runtime/maybe.js';
import { toStr } from '../../runtime/cast.js';
import { parseXml } from '../../runtime/xml/node.js';

/** cfxml: the body's output, parsed as an XML document, goes into a variable. */
export const xmlTag = defineTag({
  name: 'xml',
  body: 'required',
  attrs: [{ name: 'variable', required: true }, { name: 'casesensitive', type: 'boolean' }],
  run(call) {
    return andThen(call.capture(), (text) => {
      let doc;
      try {
        doc = parseXml(text);
      } catch (e) {
        throw call.error((e as Error).message, { detail: 'the body of cfxml is not well-formed XML' });
      }
      call.setVariable(toStr(call.attrs.variable), doc);
      return Signal.Normal;
    });
  },
});
