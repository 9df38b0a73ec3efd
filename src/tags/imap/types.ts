/** Public types of the IMAP action engine behind `<cfimap>`. */

export type ImapAction =
  | 'getheaderonly'
  | 'getall'
  | 'delete'
  | 'open'
  | 'close'
  | 'markread'
  | 'createfolder'
  | 'deletefolder'
  | 'renamefolder'
  | 'listallfolders'
  | 'movemail';

/** The 11 actions, in Lucee's order and spelling (used in the invalid-action message). */
export const ACTION_NAMES_FOR_MESSAGE =
  'getHeaderOnly,getAll,delete,open,close,markread,createfolder,deletefolder,renamefolder,listallfolders,movemail';

export const ACTIONS: readonly ImapAction[] = [
  'getheaderonly',
  'getall',
  'delete',
  'open',
  'close',
  'markread',
  'createfolder',
  'deletefolder',
  'renamefolder',
  'listallfolders',
  'movemail',
];

export interface ImapFilter {
  name: 'subject' | 'from' | 'to' | 'flag' | 'timereceived' | 'timesent';
  value?: string;
  from?: Date;
  to?: Date;
}

export interface ImapRequest {
  /** Case-insensitive; default getHeaderOnly. */
  action: string;
  connection?: string;
  server?: string;
  port?: number;
  username?: string;
  password?: string;
  /** OAuth2 access token (XOAUTH2 / OAUTHBEARER) instead of a password. */
  accessToken?: string;
  /**
   * 'yes' (also true, 'ssl', 'tls') = implicit TLS (default port 993); 'starttls' (the default when
   * absent) = upgrade on the plain port and fail when the server does not offer it; 'no' = plain,
   * the only way credentials are ever sent in clear.
   */
  secure?: 'yes' | 'no' | 'starttls' | 'ssl' | 'tls' | boolean | string;
  /** Default true. */
  validateCertificate?: boolean;
  /** Seconds, default 60: connect, greeting and each socket wait. */
  timeout?: number;
  folder?: string;
  newFolder?: string;
  uid?: string;
  messageNumber?: string;
  delimiter?: string;
  startRow?: number;
  maxRows?: number;
  attachmentPath?: string;
  generateUniqueFilenames?: boolean;
  recurse?: boolean;
  stopOnError?: boolean;
  filters?: ImapFilter[];
}

/** A result table; row keys are the column names (upper case). */
export interface ImapTable {
  columns: string[];
  rows: Record<string, unknown>[];
}

/** getHeaderOnly columns: Lucee's 17 in Lucee's order, then Adobe's extras. */
export const HEADER_COLUMNS: readonly string[] = [
  'DATE',
  'FROM',
  'MESSAGENUMBER',
  'MESSAGEID',
  'REPLYTO',
  'SUBJECT',
  'CC',
  'TO',
  'SIZE',
  'HEADER',
  'UID',
  'ANSWERED',
  'DELETED',
  'DRAFT',
  'FLAGGED',
  'RECENT',
  'SEEN',
  'SENTDATE',
  'RXDDATE',
  'LINES',
];

/** Columns getAll appends to HEADER_COLUMNS. */
export const BODY_COLUMNS: readonly string[] = [
  'BODY',
  'TEXTBODY',
  'HTMLBODY',
  'ATTACHMENTS',
  'ATTACHMENTFILES',
  'CIDS',
  'DELIVERYSTATUS',
];

export const ALL_COLUMNS: readonly string[] = [...HEADER_COLUMNS, ...BODY_COLUMNS];

export const FOLDER_COLUMNS: readonly string[] = ['FULLNAME', 'NAME', 'TOTALMESSAGES', 'UNREAD', 'PARENT', 'NEW'];

/** A logger for the engine and imapflow; entries never carry credentials. */
export interface ImapLogger {
  debug(obj: unknown): void;
  info(obj: unknown): void;
  warn(obj: unknown): void;
  error(obj: unknown): void;
  trace?(obj: unknown): void;
}
