/** Folder actions: listAllFolders, createFolder, deleteFolder, renameFolder (server delimiter aware). */
import type { ImapFlow, ListResponse } from 'imapflow';
import { ImapError } from './errors.js';
import type { ImapTable } from './types.js';
import { FOLDER_COLUMNS } from './types.js';

const PROTECTED = new Set(['inbox', 'outbox']);

export function isProtected(name: string): boolean {
  return PROTECTED.has(name.trim().toLowerCase());
}

/** The server's hierarchy delimiter (from NAMESPACE / LIST), '/' when unknown. */
export function delimiterOf(client: ImapFlow): string {
  return client.namespace?.delimiter || '/';
}

/** Folder attribute -> server path: trimmed, '/' translated to the server delimiter, no trailing delimiter. */
export function toServerPath(name: string, delimiter: string): string {
  let p = name.trim();
  if (delimiter && delimiter !== '/') p = p.split('/').join(delimiter);
  while (delimiter && p.length > 1 && p.endsWith(delimiter)) p = p.slice(0, -delimiter.length);
  if (p.toUpperCase() === 'INBOX') p = 'INBOX';
  return p;
}

function isNoselect(f: ListResponse): boolean {
  for (const fl of f.flags) {
    const u = fl.toLowerCase();
    if (u === '\\noselect' || u === '\\nonexistent') return true;
  }
  return false;
}

function isNonexistent(f: ListResponse): boolean {
  for (const fl of f.flags) if (fl.toLowerCase() === '\\nonexistent') return true;
  return false;
}

function samePath(a: string, b: string): boolean {
  return a === b || (a.toUpperCase() === 'INBOX' && b.toUpperCase() === 'INBOX');
}

export async function listFolders(client: ImapFlow, withStatus = false): Promise<ListResponse[]> {
  const list = await client.list(withStatus ? { statusQuery: { messages: true, unseen: true, recent: true } } : {});
  return list;
}

export function findFolder(list: ListResponse[], path: string): ListResponse | undefined {
  return list.find((f) => samePath(f.path, path) && !isNonexistent(f));
}

export function notFound(name: string, server: string): ImapError {
  return new ImapError('FOLDER_NOT_FOUND', `There is no folder with name [${name}].`, { server, folder: name, detail: `IMAP server [${server}]` });
}

/** Throws FOLDER_NOT_FOUND unless the folder exists. */
export async function requireFolder(client: ImapFlow, path: string, shownName: string, server: string): Promise<ListResponse> {
  const f = findFolder(await listFolders(client), path);
  if (!f) throw notFound(shownName, server);
  return f;
}

function sortSiblings(list: ListResponse[]): ListResponse[] {
  return [...list].sort((a, b) => {
    const ai = a.path.toUpperCase() === 'INBOX' ? 0 : 1;
    const bi = b.path.toUpperCase() === 'INBOX' ? 0 : 1;
    if (ai !== bi) return ai - bi;
    return a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.name.localeCompare(b.name);
  });
}

/**
 * listAllFolders. Selectable folders under `root` ('' = top level). `\Noselect` containers are not
 * listed themselves, but their selectable children are (at the container's level); `recurse`
 * walks depth-first, every child straight after its parent.
 */
export async function listAllFolders(client: ImapFlow, rootAttr: string | undefined, recurse: boolean, server: string, window: { start: number; max: number | undefined }): Promise<ImapTable> {
  const delim = delimiterOf(client);
  const all = await listFolders(client, true);
  let root = '';
  if (rootAttr !== undefined && rootAttr.trim() !== '') {
    root = toServerPath(rootAttr, delim);
    if (!findFolder(all, root)) throw notFound(rootAttr, server);
  }
  const children = new Map<string, ListResponse[]>();
  for (const f of all) {
    if (isNonexistent(f) && !all.some((g) => g.parentPath === f.path)) continue;
    const key = f.parentPath ?? '';
    const arr = children.get(key) ?? [];
    arr.push(f);
    children.set(key, arr);
  }
  const rows: Record<string, unknown>[] = [];
  const walk = (parent: string, depth: number): void => {
    if (depth > 64) return;
    for (const f of sortSiblings(children.get(parent) ?? [])) {
      if (isNoselect(f)) {
        walk(f.path, depth + 1);
        continue;
      }
      rows.push({
        FULLNAME: f.path,
        NAME: f.name,
        TOTALMESSAGES: f.status?.messages ?? 0,
        UNREAD: f.status?.unseen ?? 0,
        PARENT: f.parent.length ? f.parent[f.parent.length - 1] : '',
        NEW: f.status?.recent ?? 0,
      });
      if (recurse) walk(f.path, depth + 1);
    }
  };
  walk(root, 0);
  const start = Math.max(1, window.start);
  const sliced = rows.slice(start - 1, window.max === undefined ? undefined : start - 1 + window.max);
  return { columns: [...FOLDER_COLUMNS], rows: sliced };
}

export async function createFolder(client: ImapFlow, name: string, server: string): Promise<void> {
  const delim = delimiterOf(client);
  const path = toServerPath(name, delim);
  const all = await listFolders(client);
  if (findFolder(all, path)) {
    throw new ImapError('FOLDER_EXISTS', `Cannot create imap folder [${name}], the folder already exists.`, { server, folder: name });
  }
  await createMissingParents(client, path, delim, all);
  await client.mailboxCreate(path);
}

async function createMissingParents(client: ImapFlow, path: string, delim: string, all: ListResponse[]): Promise<void> {
  const parts = path.split(delim);
  for (let i = 1; i < parts.length; i++) {
    const prefix = parts.slice(0, i).join(delim);
    if (!prefix || findFolder(all, prefix)) continue;
    await client.mailboxCreate(prefix);
  }
}

export async function deleteFolder(client: ImapFlow, name: string, server: string): Promise<void> {
  const delim = delimiterOf(client);
  const path = toServerPath(name, delim);
  const all = await listFolders(client);
  if (!findFolder(all, path)) throw notFound(name, server);
  const prefix = path + delim;
  const doomed = all
    .filter((f) => f.path.startsWith(prefix) && !isNonexistent(f))
    .sort((a, b) => b.path.split(delim).length - a.path.split(delim).length);
  for (const f of doomed) {
    await client.mailboxDelete(f.path).catch((err: unknown) => {
      if (!isNoselect(f)) throw err; // a container may vanish with its last child
    });
  }
  try {
    await client.mailboxDelete(path);
  } catch (err) {
    const still = findFolder(await listFolders(client), path);
    if (still) throw err;
  }
}

export async function renameFolder(client: ImapFlow, name: string, newName: string, server: string): Promise<void> {
  const delim = delimiterOf(client);
  const from = toServerPath(name, delim);
  const to = toServerPath(newName, delim);
  const all = await listFolders(client);
  if (!findFolder(all, from)) throw notFound(name, server);
  if (findFolder(all, to)) throw new ImapError('FOLDER_EXISTS', `There is already a folder with name [${newName}].`, { server, folder: newName });
  await createMissingParents(client, to, delim, all);
  await client.mailboxRename(from, to);
}
