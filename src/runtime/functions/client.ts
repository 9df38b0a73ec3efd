/**
 * Client-variable functions (Lucee): getClientVariablesList() lists the client variables
 * (comma-separated, without cfid, cftoken, urltoken, hitCount, lastVisit, timeCreated);
 * deleteClientVariable(name) removes one and says whether it existed. Both need client management.
 */
import { expressionError } from '../errors.js';
import { clientScope, clientVariableNames, CLIENT_META } from '../client-scope.js';
import type { FunctionDef, FnContext } from './types.js';

function page(fc: FnContext, fn: string) {
  if (!fc.ctx) throw expressionError(`${fn}() needs a request with client management`);
  return fc.ctx;
}

export const clientFunctions: FunctionDef[] = [
  { name: 'getClientVariablesList', params: [], impl: (fc) => clientVariableNames(page(fc, 'getClientVariablesList')).join(',') },
  {
    name: 'deleteClientVariable',
    params: [{ name: 'name', type: 'string', required: true }],
    impl: (fc, name: string) => {
      const scope = clientScope(page(fc, 'deleteClientVariable'));
      if ((CLIENT_META as readonly string[]).includes(name.toLowerCase())) return false;
      return scope.delete(name);
    },
  },
];
