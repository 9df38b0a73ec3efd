import { describe, expect, it } from 'vitest';
import { fn, member } from '../support/fn-harness.js';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('HTML and XML escaping', () => {
  it('htmlEditFormat / htmlCodeFormat escape & < > "', () => {
    expect(fn('htmlEditFormat', 'This & that <b>"x"</b>')).toBe('This &amp; that &lt;b&gt;&quot;x&quot;&lt;/b&gt;');
    expect(fn('htmlEditFormat', "it's")).toBe("it's");
    expect(fn('htmlCodeFormat', '<a>')).toBe('<pre>&lt;a&gt;</pre>');
  });
  it('encodeForHTML and encodeForHTMLAttribute follow the ESAPI codec', () => {
    expect(fn('encodeForHTML', '<test>')).toBe('&lt;test&gt;');
    expect(fn('encodeForHTML', "a b,c.d-e_f'g/")).toBe('a b,c.d-e_f&#x27;g&#x2f;');
    expect(fn('encodeForHTML', 'café €')).toBe('caf&eacute; &euro;');
    expect(fn('encodeForHTML', '\u0001')).toBe('&#xfffd;');
    expect(fn('encodeForHTMLAttribute', 'a b')).toBe('a&#x20;b');
    expect(fn('encodeFor', 'html', '<br>')).toBe('&lt;br&gt;');
    expect(() => fn('encodeFor', 'pdf', 'x')).toThrow(/encodeFor/);
  });
  it('encodeForXML uses numeric references', () => {
    expect(fn('encodeForXML', 'Fred & Ted')).toBe('Fred &#x26; Ted');
    expect(fn('encodeForXMLAttribute', "It's for use in attribute values")).toBe('It&#x27;s for use in attribute values');
  });
  it('xmlFormat escapes the five XML characters', () => {
    expect(fn('xmlFormat', '<node>Good &amp; Juicy</node>')).toBe('&lt;node&gt;Good &amp;amp; Juicy&lt;/node&gt;');
    expect(fn('xmlFormat', `"it's"`)).toBe('&quot;it&apos;s&quot;');
  });
  it('decodeForHTML and canonicalize undo encodings', () => {
    expect(fn('decodeForHTML', '&lt;a&gt; &amp;amp; &#65;&#x42; &eacute; &bogus;')).toBe('<a> &amp; AB é &bogus;');
    expect(fn('canonicalize', '&lt;', false, false)).toBe('<');
    expect(fn('canonicalize', '%26lt; %2526lt%253B', false, false)).toBe('< <');
    expect(fn('canonicalize', '&#X25;3c', false, false)).toBe('<');
    expect(fn('canonicalize', '\\u003C', false, false)).toBe('<');
    expect(fn('canonicalize', '%2526lt%253B', true, true, false)).toBe('');
    expect(() => fn('canonicalize', '%2526lt%253B', true, true, true)).toThrow(/Input validation failure/);
  });
});

describe('JavaScript escaping', () => {
  it('jsStringFormat escapes quotes, backslashes and control characters', () => {
    expect(fn('jsStringFormat', "Bob's comment")).toBe("Bob\\'s comment");
    expect(fn('jsStringFormat', 'I Love "Lucee"')).toBe('I Love \\"Lucee\\"');
    expect(fn('jsStringFormat', 'a\\b\nc\td')).toBe('a\\\\b\\nc\\td');
    expect(fn('jsStringFormat', 'Lucee@@@')).toBe('Lucee@@@');
  });
  it('encodeForJavaScript uses upper-case \\x and \\u escapes', () => {
    expect(fn('encodeForJavaScript', 'foo()')).toBe('foo\\x28\\x29');
    expect(fn('encodeForJavaScript', '<script>')).toBe('\\x3Cscript\\x3E');
    expect(fn('encodeForJavaScript', 'a,b.c_d €')).toBe('a,b.c_d\\x20\\u20AC');
    expect(member('string', 'encodeForJavaScript', '<')).toBe('\\x3C');
  });
  it('encodeForCSS', () => {
    expect(fn('encodeForCSS', 'a<b')).toBe('a\\3c b');
  });
});

