/**
 * Context escapers behind encodeForHTML & co (the OWASP ESAPI codecs CFML uses): ASCII letters and
 * digits plus a few "immune" characters pass, everything else is escaped in the syntax of the
 * target (HTML entity, XML numeric reference, JS \xHH, CSS \hh, URL %HH). Also the decoders used by
 * canonicalize and decodeForHTML.
 */

const LATIN1_NAMES =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest ' +
  'Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig ' +
  'agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';

const NAMED = new Map<number, string>([
  [0x22, 'quot'],
  [0x26, 'amp'],
  [0x3c, 'lt'],
  [0x3e, 'gt'],
  ...LATIN1_NAMES.split(' ').map((n, i) => [0xa0 + i, n] as [number, string]),
  [0x152, 'OElig'],
  [0x153, 'oelig'],
  [0x160, 'Scaron'],
  [0x161, 'scaron'],
  [0x178, 'Yuml'],
  [0x192, 'fnof'],
  [0x2c6, 'circ'],
  [0x2dc, 'tilde'],
  [0x2013, 'ndash'],
  [0x2014, 'mdash'],
  [0x2018, 'lsquo'],
  [0x2019, 'rsquo'],
  [0x201a, 'sbquo'],
  [0x201c, 'ldquo'],
  [0x201d, 'rdquo'],
  [0x201e, 'bdquo'],
  [0x2020, 'dagger'],
  [0x2021, 'Dagger'],
  [0x2022, 'bull'],
  [0x2026, 'hellip'],
  [0x2030, 'permil'],
  [0x2039, 'lsaquo'],
  [0x203a, 'rsaquo'],
  [0x20ac, 'euro'],
  [0x2122, 'trade'],
]);
const BY_NAME = new Map<string, number>([...[...NAMED].map(([cp, n]) => [n, cp] as [string, number]), ['apos', 0x27]]);

const isAlnum = (cp: number) => (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
/** Control characters a markup document cannot carry; the codecs replace them with U+FFFD. */
const isBadControl = (cp: number) => (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) || (cp >= 0x7f && cp <= 0x9f);

function encodeWith(s: string, immune: string, enc: (cp: number, ch: string) => string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    out += isAlnum(cp) || immune.includes(ch) ? ch : enc(cp, ch);
  }
  return out;
}

export function encodeHtml(s: string, attribute = false): string {
  return encodeWith(s, attribute ? ',.-_' : ',.-_ ', (cp) => {
    if (isBadControl(cp)) return '&#xfffd;';
    const name = NAMED.get(cp);
    return name ? `&${name};` : `&#x${cp.toString(16)};`;
  });
}

export function encodeXml(s: string, _attribute = false): string {
  // ESAPI's XMLEntityCodec never encodes space and tab, in element text and attributes alike
  // (cfdocs: encodeForXMLAttribute("It's for use in attribute values") keeps the spaces).
  return encodeWith(s, ',.-_ \t', (cp) => (isBadControl(cp) ? '&#xfffd;' : `&#x${cp.toString(16)};`));
}

export function encodeJs(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isAlnum(c) || c === 0x2c || c === 0x2e || c === 0x5f) out += s[i];
    else if (c < 0x100) out += '\\x' + c.toString(16).toUpperCase().padStart(2, '0');
    else out += '\\u' + c.toString(16).toUpperCase().padStart(4, '0');
  }
  return out;
}

export function encodeCss(s: string): string {
  return encodeWith(s, '', (cp) => `\\${cp.toString(16)} `);
}

/** Percent-encodes the UTF-8 (or given) bytes of every character not in `keep`; space as `space`. */
export function percentEncode(bytes: Uint8Array, keep: (b: number) => boolean, space: string): string {
  let out = '';
  for (const b of bytes) {
    if (b === 0x20) out += space;
    else if (keep(b)) out += String.fromCharCode(b);
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** Decodes HTML/XML character references (named, decimal, hex); unknown ones stay as they are. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z][a-zA-Z0-9]*);?/g, (all, ref: string) => {
    let cp: number | undefined;
    if (ref[0] === '#') cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    else cp = BY_NAME.get(ref) ?? BY_NAME.get(ref.toLowerCase());
    if (cp === undefined || !Number.isFinite(cp) || cp > 0x10ffff) return all;
    return String.fromCodePoint(cp);
  });
}

/** Decodes %HH sequences as UTF-8; a lone or malformed % stays. */
export function decodePercent(s: string): string {
  return s.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    const bytes = Buffer.from(run.replace(/%/g, ''), 'hex');
    return new TextDecoder().decode(bytes);
  });
}

const JS_SINGLE: Record<string, string> = { b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r' };

/**
 * Decodes JavaScript-style escapes as ESAPI's JavaScriptCodec (canonicalize): \uHHHH, \xHH, up to
 * three octal digits, \b \t \n \v \f \r, and a backslash before any other character is dropped
 * (`\\` -> `\`, `\q` -> `q`); a \u or \x without its hex digits stays as it is.
 */
export function decodeJsEscapes(s: string): string {
  return s.replace(/\\(?:[uU]([0-9a-fA-F]{4})|[xX]([0-9a-fA-F]{2})|([0-7]{1,3})|([^uUxX]))/g, (_a, u?: string, x?: string, oct?: string, ch?: string) => {
    if (u ?? x) return String.fromCharCode(parseInt((u ?? x)!, 16));
    if (oct) return String.fromCharCode(parseInt(oct, 8));
    return JS_SINGLE[ch!] ?? ch!;
  });
}

export interface CanonicalResult {
  value: string;
  /** How many decoding rounds changed the text, and which encodings were seen. */
  rounds: number;
  kinds: Set<string>;
}

/** Decodes until nothing changes (what ESAPI's canonicalize does, simplified). */
export function canonicalizeText(s: string): CanonicalResult {
  const kinds = new Set<string>();
  let rounds = 0;
  for (let i = 0; i < 16; i++) {
    let changed = false;
    const steps: Array<[string, (x: string) => string]> = [
      ['html', decodeEntities],
      ['percent', decodePercent],
      ['js', decodeJsEscapes],
    ];
    for (const [kind, step] of steps) {
      const next = step(s);
      if (next !== s) {
        kinds.add(kind);
        changed = true;
        s = next;
      }
    }
    if (!changed) break;
    rounds++;
  }
  return { value: s, rounds, kinds };
}
