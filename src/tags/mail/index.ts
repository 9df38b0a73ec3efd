/** `<cfmail>`, `<cfmailparam>`, `<cfmailpart>`; nodemailer loads on the first send. */
export { createMailTag, mailParamTag, mailPartTag } from './tag.js';
export type { MailServerSettings } from './settings.js';
export type { MailSpec, MailParam, MailPart } from './message.js';
