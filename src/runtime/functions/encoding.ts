/**
 * Encoding and escaping functions: HTML/XML/JS/URL escapers, base64 and binary conversions,
 * charsets, hashes and UUIDs. Binary values are Uint8Array.
 */
import { createHash, randomUUID } from 'node:crypto';
import { expressionError } from '../errors.js';
import { isSimple, simple, toStr, typeName } from '../cast.js';
import type { FunctionDef, MemberSpec, ParamSpec } from './types.js';
import { decodeBytes, encodeString } from './charset.js';
import {
  canonicalizeText,
  decodeEntities,
  decodePercent,
  encodeCss,
  encodeHtml,
  encodeJs,
  encodeXml,
  percentEncode,
} from './encoding-escape.js';

const str = (name: string): ParamSpec => ({ name, type: 'string', required: true });
const opt = (name: string, def?: unknown): ParamSpec => ({ name, type: 'string', default: def });
const canon: ParamSpec = { name: 'canonicalize', type: 'boolean', default: false };
const m = (name: string): MemberSpec[] => [{ type: 'string', name }];

export function toBytes(fn: string, v: unknown): Uint8Array {
  v = simple(v);
  if (v instanceof Uint8Array) return v;
  throw expressionError(`Function [${fn}] expects a binary value, got [${typeName(v)}]`);
}

const isUnreserved = (b: number) => (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
/** Java URLEncoder keeps letters, digits and . - * _ and writes a space as '+'. */
const isFormSafe = (b: number) => isUnreserved(b) || b === 0x2e || b === 0x2d || b === 0x2a || b === 0x5f;

export function urlEncodedFormat(s: string, charset?: string): string {
  return percentEncode(encodeString(s, charset, 'urlEncodedFormat'), isUnreserved, '%20');
}

export function urlDecode(s: string, charset?: string): string {
  // Collect bytes: %HH as a byte, '+' as a space, any other character as its bytes in the charset.
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '%' && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c === '+') bytes.push(0x20);
    else {
      const cp = s.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      for (const b of encodeString(ch, charset, 'urlDecode')) bytes.push(b);
      i += ch.length - 1;
    }
  }
  return decodeBytes(new Uint8Array(bytes), charset, 'urlDecode');
}

function canonicalizeOrFail(s: string, restrictMultiple: boolean, restrictMixed: boolean, throwOnError: boolean): string {
  const r = canonicalizeText(s);
  const multiple = restrictMultiple && r.rounds > 1;
  const mixed = restrictMixed && r.kinds.size > 1;
  if (multiple || mixed) {
    if (throwOnError) {
      throw expressionError('Input validation failure', {
        detail: `${multiple ? 'Multiple' : 'Mixed'} encoding detected in the input of function [canonicalize]`,
      });
    }
    return '';
  }
  return r.value;
}

function base64Decode(fn: string, s: string, url = false): Uint8Array {
  const t = s.replace(/\s+/g, '');
  const re = url ? /^[A-Za-z0-9_-]*={0,2}$/ : /^[A-Za-z0-9+/]*={0,2}$/;
  if (!re.test(t) || t.replace(/=+$/, '').length % 4 === 1) {
    throw expressionError(`Function [${fn}]: the string [${s.length > 60 ? s.slice(0, 60) + '...' : s}] is not a valid Base64${url ? 'URL' : ''} value`);
  }
  return new Uint8Array(Buffer.from(t, url ? 'base64url' : 'base64'));
}

function uuEncode(bytes: Uint8Array): string {
  const ch = (v: number) => String.fromCharCode((v & 0x3f) + 0x20);
  const lines: string[] = [];
  for (let off = 0; off < bytes.length; off += 45) {
    const chunk = bytes.subarray(off, Math.min(off + 45, bytes.length));
    let line = ch(chunk.length);
    for (let i = 0; i < chunk.length; i += 3) {
      const a = chunk[i]!;
      const b = chunk[i + 1] ?? 0;
      const c = chunk[i + 2] ?? 0;
      line += ch(a >> 2) + ch(((a << 4) | (b >> 4)) & 0x3f) + ch(((b << 2) | (c >> 6)) & 0x3f) + ch(c & 0x3f);
    }
    lines.push(line);
  }
  return lines.join('\n');
}

