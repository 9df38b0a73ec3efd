/**
 * DES and Blowfish for encrypt()/decrypt(): Node 20's OpenSSL 3 keeps both in its legacy provider,
 * which a library cannot switch on, so they come from des.js and egoroof-blowfish (small, widely
 * used pure-JS implementations). ECB and CBC modes, PKCS5 padding or none, as Java names them.
 */
import { createRequire } from 'node:module';
import { Blowfish } from 'egoroof-blowfish';

interface DesCipher {
  update(data: Uint8Array | number[]): number[];
  final(): number[];
}
interface DesFactory {
  create(o: { type: 'encrypt' | 'decrypt'; key: Uint8Array; iv?: Uint8Array; padding?: boolean }): DesCipher;
}
interface DesModule {
  DES: DesFactory;
  CBC: { instantiate(c: DesFactory): DesFactory };
}

const load = createRequire(typeof __filename === 'string' ? __filename : import.meta.url);
let desLib: DesModule | undefined;

/** Block size in bytes of the legacy ciphers. */
export const LEGACY_BLOCK = 8;

/**
 * Runs DES or Blowfish over `data`.
 * @param alg 'DES' (8-byte key) or 'BLOWFISH' (4 to 56 byte key)
 * @param iv 8 bytes for CBC, null for ECB
 * @throws Error when the key or the padding of decrypted data is wrong
 */
export function legacyCrypt(alg: 'DES' | 'BLOWFISH', decrypt: boolean, data: Uint8Array, key: Uint8Array, iv: Uint8Array | null, padding: boolean): Buffer {
  if (alg === 'DES') {
    if (key.length !== 8) throw new Error(`invalid DES key length of ${key.length} bytes (DES keys are 8 bytes)`);
    desLib ??= load('des.js') as DesModule;
    const factory = iv ? desLib.CBC.instantiate(desLib.DES) : desLib.DES;
    const c = factory.create({ type: decrypt ? 'decrypt' : 'encrypt', key, iv: iv ?? undefined, padding });
    return Buffer.from([...c.update(data), ...c.final()]);
  }
  if (key.length < 4 || key.length > 56) throw new Error(`invalid Blowfish key length of ${key.length} bytes (4 to 56)`);
  const bf = new Blowfish(key, iv ? Blowfish.MODE.CBC : Blowfish.MODE.ECB, padding ? Blowfish.PADDING.PKCS5 : Blowfish.PADDING.NULL);
  if (iv) bf.setIv(iv);
  if (!padding && data.length % LEGACY_BLOCK) throw new Error('with NoPadding the data must be a multiple of 8 bytes');
  return Buffer.from(decrypt ? bf.decode(data, Blowfish.TYPE.UINT8_ARRAY) : bf.encode(data));
}
