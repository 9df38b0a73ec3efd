/**
 * <cftransaction>: with a body it is a transaction (begin is the default action) over every
 * datasource the body queries; an error inside rolls back, the end commits. Nested, it is a
 * savepoint of the outer transaction. Without a body, inside one: action="commit", "rollback"
 * (to `savepoint` when given) and "setSavepoint". `isolation` is read_uncommitted,
 * read_committed, repeatable_read or serializable (SQLite is always serializable).
 */
import { defineTag, Signal, type TagCall } from '../types.js';
import { toStr } from '../../runtime/cast.js';
import { andThen } from '../../runtime/maybe.js';
import { currentTransaction, inTransaction, isolationLevel } from '../../db/transaction.js';

const SAVEPOINT_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const transactionTag = defineTag({
  name: 'transaction',
  body: 'optional',
  attrs: [
    { name: 'action', values: ['begin', 'commit', 'rollback', 'setsavepoint'] },
    { name: 'isolation' },
    { name: 'savepoint' },
    { name: 'nested' },
  ],
  run(call) {
    const action = call.attrs.action === undefined ? 'begin' : toStr(call.attrs.action);
    const hasBody = call.node.body !== undefined;
    if (action === 'begin') {
      if (!hasBody) throw call.error('cftransaction action="begin" needs a body (the statements of the transaction)');
      const isolation = isolationLevel(call.attrs.isolation === undefined ? undefined : toStr(call.attrs.isolation));
      return inTransaction(call.ctx, isolation, () => call.body());
    }
    return control(call, action);
  },
});

/** commit / rollback / setSavepoint inside a transaction. */
function control(call: TagCall, action: string) {
  const tx = currentTransaction(call.ctx);
  if (!tx) throw call.error(`cftransaction action="${action}" must be inside a cftransaction`, { type: 'Application' });
  const sp = call.attrs.savepoint === undefined ? '' : toStr(call.attrs.savepoint);
  if (sp && !SAVEPOINT_NAME.test(sp)) throw call.error(`invalid savepoint name [${sp}]: use letters, digits and _`);
  let r;
  if (action === 'commit') r = tx.end('COMMIT');
  else if (action === 'rollback') r = sp ? tx.rollbackTo(sp) : tx.end('ROLLBACK');
  else {
    if (!sp) throw call.error('cftransaction action="setSavepoint" needs a savepoint name');
    r = tx.savepoint(sp);
  }
  return andThen(r, () => Signal.Normal);
}
