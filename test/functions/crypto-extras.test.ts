/** hash40, createUniqueId, generate3DESKey, generateRSAKeys with RSA encrypt/decrypt (Lucee's rules, our values). */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/index.js';
import { fn } from '../support/fn-harness.js';

const render = (src: string) => new Engine({ logger: () => {} }).renderString(`<cfscript>${src}</cfscript>`);
const hex = (alg: string, data: string | Buffer) => createHash(alg).update(data).digest('hex').toUpperCase();

describe('hash40', () => {
  it('digests the input repeated numIterations times (hash() digests the digest again)', () => {
    expect(fn('hash40', 'cfml')).toBe(hex('md5', 'cfml'));
    expect(fn('hash40', 'cfml', 'SHA-256', 'utf-8', 3)).toBe(hex('sha256', 'cfmlcfmlcfml'));
    expect(fn('hash', 'cfml', 'SHA-256', 'utf-8', 2)).toBe(hex('sha256', createHash('sha256').update('cfml').digest()));
  });
  it('encodes the text in the charset given, Java names included', () => {
    expect(fn('hash40', 'ab', 'SHA', 'utf-16')).toBe(hex('sha1', Buffer.from([0xfe, 0xff, 0, 0x61, 0, 0x62])));
    // ASCII text is the same bytes in every charset that keeps ASCII
    expect(fn('hash40', 'plain', 'MD5', 'euc-cn')).toBe(hex('md5', 'plain'));
    expect(fn('hash40', 'plain', 'MD5', 'big5')).toBe(hex('md5', 'plain'));
    expect(() => fn('hash40', 'x', 'whirlpool')).toThrow(/Unsupported hash algorithm/);
  });
});

describe('createUniqueId', () => {
  it('is 22 characters of URL-safe Base64, new each call', () => {
    const a = fn('createUniqueId') as string;
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(fn('createUniqueId')).not.toBe(a);
  });
  it('type "counter" counts up in base 36', () => {
    const a = parseInt(fn('createUniqueId', 'counter') as string, 36);
    expect(parseInt(fn('createUniqueId', 'COUNTER') as string, 36)).toBe(a + 1);
  });
});

describe('generate3DESKey', () => {
  it('is the Base64 of the input, or a new 24-byte key', () => {
    expect(fn('generate3DESKey', 'key material')).toBe(Buffer.from('key material').toString('base64'));
    expect(Buffer.from(fn('generate3DESKey') as string, 'base64')).toHaveLength(24);
  });
});

describe('generateRSAKeys and encrypt/decrypt "RSA"', () => {
  it('a 1024-bit pair by default; the private key encrypts data of any length, the public key decrypts', async () => {
    const out = await render(`
      k = generateRSAKeys();
      text = repeatString("Grüße aus CFML ", 40);
      enc = encrypt(text, k.private, "RSA", "base64");
      writeOutput(structKeyList(k) & "|" & (decrypt(enc, k.public, "RSA", "base64") == text) & "|" & len(toBinary(enc)));
    `);
    // 630 bytes of UTF-8 in blocks of 117 bytes: 6 blocks of 128 bytes
    expect(out).toBe('private,public|true|768');
  });
  it('takes other key sizes; decrypting with a private key is refused with the reason', async () => {
    const out = await render(`
      k = generateRSAKeys(768);
      enc = encrypt("secret", k.public, "RSA");
      try { decrypt(enc, k.private, "RSA"); } catch (any e) { writeOutput(e.message contains "private key"); }
      try { generateRSAKeys(256); } catch (any e) { writeOutput("|too small"); }
      try { encrypt("x", "not a key", "RSA"); } catch (any e) { writeOutput("|" & (e.message contains "RSA key")); }
    `);
    expect(out).toBe('true|too small|true');
  });
});
