/**
 * inspectTemplates(), as Lucee's: the engine forgets what it knew of every template, component
 * and custom-tag file, so each is looked at again (and recompiled when it changed) on its next
 * use, even with inspectTemplates "never" or "once" and later in the same request. Returns true.
 */
import type { FunctionDef } from './types.js';
import { forgetComponentClasses } from '../components/dispatch.js';

export const templatePoolFunctions: FunctionDef[] = [
  {
    name: 'inspectTemplates',
    params: [],
    impl: (ctx) => {
      const c = ctx.ctx;
      if (c) {
        c.engine.inspector.forget();
        c.inspected.clear();
        forgetComponentClasses(c);
      }
      return true;
    },
  },
];
