import { defineTag, Signal, type Exec } from '../types.js';
import { compileTryExecs, rethrowExec, retryExec, type CatchSpec } from '../../runtime/compile-stmt.js';
import { customError } from '../../runtime/exceptions.js';

/** cftry: cfcatch and cffinally are children; everything else is the protected body. */
export const tryTag = defineTag({
  name: 'try',
  body: 'required',
  compile(node, c) {
    const body: Exec[] = [];
    const catches: CatchSpec[] = [];
    let fin: Exec | undefined;
    const rest = [];
    for (const s of node.body ?? []) {
      if (s.kind === 'tag' && s.name === 'catch') {
        const t = s.attrs.find((a) => a.lower === 'type');
        const type = t && t.value.kind === 'lit' ? String(t.value.value) : 'any';
        catches.push({ type: type || 'any', varName: 'cfcatch', body: c.block(s.body) });
      } else if (s.kind === 'tag' && s.name === 'finally') fin = c.block(s.body);
      else rest.push(s);
    }
    body.push(c.block(rest));
    return compileTryExecs(body[0]!, catches, fin);
  },
});

export const catchTag = defineTag({ name: 'catch', staticAttrs: true, body: 'required', parents: ['try'], attrs: [{ name: 'type' }] });
export const finallyTag = defineTag({ name: 'finally', body: 'required', parents: ['try'] });

/** cfthrow: a custom error, matched by cfcatch type (dotted types match by prefix). */
export const throwTag = defineTag({
  name: 'throw',
  attrs: [{ name: 'message' }, { name: 'type' }, { name: 'detail' }, { name: 'errorcode' }, { name: 'extendedinfo' }, { name: 'object' }],
  run(call) {
    const a = call.attrs;
    throw customError({ message: a.message, type: a.type, detail: a.detail, errorCode: a.errorcode, extendedInfo: a.extendedinfo, object: a.object }, call.node.loc);
  },
});

export const rethrowTag = defineTag({ name: 'rethrow', compile: (node) => rethrowExec(node.loc) });

/** cfretry: inside cfcatch, runs the cftry block again (Lucee). */
export const retryTag = defineTag({ name: 'retry', compile: (node) => retryExec(node.loc) });

export { Signal };
