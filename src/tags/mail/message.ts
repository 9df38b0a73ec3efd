/**
 * One mail of `<cfmail>` as data: addresses, subject, body parts, attachments and headers, checked
 * before anything is sent. A line break in a header value (subject, an address, a cfmailparam
 * header) is refused: it would let page input add headers or recipients (header injection).
 */
import * as nodePath from 'node:path';

/** `<cfmailparam>`: a header (name/value) or an attachment (file or content). */
export interface MailParam {
  name?: string;
  value?: string;
  /** Absolute path of a file to attach. */
  file?: string;
  /** Attachment bytes (content=). */
  content?: Buffer | string;
  /** The attachment's name as the recipient sees it. */
  fileName?: string;
  disposition?: 'attachment' | 'inline';
  contentID?: string;
  type?: string;
  /** Delete the file after a successful send. */
  remove?: boolean;
}

/** `<cfmailpart type="text|html">`. */
export interface MailPart {
  type: 'text' | 'html';
  content: string;
  charset?: string;
  wrapText?: number;
}

/** What the tag hands to the sender for one mail. */
export interface MailSpec {
  from: string;
  to: string;
  cc?: string;
  bcc?: string;
  replyTo?: string;
  /** Envelope sender for bounces (failTo). */
  failTo?: string;
  subject: string;
  text?: string;
  html?: string;
  charset: string;
  mailerId?: string;
  /** 1 (highest) .. 5 (lowest). */
  priority?: number;
  headers: Array<{ name: string; value: string }>;
  attachments: MailParam[];
}

/** A mistake in the tag (not a server failure). */
export class MailUsageError extends Error {}

/** Refuses CR/LF (and other control characters but TAB) in a header value. */
export function checkHeaderValue(what: string, v: string | undefined): void {
  if (v !== undefined && /[\r\n\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v)) {
    throw new MailUsageError(`${what} contains a line break or control character; it is refused because it could add mail headers (header injection)`);
  }
}

/** Lucee's priority words and numbers -> 1..5. */
export function priorityOf(v: string | undefined): number | undefined {
  if (v === undefined || v.trim() === '') return undefined;
  const s = v.trim().toLowerCase();
  const words: Record<string, number> = { highest: 1, urgent: 1, high: 2, normal: 3, low: 4, lowest: 5, 'non-urgent': 5 };
  if (s in words) return words[s];
  const n = Number(s);
  if (Number.isInteger(n) && n >= 1 && n <= 5) return n;
  throw new MailUsageError(`invalid value [${v}] for attribute [priority], valid values are [highest, urgent, high, normal, low, lowest, non-urgent, 1-5]`);
}

/**
 * Wraps lines longer than `width` at the last space or tab before it (or hard at `width`), as
 * Lucee's wraptext.
 */
export function wrapText(text: string, width: number): string {
  if (!(width > 0)) return text;
  return text
    .split(/\r?\n/)
    .map((line) => {
      const out: string[] = [];
      let rest = line;
      while (rest.length > width) {
        const cut = Math.max(rest.lastIndexOf(' ', width), rest.lastIndexOf('\t', width));
        if (cut > 0) {
          out.push(rest.slice(0, cut));
          rest = rest.slice(cut + 1);
        } else {
          out.push(rest.slice(0, width));
          rest = rest.slice(width);
        }
      }
      out.push(rest);
      return out.join('\n');
    })
    .join('\n');
}

/** Checks every header-bound value of a mail; throws MailUsageError. */
export function validateMail(m: MailSpec): void {
  if (!m.from.trim()) throw new MailUsageError('the mail has no sender: set the attribute [from] (or a default "from" in the server settings)');
  if (![m.to, m.cc, m.bcc].some((x) => x && x.trim())) throw new MailUsageError('the mail has no recipient: the attribute [to] is empty');
  checkHeaderValue('The attribute [subject]', m.subject);
  checkHeaderValue('The attribute [from]', m.from);
  checkHeaderValue('The attribute [to]', m.to);
  checkHeaderValue('The attribute [cc]', m.cc);
  checkHeaderValue('The attribute [bcc]', m.bcc);
  checkHeaderValue('The attribute [replyTo]', m.replyTo);
  checkHeaderValue('The attribute [failTo]', m.failTo);
  checkHeaderValue('The attribute [mailerID]', m.mailerId);
  for (const h of m.headers) {
    if (!/^[!-9;-~]+$/.test(h.name)) throw new MailUsageError(`invalid mail header name [${h.name}]`);
    checkHeaderValue(`The value of the header [${h.name}]`, h.value);
  }
  for (const a of m.attachments) {
    checkHeaderValue('The attribute [contentID] of <cfmailparam>', a.contentID);
    checkHeaderValue('The attribute [type] of <cfmailparam>', a.type);
    checkHeaderValue('The attribute [fileName] of <cfmailparam>', a.fileName);
    if (a.file && !nodePath.isAbsolute(a.file)) throw new MailUsageError(`attachment path [${a.file}] must be absolute`);
  }
}
