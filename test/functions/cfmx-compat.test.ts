/**
 * encrypt()/decrypt() with the default CFMX_COMPAT algorithm and the UU, Hex and Base64 encodings.
 *
 * Where the expected values come from: each one was produced by running Lucee's own classes
 * lucee.runtime.crypt.CFMXCompat and lucee.runtime.coder.UUCoder (lucee/Lucee at commit aa3ba2e,
 * compiled unchanged on a JVM, outside this repository) on the same text and key, i.e. the exact
 * output Lucee's encrypt(text, key [, "CFMX_COMPAT", encoding]) returns. Hex and Base64 are the same
 * bytes in Lucee's HexCoder (upper case) and Base64.
 */
import { describe, expect, it } from 'vitest';
import { Engine, CfmlError } from '../../src/index.js';
import { fn } from '../support/fn-harness.js';

const GOLDEN: Array<[text: string, key: string, uu: string, hex: string, base64: string]> = [
  ['text', 'key', '$38YC!P  \n', '4D8E6307', 'TY5jBw=='],
  ['hallo welt', 'stringkey', '*48IW<5(3D9X:J0  \n', '518A77715213919E1AA9', 'UYp3cVITkZ4aqQ=='],
  ['Hello World', 'mySecretKey', '+60ZC%I3+(IQ%25< \n', '590EA31694CB229C454957', 'WQ6jFpTLIpxFSVc='],
  ['', '', ' \n', '', ''],
  ['abc', '', '#@0F4\n', '810994', 'gQmU'],
  ['Grüße €', 'schlüssel€', '+?IE:;[%KNAGYO]\\ \n', '7E995A6FB16BBA19F9BFDF', 'fplab7Fruhn5v98='],
  [
    'x'.repeat(45),
    'k',
    "M:Z:6GIZ+'LZ&H4%C(>/BMQ:/C(J'%0=K'IV+UH2QG[:WUH%>GK%FKLNEH5>O\n \n",
    '6BA6969E9E8B1ECE86A1416321E3E2B7168F8C8A8715076B1E9D8BD684B19FB6B7D6815E9EB166AECBA5A157AF',
    'a6aWnp6LHs6GoUFjIePitxaPjIqHFQdrHp2L1oSxn7a31oFenrFmrsuloVev',
  ],
  [
    '0123456789'.repeat(10),
    'A longer key of 20ch',
    'M%H)+WI#&3.P!S8+MC, \'R%#(U."#7>M<ZP8(SA7&[U8,RDC+R?JD]*L*E5S/\nMY@\'NG.OM_ML,"-S)^BL-S,+&^BC+R=#5W*_( <H+XD\\%I][L_LGGZ0S:_O,6\n**T^KG=+>R]@FX@  \n',
    '16824BDE90C64CEC01CD82ED8CC007C850C8D4E0835DEB5CEB0608CE15C6EF560CCA48CBC9FAA4F4AB0A955CCFE601EE9CEBEDFEDB0C08DCC9FA2B0DCCC2C6FA28CBC9D0D5DCAFC801CA0BE24F05A7DEECFEC9E7E90CDAFEF3162B4FAB9DD2DECBD826E2',
    'FoJL3pDGTOwBzYLtjMAHyFDI1OCDXetc6wYIzhXG71YMykjLyfqk9KsKlVzP5gHunOvt/tsMCNzJ+isNzMLG+ijLydDV3K/IAcoL4k8Fp97s/snn6Qza/vMWK0+rndLey9gm4g==',
  ],
];

