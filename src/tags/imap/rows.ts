/** Building result rows from imapflow FETCH data. */
import type { FetchMessageObject, MessageStructureObject } from 'imapflow';
import { formatAddressList } from './addresses.js';

/** Header block as `Name: value` lines (folding removed), each ending in LF. */
export function headerText(raw: Buffer | string | undefined): string {
  if (!raw) return '';
  let s = typeof raw === 'string' ? raw : raw.toString('utf8');
  const end = s.search(/\r?\n\r?\n/);
  if (end >= 0) s = s.slice(0, end);
  const lines = s.replace(/\r\n/g, '\n').replace(/\n[ \t]+/g, ' ').split('\n');
  return lines.filter((l) => l.length > 0).map((l) => l + '\n').join('');
}

function toDate(v: unknown): Date | '' {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v;
  if (typeof v === 'string' && v) {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? '' : d;
  }
  return '';
}

/** Line count as JavaMail reports it: from BODYSTRUCTURE for a text body, -1 when unknown. */
function lineCount(bs: MessageStructureObject | undefined): number {
  if (bs && typeof bs.lineCount === 'number') return bs.lineCount;
  return -1;
}

export function headerRow(msg: FetchMessageObject, headerSource: Buffer | string | undefined): Record<string, unknown> {
  const env = msg.envelope ?? {};
  const flags = msg.flags ?? new Set<string>();
  const has = (f: string): boolean => flags.has(f);
  const from = formatAddressList(env.from);
  const replyTo = formatAddressList(env.replyTo) || from;
  const date = toDate(env.date);
  return {
    DATE: date,
    FROM: from,
    MESSAGENUMBER: msg.seq,
    MESSAGEID: env.messageId ?? '',
    REPLYTO: replyTo,
    SUBJECT: env.subject ?? '',
    CC: formatAddressList(env.cc),
    TO: formatAddressList(env.to),
    SIZE: msg.size ?? 0,
    HEADER: headerText(headerSource),
    UID: String(msg.uid),
    ANSWERED: has('\\Answered'),
    DELETED: has('\\Deleted'),
    DRAFT: has('\\Draft'),
    FLAGGED: has('\\Flagged'),
    RECENT: has('\\Recent'),
    SEEN: has('\\Seen'),
    SENTDATE: date,
    RXDDATE: toDate(msg.internalDate),
    LINES: lineCount(msg.bodyStructure),
  };
}

/** Which text kind comes first depth-first (not inside attached messages). */
export function firstBodyKind(bs: MessageStructureObject | undefined): 'text' | 'html' | 'dsn' | undefined {
  if (!bs) return undefined;
  const type = (bs.type ?? '').toLowerCase();
  const hasName = !!(bs.dispositionParameters?.filename || bs.parameters?.name);
  const isAttachment = (bs.disposition ?? '').toLowerCase() === 'attachment' || hasName;
  if (type === 'text/plain' && !isAttachment) return 'text';
  if (type === 'text/html' && !isAttachment) return 'html';
  if (type === 'message/delivery-status') return 'dsn';
  if (type.startsWith('multipart/')) {
    for (const c of bs.childNodes ?? []) {
      const k = firstBodyKind(c);
      if (k) return k;
    }
  }
  return undefined;
}
