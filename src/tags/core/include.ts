import * as path from 'node:path';
import { defineTag } from '../types.js';
import { CfmlError, ErrorCode, toCfmlError } from '../../runtime/errors.js';
import { toStr } from '../../runtime/cast.js';
import { tryFinally } from '../../runtime/maybe.js';
import { runTemplate, AbortPage } from '../../runtime/compiler.js';
import { addFrame } from '../../runtime/udf-call.js';
import { resolveVirtual } from '../../runtime/virtual-path.js';

/**
 * cfinclude: runs another template with the caller's scopes. A relative path starts at the
 * including file's directory; `/lib/x.cfm` goes through the mappings (this.mappings, then
 * EngineOptions.mappings), then the web root, as in Lucee.
 */
export const includeTag = defineTag({
  name: 'include',
  attrs: [{ name: 'template', required: true }, { name: 'runonce' }],
  scriptShorthand: { attr: 'template', expression: true },
  compile(node, c) {
    const a = node.attrs.find((x) => x.lower === 'template')!;
    const tpl = c.expr(a.value);
    const loc = node.loc;
    // the last resolution, reused while the directory and the path stay the same (a loop's include)
    let lastDir = '';
    let lastRel = '';
    let lastAbs = '';
    return (ctx) => {
      const rel = toStr(tpl(ctx));
      const virtual = /^[/\\]/.test(rel);
      const dir = ctx.template.dir;
      let abs: string;
      if (virtual) abs = resolveVirtual(ctx, rel, true) || path.resolve(dir, rel);
      else {
        if (dir !== lastDir || rel !== lastRel) {
          lastAbs = path.resolve(dir, rel);
          lastDir = dir;
          lastRel = rel;
        }
        abs = lastAbs;
      }
      if (!c.engine.inspector.isFile(abs, ctx.inspected)) {
        const detail = virtual ? 'a path starting with / is looked up in the mappings (this.mappings), then under the web root' : `the path is resolved from the directory of ${ctx.template.file}`;
        throw new CfmlError(`Page [${rel}] [${abs}] not found`, { type: 'MissingInclude', loc, code: ErrorCode.MissingInclude, detail });
      }
      const t = c.engine.loadTemplate(abs, ctx.inspected);
      const saved = ctx.template;
      ctx.template = t;
      ctx.callStack.push({ template: loc.file, line: loc.line, column: loc.col, id: 'cfinclude' });
      const restore = () => {
        ctx.template = saved;
        ctx.callStack.pop();
      };
      const frame = (e: unknown) => (e instanceof CfmlError || e instanceof AbortPage ? addFrame(e, loc, 'cfinclude') : toCfmlError(e, loc));
      let r;
      try {
        r = tryFinally(() => runTemplate(ctx, t), restore);
      } catch (e) {
        throw frame(e);
      }
      // an error after the included page went async gets the include's frame too
      return typeof r === 'number' ? r : r.catch((e: unknown) => Promise.reject(frame(e)));
    };
  },
});