function uuDecode(s: string): Uint8Array {
  const out: number[] = [];
  for (const line of s.split(/\r?\n/)) {
    if (!line) continue;
    const n = (line.charCodeAt(0) - 0x20) & 0x3f;
    const v = (i: number) => ((line.charCodeAt(i) || 0x20) - 0x20) & 0x3f;
    const bytes: number[] = [];
    for (let i = 1; bytes.length < n; i += 4) {
      const a = v(i);
      const b = v(i + 1);
      const c = v(i + 2);
      const d = v(i + 3);
      bytes.push(((a << 2) | (b >> 4)) & 0xff, ((b << 4) | (c >> 2)) & 0xff, ((c << 6) | d) & 0xff);
    }
    out.push(...bytes.slice(0, n));
  }
  return new Uint8Array(out);
}

const HASH_ALGORITHMS: Record<string, string> = {
  md5: 'md5',
  cfmx_compat: 'md5',
  sha: 'sha1',
  'sha-1': 'sha1',
  sha1: 'sha1',
  'sha-224': 'sha224',
  'sha-256': 'sha256',
  sha256: 'sha256',
  'sha-384': 'sha384',
  sha384: 'sha384',
  'sha-512': 'sha512',
  sha512: 'sha512',
};

let uniqueCounter = 0;

/** The Node digest name of a CFML hash algorithm (MD5 when empty). */
function hashAlgorithm(fn: string, algorithm: string): string {
  const alg = HASH_ALGORITHMS[algorithm.trim().toLowerCase() || 'md5'];
  if (!alg) throw expressionError(`Unsupported hash algorithm [${algorithm}] for function [${fn}], supported are [MD5, SHA, SHA-256, SHA-384, SHA-512]`);
  return alg;
}

/** The bytes a hash function digests: binary as is, a simple value in the charset given. */
function hashInput(fn: string, input: unknown, enc: string): Uint8Array {
  if (input instanceof Uint8Array) return input;
  if (isSimple(input)) return encodeString(toStr(input), enc || 'utf-8', fn);
  throw expressionError(`Function [${fn}] can't hash a value of type [${typeName(input)}]`);
}

const ENCODERS: Record<string, (s: string) => string> = {
  html: (s) => encodeHtml(s),
  htmlattribute: (s) => encodeHtml(s, true),
  xml: (s) => encodeXml(s),
  xmlattribute: (s) => encodeXml(s, true),
  javascript: encodeJs,
  css: encodeCss,
  url: (s) => percentEncode(encodeString(s), isFormSafe, '+'),
};

/**
 * Encodes `s` for the context named by `type` (html, htmlattribute, xml, xmlattribute, javascript,
 * css, url; case-insensitive), as encodeFor(type, s) and `<cfoutput encodeFor="...">` do.
 * Throws a CFML expression error naming `fn` for an unknown type.
 */
export function encodeForType(type: string, s: string, fn = 'encodeFor'): string {
  const enc = ENCODERS[type.trim().toLowerCase()];
  if (!enc) throw expressionError(`Invalid type [${type}] for ${fn}, valid types are [${Object.keys(ENCODERS).join(', ')}]`);
  return enc(s);
}

/** encodeForX(string, canonicalize): optionally canonicalizes the input first (ESAPI behaviour). */
function encodeFor(kind: string) {
  return (_c: unknown, s: string, doCanon: boolean) => ENCODERS[kind]!(doCanon ? canonicalizeOrFail(s, true, true, true) : s);
}

