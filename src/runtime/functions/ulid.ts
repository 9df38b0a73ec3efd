/**
 * createULID(type, time, text), as Lucee's (which uses the ulid-creator library): a ULID is 26
 * characters of Crockford Base32 holding a 48-bit time in milliseconds and 80 random bits.
 * - no type: the current time and new random bits;
 * - "monotonic": within one millisecond each ULID is the previous one plus one, so they sort in
 *   the order they were made;
 * - "hash": the time given and the first 80 bits of the SHA-256 of the text, so the same
 *   arguments give the same ULID.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FunctionDef } from './types.js';
import { expressionError } from '../errors.js';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_BITS = 80n;

/** The 26-character ULID of a time (ms) and an 80-bit random value. */
export function ulidText(time: number, random: bigint): string {
  let n = (BigInt(Math.trunc(time)) << RANDOM_BITS) | random;
  let out = '';
  for (let i = 0; i < 26; i++) {
    out = ALPHABET[Number(n & 31n)] + out;
    n >>= 5n;
  }
  return out;
}

const toBig = (b: Buffer) => BigInt('0x' + b.toString('hex'));

let last = { time: -1, random: 0n };

function monotonic(): string {
  const now = Date.now();
  if (now === last.time && last.random < (1n << RANDOM_BITS) - 1n) last = { time: now, random: last.random + 1n };
  else last = { time: Math.max(now, last.time), random: toBig(randomBytes(10)) };
  return ulidText(last.time, last.random);
}

export const ulidFunctions: FunctionDef[] = [
  {
    name: 'createULID',
    params: [{ name: 'type', type: 'string' }, { name: 'input1', type: 'numeric' }, { name: 'input2', type: 'string' }],
    impl: (_c, type?: string, time?: number, text?: string) => {
      const t = (type ?? '').trim().toLowerCase();
      if (t === '') return ulidText(Date.now(), toBig(randomBytes(10)));
      if (t === 'monotonic') return monotonic();
      if (t === 'hash') {
        if (time === undefined || !(time >= 0 && time < 2 ** 48)) throw expressionError('invalid argument [input1] for function [createULID]: type "hash" needs a time in milliseconds (0 to 2^48)');
        return ulidText(time, toBig(createHash('sha256').update(text ?? '', 'utf8').digest().subarray(0, 10)));
      }
      throw expressionError(`invalid argument [type] for function [createULID]: type [${type}] is not supported, supported types are [monotonic, hash]`);
    },
  },
];
