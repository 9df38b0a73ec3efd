/**
 * RSA for encrypt()/decrypt() with algorithm "RSA" and generateRSAKeys(), as Lucee's
 * commons.digest.RSA: keys are Base64 of the DER encoding, PKCS#8 for the private key and X.509
 * (SubjectPublicKeyInfo) for the public one; a key string is tried as a private key first. Data
 * longer than one RSA block is cut into pieces of (key bytes - 11) and each piece is encrypted
 * with PKCS#1 v1.5 padding; decryption reads whole blocks of the key's size.
 *
 * Safe rather than Lucee: decrypting PKCS#1 v1.5 with a *private* key is refused, as Node refuses
 * it since CVE-2023-46809 (a padding oracle); encrypting with the private key and decrypting with
 * the public one (what generateRSAKeys' callers do in Lucee's own tests) and encrypting with
 * the public key work.
 */
import { constants, createPrivateKey, createPublicKey, generateKeyPair, privateEncrypt, publicDecrypt, publicEncrypt, type KeyObject } from 'node:crypto';
import { expressionError } from '../errors.js';
import { Struct } from '../struct.js';

export const isRsa = (algorithm: string) => algorithm.trim().toUpperCase() === 'RSA';

/** Lucee's default key size of generateRSAKeys. */
export const RSA_KEY_SIZE = 1024;

function toKey(fn: string, key: string): KeyObject {
  const der = Buffer.from(key.replace(/\s+/g, ''), 'base64');
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } catch {
    try {
      return createPublicKey({ key: der, format: 'der', type: 'spki' });
    } catch {
      throw expressionError(`Function [${fn}]: the key is not an RSA key (Base64 of a PKCS#8 private key or an X.509 public key)`);
    }
  }
}

const blockBytes = (k: KeyObject) => Math.ceil((k.asymmetricKeyDetails?.modulusLength ?? RSA_KEY_SIZE) / 8);

/**
 * Encrypts `data` with the key (private or public), piece by piece.
 * @throws Expression error for a key that is no RSA key.
 */
export function rsaEncrypt(data: Uint8Array, key: string): Buffer {
  const k = toKey('encrypt', key);
  const max = blockBytes(k) - 11;
  const run = k.type === 'private' ? privateEncrypt : publicEncrypt;
  const parts: Buffer[] = [];
  for (let off = 0; off < data.length; off += max) parts.push(run({ key: k, padding: constants.RSA_PKCS1_PADDING }, data.subarray(off, off + max)));
  return Buffer.concat(parts);
}

/**
 * Decrypts what rsaEncrypt made with the other key of the pair.
 * @throws Expression error for a private key (see the module note) or data that does not decrypt.
 */
export function rsaDecrypt(data: Uint8Array, key: string): Buffer {
  const k = toKey('decrypt', key);
  if (k.type === 'private') {
    throw expressionError('Function [decrypt]: RSA decryption with a private key is not supported (PKCS#1 v1.5 padding oracle, CVE-2023-46809)', {
      detail: 'encrypt with the private key and decrypt with the public key, or use an AES key for the data',
    });
  }
  const size = blockBytes(k);
  const parts: Buffer[] = [];
  try {
    for (let off = 0; off < data.length; off += size) parts.push(publicDecrypt({ key: k, padding: constants.RSA_PKCS1_PADDING }, data.subarray(off, off + size)));
  } catch (e) {
    throw expressionError(`Function [decrypt]: RSA decryption failed: ${(e as Error).message}`);
  }
  return Buffer.concat(parts);
}

/**
 * generateRSAKeys(keySize): a struct {private, public} of Base64 DER keys. Generated off the
 * main thread (a 4096-bit key takes seconds), so the call returns a promise.
 * @throws Expression error for a size below 512 bits or above 4096 (Lucee takes any size; larger keys
 *   take many seconds of one of libuv's four pool threads each, so a few calls would stall every
 *   request's file I/O).
 */
export function generateRsaKeys(keySize: number): Promise<Struct> {
  const bits = Math.trunc(keySize);
  if (!(bits >= 512 && bits <= 4096)) throw expressionError(`Invalid argument [keySize] for function [generateRSAKeys]: [${keySize}] must be between 512 and 4096 bits`);
  return new Promise((resolve, reject) => {
    generateKeyPair('rsa', { modulusLength: bits }, (err, publicKey, privateKey) => {
      if (err) return reject(expressionError(`Function [generateRSAKeys]: ${err.message}`));
      const s = new Struct();
      s.set('private', privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'));
      s.set('public', publicKey.export({ type: 'spki', format: 'der' }).toString('base64'));
      resolve(s);
    });
  });
}