describe('URL encoding', () => {
  it('urlEncodedFormat encodes everything but letters and digits, space as %20', () => {
    expect(fn('urlEncodedFormat', 'This is a string with special character.')).toBe('This%20is%20a%20string%20with%20special%20character%2E');
    expect(fn('urlEncodedFormat', ' ++--..__~*')).toBe('%20%2B%2B%2D%2D%2E%2E%5F%5F%7E%2A');
    expect(fn('urlEncodedFormat', 'öäü')).toBe('%C3%B6%C3%A4%C3%BC');
    expect(fn('urlEncodedFormat', 'öäü', 'iso-8859-1')).toBe('%F6%E4%FC');
    expect(fn('urlEncodedFormat', 'abcDEF123')).toBe('abcDEF123');
  });
  it('urlEncode and encodeForURL are form encodings (space as +)', () => {
    expect(fn('urlEncode', 'Apples → Äpfel', 'utf-8')).toBe('Apples+%E2%86%92+%C3%84pfel');
    expect(fn('urlEncode', 'Apples → Äpfel', 'ASCII')).toBe('Apples+%3F+%3Fpfel');
    expect(fn('encodeForURL', '<tag>')).toBe('%3Ctag%3E');
    expect(fn('encodeForURL', '5+3=8')).toBe('5%2B3%3D8');
    expect(fn('encodeForURL', '&lt;tag&gt;', true)).toBe('%3Ctag%3E');
    expect(fn('encodeForURL', 'a-b.c*d_e f')).toBe('a-b.c*d_e+f');
  });
  it('urlDecode', () => {
    expect(fn('urlDecode', '%21')).toBe('!');
    expect(fn('urlDecode', 'a+b%20c')).toBe('a b c');
    expect(fn('urlDecode', '%2418%24f%5E%24XlTe41')).toBe('$18$f^$XlTe41');
    expect(fn('urlDecode', '%C3%B6')).toBe('ö');
    expect(fn('urlDecode', '%F6', 'iso-8859-1')).toBe('ö');
    expect(fn('urlDecode', 'äöü€')).toBe('äöü€');
    expect(fn('urlDecode', '100%')).toBe('100%');
    const plain = " \t+%&$,\\|/:;=?@<>#{}()[]^`~-_.*'\"öäüéàè";
    expect(fn('urlDecode', fn('urlEncodedFormat', plain))).toBe(plain);
    expect(fn('decodeFromURL', 'a+b%3C')).toBe('a b<');
  });
});

