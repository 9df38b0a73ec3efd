/**
 * CFMX_COMPAT, the default algorithm of encrypt()/decrypt(), and the UU encoding those functions
 * default to.
 *
 * CFMX_COMPAT is ColdFusion MX's XOR stream cipher: three 32-bit linear feedback shift registers
 * seeded from the key give one keystream byte per input byte, so encrypting and decrypting are the
 * same transformation. It is NOT secure (the keystream depends on only four key characters); it
 * exists so that data an old application encrypted still decrypts. The facts below follow Lucee's
 * implementation (lucee.runtime.crypt.CFMXCompat), including Java's operator precedence in the
 * register step (`(A ^ (mask >>> 1)) | rot1`), so the output equals Lucee's byte for byte.
 */

const LFSR_A = 0x13579bdf;
const LFSR_B = 0x2468ace0;
const LFSR_C = 0xfdb97531 | 0;
const MASK_A = 0x80000062 | 0;
const MASK_B = 0x40000020;
const MASK_C = 0x10000002;
const ROT0_A = 0x7fffffff;
const ROT0_B = 0x3fffffff;
const ROT0_C = 0x0fffffff;
const ROT1_A = 0x80000000 | 0;
const ROT1_B = 0xc0000000 | 0;
const ROT1_C = 0xf0000000 | 0;

/**
 * The three registers' start value for a key: the UTF-16 code units 4..7 of the key (repeated
 * to 12 units when shorter; an empty key leaves the fixed defaults), shifted in 8 bits at a time
 * with the whole 16-bit unit OR-ed in, as Lucee does.
 */
function seed(key: string): number {
  const units = new Array<number>(Math.max(key.length, 12)).fill(0);
  for (let i = 0; i < key.length; i++) units[i] = key.charCodeAt(i);
  for (let i = 0; key.length + i < 12; i++) units[key.length + i] = units[i]!;
  let v = 0;
  for (let i = 0; i < 4; i++) v = (v << 8) | units[i + 4]!;
  return v;
}

/**
 * Encrypts or decrypts (the same operation) `input` with CFMX_COMPAT under `key`.
 * @returns a new buffer of the same length
 */
export function cfmxCompatTransform(key: string, input: Uint8Array): Buffer {
  const s = seed(key);
  let a = s === 0 ? LFSR_A : s;
  let b = s === 0 ? LFSR_B : s;
  let c = s === 0 ? LFSR_C : s;
  const out = Buffer.alloc(input.length);
  for (let n = 0; n < input.length; n++) {
    let crypto = 0;
    let outB = b & 1;
    let outC = c & 1;
    for (let i = 0; i < 8; i++) {
      if (a & 1) {
        a = (a ^ (MASK_A >>> 1)) | ROT1_A;
        if (b & 1) {
          b = (b ^ (MASK_B >>> 1)) | ROT1_B;
          outB = 1;
        } else {
          b = (b >>> 1) & ROT0_B;
          outB = 0;
        }
      } else {
        a = (a >>> 1) & ROT0_A;
        if (c & 1) {
          c = (c ^ (MASK_C >>> 1)) | ROT1_C;
          outC = 1;
        } else {
          c = (c >>> 1) & ROT0_C;
          outC = 0;
        }
      }
      crypto = ((crypto << 1) | (outB ^ outC)) & 0xff;
    }
    out[n] = input[n]! ^ crypto;
  }
  return out;
}

/** True when `algorithm` names CFMX_COMPAT (also when empty), as Lucee decides. */
export function isCfmxCompat(algorithm: string): boolean {
  const a = algorithm.trim();
  return a === '' || a.toLowerCase() === 'cfmx_compat';
}

const uuChar = (v: number) => String.fromCharCode((v & 0x3f) + 32);

/**
 * UU encoding as Lucee's encrypt() writes it: lines of at most 45 bytes, each led by its length
 * character and ended by "\n", zero written as a space, and a final length-0 line (" \n") when
 * the data is empty or a multiple of 45 bytes long.
 */
export function uuEncodeLines(bytes: Uint8Array): string {
  let out = '';
  let off = 0;
  for (;;) {
    const n = Math.min(bytes.length - off, 45);
    out += uuChar(n);
    for (let i = 0; i < n; i += 3) {
      const x = bytes[off + i]!;
      const y = i + 1 < n ? bytes[off + i + 1]! : 0;
      const z = i + 2 < n ? bytes[off + i + 2]! : 0;
      out += uuChar(x >> 2) + uuChar((x << 4) | (y >> 4)) + uuChar((y << 2) | (z >> 6)) + uuChar(z);
    }
    out += '\n';
    off += n;
    if (n < 45) return out;
  }
}

/**
 * Decodes UU text as written by uuEncodeLines (a backquote also stands for zero; "\r\n" line ends
 * are accepted).
 * @throws Error with a message naming the problem when the text is not UU data
 */
export function uuDecodeLines(text: string): Buffer {
  const val = (i: number) => {
    if (i >= text.length) throw new Error('the UU data ends early');
    return (text.charCodeAt(i) - 32) & 0x3f;
  };
  const out: number[] = [];
  let p = 0;
  while (p < text.length) {
    const n = val(p++);
    if (n > 45) throw new Error(`invalid UU line length [${n}]`);
    const bytes: number[] = [];
    for (let i = 0; i < n; i += 3, p += 4) {
      const w = val(p), x = val(p + 1), y = val(p + 2), z = val(p + 3);
      bytes.push(((w << 2) | (x >> 4)) & 0xff, ((x << 4) | (y >> 2)) & 0xff, ((y << 6) | z) & 0xff);
    }
    out.push(...bytes.slice(0, n));
    if (text[p] === '\r') p++;
    if (text[p] === '\n') p++;
    if (n < 45) break;
  }
  return Buffer.from(out);
}
