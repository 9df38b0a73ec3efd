import { defineTag } from '../types.js';

/** cfscript: the body was parsed as script statements by the template parser. */
export const scriptTag = defineTag({
  name: 'script',
  body: 'required',
  rawBody: true,
  compile: (node, c) => c.block(node.body),
});
