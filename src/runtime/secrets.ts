/** Keeping passwords and tokens out of every message, detail, log entry and dump (cfimap, cfpop, cfmail, cfhttp). */

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether a base64 token decodes to an authentication payload carrying the secret (PLAIN, XOAUTH2, OAUTHBEARER). */
function carriesSecret(token: string, secret: string): boolean {
  if (token.length % 4 !== 0) return false;
  const decoded = Buffer.from(token, 'base64').toString('utf8');
  if (decoded === secret) return true;
  return decoded.split(/[\u0000\u0001]/).some((part) => part === secret || part === `auth=Bearer ${secret}`);
}

/**
 * Masks the secrets in text that came from the server or a library (never the engine's own
 * wording), only where such text can carry one: the secret as a whole token (bounded by the
 * start or end, white space or quotes, as on a protocol line), its IMAP quoted form, and base64
 * tokens that decode to an authentication payload holding it. A secret inside a word (`a` in
 * `Authentication`) or an address (`127` in `127.0.0.1`) is left alone: masking it there would
 * reveal the secret (issue 8).
 */
export function scrub(text: string, secrets: ReadonlyArray<string | undefined>): string {
  let out = text;
  for (const s of secrets) {
    if (!s) continue;
    out = out.replace(/[A-Za-z0-9+/]{8,}={0,2}/g, (tok) => (carriesSecret(tok, s) ? '****' : tok));
    out = out.split(`"${s.replace(/["\\]/g, '\\$&')}"`).join('"****"');
    out = out.replace(new RegExp(`(^|[\\s"'])${escapeRe(s)}(?=$|[\\s"'])`, 'g'), '$1****');
  }
  return out;
}
