/**
 * `<cfpop>`: reads (getHeaderOnly, getAll) or deletes messages of a POP3 mailbox (run.ts). The
 * result lands in `name` as a query with Lucee's cfpop columns. Errors: type "POP" with errorCode
 * AUTHENTICATION, CONNECTION, TIMEOUT, TLS, PROTOCOL or SELECTION_REQUIRED; tag mistakes are type
 * "Application". The password appears in no error. mailparser loads on the first `<cfpop>`.
 */
import * as path from 'node:path';
import { defineTag, Signal, type TagCall } from '../types.js';
import { CfmlError, ErrorCode } from '../../runtime/errors.js';
import { toBool, toStr } from '../../runtime/cast.js';
import { bool, num, str } from '../attr-values.js';
import { tableToQuery } from '../table-query.js';
import type { PopRequest, PopTable } from './run.js';

type PopModule = typeof import('./run.js') & typeof import('./client.js');
let loading: Promise<PopModule> | undefined;
const loadPop = () => (loading ??= Promise.all([import('./run.js'), import('./client.js')]).then(([a, b]) => ({ ...a, ...b })));

function secureOf(call: TagCall): PopRequest['secure'] {
  const s = str(call.attrs.secure)?.trim().toLowerCase();
  if (!s) return 'no';
  if (s === 'starttls') return 'starttls';
  return toBool(s) ? 'yes' : 'no';
}

function request(call: TagCall): PopRequest {
  const a = call.attrs;
  const action = (str(a.action) ?? 'getHeaderOnly').trim().toLowerCase();
  if (action !== 'getheaderonly' && action !== 'getall' && action !== 'delete') {
    throw call.error(`Invalid value [${str(a.action)}] for attribute [action], valid values are [getHeaderOnly,getAll,delete]`);
  }
  const attachmentPath = str(a.attachmentpath);
  return {
    action,
    server: str(a.server) ?? '',
    port: num(a.port),
    username: str(a.username) ?? '',
    password: a.password === undefined || a.password === null ? '' : toStr(a.password),
    secure: secureOf(call),
    validateCertificate: bool(a.validatecertificate) ?? true,
    timeout: num(a.timeout) ?? 60,
    ...(a.uid !== undefined && a.uid !== null ? { uid: toStr(a.uid) } : {}),
    ...(a.messagenumber !== undefined && a.messagenumber !== null ? { messageNumber: toStr(a.messagenumber) } : {}),
    delimiter: str(a.delimiter) || ',',
    startRow: num(a.startrow),
    maxRows: num(a.maxrows),
    // a relative attachment path is relative to the page, like cfimap's
    ...(attachmentPath ? { attachmentPath: path.resolve(call.ctx.template.dir, attachmentPath) } : {}),
    generateUniqueFilenames: bool(a.generateuniquefilenames) ?? false,
  };
}


export const popTag = defineTag({
  name: 'pop',
  attrs: [
    { name: 'action' }, { name: 'server', required: true }, { name: 'port' }, { name: 'username' }, { name: 'password' },
    { name: 'name' }, { name: 'messagenumber' }, { name: 'uid' }, { name: 'delimiter' }, { name: 'attachmentpath' },
    { name: 'timeout' }, { name: 'maxrows' }, { name: 'startrow' }, { name: 'generateuniquefilenames' }, { name: 'secure' },
    { name: 'validatecertificate' }, { name: 'debug' },
  ],
  async run(call) {
    const req = request(call);
    const mod = await loadPop();
    let table: PopTable | undefined;
    try {
      table = await mod.runPopAction(req);
    } catch (e) {
      if (e instanceof mod.PopError) throw new CfmlError(e.message, { type: 'POP', errorCode: e.errorCode, detail: e.detail, loc: call.node.loc, code: ErrorCode.Pop });
      if (e instanceof mod.PopUsageError) throw new CfmlError(e.message, { type: 'Application', loc: call.node.loc, code: ErrorCode.PopUsage });
      throw e;
    }
    const name = str(call.attrs.name);
    if (table && name) call.setVariable(name, tableToQuery(table));
    return Signal.Normal;
  },
});
