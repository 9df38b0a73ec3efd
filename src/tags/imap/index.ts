/** The IMAP action engine behind `<cfimap>`, usable from TypeScript on its own. */
export { runImapAction, normalizeAction, normalizeSecure, type RunOptions } from './run.js';
export { ImapPool, type ImapPoolOptions, type ImapOwner } from './pool.js';
export { ListingStore, type Listing } from './listings.js';
export { ImapError, ImapUsageError, type ImapErrorCode } from './errors.js';
export {
  ACTIONS,
  HEADER_COLUMNS,
  BODY_COLUMNS,
  ALL_COLUMNS,
  FOLDER_COLUMNS,
  type ImapAction,
  type ImapFilter,
  type ImapLogger,
  type ImapRequest,
  type ImapTable,
} from './types.js';
export { sanitizeFilename } from './attachments.js';
