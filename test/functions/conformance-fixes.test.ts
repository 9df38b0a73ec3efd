/**
 * Built-ins added or fixed while running the cfdocs conformance examples (npm run conformance).
 * Expected values are the cfdocs results (checked against Lucee) or standard test vectors.
 */
import { describe, expect, it } from 'vitest';
import { Engine, CfmlError } from '../../src/index.js';
import { fn } from '../support/fn-harness.js';

const render = (src: string) => new Engine({ logger: () => {} }).renderString(src);

describe('phonetic codes', () => {
  it('soundEx is American Soundex', () => {
    expect(['Robert', 'Rupert', 'Rubin', 'Ashcraft', 'Tymczak', 'Pfister'].map((w) => fn('soundEx', w))).toEqual(['R163', 'R163', 'R150', 'A261', 'T522', 'P236']);
    expect(fn('soundEx', '')).toBe('');
  });
  it('metaphone gives codes of at most 4 characters', () => {
    expect(fn('metaphone', 'Donaudampfschiffahrtsgesellschaftskapitän')).toBe('TNTM');
    expect(fn('metaphone', 'Truck')).toBe('TRK');
    expect(fn('metaphone', 'Trek')).toBe('TRK');
    expect(fn('metaphone', 'Star Trek')).toBe('STRT');
    expect(fn('metaphone', 'Thomas')).toBe('0MS');
  });
});

describe('keyed crypto', () => {
  it('hmac is upper-case hex (RFC 4231 style vectors)', () => {
    expect(fn('hmac', 'msg', 'secret', 'HMACSHA256')).toBe('FE4F9C418F683F034F6AF90D1DD5B86AC0355DD96332C59CC74598D0736107F6');
    expect(fn('hmac', 'The quick brown fox jumps over the lazy dog', 'key', 'HmacMD5')).toBe('80070713463E7749B90C2DC24911E275');
    expect(() => fn('hmac', 'x', 'k', 'HMACFOO')).toThrow(CfmlError);
  });
  it('encrypt/decrypt AES (ECB default) match Java, CBC prepends the IV', () => {
    expect(fn('encrypt', 'top secret', 'WTq8zYcZfaWVvMncigHqwQ==', 'AES', 'Base64')).toBe('keciULin7bxOWvN/BOarWw==');
    expect(fn('decrypt', 'keciULin7bxOWvN/BOarWw==', 'WTq8zYcZfaWVvMncigHqwQ==', 'AES', 'Base64')).toBe('top secret');
    const enc = fn('encrypt', 'hello', 'WTq8zYcZfaWVvMncigHqwQ==', 'AES/CBC/PKCS5Padding', 'Hex') as string;
    expect(enc).toMatch(/^[0-9A-F]{64}$/);
    expect(fn('decrypt', enc, 'WTq8zYcZfaWVvMncigHqwQ==', 'AES/CBC/PKCS5Padding', 'Hex')).toBe('hello');
    expect(() => fn('encrypt', 'x', 'AAAA', 'AES', 'Base64')).toThrow(/key length/);
  });
  it('generatePBKDFKey', () => {
    expect(fn('generatePBKDFKey', 'PBKDF2WithHmacSHA1', 'secret', 'salty', 5000, 128)).toBe('Y0MCpCe3zb0CNJvyXNUWEQ==');
    expect(() => fn('generatePBKDFKey', 'MD5', 'a', 'b')).toThrow(CfmlError);
  });
});

describe('escaping (ESAPI codecs)', () => {
  it('encodeForXML/XMLAttribute leave space and tab alone', () => {
    expect(fn('encodeForXMLAttribute', "It's for use in attribute values")).toBe('It&#x27;s for use in attribute values');
    expect(fn('encodeForXML', 'a\tb <c>')).toBe('a\tb &#x3c;c&#x3e;');
  });
  it('encodeForLDAP, encodeForDN, encodeForXPath', () => {
    expect(fn('encodeForLDAP', 'pete) (| (password = * ) )')).toBe('pete\\29 \\28| \\28password = \\2a \\29 \\29');
    expect(fn('encodeForDN', 'x,y')).toBe('x\\,y');
    expect(fn('encodeForDN', '#a b ')).toBe('\\#a b\\ ');
    expect(fn('encodeForXPath', "'or 1=1", false)).toBe('&#x27;or 1&#x3d;1');
  });
});

