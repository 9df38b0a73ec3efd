/**
 * Attachment file names and writing attachments only inside attachmentPath: the shared safe-save
 * rules of src/runtime/safe-save.ts (sanitised names, no symlinks followed, O_EXCL/O_NOFOLLOW,
 * executable extensions neutralised), with the IMAP engine's usage error.
 */
import { prepareDirectory, saveInDirectory, sanitizeFilename, safeDiskName, EXECUTABLE_EXTENSIONS, MAX_NAME_BYTES } from '../../runtime/safe-save.js';
import { ImapUsageError } from './errors.js';

export { sanitizeFilename, safeDiskName, EXECUTABLE_EXTENSIONS, MAX_NAME_BYTES };

/** Creates the directory when missing; returns its absolute, real path. */
export const prepareAttachmentDir = (dir: string): Promise<string> => prepareDirectory(dir, (m) => new ImapUsageError(m));

/** See saveInDirectory: safe disk names, unique a.pdf, a1.pdf... or replacing without following symlinks. */
export const saveAttachment = saveInDirectory;
