/** getAll: one message source through mailparser into the body columns (and attachment files). */
import { createHash } from 'node:crypto';
import { simpleParser, type Attachment, type ParsedMail } from 'mailparser';
import { saveAttachment, sanitizeFilename } from './attachments.js';
import { firstBodyKind } from './rows.js';
import type { MessageStructureObject } from 'imapflow';

export interface BodyOptions {
  /** Absolute real directory, or undefined: attachments are listed but not saved. */
  attachmentDir?: string;
  uniqueFilenames: boolean;
  /** File names (lower case) written so far by this call: shared by all messages of one getAll. */
  written?: Set<string>;
}

const PARSER_OPTIONS = {
  keepCidLinks: true,
  keepDeliveryStatus: true,
  skipHtmlToText: true,
  skipTextToHtml: true,
  skipImageLinks: true,
  skipTextLinks: true,
} as const;

function attachmentLabel(a: Attachment): string | undefined {
  if (a.filename) return sanitizeFilename(a.filename);
  const cid = stripCid(a.contentId);
  if (cid) return `cid:${cid}`;
  return undefined;
}

function stripCid(cid: string | undefined): string {
  return (cid ?? '').trim().replace(/^<|>$/g, '');
}

function asText(p: ParsedMail): string {
  return p.text ?? (typeof p.html === 'string' ? p.html : '');
}

/** Parses one message source; returns the 7 body columns. Throws when the MIME cannot be parsed. */
export async function bodyColumns(source: Buffer, bodyStructure: MessageStructureObject | undefined, opts: BodyOptions): Promise<Record<string, unknown>> {
  const parsed = await simpleParser(source, PARSER_OPTIONS);
  const text = parsed.text ?? '';
  const html = typeof parsed.html === 'string' ? parsed.html : '';
  let dsn = '';
  let attachedMessage: Attachment | undefined;
  const names: string[] = [];
  const files: string[] = [];
  const cids: Record<string, string> = {};
  for (const a of parsed.attachments) {
    const ct = (a.contentType ?? '').toLowerCase();
    if (ct === 'message/delivery-status' && !a.filename) {
      if (!dsn) dsn = a.content.toString('utf8');
      continue;
    }
    if (ct === 'message/rfc822' && !attachedMessage) attachedMessage = a;
    const label = attachmentLabel(a);
    if (!label) continue;
    names.push(label);
    const cid = stripCid(a.contentId);
    if (cid) cids[label] = cid;
    if (opts.attachmentDir) {
      // A part with only a Content-ID is saved as "_" + md5("cid:<id>") (Lucee's naming).
      const fileName = a.filename ? label : '_' + createHash('md5').update(label).digest('hex');
      files.push(await saveAttachment(opts.attachmentDir, fileName, a.content, opts.uniqueFilenames, opts.written));
    }
  }
  let body: string;
  switch (firstBodyKind(bodyStructure)) {
    case 'text':
      body = text;
      break;
    case 'html':
      body = html;
      break;
    case 'dsn':
      body = dsn;
      break;
    default:
      body = text || html || dsn;
  }
  if (!body && attachedMessage) {
    body = asText(await simpleParser(attachedMessage.content, PARSER_OPTIONS));
  }
  return {
    BODY: body,
    TEXTBODY: text,
    HTMLBODY: html,
    ATTACHMENTS: names.join('\t'),
    ATTACHMENTFILES: files.join('\t'),
    CIDS: cids,
    DELIVERYSTATUS: dsn,
  };
}