describe('encrypt/decrypt CFMX_COMPAT (Lucee byte for byte)', () => {
  it.each(GOLDEN)('encrypt(%j, %j) equals Lucee in UU, Hex and Base64, and decrypts back', (text, key, uu, hex, b64) => {
    expect(fn('encrypt', text, key)).toBe(uu);
    expect(fn('encrypt', text, key, 'CFMX_COMPAT', 'UU')).toBe(uu);
    expect(fn('encrypt', text, key, 'cfmx_compat', 'Hex')).toBe(hex);
    expect(fn('encrypt', text, key, '', 'Base64')).toBe(b64);
    expect(fn('decrypt', uu, key)).toBe(text);
    expect(fn('decrypt', hex, key, 'CFMX_COMPAT', 'hex')).toBe(text);
    expect(fn('decrypt', b64, key, 'CFMX_COMPAT', 'base64')).toBe(text);
  });

  it('decrypt accepts UU text with CRLF line ends and backquotes for zero', () => {
    const uu = fn('encrypt', '0123456789'.repeat(10), 'A longer key of 20ch') as string;
    expect(fn('decrypt', uu.replace(/\n/g, '\r\n').replace(/ /g, '`'), 'A longer key of 20ch')).toBe('0123456789'.repeat(10));
  });

  it('a wrong key gives other text, not an error (a stream cipher has no check)', () => {
    expect(fn('decrypt', '$38YC!P  \n', 'other key')).not.toBe('text');
  });

  it('bad input and encodings are CFML errors', () => {
    expect(() => fn('decrypt', '$38', 'key')).toThrow(CfmlError);
    expect(() => fn('decrypt', 'ABC', 'key', 'CFMX_COMPAT', 'hex')).toThrow(CfmlError);
    expect(() => fn('encrypt', 'x', 'key', 'CFMX_COMPAT', 'rot13')).toThrow(/valid encodings are \[hex, uu, base64\]/);
  });

  it('works from a page, also as a member function', async () => {
    const out = await new Engine({ logger: () => {} }).renderString(
      '<cfset e = encrypt("text", "key")><cfoutput>#len(e)#|#decrypt(e, "key")#|#"text".encrypt("key", "CFMX_COMPAT", "hex")#</cfoutput>',
    );
    expect(out).toBe('10|text|4D8E6307');
  });
});

/**
 * DES and Blowfish (Node's OpenSSL 3 lacks both). Expected values: javax.crypto (the JCE Lucee's
 * encrypt() calls) on a JVM with the same transformation, key and IV, Base64-encoded.
 */
describe('encrypt/decrypt DES and BLOWFISH (as Java/Lucee)', () => {
  const CASES: Array<[alg: string, key: string, text: string, iv: string | undefined, expected: string]> = [
    ['DES', 'AQIDBAUGBwg=', 'hallo welt', undefined, 'v0I/YtOvGZ3ucw6ijvHtCA=='],
    ['DES/CBC/PKCS5Padding', 'AQIDBAUGBwg=', 'hallo welt', 'CAcGBQQDAgE=', 'g2Erm1JowiZk3mqj1o8LBw=='],
    ['BLOWFISH', 'AAECAwQFBgcICQoLDA0ODw==', 'hallo welt', undefined, 'RuUnHMULmm4vsCtjVIcApw=='],
    ['Blowfish/CBC/PKCS5Padding', 'AAECAwQFBgcICQoLDA0ODw==', 'Grüße, Welt! 0123456789', 'AQIDBAUGBwg=', '1U6pRFERIu9omTgotKlBjtgxVLL3xqSVUtHnxN9tMz8='],
  ];
  it.each(CASES)('%s', (alg, key, text, iv, expected) => {
    const ivBytes = iv === undefined ? undefined : new Uint8Array(Buffer.from(iv, 'base64'));
    expect(fn('encrypt', text, key, alg, 'Base64', ivBytes)).toBe(expected);
    expect(fn('decrypt', expected, key, alg, 'Base64', ivBytes)).toBe(text);
  });

  it('round-trips with generateSecretKey for AES, DES, DESEDE and BLOWFISH (CBC prepends a random IV)', () => {
    for (const alg of ['AES', 'DES', 'DESEDE', 'BLOWFISH', 'DES/CBC/PKCS5Padding', 'BLOWFISH/CBC/PKCS5Padding']) {
      const key = fn('generateSecretKey', alg.split('/')[0]) as string;
      const enc = fn('encrypt', 'hallo welt', key, alg) as string;
      expect(fn('decrypt', enc, key, alg)).toBe('hallo welt');
    }
    expect(Buffer.from(fn('generateSecretKey', 'BLOWFISH') as string, 'base64').length).toBe(16);
    expect(() => fn('encrypt', 'x', 'AQIDBAUG', 'DES', 'Base64')).toThrow(/DES key length/);
  });
});
