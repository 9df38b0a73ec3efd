/**
 * Charset helpers for the encoding functions: strings to bytes and back by a Java-style charset
 * name. Decoding accepts every label the WHATWG TextDecoder knows (Node ships full ICU); encoding
 * supports the UTF family, ISO-8859-1, US-ASCII and windows-1252, which is what CFML code uses.
 */
import { expressionError } from '../errors.js';

const CP1252_HIGH = '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';

/** Java charset names the WHATWG decoder knows under another label. */
const JAVA_ALIASES: Record<string, string> = { 'euc-cn': 'gb2312', ms936: 'gbk', 'windows-936': 'gbk', ms932: 'shift_jis', 'windows-31j': 'shift_jis', ms949: 'euc-kr', 'x-euc-jp': 'euc-jp' };

export function normalizeCharset(charset: string | undefined): string {
  const c = (charset ?? 'utf-8').trim().toLowerCase().replace(/_/g, '-');
  if (c === '' || c === 'utf8') return 'utf-8';
  if (c === 'latin1' || c === 'iso8859-1' || c === 'iso-latin-1' || c === 'latin-1') return 'iso-8859-1';
  if (c === 'ascii' || c === 'us-ascii') return 'us-ascii';
  if (c === 'cp1252') return 'windows-1252';
  if (c === 'utf16') return 'utf-16';
  return JAVA_ALIASES[c] ?? c;
}

const ASCII = Uint8Array.from({ length: 128 }, (_, i) => i);
const keepsAsciiCache = new Map<string, boolean>();

/** Whether a (decodable) charset maps the bytes 0-127 to the ASCII characters. */
function keepsAscii(cs: string): boolean {
  let v = keepsAsciiCache.get(cs);
  if (v === undefined) {
    try {
      v = new TextDecoder(cs).decode(ASCII) === String.fromCharCode(...ASCII);
    } catch {
      v = false;
    }
    if (keepsAsciiCache.size < 100) keepsAsciiCache.set(cs, v);
  }
  return v;
}

/** Encodes a string in a charset; characters the charset lacks become '?', as Java does. */
export function encodeString(s: string, charset?: string, fn = 'charsetDecode'): Uint8Array {
  const cs = normalizeCharset(charset);
  switch (cs) {
    case 'utf-8':
      return new Uint8Array(Buffer.from(s, 'utf8'));
    case 'iso-8859-1':
    case 'us-ascii': {
      const max = cs === 'us-ascii' ? 0x7f : 0xff;
      const out: number[] = [];
      for (const ch of s) {
        const cp = ch.codePointAt(0)!;
        out.push(cp <= max ? cp : 0x3f);
      }
      return new Uint8Array(out);
    }
    case 'windows-1252': {
      const out: number[] = [];
      for (const ch of s) {
        const cp = ch.codePointAt(0)!;
        if (cp < 0x80 || (cp >= 0xa0 && cp <= 0xff)) out.push(cp);
        else {
          const i = CP1252_HIGH.indexOf(ch);
          out.push(i >= 0 && ch !== '\ufffd' ? 0x80 + i : 0x3f);
        }
      }
      return new Uint8Array(out);
    }
    case 'utf-16':
    case 'utf-16be':
    case 'utf-16le': {
      const le = cs === 'utf-16le';
      const bom = cs === 'utf-16' ? 2 : 0;
      const out = new Uint8Array(bom + s.length * 2);
      if (bom) {
        out[0] = 0xfe;
        out[1] = 0xff;
      }
      for (let i = 0; i < s.length; i++) {
        const u = s.charCodeAt(i);
        out[bom + i * 2] = le ? u & 0xff : u >> 8;
        out[bom + i * 2 + 1] = le ? u >> 8 : u & 0xff;
      }
      return out;
    }
    default:
      // every charset that keeps ASCII as is (Big5, GBK, EUC-JP, Shift_JIS, ...) encodes an ASCII text the same way
      if (/^[\x00-\x7f]*$/.test(s) && keepsAscii(cs)) return new Uint8Array(Buffer.from(s, 'latin1'));
      throw expressionError(`Function [${fn}] does not support encoding to the charset [${charset}]; supported are utf-8, utf-16, iso-8859-1, us-ascii and windows-1252 (and ASCII text in other charsets that keep ASCII)`);
  }
}

export function decodeBytes(bytes: Uint8Array, charset?: string, fn = 'charsetEncode'): string {
  const cs = normalizeCharset(charset);
  if (cs === 'iso-8859-1') return Buffer.from(bytes).toString('latin1');
  if (cs === 'windows-1252') return Array.from(bytes, (b) => (b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b))).join('');
  if (cs === 'us-ascii') return Array.from(bytes, (b) => (b < 0x80 ? String.fromCharCode(b) : '\ufffd')).join('');
  try {
    return new TextDecoder(cs === 'utf-16' ? 'utf-16be' : cs).decode(bytes);
  } catch {
    throw expressionError(`Function [${fn}] does not know the charset [${charset}]`);
  }
}
