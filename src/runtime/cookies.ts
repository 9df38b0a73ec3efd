import { parse as parseCookieHeader, serialize } from 'cookie';
import { Struct } from './struct.js';
import { toDate, toNum, toStr } from './cast.js';
import { expressionError } from './errors.js';

/** Attributes of a cookie sent with `<cfcookie>` (Lucee's attribute names). */
export interface CookieAttributes {
  /** "now" deletes the cookie, "never" keeps it 30 years, a number is days, a date is that date. */
  expires?: unknown;
  secure?: boolean;
  httpOnly?: boolean;
  sameSite?: 'lax' | 'strict' | 'none';
  path?: string;
  domain?: string;
  /** URL-encode the value (default true, as Lucee). */
  encodeValue?: boolean;
}

/**
 * The cookie scope: starts with the request's `Cookie` header; every write (`cookie.x = v`,
 * `<cfcookie>`, structDelete) is also recorded as a `Set-Cookie` line for the response.
 */
export class CookieScope extends Struct {
  private readonly outgoing = new Map<string, string>();
  private recording = false;

  /** Reads a `Cookie` request header; malformed pairs are skipped, bad %-escapes kept as written. */
  static fromHeader(header: string | undefined): CookieScope {
    const s = new CookieScope();
    if (header) {
      for (const [k, v] of Object.entries(parseCookieHeader(header))) if (v !== undefined) s.set(k, v);
    }
    s.recording = true;
    return s;
  }

  override setLower(lower: string, key: string, value: unknown): void {
    super.setLower(lower, key, value);
    if (this.recording) this.send(this.keyCase(key) ?? key, toStr(value), {});
  }

  override delete(key: string): boolean {
    if (this.recording) this.send(key, '', { expires: 'now' });
    return super.delete(key);
  }

  /** `<cfcookie>`: sets the scope's value (or removes it for expires="now") and records the Set-Cookie line. */
  write(name: string, value: string, a: CookieAttributes): void {
    const wasRecording = this.recording;
    this.recording = false;
    if (typeof a.expires === 'string' && a.expires.trim().toLowerCase() === 'now') super.delete(name);
    else super.setLower(name.toLowerCase(), name, value);
    this.recording = wasRecording;
    this.send(name, value, a);
  }

  /** Records a Set-Cookie line (replacing an earlier one of the same name) without touching the scope. */
  send(name: string, value: string, a: CookieAttributes): void {
    let expires: Date | undefined;
    const e = a.expires;
    if (e !== undefined && e !== '') {
      const text = typeof e === 'string' ? e.trim().toLowerCase() : '';
      if (text === 'now') expires = new Date(0);
      else if (text === 'never') expires = new Date(Date.now() + 30 * 365 * 86400_000);
      else if (typeof e === 'number' || (text !== '' && !Number.isNaN(Number(text)))) expires = new Date(Date.now() + toNum(e) * 86400_000);
      else expires = toDate(e);
    }
    try {
      const line = serialize(name, value, {
        encode: a.encodeValue === false ? (v) => v : encodeURIComponent,
        expires,
        secure: a.secure || undefined,
        httpOnly: a.httpOnly || undefined,
        sameSite: a.sameSite,
        path: a.path ?? '/',
        domain: a.domain || undefined,
      });
      this.outgoing.set(name.toLowerCase(), line);
    } catch (err) {
      throw expressionError(`invalid cookie [${name}]: ${(err as Error).message}`, { detail: 'cookie names are tokens; a value written with encodevalue="false" may not hold spaces, commas or semicolons' });
    }
  }

  /** The Set-Cookie lines for the response, in the order first written. */
  setCookieHeaders(): string[] {
    return [...this.outgoing.values()];
  }
}
