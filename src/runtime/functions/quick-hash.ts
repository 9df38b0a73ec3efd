/**
 * hash(s, "quick"): Lucee's fast non-cryptographic 64-bit string hash, printed in hex. Each
 * UTF-16 code unit is mixed in low byte first, then high byte: h = (h * M) xor T[byte], with a
 * table of 256 values made by an xorshift sequence; a negative result is negated. The algorithm
 * (the 64-bit hash of Numerical Recipes, 3rd ed., 7.6) is reproduced so the values match Lucee's.
 */
const MASK = (1n << 64n) - 1n;
const START = 0xbb40e64da205b064n;
const MULT = 7664345821815920749n;

let table: bigint[] | undefined;

function byteTable(): bigint[] {
  if (table) return table;
  const t: bigint[] = [];
  let h = 0x544b2fbacaaf1684n;
  for (let i = 0; i < 256; i++) {
    for (let j = 0; j < 31; j++) {
      h ^= h >> 7n;
      h = (h ^ (h << 11n)) & MASK;
      h ^= h >> 10n;
    }
    t.push(h);
  }
  return (table = t);
}

/** The "quick" hash of `s` as a hex string (no padding, as Lucee prints it). */
export function quickHash(s: string): string {
  const t = byteTable();
  let h = START;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h = ((h * MULT) & MASK) ^ t[c & 0xff]!;
    h = ((h * MULT) & MASK) ^ t[(c >>> 8) & 0xff]!;
  }
  let signed = BigInt.asIntN(64, h);
  // negating the smallest long overflows back to itself in Java
  if (signed < 0n && signed !== -(1n << 63n)) signed = -signed;
  return signed.toString(16);
}
