/** runImapAction: validates a request (Lucee's wording), then runs it on a pooled or transient connection. */
import { prepareAttachmentDir } from './attachments.js';
import { secretsOf, serverLabel, type ConnectionSpec } from './connect.js';
import { ImapError, ImapUsageError, toImapError } from './errors.js';
import { filtersToSearch, timeBounds } from './filters.js';
import { createFolder, deleteFolder, isProtected, listAllFolders, renameFolder } from './folders.js';
import { deleteMessages, markRead, moveMessages, readMessages, type MessageContext } from './messages.js';
import { folderKey, listingOf } from './listings.js';
import type { ImapOwner, ImapPool, Session } from './pool.js';
import { hasExplicitSelector, selectionOf } from './selection.js';
import { ACTION_NAMES_FOR_MESSAGE, ACTIONS, ALL_COLUMNS, HEADER_COLUMNS, type ImapAction, type ImapRequest, type ImapTable } from './types.js';

function required(attr: string, action: string): ImapUsageError {
  return new ImapUsageError(`Attribute [${attr}] for tag [Imap] is required if attribute action has the value [${action}]`);
}

function present(v: unknown): boolean {
  return v !== undefined && v !== null && String(v).trim() !== '';
}

/**
 * The `secure` attribute. Absent (or empty): STARTTLS, required, with certificate checks, so
 * credentials never cross the wire in clear unless the page says `secure="no"` (safer than Lucee
 * and ACF, whose default is plain). yes/true/ssl/tls: implicit TLS. no/false: plain.
 */
export function normalizeSecure(v: unknown): 'yes' | 'no' | 'starttls' {
  if (v === true) return 'yes';
  if (v === false) return 'no';
  if (v === undefined || v === null) return 'starttls';
  const s = String(v).trim().toLowerCase();
  if (s === 'starttls' || s === '') return 'starttls';
  if (s === 'yes' || s === 'true' || s === '1' || s === 'ssl' || s === 'tls') return 'yes';
  if (s === 'no' || s === 'false' || s === '0') return 'no';
  throw new ImapUsageError(`Invalid value [${String(v)}] for attribute [secure], valid values are [yes,no,starttls,ssl,tls]`);
}

export function normalizeAction(action: string | undefined): ImapAction {
  const a = (action ?? '').trim().toLowerCase() || 'getheaderonly';
  if (!(ACTIONS as readonly string[]).includes(a)) {
    throw new ImapUsageError(`Invalid value for attribute [action], valid values are [${ACTION_NAMES_FOR_MESSAGE}]`);
  }
  return a as ImapAction;
}

function specOf(req: ImapRequest): ConnectionSpec {
  const secure = normalizeSecure(req.secure);
  const port = req.port !== undefined && req.port !== null && Number(req.port) > 0 ? Math.floor(Number(req.port)) : secure === 'yes' ? 993 : 143;
  const timeout = req.timeout !== undefined && req.timeout !== null && Number(req.timeout) > 0 ? Number(req.timeout) : 60;
  const spec: ConnectionSpec = {
    host: String(req.server ?? '').trim(),
    port,
    secure,
    username: String(req.username ?? ''),
    validateCertificate: req.validateCertificate !== false,
    timeout,
  };
  if (req.password !== undefined && req.password !== null) spec.password = String(req.password);
  if (present(req.accessToken)) spec.accessToken = String(req.accessToken);
  return spec;
}

/** Lucee-compatible checks of the tag's attributes (ImapUsageError), before any connection is made. */
function validate(action: ImapAction, req: ImapRequest): void {
  if (req.delimiter !== undefined && req.delimiter !== null && req.delimiter !== '' && (req.uid === undefined || req.uid === null)) {
    throw new ImapUsageError('must specify the attribute [uid] when the attribute delimiter is defined');
  }
  if ((action === 'open' || action === 'close') && !present(req.connection)) throw required('connection', action);
  if (action !== 'close' && !present(req.connection) && !present(req.server)) {
    throw new ImapUsageError('You need to define the attribute [connection] or [server].');
  }
  if (action === 'open' && !present(req.server)) throw required('server', action);
  if ((action === 'createfolder' || action === 'deletefolder' || action === 'renamefolder') && !present(req.folder)) throw required('folder', action);
  if ((action === 'renamefolder' || action === 'movemail') && !present(req.newFolder)) throw required('newFolder', action);
}