describe('base64, binary and charsets', () => {
  it('toBase64 and toBinary', () => {
    expect(fn('toBase64', 'Test String')).toBe('VGVzdCBTdHJpbmc=');
    expect(fn('toBase64', 'é', 'iso-8859-1')).toBe('6Q==');
    expect(fn('toBase64', bytes(0, 255))).toBe('AP8=');
    expect(fn('toBinary', 'VGVzdCBTdHJpbmc=')).toEqual(new Uint8Array(Buffer.from('Test String')));
    const b = bytes(1, 2);
    expect(fn('toBinary', b)).toBe(b);
    expect(() => fn('toBinary', 'not base64!')).toThrow(/Base64/);
    expect(() => fn('toBase64', ['a'])).toThrow(/toBase64/);
  });
  it('binaryEncode / binaryDecode for hex, base64, base64url and uu', () => {
    expect(fn('binaryEncode', fn('binaryDecode', '737472696e67', 'hex'), 'hex')).toBe('737472696E67');
    expect(fn('binaryDecode', 'F62B', 'hex')).toEqual(bytes(0xf6, 0x2b));
    expect((fn('binaryDecode', '00000000000000000000000000000000', 'hex') as Uint8Array).length).toBe(16);
    expect(fn('binaryDecode', 'U3RyaW5n', 'base64')).toEqual(new Uint8Array(Buffer.from('String')));
    expect(fn('binaryEncode', bytes(0xfb, 0xff), 'base64url')).toBe('-_8');
    expect(fn('binaryDecode', '&<W1R:6YG', 'UU')).toEqual(new Uint8Array(Buffer.from('string')));
    expect(fn('binaryEncode', new Uint8Array(Buffer.from('string')), 'UU')).toBe('&<W1R:6YG');
    const long = new Uint8Array(100).map((_, i) => i);
    expect(fn('binaryDecode', fn('binaryEncode', long, 'uu'), 'uu')).toEqual(long);
    expect(() => fn('binaryDecode', 'abc', 'hex')).toThrow(/hex/);
    expect(() => fn('binaryEncode', 'text', 'hex')).toThrow(/binary/);
    expect(() => fn('binaryEncode', bytes(1), 'rot13')).toThrow(/encoding/);
  });
  it('charsetDecode / charsetEncode', () => {
    expect(fn('charsetDecode', 'é', 'utf-8')).toEqual(bytes(0xc3, 0xa9));
    expect(fn('charsetDecode', 'é', 'iso-8859-1')).toEqual(bytes(0xe9));
    expect(fn('charsetDecode', '€', 'windows-1252')).toEqual(bytes(0x80));
    expect(fn('charsetDecode', 'A', 'utf-16')).toEqual(bytes(0xfe, 0xff, 0, 0x41));
    expect(fn('charsetEncode', fn('charsetDecode', 'string', 'us-ascii'), 'us-ascii')).toBe('string');
    expect(fn('charsetEncode', bytes(0x80), 'windows-1252')).toBe('€');
    expect(fn('charsetEncode', bytes(0xfe, 0xff, 0, 0x41), 'utf-16')).toBe('A');
    expect(() => fn('charsetDecode', 'x', 'klingon')).toThrow(/charset/);
  });
});

describe('hash', () => {
  it('defaults to upper-case MD5 hex', () => {
    expect(fn('hash', 'something')).toBe('437B930DB84B8079C2DD804A71936B5F');
    expect(member('string', 'hash', 'something')).toBe('437B930DB84B8079C2DD804A71936B5F');
    expect(fn('hash', 'something', 'CFMX_COMPAT')).toBe('437B930DB84B8079C2DD804A71936B5F');
  });
  it('supports the SHA family', () => {
    expect(fn('hash', 'something', 'SHA-256', 'UTF-8')).toBe('3FC9B689459D738F8C88A3A48AA9E33542016B7A4052E001AAA536FCA74813CB');
    expect(fn('hash', 'abc', 'SHA')).toBe('A9993E364706816ABA3E25717850C26C9CD0D89D');
    expect(fn('hash', 'abc', 'sha-1')).toBe('A9993E364706816ABA3E25717850C26C9CD0D89D');
    expect((fn('hash', 'abc', 'SHA-384') as string).length).toBe(96);
    expect((fn('hash', 'abc', 'SHA-512') as string).slice(0, 16)).toBe('DDAF35A193617ABA');
  });
  it('iterates on the digest bytes and hashes binaries directly', () => {
    const once = fn('hash', 'abc', 'MD5') as string;
    const twice = fn('hash', 'abc', 'MD5', 'utf-8', 2);
    expect(twice).toBe(fn('hash', fn('binaryDecode', once, 'hex'), 'MD5'));
    expect(fn('hash', 'abc', 'MD5', 'utf-8', 0)).toBe(once);
    expect(fn('hash', 'é', 'MD5', 'iso-8859-1')).toBe(fn('hash', fn('charsetDecode', 'é', 'iso-8859-1'), 'MD5'));
    expect(() => fn('hash', 'x', 'whirlpool')).toThrow(/algorithm/);
  });
});

describe('UUIDs', () => {
  it('createUUID is 8-4-4-16 upper-case hex, createGUID 8-4-4-4-12', () => {
    const u = fn('createUUID') as string;
    expect(u).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{16}$/);
    expect(fn('createGUID')).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    expect(fn('createUUID')).not.toBe(u);
  });
});
