/** Message actions: getHeaderOnly / getAll (read-only, one FETCH), delete, markRead, moveMail. */
import type { FetchQueryObject, ImapFlow, MailboxObject, SearchObject } from 'imapflow';
import { bodyColumns } from './body.js';
import { ImapError } from './errors.js';
import { delimiterOf, notFound, requireFolder, toServerPath } from './folders.js';
import type { Listing } from './listings.js';
import { headerRow } from './rows.js';
import { planFetch, resolveUids, toSequenceSet, type Selection } from './selection.js';

export interface MessageContext {
  client: ImapFlow;
  server: string;
  /** Folder attribute as given (for messages). */
  folderName: string;
  lastWarning(): unknown;
  /**
   * The last listing of this folder by the same owner on the same connection: message numbers of
   * delete / markRead / moveMail are translated through it (see listings.ts).
   */
  listing?: Listing | undefined;
  /** The action, for messages. */
  action?: string;
}

/**
 * The selection a modifying action may act on: message numbers become the UIDs the last listing
 * showed for them, after checking UIDVALIDITY; UNLISTED_MESSAGE when that is not possible. A
 * startRow/maxRows window (markRead, moveMail) means message numbers too, so it is translated the
 * same way: the listed messages numbered startRow to startRow + maxRows - 1 (those of them the
 * listing showed); with a filter the window counts matches in the live folder, which no listing can
 * tie to what the page saw, so it is refused. The whole folder (no startRow/maxRows) and UIDs are
 * returned unchanged.
 * @param filtered whether the action has filter criteria
 * @throws ImapError UNLISTED_MESSAGE
 */
export function changeSelection(ctx: MessageContext, sel: Selection, box: MailboxObject, filtered = false): Selection {
  const isWindow = sel.kind === 'window' && (sel.start > 1 || sel.max !== undefined);
  if (!isWindow && (sel.kind !== 'seq' || !sel.list.length)) return sel;
  const action = ctx.action ?? 'delete';
  const by = isWindow ? 'startRow/maxRows' : 'messageNumber';
  const where = `folder [${ctx.folderName}] on IMAP server [${ctx.server}]`;
  const fix = `Message numbers change when any client removes a message: list the folder (getHeaderOnly or getAll) on the same connection first, or select messages with the attribute [uid].`;
  const fail = (why: string) => new ImapError('UNLISTED_MESSAGE', `Refusing action [${action}] by ${by}: ${why}. ${fix}`, { server: ctx.server, folder: ctx.folderName });
  const l = ctx.listing;
  if (sel.kind === 'window') {
    if (filtered) throw fail(`with a filter, startRow/maxRows count the matching messages of the live ${where}, which a listing cannot tie to the messages the page showed`);
    if (!l) throw fail(`there is no listing of ${where} on this connection to say which messages rows [${sel.start}] and on are`);
    if (l.uidValidity !== box.uidValidity) throw fail(`${where} was recreated since it was listed (UIDVALIDITY changed)`);
    const last = sel.max === undefined ? Infinity : sel.start + sel.max - 1;
    const nums = [...l.uids.keys()].filter((n) => n >= sel.start && n <= last).sort((a, b) => a - b);
    return { kind: 'uid', list: nums.map((n) => l.uids.get(n)!) };
  }
  if (!l) throw fail(`there is no listing of ${where} on this connection to say which message [${sel.list[0]}] is`);
  if (l.uidValidity !== box.uidValidity) throw fail(`${where} was recreated since it was listed (UIDVALIDITY changed)`);
  const missing = sel.list.filter((n) => !l.uids.has(n));
  if (missing.length) throw fail(`message number [${missing.join(',')}] was not in the last listing of ${where}`);
  return { kind: 'uid', list: sel.list.map((n) => l.uids.get(n)!) };
}

/** SELECT (or EXAMINE when readOnly) the folder; a missing folder is FOLDER_NOT_FOUND. */
export async function openFolder(ctx: MessageContext, readOnly: boolean): Promise<MailboxObject> {
  const path = toServerPath(ctx.folderName, delimiterOf(ctx.client));
  try {
    return await ctx.client.mailboxOpen(path, { readOnly });
  } catch (err) {
    const e = err as { mailboxMissing?: boolean; serverResponseCode?: string };
    if (e.mailboxMissing || e.serverResponseCode === 'NONEXISTENT') throw notFound(ctx.folderName, ctx.server);
    throw err;
  }
}

export interface ReadOptions {
  selection: Selection;
  criteria?: SearchObject;
  withBodies: boolean;
  attachmentDir?: string;
  uniqueFilenames: boolean;
  timeBounds?: { received?: [Date?, Date?]; sent?: [Date?, Date?] };
}

function inBounds(d: unknown, b: [Date?, Date?] | undefined): boolean {
  if (!b) return true;
  if (!(d instanceof Date)) return false;
  if (b[0] && d < b[0]) return false;
  if (b[1] && d > b[1]) return false;
  return true;
}

/**
 * getHeaderOnly / getAll: EXAMINE, then ONE FETCH for all selected messages. Rows are pushed
 * into `out` as they are complete, so a failure leaves the rows fetched before it.
 */
