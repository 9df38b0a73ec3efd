/**
 * The actions of `<cfpop>`: getHeaderOnly, getAll, delete. Rows have Lucee's cfpop columns.
 * Selection: uid (UIDL values) > messageNumber > startRow/maxRows. delete needs uid or
 * messageNumber (as cfimap's does) and deletes only those: the DELEs are committed by QUIT only
 * after all of them succeeded; any failure closes without QUIT, so nothing is deleted.
 * Attachments follow cfimap's rules (sanitised names, only inside attachmentPath).
 */
import { simpleParser, type AddressObject } from 'mailparser';
import { PopClient, PopError } from './client.js';
import { bodyColumns } from '../imap/body.js';
import { headerText } from '../imap/rows.js';
import { formatAddressList } from '../imap/addresses.js';
import { prepareDirectory } from '../../runtime/safe-save.js';
import { scrub } from '../../runtime/secrets.js';

/** getHeaderOnly columns (Lucee's cfpop, in Lucee's order). */
export const POP_HEADER_COLUMNS = ['DATE', 'FROM', 'MESSAGENUMBER', 'MESSAGEID', 'REPLYTO', 'SUBJECT', 'CC', 'TO', 'SIZE', 'HEADER', 'UID'] as const;
/** Columns getAll adds. */
export const POP_BODY_COLUMNS = ['BODY', 'TEXTBODY', 'HTMLBODY', 'ATTACHMENTS', 'ATTACHMENTFILES', 'CIDS'] as const;

export interface PopRequest {
  action: 'getheaderonly' | 'getall' | 'delete';
  server: string;
  port?: number;
  username: string;
  password: string;
  secure: 'yes' | 'no' | 'starttls';
  validateCertificate: boolean;
  /** Seconds. */
  timeout: number;
  uid?: string;
  messageNumber?: string;
  delimiter: string;
  startRow?: number;
  maxRows?: number;
  /** Absolute path; created when missing. */
  attachmentPath?: string;
  generateUniqueFilenames: boolean;
}

export interface PopTable {
  columns: string[];
  rows: Record<string, unknown>[];
}

/** A mistake in the tag; the CFML layer raises it as type "Application". */
export class PopUsageError extends Error {}

function listOf(v: string | undefined, delimiter: string): string[] {
  return (v ?? '').split(delimiter || ',').map((s) => s.trim()).filter(Boolean);
}

/** The message numbers a request selects, in server order. */
function select(req: PopRequest, all: Array<{ n: number; size: number }>, uids: Map<number, string> | undefined): number[] {
  if (req.uid !== undefined) {
    const wanted = new Set(listOf(req.uid, req.delimiter));
    return all.filter((m) => wanted.has(uids?.get(m.n) ?? '')).map((m) => m.n);
  }
  if (req.messageNumber !== undefined) {
    const wanted = new Set(listOf(req.messageNumber, ',').map(Number));
    return all.filter((m) => wanted.has(m.n)).map((m) => m.n);
  }
  const start = Math.max(1, Math.floor(req.startRow ?? 1));
  const max = req.maxRows !== undefined && req.maxRows >= 0 ? Math.floor(req.maxRows) : Infinity;
  return all.slice(start - 1, max === Infinity ? undefined : start - 1 + max).map((m) => m.n);
}

const addresses = (a: AddressObject | AddressObject[] | undefined): string =>
  formatAddressList((Array.isArray(a) ? a : a ? [a] : []).flatMap((x) => x.value.map((v) => ({ name: v.name, address: v.address }))));

async function headerRow(n: number, size: number, uid: string, source: Buffer): Promise<Record<string, unknown>> {
  const h = await simpleParser(source, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true, skipTextLinks: true });
  const from = addresses(h.from);
  return {
    DATE: h.date ?? '',
    FROM: from,
    MESSAGENUMBER: n,
    MESSAGEID: h.messageId ?? '',
    REPLYTO: addresses(h.replyTo) || from,
    SUBJECT: h.subject ?? '',
    CC: addresses(h.cc),
    TO: addresses(h.to),
    SIZE: size,
    HEADER: headerText(source),
    UID: uid,
  };
}

/**
 * Runs one `<cfpop>` action. Returns the rows for getHeaderOnly/getAll. Throws PopUsageError for
 * tag mistakes (before connecting) and PopError for server failures; no message or detail
 * contains the password.
 */
export async function runPopAction(req: PopRequest): Promise<PopTable | undefined> {
  if (!req.server.trim()) throw new PopUsageError('Attribute [server] is required for tag [cfpop]');
  if (req.action === 'delete' && req.uid === undefined && req.messageNumber === undefined) {
    throw new PopError('SELECTION_REQUIRED', 'The attribute [uid] or [messageNumber] is required for action [delete]; refusing to delete every message of the mailbox.');
  }
  const secrets = [req.password];
  const port = req.port && req.port > 0 ? req.port : req.secure === 'yes' ? 995 : 110;
  const attachmentDir = req.action === 'getall' && req.attachmentPath ? await prepareDirectory(req.attachmentPath, (m) => new PopUsageError(m)) : undefined;
  let client: PopClient | undefined;
  try {
    client = await PopClient.connect({ host: req.server.trim(), port, secure: req.secure, validateCertificate: req.validateCertificate, timeoutMs: Math.max(1, req.timeout) * 1000 });
    await client.login(req.username, req.password);
    const all = await client.list();
    const needUids = req.uid !== undefined || req.action !== 'delete';
    const uids = needUids && all.length ? await client.uidl() : undefined;
    const chosen = select(req, all, uids);
    if (req.action === 'delete') {
      for (const n of chosen) await client.dele(n);
      await client.quit();
      client = undefined;
      return undefined;
    }
    const columns = req.action === 'getall' ? [...POP_HEADER_COLUMNS, ...POP_BODY_COLUMNS] : [...POP_HEADER_COLUMNS];
    const sizes = new Map(all.map((m) => [m.n, m.size]));
    const rows: Record<string, unknown>[] = [];
    for (const n of chosen) {
      const source = req.action === 'getall' ? await client.retr(n) : await client.top(n);
      const row = await headerRow(n, sizes.get(n) ?? 0, uids?.get(n) ?? '', source);
      if (req.action === 'getall') {
        const body = await bodyColumns(source, undefined, { ...(attachmentDir ? { attachmentDir } : {}), uniqueFilenames: req.generateUniqueFilenames });
        for (const c of POP_BODY_COLUMNS) row[c] = body[c];
      }
      rows.push(row);
    }
    await client.quit();
    client = undefined;
    return { columns, rows };
  } catch (e) {
    client?.abort();
    if (e instanceof PopError) throw new PopError(e.errorCode, scrub(e.message, secrets), scrub(e.detail, secrets));
    if (e instanceof PopUsageError) throw e;
    throw new PopError('PROTOCOL', scrub(`POP3 failure on [${req.server}:${port}]: ${(e as Error).message ?? String(e)}`, secrets));
  }
}
