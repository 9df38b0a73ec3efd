/** Which messages an action works on: uid > messageNumber > startRow/maxRows, plus filters. */
import type { ImapFlow, SearchObject } from 'imapflow';
import { ImapUsageError } from './errors.js';

export type Selection =
  | { kind: 'uid'; list: number[] }
  | { kind: 'seq'; list: number[] }
  | { kind: 'window'; start: number; max: number | undefined };

const MAX_ID = 4294967295;

function toIds(tokens: string[]): number[] {
  const out: number[] = [];
  for (const t of tokens) {
    const s = t.trim();
    if (!/^\d+$/.test(s)) continue;
    const n = Number(s);
    if (n >= 1 && n <= MAX_ID) out.push(n);
  }
  return out;
}

/**
 * Like toIds, but every non-empty entry must be a whole number from 1 to 4294967295: anything else
 * is an ImapUsageError naming the attribute (used by the actions that change mail, where a
 * silently dropped entry would make the call a no-op the page cannot notice).
 */
function strictIds(tokens: string[], attr: 'uid' | 'messageNumber'): number[] {
  const out: number[] = [];
  for (const t of tokens) {
    const s = t.trim();
    if (s === '') continue;
    const n = /^\d+$/.test(s) ? Number(s) : NaN;
    if (!(n >= 1 && n <= MAX_ID)) {
      throw new ImapUsageError(
        `Invalid value [${s}] in attribute [${attr}]: ${attr === 'uid' ? 'a UID' : 'a message number'} is a whole number from 1 to ${MAX_ID}; give a list such as [101,103] (ranges like [1:3] are not accepted).`,
      );
    }
    out.push(n);
  }
  return out;
}

function splitUids(uid: string, delimiter = ','): string[] {
  const chars = [...(delimiter || ',')].map((c) => c.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('');
  return uid.split(new RegExp(`[${chars}]`));
}

/** Splits on every character of `delimiter` (Lucee: each char is a separator). */
export function parseUidList(uid: string, delimiter = ','): number[] {
  return toIds(splitUids(uid, delimiter));
}

export function parseSeqList(list: string): number[] {
  return toIds(list.split(','));
}

/**
 * The selection of a request. Reading actions drop invalid entries silently (Lucee); with
 * `strict` (delete, markRead, moveMail) an invalid entry is an ImapUsageError.
 */
export function selectionOf(req: { uid?: string; messageNumber?: string; delimiter?: string; startRow?: number; maxRows?: number }, strict = false): Selection {
  if (req.uid !== undefined && req.uid !== null) {
    const parts = splitUids(String(req.uid), req.delimiter);
    return { kind: 'uid', list: strict ? strictIds(parts, 'uid') : toIds(parts) };
  }
  if (req.messageNumber !== undefined && req.messageNumber !== null) {
    const parts = String(req.messageNumber).split(',');
    return { kind: 'seq', list: strict ? strictIds(parts, 'messageNumber') : toIds(parts) };
  }
  const start = Math.max(1, Math.floor(Number(req.startRow ?? 1)) || 1);
  const mr = req.maxRows === undefined || req.maxRows === null ? undefined : Math.floor(Number(req.maxRows));
  return { kind: 'window', start, max: mr === undefined || Number.isNaN(mr) || mr < 0 ? undefined : mr };
}

export function hasExplicitSelector(sel: Selection): boolean {
  return sel.kind !== 'window';
}

/** Sorted unique numbers as an IMAP sequence set, with ranges ("1:3,7"). '' for none. */
export function toSequenceSet(nums: Iterable<number>): string {
  const sorted = [...new Set(nums)].sort((a, b) => a - b);
  const parts: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}:${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** The sequence range of a window over `exists` messages, or undefined when it is empty. */
export function windowRange(sel: { start: number; max: number | undefined }, exists: number): [number, number] | undefined {
  if (sel.max === 0 || sel.start > exists) return undefined;
  const end = sel.max === undefined ? exists : Math.min(exists, sel.start + sel.max - 1);
  return [sel.start, end];
}

/**
 * A plan for one FETCH: the range, whether it is by UID, and how to order (and repeat) the
 * fetched messages. `order` lists keys (uid or seq) in output order; undefined = fetch order.
 */
export interface FetchPlan {
  range: string;
  byUid: boolean;
  order?: number[];
}

/**
 * Resolves a selection (and optional SEARCH criteria) into one FETCH plan for the open mailbox.
 * Without criteria no extra command is sent. Returns undefined when nothing is selected.
 */
export async function planFetch(client: ImapFlow, sel: Selection, exists: number, criteria: SearchObject | undefined): Promise<FetchPlan | undefined> {
  if (exists === 0) return undefined;
  if (sel.kind === 'uid') {
    let list = sel.list;
    if (criteria && list.length) {
      const found = await searchOrThrow(client, { ...criteria, uid: toSequenceSet(list) }, true);
      const ok = new Set(found);
      list = list.filter((u) => ok.has(u));
    }
    if (!list.length) return undefined;
    return { range: toSequenceSet(list), byUid: true, order: list };
  }
  if (sel.kind === 'seq') {
    let list = sel.list.filter((n) => n <= exists);
    if (criteria && list.length) {
      const found = await searchOrThrow(client, { ...criteria, seq: toSequenceSet(list) }, false);
      const ok = new Set(found);
      list = list.filter((n) => ok.has(n));
    }
    if (!list.length) return undefined;
    return { range: toSequenceSet(list), byUid: false, order: list };
  }
  if (criteria) {
    const found = (await searchOrThrow(client, criteria, false)).sort((a, b) => a - b);
    const w = windowRange(sel, found.length);
    if (!w) return undefined;
    const picked = found.slice(w[0] - 1, w[1]);
    return picked.length ? { range: toSequenceSet(picked), byUid: false } : undefined;
  }
  const w = windowRange(sel, exists);
  if (!w) return undefined;
  return { range: `${w[0]}:${w[1]}`, byUid: false };
}

/** The UIDs a modifying action works on, in ascending order (one SEARCH). */
export async function resolveUids(client: ImapFlow, sel: Selection, exists: number, criteria: SearchObject | undefined): Promise<number[]> {
  if (exists === 0) return [];
  let query: SearchObject;
  if (sel.kind === 'uid') {
    if (!sel.list.length) return [];
    query = { ...criteria, uid: toSequenceSet(sel.list) };
  } else if (sel.kind === 'seq') {
    const list = sel.list.filter((n) => n <= exists);
    if (!list.length) return [];
    query = { ...criteria, seq: toSequenceSet(list) };
  } else if (criteria) {
    const seqs = (await searchOrThrow(client, criteria, false)).sort((a, b) => a - b);
    const w = windowRange(sel, seqs.length);
    if (!w) return [];
    const picked = seqs.slice(w[0] - 1, w[1]);
    if (!picked.length) return [];
    query = { seq: toSequenceSet(picked) };
  } else {
    const w = windowRange(sel, exists);
    if (!w) return [];
    query = { seq: `${w[0]}:${w[1]}` };
  }
  return (await searchOrThrow(client, query, true)).sort((a, b) => a - b);
}

async function searchOrThrow(client: ImapFlow, query: SearchObject, uid: boolean): Promise<number[]> {
  const r = await client.search(query, { uid });
  if (r === false || r === undefined) {
    const err = new Error('SEARCH failed') as Error & { code?: string };
    err.code = 'SearchFailed';
    throw err;
  }
  return r;
}
