/**
 * Keyed cryptography: hmac, encrypt/decrypt (CFMX_COMPAT by default, as Lucee; AES, DES, DESede
 * with Java transformation names, RSA as in rsa.ts),
 * ECB by default as Java does), generatePBKDFKey, generateSecretKey, generateRSAKeys, generate3DESKey. Binary results are
 * encoded as Base64, Hex or UU as the encoding argument says.
 */
import { createCipheriv, createDecipheriv, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { expressionError } from '../errors.js';
import { toStr } from '../cast.js';
import type { FunctionDef, ParamSpec } from './types.js';
import { encodeString } from './charset.js';
import { numberText } from '../limits.js';
import { LEGACY_BLOCK, legacyCrypt } from './legacy-ciphers.js';
import { generateRsaKeys, isRsa, RSA_KEY_SIZE, rsaDecrypt, rsaEncrypt } from './rsa.js';
import { cfmxCompatTransform, isCfmxCompat, uuDecodeLines, uuEncodeLines } from './cfmx-compat.js';

const HMAC_ALGOS: Record<string, string> = {
  hmacmd5: 'md5', hmacsha1: 'sha1', hmacsha224: 'sha224', hmacsha256: 'sha256', hmacsha384: 'sha384', hmacsha512: 'sha512',
};

function keyBytes(fn: string, key: unknown, encoding?: string): Buffer {
  if (key instanceof Uint8Array) return Buffer.from(key);
  return Buffer.from(encodeString(toStr(key), encoding, fn));
}

function encodeBinary(fn: string, b: Buffer, encoding: string): string {
  switch (encoding.trim().toLowerCase()) {
    case 'base64':
      return b.toString('base64');
    case 'hex':
      return b.toString('hex').toUpperCase();
    case 'uu':
      return uuEncodeLines(b);
    default:
      throw expressionError(`Function [${fn}]: invalid encoding [${encoding}], valid encodings are [hex, uu, base64]`);
  }
}

function decodeBinary(fn: string, s: string, encoding: string): Buffer {
  switch (encoding.trim().toLowerCase()) {
    case 'base64':
      return Buffer.from(s.replace(/\s+/g, ''), 'base64');
    case 'hex':
      if (!/^([0-9a-f]{2})*$/i.test(s.trim())) throw expressionError(`Function [${fn}]: [${s}] is not a hex value`);
      return Buffer.from(s.trim(), 'hex');
    case 'uu':
      try {
        return uuDecodeLines(s);
      } catch (e) {
        throw expressionError(`Function [${fn}]: can't decode [${s.length > 60 ? s.slice(0, 60) + '...' : s}] as UU: ${(e as Error).message}`);
      }
    default:
      throw expressionError(`Function [${fn}]: invalid encoding [${encoding}], valid encodings are [hex, uu, base64]`);
  }
}

interface Transform {
  /** A Node cipher name, or a legacy cipher run by legacy-ciphers.ts. */
  cipher: string;
  legacy?: 'DES' | 'BLOWFISH';
  ivLength: number;
  padding: boolean;
}

function transformation(fn: string, algorithm: string, keyLen: number): Transform {
  const [alg = '', mode = 'ECB', pad = 'PKCS5Padding'] = algorithm.trim().split('/');
  const m = mode.toLowerCase();
  if (!/^(ecb|cbc|ctr|cfb|ofb)$/.test(m)) throw expressionError(`Function [${fn}]: unsupported cipher mode [${mode}]`);
  const padding = !/^nopadding$/i.test(pad);
  let base: string;
  let block: number;
  switch (alg.toUpperCase()) {
    case 'AES':
      if (![16, 24, 32].includes(keyLen)) throw expressionError(`Function [${fn}]: invalid AES key length of ${keyLen} bytes`);
      base = `aes-${keyLen * 8}`;
      block = 16;
      break;
    case 'DES':
    case 'BLOWFISH':
      if (m !== 'ecb' && m !== 'cbc') throw expressionError(`Function [${fn}]: the mode [${mode}] is not supported for ${alg.toUpperCase()}, use ECB or CBC`);
      return { cipher: '', legacy: alg.toUpperCase() as 'DES' | 'BLOWFISH', ivLength: m === 'ecb' ? 0 : LEGACY_BLOCK, padding };
    case 'DESEDE':
      base = keyLen === 16 ? 'des-ede' : 'des-ede3';
      block = 8;
      break;
    default:
      throw expressionError(`Function [${fn}]: unsupported algorithm [${alg}]`);
  }
  const cipher = base === 'des' || base.startsWith('des-ede') ? (m === 'ecb' ? `${base}-ecb` : `${base}-${m}`) : `${base}-${m}`;
  return { cipher: cipher === 'des-ede3-ecb' ? 'des-ede3-ecb' : cipher, ivLength: m === 'ecb' ? 0 : block, padding };
}

function crypt(fn: string, decrypt: boolean, data: Buffer, keyStr: string, algorithm: string, iv?: unknown): Buffer {
  const key = Buffer.from(keyStr.replace(/\s+/g, ''), 'base64');
  const t = transformation(fn, algorithm, key.length);
  let ivBytes: Buffer | null = null;
  let input = data;
  if (t.ivLength) {
    if (iv !== undefined && iv !== '') ivBytes = iv instanceof Uint8Array ? Buffer.from(iv) : Buffer.from(toStr(iv), 'base64');
    else if (decrypt) {
      // Without an IV the encrypted value starts with it (Java CFML engines prepend a random one).
      ivBytes = data.subarray(0, t.ivLength);
      input = data.subarray(t.ivLength);
    } else ivBytes = randomBytes(t.ivLength);
    if (ivBytes.length !== t.ivLength) throw expressionError(`Function [${fn}]: the IV must be ${t.ivLength} bytes`);
  }
  try {
    let out: Buffer;
    if (t.legacy) out = legacyCrypt(t.legacy, decrypt, input, key, ivBytes, t.padding);
    else {
      const c = decrypt ? createDecipheriv(t.cipher, key, ivBytes) : createCipheriv(t.cipher, key, ivBytes);
      c.setAutoPadding(t.padding);
      out = Buffer.concat([c.update(input), c.final()]);
    }
    return !decrypt && t.ivLength && (iv === undefined || iv === '') ? Buffer.concat([ivBytes!, out]) : out;
  } catch (e) {
    throw expressionError(`Function [${fn}]: ${decrypt ? 'decryption' : 'encryption'} failed: ${(e as Error).message}`);
  }
}

/** encrypt() and decrypt() take the same arguments. */
const CRYPT_PARAMS: ParamSpec[] = [
  { name: 'string', type: 'string', required: true },
  { name: 'key', type: 'string', required: true },
  { name: 'algorithm', type: 'string', default: 'CFMX_COMPAT' },
  { name: 'encoding', type: 'string', default: 'UU' },
  { name: 'IVorSalt', type: 'any' },
  { name: 'iterations', type: 'numeric' },
];

export const cryptoFunctions: FunctionDef[] = [
  {
    name: 'hmac',
    params: [
      { name: 'message', type: 'any', required: true },
      { name: 'key', type: 'any', required: true },
      { name: 'algorithm', type: 'string', default: 'HMACMD5' },
      { name: 'encoding', type: 'string' },
    ],
    impl: (_c, message: unknown, key: unknown, algorithm: string, encoding?: string) => {
      const algo = HMAC_ALGOS[algorithm.trim().toLowerCase().replace(/[-_]/g, '')];
      if (!algo) throw expressionError(`Function [hmac]: unsupported algorithm [${algorithm}]`);
      const msg = message instanceof Uint8Array ? message : encodeString(toStr(message), encoding, 'hmac');
      return createHmac(algo, keyBytes('hmac', key, encoding)).update(msg).digest('hex').toUpperCase();
    },
  },
  {
    name: 'encrypt',
    params: CRYPT_PARAMS,
    // Lucee core-base.fld: member-name encrypt (s.encrypt(key, ...))
    members: [{ type: 'string', name: 'encrypt' }],
    impl: (_c, s: string, key: string, algorithm: string, encoding: string, iv?: unknown) => {
      const data = Buffer.from(s, 'utf8');
      if (isRsa(algorithm)) return encodeBinary('encrypt', rsaEncrypt(data, key), encoding);
      const out = isCfmxCompat(algorithm) ? cfmxCompatTransform(key, data) : crypt('encrypt', false, data, key, algorithm, iv);
      return encodeBinary('encrypt', out, encoding);
    },
  },
  {
    name: 'decrypt',
    params: CRYPT_PARAMS,
    impl: (_c, s: string, key: string, algorithm: string, encoding: string, iv?: unknown) => {
      const data = decodeBinary('decrypt', s, encoding);
      if (isRsa(algorithm)) return rsaDecrypt(data, key).toString('utf8');
      return (isCfmxCompat(algorithm) ? cfmxCompatTransform(key, data) : crypt('decrypt', true, data, key, algorithm, iv)).toString('utf8');
    },
  },
  {
    name: 'generateRSAKeys',
    params: [{ name: 'keySize', type: 'numeric', default: RSA_KEY_SIZE }],
    async: true,
    impl: (_c, keySize: number) => generateRsaKeys(keySize),
  },
  {
    // Lucee: the Base64 of the input's bytes as a DESede key, or a new random DESede key
    name: 'generate3DESKey',
    params: [{ name: 'input', type: 'string' }],
    impl: (_c, input?: string) => (input === undefined ? randomBytes(24).toString('base64') : Buffer.from(input, 'utf8').toString('base64')),
  },
  {
    name: 'generatePBKDFKey',
    params: [
      { name: 'algorithm', type: 'string', required: true },
      { name: 'passphrase', type: 'string', required: true },
      { name: 'salt', type: 'string', required: true },
      { name: 'iterations', type: 'numeric', default: 1000 },
      { name: 'keySize', type: 'numeric', default: 128 },
    ],
    impl: (_c, algorithm: string, pass: string, salt: string, iterations: number, keySize: number) => {
      const m = /^PBKDF2WithHmac(SHA1|SHA224|SHA256|SHA384|SHA512)$/i.exec(algorithm.trim());
      if (!m) throw expressionError(`Function [generatePBKDFKey]: unsupported algorithm [${algorithm}]`);
      if (keySize <= 0 || keySize % 8) throw expressionError(`Function [generatePBKDFKey]: the key size [${keySize}] must be a positive multiple of 8`);
      return pbkdf2Sync(pass, salt, Math.trunc(iterations), keySize / 8, m[1]!.toLowerCase()).toString('base64');
    },
  },
  {
    name: 'generateSecretKey',
    params: [{ name: 'algorithm', type: 'string', default: 'AES' }, { name: 'keySize', type: 'numeric' }],
    impl: (_c, algorithm: string, keySize?: number) => {
      const alg = algorithm.trim().toUpperCase();
      // Java's KeyGenerator defaults: AES 128, DES 64, DESede 192, Blowfish 128 bits
      const bits = keySize ?? (alg === 'AES' ? 128 : alg === 'DES' ? 64 : alg === 'DESEDE' ? 192 : alg === 'BLOWFISH' ? 128 : NaN);
      if (keySize === undefined && !Number.isFinite(bits)) throw expressionError(`Function [generateSecretKey]: unsupported algorithm [${algorithm}] or key size`);
      // AES keys are 128, 192 or 256 bits (as Java's KeyGenerator); others any whole number of bytes up to 8192 bits
      const valid = alg === 'AES' ? bits === 128 || bits === 192 || bits === 256 : Number.isInteger(bits) && bits >= 8 && bits <= 8192 && bits % 8 === 0;
      if (!valid) {
        throw expressionError(`Invalid argument [keySize] for function [generateSecretKey]: [${numberText(bits)}] is not a valid key size for [${alg}]`, {
          detail: alg === 'AES' ? 'AES keys have 128, 192 or 256 bits' : 'a key size is a multiple of 8 bits, at most 8192',
        });
      }
      return randomBytes(bits / 8).toString('base64');
    },
  },
];