describe('small built-ins', () => {
  it('isLocalhost, lsIsNumeric, lsParseCurrency, nullValue', () => {
    expect(['127.0.0.1', '::1', '127.8.8.8', '8.8.8.8'].map((ip) => fn('isLocalhost', ip))).toEqual([true, true, false, false]);
    expect(fn('lsIsNumeric', 'Ten')).toBe(false);
    expect(fn('lsIsNumeric', '4678')).toBe(true);
    expect(fn('lsIsNumeric', '1,234.5')).toBe(true);
    expect(fn('lsParseCurrency', '$120.50')).toBe(120.5);
    expect(fn('lsParseCurrency', '($1,000)')).toBe(-1000);
    expect(() => fn('lsParseCurrency', 'abc')).toThrow(CfmlError);
    expect(fn('nullValue')).toBe(null);
  });
  it('structToQueryString url-encodes values', () => {
    expect(fn('structToQueryString', fn('deserializeJSON', '{"firstName":"John","last name":"D&e"}'))).toBe('firstName=John&last name=D%26e');
  });
});

describe('through the engine', () => {
  it('dates: beat, getNumericDate, isNumericDate, lsParseDateTime', async () => {
    expect(await render('<cfoutput>#getNumericDate("2018-01-01")#|#isNumericDate(now())#|#isNumericDate("Monday")#|#lsParseDateTime("01/08/2011")#</cfoutput>')).toBe(
      "43101|true|false|{ts '2011-01-08 00:00:00'}",
    );
    const beat = Number(await render('<cfoutput>#beat("14:02")#</cfoutput>'));
    // 14:02 local is 13:02 UTC in CET and 14:02 UTC in UTC: the beat depends on the zone offset.
    const off = new Date().getTimezoneOffset();
    expect(beat).toBeCloseTo((((14 * 60 + 2 + off + 60) % 1440 + 1440) % 1440) / 1.44, 2);
  });
  it('collection functions dispatch on arrays, structs and queries', async () => {
    const src = `<cfscript>
      a = [{n: 'me', k: 1}, {n: 'you', k: 2}];
      collectionEach(a, function(item) { writeOutput(item.n & ' - '); });
      writeOutput(collectionEvery(a, (i) => i.k > 0) & ',' & collectionSome(a, (i) => i.k > 1) & ',');
      writeOutput(arrayLen(collectionFilter(a, (i) => i.k == 2)) & ',');
      writeOutput(collectionReduce(a, (acc, i) => acc + i.k, 10) & ',');
      s = {x: 1, y: 2};
      writeOutput(structCount(collectionMap(s, (k, v) => v * 2)) & ',');
      each(a, function(item) { writeOutput(item.k); });
      writeOutput(',' & arrayToList(valueArray(queryNew("id", "integer", [[1], [2]]), "id")));
    </cfscript>`;
    expect(await render(src)).toBe('me - you - true,true,1,13,2,12,1,2');
    await expect(render('<cfscript>collectionEach("abc", function(x) {});</cfscript>')).rejects.toThrow(/can't iterate/);
  });
  it('exp() is a function call and arrayLen accepts a binary value', async () => {
    expect(await render("<cfoutput>#exp(0)#|#arrayLen(binaryDecode('00000000000000000000000000000000','hex'))#</cfoutput>")).toBe('1|16');
  });
  it('locale functions', async () => {
    const src = `<cfscript>
      writeOutput(getLocale() & ' → ');
      setLocale('de_ch');
      writeOutput(getLocale() & '|' & getLocaleDisplayName() & '|');
      writeOutput(getLocaleInfo(locale='de-DE', dspLocale='English (United States)').display.country & '|');
      writeOutput(getLocaleInfo(locale='en_US', dspLocale='German').display.language);
    </cfscript>`;
    expect(await render(src)).toBe('en_US → de_CH|Deutsch (Schweiz)|Germany|Englisch');
    await expect(render('<cfscript>setLocale("!!");</cfscript>')).rejects.toThrow(/invalid locale/);
  });
  it('echo and getFunctionList', async () => {
    expect(await render('<cfscript>echo("hello world");writeOutput(getFunctionList().keyExists("reMatch"));</cfscript>')).toBe('hello worldtrue');
  });
});
