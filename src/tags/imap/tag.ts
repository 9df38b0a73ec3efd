import * as path from 'node:path';
import { defineTag, Signal, type TagCall } from '../types.js';
import { CfmlError, ErrorCode } from '../../runtime/errors.js';
import { toBool, toDate, toStr } from '../../runtime/cast.js';
import { bool, num, str } from '../attr-values.js';
import { tableToQuery } from '../table-query.js';
import { collectChildren, parentList } from '../child-tags.js';
import type { Ctx } from '../../runtime/context.js';
import type { ImapFilter, ImapRequest, ImapTable } from './types.js';
import type { ImapPool } from './pool.js';

type ImapModule = typeof import('./index.js');

/** imapflow and mailparser load on the first <cfimap>, so pages without it start fast. */
let loading: Promise<ImapModule> | undefined;
const loadImap = () => (loading ??= import('./index.js'));

const FILTER_KEY = 'imap.filters';

/** Engine option read by the pool: how long an idle named connection stays open. */
export interface ImapTagOptions {
  idleTimeoutMs?: number;
  /**
   * Named connections this process keeps logged in per IMAP user (server + user name), default 5;
   * opening one more logs out that user's least recently used one (it logs in again when used).
   * Keep workers x this under the server's per-user limit (Dovecot's mail_max_userip_connections
   * is 10).
   */
  maxConnectionsPerUser?: number;
}

/** The Engine's service holding the pool: engine.close() logs everything out, releaseOwner() one owner. */
interface ImapService {
  pool: ImapPool;
  close(): Promise<void>;
  releaseOwner(owner: string): Promise<void>;
}

function pool(ctx: Ctx, mod: ImapModule): ImapPool {
  const opts = (ctx.engine as unknown as { imapOptions?: ImapTagOptions }).imapOptions ?? {};
  // The pool stays a plain ImapPool: its own close(name) must never be replaced by closeAll().
  return ctx.engine.service<ImapService>('imap', () => {
    const p = new mod.ImapPool({ idleTimeoutMs: opts.idleTimeoutMs, maxConnectionsPerUser: opts.maxConnectionsPerUser });
    return { pool: p, close: () => p.closeAll(), releaseOwner: (o) => p.releaseOwner(o) };
  }).pool;
}

let renderCount = 0;

/**
 * Whose named connections a call uses: `ctx.connectionOwner` (set by the host: the session id in
 * a web application, or the application), else the render itself. A render owner is released
 * (its connections logged out) when the render ends, so nothing of it outlives the request.
 */
function ownerOf(ctx: Ctx, p: ImapPool): string {
  if (ctx.connectionOwner !== undefined) {
    // a named connection kept in a new session is a use of it: the session is kept (and its cookie sent)
    ctx.useSession();
    return ctx.connectionOwner;
  }
  const key = 'imap.renderOwner';
  let owner = ctx.locals.get(key) as string | undefined;
  if (!owner) {
    owner = `render:${process.pid}:${++renderCount}:${Date.now()}`;
    ctx.locals.set(key, owner);
    const o = owner;
    ctx.onEnd(() => p.releaseOwner(o));
  }
  return owner;
}



function request(call: TagCall, filters: ImapFilter[]): ImapRequest {
  const a = call.attrs;
  let attachmentPath = str(a.attachmentpath);
  // a relative attachment path is relative to the page, like expandPath()
  if (attachmentPath) attachmentPath = path.resolve(call.ctx.baseTemplate.dir, attachmentPath);
  return {
    action: str(a.action) ?? 'getHeaderOnly',
    connection: str(a.connection),
    server: str(a.server),
    port: num(a.port),
    username: str(a.username),
    password: str(a.password),
    accessToken: str(a.accesstoken),
    // yes/no/true/false, ssl/tls (= yes) or starttls; checked by the engine (normalizeSecure)
    secure: str(a.secure),
    validateCertificate: bool(a.validatecertificate),
    timeout: num(a.timeout),
    folder: str(a.folder),
    newFolder: str(a.newfolder),
    uid: str(a.uid),
    messageNumber: str(a.messagenumber),
    delimiter: str(a.delimiter),
    startRow: num(a.startrow),
    maxRows: num(a.maxrows),
    attachmentPath,
    generateUniqueFilenames: bool(a.generateuniquefilenames),
    recurse: bool(a.recurse),
    stopOnError: bool(a.stoponerror),
    filters: filters.length ? filters : undefined,
  };
}


function cfmlError(call: TagCall, mod: ImapModule, e: unknown): unknown {
  if (e instanceof mod.ImapError) {
    return new CfmlError(e.message, { type: 'IMAP', errorCode: e.errorCode, detail: e.detail ?? '', loc: call.node.loc, code: ErrorCode.Imap });
  }
  if (e instanceof mod.ImapUsageError) return new CfmlError(e.message, { type: 'Application', loc: call.node.loc, code: ErrorCode.ImapUsage });
  return e;
}

/**
 * `<cfimap>`: every action of the IMAP action engine (src/tags/imap/run.ts). Results land in the
 * variable named by `name` as a Query. `<cfimapfilter>` children become a server-side SEARCH.
 */
export const imapTag = defineTag({
  name: 'imap',
  body: 'optional',
  attrs: [
    { name: 'action' }, { name: 'server' }, { name: 'port' }, { name: 'username' }, { name: 'password' },
    { name: 'secure' }, { name: 'timeout' }, { name: 'connection' }, { name: 'name', aliases: ['variable'] },
    { name: 'folder' }, { name: 'newfolder' }, { name: 'messagenumber' }, { name: 'uid' },
    { name: 'delimiter', aliases: ['delimiters'] }, { name: 'startrow' }, { name: 'maxrows' }, { name: 'attachmentpath' },
    { name: 'generateuniquefilenames' }, { name: 'recurse' }, { name: 'stoponerror' }, { name: 'debug' },
    { name: 'accesstoken' }, { name: 'validatecertificate' },
  ],
  async run(call) {
    const ctx = call.ctx;
    const filters = await collectChildren<ImapFilter>(call, FILTER_KEY);
    const mod = await loadImap();
    let table: ImapTable | undefined;
    try {
      const p = pool(ctx, mod);
      table = await mod.runImapAction(request(call, filters), p, { owner: ownerOf(ctx, p) });
    } catch (e) {
      throw cfmlError(call, mod, e);
    }
    const name = str(call.attrs.name);
    if (table && name) call.setVariable(name, tableToQuery(table));
    return Signal.Normal;
  },
});

/** `<cfimapfilter name="subject" value="x">` inside `<cfimap>` (Adobe CF 11). */
export const imapFilterTag = defineTag({
  name: 'imapfilter',
  parents: ['imap'],
  attrs: [{ name: 'name', required: true, values: ['subject', 'from', 'to', 'flag', 'timereceived', 'timesent'] }, { name: 'value' }, { name: 'from' }, { name: 'to' }],
  run(call) {
    const list = parentList<ImapFilter>(call, FILTER_KEY, 'imap');
    const a = call.attrs;
    list.push({
      name: toStr(a.name).toLowerCase() as ImapFilter['name'],
      value: str(a.value),
      from: a.from === undefined || a.from === '' ? undefined : toDate(a.from),
      to: a.to === undefined || a.to === '' ? undefined : toDate(a.to),
    });
    return Signal.Normal;
  },
});