export async function readMessages(ctx: MessageContext, o: ReadOptions, out: Record<string, unknown>[]): Promise<{ uidValidity: bigint }> {
  const box = await openFolder(ctx, true);
  const result = { uidValidity: box.uidValidity };
  const plan = await planFetch(ctx.client, o.selection, box.exists, o.criteria);
  if (!plan) return result;
  const query: FetchQueryObject = {
    uid: true,
    flags: true,
    envelope: true,
    size: true,
    internalDate: true,
    bodyStructure: true,
  };
  if (o.withBodies) query.source = true;
  else query.headers = true;

  const byKey = plan.order ? new Map<number, Record<string, unknown>>() : undefined;
  // attachment files written by this call: a later part never overwrites an earlier one
  const written = new Set<string>();
  try {
    for await (const msg of ctx.client.fetch(plan.range, query, { uid: plan.byUid })) {
      const row = headerRow(msg, o.withBodies ? msg.source : msg.headers);
      if (!inBounds(row.RXDDATE, o.timeBounds?.received) || !inBounds(row.SENTDATE, o.timeBounds?.sent)) continue;
      if (o.withBodies) {
        if (!msg.source) throw new ImapError('PROTOCOL', `The IMAP server [${ctx.server}] sent no source for message UID ${msg.uid} in folder [${ctx.folderName}].`, { server: ctx.server, folder: ctx.folderName });
        let body: Record<string, unknown>;
        try {
          body = await bodyColumns(msg.source, msg.bodyStructure, { attachmentDir: o.attachmentDir, uniqueFilenames: o.uniqueFilenames, written });
        } catch (err) {
          if (err instanceof ImapError) throw err;
          const m = (err as Error)?.message ?? String(err);
          const fsCode = (err as NodeJS.ErrnoException)?.code;
          throw new ImapError('PROTOCOL', `Cannot ${fsCode ? 'save the attachments of' : 'parse'} message UID ${msg.uid} in folder [${ctx.folderName}] on IMAP server [${ctx.server}]: ${m}`, {
            server: ctx.server,
            folder: ctx.folderName,
            detail: m,
          });
        }
        Object.assign(row, body);
      }
      if (byKey) byKey.set(plan.byUid ? msg.uid : msg.seq, row);
      else out.push(row);
    }
  } finally {
    if (byKey && plan.order) {
      const used = new Set<Record<string, unknown>>();
      for (const k of plan.order) {
        const r = byKey.get(k);
        if (!r) continue;
        out.push(used.has(r) ? { ...r } : r);
        used.add(r);
      }
    }
  }
  return result;
}

function commandFailed(ctx: MessageContext, what: string): ImapError {
  const w = ctx.lastWarning() as { responseText?: string; message?: string } | undefined;
  const why = w?.responseText || w?.message || 'the server refused the command';
  return new ImapError('PROTOCOL', `Cannot ${what} in folder [${ctx.folderName}] on IMAP server [${ctx.server}]: ${why}`, { server: ctx.server, folder: ctx.folderName, detail: why });
}

/**
 * Expunges exactly these UIDs. With UIDPLUS: UID EXPUNGE. Without it, \Deleted is taken off the
 * other messages that carry it for the time of a plain EXPUNGE, then put back.
 */
async function expungeExactly(ctx: MessageContext, uids: number[]): Promise<void> {
  if (!uids.length) return;
  const c = ctx.client;
  const set = toSequenceSet(uids);
  if (c.capabilities.has('UIDPLUS')) {
    if (!(await c.messageDelete(set, { uid: true }))) throw commandFailed(ctx, 'delete messages');
    return;
  }
  const mine = new Set(uids);
  const flagged = ((await c.search({ deleted: true }, { uid: true })) || []).filter((u) => !mine.has(u));
  const others = toSequenceSet(flagged);
  if (others) await c.messageFlagsRemove(others, ['\\Deleted'], { uid: true });
  try {
    if (!(await c.messageDelete(set, { uid: true }))) throw commandFailed(ctx, 'delete messages');
  } finally {
    if (others) await c.messageFlagsAdd(others, ['\\Deleted'], { uid: true });
  }
}

export async function deleteMessages(ctx: MessageContext, sel: Selection, criteria: SearchObject | undefined): Promise<void> {
  const box = await openFolder(ctx, false);
  const uids = await resolveUids(ctx.client, changeSelection(ctx, sel, box, criteria !== undefined), box.exists, criteria);
  await expungeExactly(ctx, uids);
}

export async function markRead(ctx: MessageContext, sel: Selection | undefined, criteria: SearchObject | undefined): Promise<void> {
  const box = await openFolder(ctx, false);
  if (box.exists === 0) return;
  if (!sel && !criteria) {
    if (!(await ctx.client.messageFlagsAdd('1:*', ['\\Seen']))) throw commandFailed(ctx, 'mark messages read');
    return;
  }
  const uids = await resolveUids(ctx.client, changeSelection(ctx, sel ?? { kind: 'window', start: 1, max: undefined }, box, criteria !== undefined), box.exists, criteria);
  if (!uids.length) return;
  if (!(await ctx.client.messageFlagsAdd(toSequenceSet(uids), ['\\Seen'], { uid: true }))) throw commandFailed(ctx, 'mark messages read');
}

/** MOVE when the server has it, else COPY then expunge exactly the copied UIDs. */
export async function moveMessages(ctx: MessageContext, sel: Selection, criteria: SearchObject | undefined, newFolder: string): Promise<void> {
  const delim = delimiterOf(ctx.client);
  const target = toServerPath(newFolder, delim);
  await requireFolder(ctx.client, target, newFolder, ctx.server);
  const box = await openFolder(ctx, false);
  const uids = await resolveUids(ctx.client, changeSelection(ctx, sel, box, criteria !== undefined), box.exists, criteria);
  if (!uids.length) return;
  const set = toSequenceSet(uids);
  if (ctx.client.capabilities.has('MOVE')) {
    if (!(await ctx.client.messageMove(set, target, { uid: true }))) throw commandFailed(ctx, `move messages to [${newFolder}]`);
    return;
  }
  const copied = await ctx.client.messageCopy(set, target, { uid: true });
  if (!copied) throw commandFailed(ctx, `copy messages to [${newFolder}]`);
  const done = copied.uidMap ? [...copied.uidMap.keys()] : uids;
  await expungeExactly(ctx, done);
}