export const encodingFunctions: FunctionDef[] = [
  {
    name: 'htmlEditFormat',
    params: [str('string'), opt('version')],
    members: m('htmlEditFormat'),
    impl: (_c, s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!),
  },
  {
    name: 'htmlCodeFormat',
    params: [str('string'), opt('version')],
    members: m('htmlCodeFormat'),
    impl: (_c, s: string) => '<pre>' + s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!) + '</pre>',
  },
  { name: 'encodeForHTML', params: [str('string'), canon], members: m('encodeForHTML'), impl: encodeFor('html') },
  { name: 'encodeForHTMLAttribute', params: [str('string'), canon], members: m('encodeForHTMLAttribute'), impl: encodeFor('htmlattribute') },
  { name: 'encodeForXML', params: [str('string'), canon], members: m('encodeForXML'), impl: encodeFor('xml') },
  { name: 'encodeForXMLAttribute', params: [str('string'), canon], members: m('encodeForXMLAttribute'), impl: encodeFor('xmlattribute') },
  { name: 'encodeForJavaScript', params: [str('string'), canon], members: m('encodeForJavaScript'), impl: encodeFor('javascript') },
  { name: 'encodeForCSS', params: [str('string'), canon], members: m('encodeForCSS'), impl: encodeFor('css') },
  { name: 'encodeForURL', params: [str('string'), canon], members: m('encodeForURL'), impl: encodeFor('url') },
  {
    name: 'encodeFor',
    params: [str('type'), str('value')],
    impl: (_c, type: string, value: string) => encodeForType(type, value, 'function [encodeFor]'),
  },
  { name: 'decodeForHTML', params: [str('string')], members: m('decodeForHTML'), impl: (_c, s: string) => decodeEntities(s) },
  { name: 'decodeFromURL', params: [str('string')], members: m('decodeFromURL'), impl: (_c, s: string) => decodePercent(s.replace(/\+/g, ' ')) },
  {
    name: 'canonicalize',
    params: [str('input'), { name: 'restrictMultiple', type: 'boolean', required: true }, { name: 'restrictMixed', type: 'boolean', required: true }, { name: 'throwOnError', type: 'boolean', default: false }],
    members: m('canonicalize'),
    impl: (_c, s: string, multiple: boolean, mixed: boolean, throwOnError: boolean) => canonicalizeOrFail(s, multiple, mixed, throwOnError),
  },
  {
    name: 'urlEncodedFormat',
    params: [str('String'), opt('charset', 'utf-8')],
    members: m('urlEncodedFormat'),
    impl: (_c, s: string, cs: string) => urlEncodedFormat(s, cs),
  },
  {
    name: 'urlEncode',
    params: [str('string'), opt('charset', 'utf-8'), { name: 'force', type: 'boolean', default: true }],
    members: m('urlEncode'),
    impl: (_c, s: string, cs: string) => percentEncode(encodeString(s, cs, 'urlEncode'), isFormSafe, '+'),
  },
  {
    name: 'urlDecode',
    params: [str('urlencodedstring'), opt('charset', 'utf-8')],
    members: m('urlDecode'),
    impl: (_c, s: string, cs: string) => urlDecode(s, cs),
  },
  {
    name: 'xmlFormat',
    params: [str('String'), { name: 'escapeChars', type: 'boolean', default: false }],
    members: m('xmlFormat'),
    impl: (_c, s: string, escapeChars: boolean) => {
      let out = s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
      if (escapeChars) out = out.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`);
      return out;
    },
  },
  {
    name: 'jsStringFormat',
    params: [str('String')],
    members: m('jsStringFormat'),
    impl: (_c, s: string) =>
      s.replace(/[\\\n\r\f\b\t"']/g, (c) => ({ '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\f': '\\f', '\b': '\\b', '\t': '\\t', '"': '\\"', "'": "\\'" })[c]!),
  },
  {
    name: 'toBase64',
    params: [{ name: 'string_or_object', required: true }, opt('encoding', 'utf-8')],
    members: m('toBase64'),
    impl: (_c, v: unknown, enc: string) => {
      if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
      if (!isSimple(v)) throw expressionError(`Function [toBase64] can't convert a value of type [${typeName(v)}] to Base64`);
      return Buffer.from(encodeString(toStr(v), enc, 'toBase64')).toString('base64');
    },
  },
  {
    name: 'toBinary',
    params: [{ name: 'base64_or_object', required: true }],
    members: m('toBinary'),
    impl: (_c, v: unknown) => {
      if (v instanceof Uint8Array) return v;
      if (typeof v !== 'string') throw expressionError(`Function [toBinary] can't convert a value of type [${typeName(v)}] to binary`);
      return base64Decode('toBinary', v);
    },
  },
  {
    name: 'binaryEncode',
    params: [{ name: 'binaryData', required: true }, str('encoding')],
    impl: (_c, v: unknown, enc: string) => {
      const bytes = toBytes('binaryEncode', v);
      switch (enc.trim().toLowerCase()) {
        case 'hex':
          return Buffer.from(bytes).toString('hex').toUpperCase();
        case 'base64':
          return Buffer.from(bytes).toString('base64');
        case 'base64url':
          return Buffer.from(bytes).toString('base64url');
        case 'uu':
          return uuEncode(bytes);
      }
      throw expressionError(`Invalid encoding [${enc}] for function [binaryEncode], valid encodings are [hex, base64, base64url, uu]`);
    },
  },
  {
    name: 'binaryDecode',
    params: [str('string'), str('encoding')],
    impl: (_c, s: string, enc: string) => {
      switch (enc.trim().toLowerCase()) {
        case 'hex': {
          const t = s.trim();
          if (t.length % 2 || !/^[0-9a-fA-F]*$/.test(t)) throw expressionError(`Function [binaryDecode]: the string [${s}] is not a valid hex value`);
          return new Uint8Array(Buffer.from(t, 'hex'));
        }
        case 'base64':
          return base64Decode('binaryDecode', s);
        case 'base64url':
          return base64Decode('binaryDecode', s, true);
        case 'uu':
          return uuDecode(s);
      }
      throw expressionError(`Invalid encoding [${enc}] for function [binaryDecode], valid encodings are [hex, base64, base64url, uu]`);
    },
  },
  {
    name: 'charsetEncode',
    params: [{ name: 'binaryData', required: true }, str('encoding')],
    impl: (_c, v: unknown, enc: string) => decodeBytes(toBytes('charsetEncode', v), enc, 'charsetEncode'),
  },
  {
    name: 'charsetDecode',
    params: [str('string'), str('encoding')],
    members: m('charsetDecode'),
    impl: (_c, s: string, enc: string) => encodeString(s, enc, 'charsetDecode'),
  },
  {
    name: 'hash',
    params: [{ name: 'string', required: true }, opt('algorithm', 'MD5'), opt('encoding', 'utf-8'), { name: 'numIterations', type: 'numeric', default: 1 }],
    members: m('hash'),
    impl: (_c, input: unknown, algorithm: string, enc: string, iterations: number) => {
      const alg = hashAlgorithm('hash', algorithm);
      let data = hashInput('hash', input, enc);
      const n = Math.max(1, Math.trunc(iterations));
      for (let i = 0; i < n; i++) data = createHash(alg).update(data).digest();
      return Buffer.from(data).toString('hex').toUpperCase();
    },
  },
  {
    // Lucee's Hash40 (ColdFusion 4.0's hash): numIterations feeds the input to one digest that
    // many times (the digest of the input repeated), where hash() digests the digest again
    name: 'hash40',
    params: [{ name: 'input', required: true }, opt('algorithm', 'MD5'), opt('encoding', 'utf-8'), { name: 'numIterations', type: 'numeric', default: 1 }],
    impl: (_c, input: unknown, algorithm: string, enc: string, iterations: number) => {
      const h = createHash(hashAlgorithm('hash40', algorithm));
      const data = hashInput('hash40', input, enc);
      const n = Math.max(1, Math.trunc(iterations));
      for (let i = 0; i < n; i++) h.update(data);
      return h.digest('hex').toUpperCase();
    },
  },
  {
    name: 'createUUID',
    params: [],
    impl: () => {
      const u = randomUUID().toUpperCase();
      return u.slice(0, 23) + u.slice(24);
    },
  },
  { name: 'createGUID', params: [], impl: () => randomUUID().toUpperCase() },
  {
    // Lucee: a random UUID's 16 bytes in URL-safe Base64 (22 characters), or with type "counter"
    // the next value of a process-wide counter in base 36
    name: 'createUniqueId',
    params: [opt('type')],
    impl: (_c, type?: string) => {
      if (type?.trim().toLowerCase() === 'counter') return (++uniqueCounter).toString(36);
      return Buffer.from(randomUUID().replace(/-/g, ''), 'hex').toString('base64url');
    },
  },
];
