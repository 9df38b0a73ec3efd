/**
 * <cfstoredproc>, <cfprocparam>, <cfprocresult>: not run yet. Each is a clear Database error
 * that says what to use instead (cfquery with CALL / SELECT fn(...), queryExecute), rather than
 * an unknown-tag error or a silent no-op.
 */
import { defineTag } from '../types.js';

const advice = 'call the procedure through <cfquery> or queryExecute instead: CALL proc(?, ?) on MySQL/MariaDB, SELECT * FROM fn(?, ?) on PostgreSQL, with cfqueryparam for the arguments';

export const storedprocTag = defineTag({
  name: 'storedproc',
  body: 'optional',
  anyAttrs: true,
  run(call) {
    throw call.error('cfstoredproc is not supported by this engine', { type: 'Database', detail: advice });
  },
});

export const procparamTag = defineTag({ name: 'procparam', anyAttrs: true, parents: ['storedproc'] });
export const procresultTag = defineTag({ name: 'procresult', anyAttrs: true, parents: ['storedproc'] });