/** Options of runImapAction. */
export interface RunOptions {
  /**
   * Who the named connections and listings of this call belong to (see ImapOwner in pool.ts):
   * another owner never sees them. Default '' (one owner for all calls without this option).
   */
  owner?: ImapOwner;
}

/** Whether a request gives credentials (then a named connection must have been opened with exactly them). */
function givesCredentials(req: ImapRequest): boolean {
  return present(req.username) || (req.password !== undefined && req.password !== null) || present(req.accessToken);
}

/**
 * Runs one `<cfimap>` action. Returns the result table for getHeaderOnly, getAll and listAllFolders,
 * undefined otherwise. Throws ImapUsageError for mistakes in the tag and ImapError for server-side
 * failures (swallowed when stopOnError is false: the rows fetched before the failure are returned).
 */
export async function runImapAction(req: ImapRequest, pool: ImapPool, opts: RunOptions = {}): Promise<ImapTable | undefined> {
  const owner = opts.owner ?? '';
  const action = normalizeAction(req.action);
  validate(action, req);
  const name = present(req.connection) ? String(req.connection).trim() : undefined;
  // A named call that gives no server reuses the server of the connection it names (and its port,
  // unless the call gives one), so that credentials given alone are checked against that server.
  const known = name && !present(req.server) ? pool.serverOf(name, owner) : undefined;
  const spec = specOf(known ? { ...req, server: known.host, port: present(req.port) ? req.port : known.port } : req);
  const secrets = secretsOf(spec);
  const stopOnError = req.stopOnError !== false;

  if (action === 'delete' && (req.uid === undefined || req.uid === null) && (req.messageNumber === undefined || req.messageNumber === null)) {
    const folder = present(req.folder) ? String(req.folder).trim() : 'INBOX';
    throw new ImapError(
      'SELECTION_REQUIRED',
      `The attribute [uid] or [messageNumber] is required for action [delete]; refusing to delete every message in folder [${folder}].`,
      { folder },
    );
  }
  if (action === 'deletefolder' && isProtected(String(req.folder))) {
    throw new ImapError('PROTECTED_FOLDER', `Cannot delete folder [${String(req.folder).trim()}], this folder is protected.`, { folder: String(req.folder).trim() });
  }
  if (action === 'renamefolder') {
    if (isProtected(String(req.folder))) throw new ImapError('PROTECTED_FOLDER', `Cannot rename folder [${String(req.folder).trim()}], this folder is protected.`, { folder: String(req.folder).trim() });
    if (isProtected(String(req.newFolder))) throw new ImapError('PROTECTED_FOLDER', `Cannot rename folder to [${String(req.newFolder).trim()}], this folder name is protected.`, { folder: String(req.newFolder).trim() });
  }

  if (action === 'open') {
    await pool.open(name!, spec, owner);
    return undefined;
  }
  if (action === 'close') {
    await pool.close(name!, owner);
    return undefined;
  }

  // Per-call settings, computed per call and never stored on a pooled connection.
  const criteria = filtersToSearch(req.filters);
  const bounds = timeBounds(req.filters);
  const changes = action === 'delete' || action === 'markread' || action === 'movemail';
  const selection = selectionOf(req, changes);
  const folderKeyOf = folderKey(present(req.folder) ? String(req.folder) : 'INBOX');
  // Listings are kept per owner and connection: the connection name, or the transient server and user.
  const connKey = (s: ConnectionSpec) => `${name ? `n:${name.toLowerCase()}` : 't'}|${s.host.toLowerCase()}:${s.port}|${s.username}`;
  const attachmentDir = action === 'getall' && present(req.attachmentPath) ? await prepareAttachmentDir(String(req.attachmentPath)) : undefined;
  const folderName = present(req.folder) ? String(req.folder).trim() : 'INBOX';
  const rows: Record<string, unknown>[] = [];
  const columns = action === 'getall' ? [...ALL_COLUMNS] : [...HEADER_COLUMNS];

  const act = async (s: Session): Promise<ImapTable | undefined> => {
    const server = serverLabel(s.spec);
    const ctx: MessageContext = {
      client: s.client,
      server,
      folderName,
      lastWarning: s.lastWarning,
      action,
      listing: changes ? pool.listings.get(owner, connKey(s.spec), folderKeyOf) : undefined,
    };
    try {
      switch (action) {
        case 'getheaderonly':
        case 'getall': {
          const { uidValidity } = await readMessages(
            ctx,
            {
              selection,
              ...(criteria ? { criteria } : {}),
              withBodies: action === 'getall',
              ...(attachmentDir ? { attachmentDir } : {}),
              uniqueFilenames: req.generateUniqueFilenames === true,
              timeBounds: bounds,
            },
            rows,
          );
          pool.listings.set(owner, connKey(s.spec), folderKeyOf, listingOf(uidValidity, rows));
          return { columns, rows };
        }
        case 'delete':
          await deleteMessages(ctx, selection, criteria);
          return undefined;
        case 'markread':
          await markRead(ctx, hasExplicitSelector(selection) || present(req.startRow) || present(req.maxRows) ? selection : undefined, criteria);
          return undefined;
        case 'movemail':
          await moveMessages(ctx, selection, criteria, String(req.newFolder));
          return undefined;
        case 'listallfolders':
          return await listAllFolders(s.client, present(req.folder) ? String(req.folder) : undefined, req.recurse === true, server, {
            start: selection.kind === 'window' ? selection.start : 1,
            max: selection.kind === 'window' ? selection.max : undefined,
          });
        case 'createfolder':
          await createFolder(s.client, String(req.folder), server);
          return undefined;
        case 'deletefolder':
          await deleteFolder(s.client, String(req.folder), server);
          return undefined;
        case 'renamefolder':
          await renameFolder(s.client, String(req.folder), String(req.newFolder), server);
          return undefined;
        default:
          return undefined;
      }
    } catch (err) {
      if (err instanceof ImapUsageError) throw err;
      const errCtx = {
        server,
        username: s.spec.username,
        folder: action.endsWith('folder') || action === 'listallfolders' ? (present(req.folder) ? String(req.folder).trim() : undefined) : folderName,
        secrets,
        doing: action === 'getall' || action === 'getheaderonly' ? 'fetching messages' : `running action [${action}]`,
      };
      const mapped = toImapError(err, errCtx);
      // imapflow reports a socket timeout as an 'error' event and then fails the running command
      // with "Connection not available": say TIMEOUT, which is what happened.
      const cause = s.lastError() as { code?: string } | undefined;
      if (mapped.errorCode === 'CONNECTION' && cause && (cause.code === 'ETIMEOUT' || cause.code === 'ETIMEDOUT')) {
        throw toImapError(cause, errCtx);
      }
      throw mapped;
    }
  };

  try {
    if (name) {
      if (!pool.has(name, owner)) {
        if (!present(req.server)) throw new ImapError('NO_CONNECTION', `There is no connection available with name [${name}]`);
        await pool.open(name, spec, owner);
      } else if (!pool.matches(name, spec, owner)) {
        // A call that gives credentials is authenticated with them, and a call that names another
        // server goes there: reopen (AUTHENTICATION when the credentials fail).
        const other = pool.serverOf(name, owner);
        if (givesCredentials(req) || (other && (other.host.toLowerCase() !== spec.host.toLowerCase() || other.port !== spec.port))) {
          await pool.open(name, spec, owner);
        }
      }
      return await pool.runNamed(name, act, owner);
    }
    return await pool.runTransient(spec, act);
  } catch (err) {
    if (err instanceof ImapUsageError) throw err;
    const ie =
      err instanceof ImapError
        ? err
        : toImapError(err, { server: serverLabel(spec), username: spec.username, folder: folderName, secrets });
    if (!stopOnError && ie.errorCode !== 'NO_CONNECTION' && ie.errorCode !== 'SELECTION_REQUIRED' && ie.errorCode !== 'UNLISTED_MESSAGE') {
      if (action === 'getheaderonly' || action === 'getall') return { columns, rows };
      if (action === 'listallfolders') return { columns: ['FULLNAME', 'NAME', 'TOTALMESSAGES', 'UNREAD', 'PARENT', 'NEW'], rows: [] };
      return undefined;
    }
    // Secrets were scrubbed where foreign text entered the message (errors.ts scrub).
    throw ie;
  }
}
