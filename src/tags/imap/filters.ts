/** `<cfimapfilter>` children become one server-side IMAP SEARCH. */
import type { SearchObject } from 'imapflow';
import { ImapUsageError } from './errors.js';
import type { ImapFilter } from './types.js';

const FLAG_QUERIES: Record<string, SearchObject> = {
  SEEN: { seen: true },
  UNSEEN: { seen: false },
  ANSWERED: { answered: true },
  UNANSWERED: { answered: false },
  FLAGGED: { flagged: true },
  UNFLAGGED: { flagged: false },
  DELETED: { deleted: true },
  UNDELETED: { deleted: false },
  DRAFT: { draft: true },
  UNDRAFT: { draft: false },
  RECENT: { recent: true },
  NEW: { new: true },
  OLD: { old: true },
};

function dayAfter(d: Date): Date {
  return new Date(d.getTime() + 24 * 3600 * 1000);
}

/** AND of all filters; undefined when there are none. Date ranges are whole days (IMAP SEARCH). */
export function filtersToSearch(filters: ImapFilter[] | undefined): SearchObject | undefined {
  if (!filters || !filters.length) return undefined;
  const q: SearchObject = {};
  const extra: SearchObject[] = [];
  for (const f of filters) {
    const name = String(f.name).toLowerCase();
    switch (name) {
      case 'subject':
      case 'from':
      case 'to': {
        if (f.value === undefined || f.value === '') throw new ImapUsageError(`Attribute [value] for tag [ImapFilter] is required if attribute name has the value [${name}]`);
        if (q[name] === undefined) q[name] = f.value;
        else extra.push({ [name]: f.value });
        break;
      }
      case 'flag': {
        for (const v of String(f.value ?? '').split(',').map((s) => s.trim().toUpperCase()).filter(Boolean)) {
          const fq = FLAG_QUERIES[v.replace(/^\\/, '')];
          if (!fq) throw new ImapUsageError(`Invalid value [${v}] for attribute [value] of tag [ImapFilter], valid values are [${Object.keys(FLAG_QUERIES).join(',')}]`);
          Object.assign(q, fq);
        }
        break;
      }
      case 'timereceived':
      case 'timesent': {
        if (!f.from && !f.to) throw new ImapUsageError(`Attribute [from] or [to] for tag [ImapFilter] is required if attribute name has the value [${name}]`);
        const sent = name === 'timesent';
        if (f.from) q[sent ? 'sentSince' : 'since'] = f.from;
        if (f.to) q[sent ? 'sentBefore' : 'before'] = dayAfter(f.to);
        break;
      }
      default:
        throw new ImapUsageError(`Invalid value [${f.name}] for attribute [name] of tag [ImapFilter], valid values are [subject,from,to,flag,timeReceived,timeSent]`);
    }
  }
  // Several filters on one field must all match; SEARCH keys are ANDed, and imapflow's object
  // form has one key per field, so chain the extra ones as NOT (NOT (a AND NOT (NOT b ...))).
  let cur: SearchObject = q;
  for (const e of extra) {
    const next: SearchObject = { ...e };
    cur.not = { not: next };
    cur = next;
  }
  return q;
}

/** Exact time bounds, applied to fetched rows after the (day-granular) SEARCH. */
export function timeBounds(filters: ImapFilter[] | undefined): { received?: [Date?, Date?]; sent?: [Date?, Date?] } {
  const out: { received?: [Date?, Date?]; sent?: [Date?, Date?] } = {};
  for (const f of filters ?? []) {
    const name = String(f.name).toLowerCase();
    if (name === 'timereceived') out.received = [f.from, f.to];
    if (name === 'timesent') out.sent = [f.from, f.to];
  }
  return out;
}
