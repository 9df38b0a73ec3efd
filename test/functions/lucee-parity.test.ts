/**
 * Behaviour checked against Lucee's own implementation while going through the cfdocs failures
 * (each test names the Lucee source that shows it).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/index.js';
import { fn } from '../support/fn-harness.js';

const render = (src: string) => new Engine({ logger: () => {} }).renderString(src);
const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d, 12));

describe('lsWeek (Lucee LSWeek.java: Calendar WEEK_OF_YEAR by the locale)', () => {
  it('US weeks start on Sunday and week 1 holds January 1st', () => {
    expect(fn('lsWeek', day(2019, 10, 4), 'en_US', 'UTC')).toBe(40);
    expect(fn('lsWeek', day(2021, 1, 1), 'en_US', 'UTC')).toBe(1);
    expect(fn('lsWeek', day(2024, 12, 29), 'en_US', 'UTC')).toBe(1);
  });
  it('German weeks are ISO weeks (Monday, four days in week 1)', () => {
    expect(fn('lsWeek', day(2021, 1, 1), 'de_DE', 'UTC')).toBe(53);
    expect(fn('lsWeek', day(2021, 1, 4), 'german', 'UTC')).toBe(1);
    expect(fn('lsWeek', day(2024, 12, 30), 'de_DE', 'UTC')).toBe(1);
    expect(fn('lsWeek', day(2024, 12, 29), 'de_DE', 'UTC')).toBe(52);
  });
  it('takes the US zone abbreviations Lucee maps (CDT -> US/Central)', async () => {
    expect(await render(`<cfoutput>#lsWeek(createDateTime(2019,10,4,1,50,0), 'en_US', 'CDT')#</cfoutput>`)).toBe('40');
    expect(await render(`<cfoutput>#dateTimeFormat(createDateTime(2024,7,1,12,0,0), 'HH:nn', 'CDT')#</cfoutput>`)).toMatch(/^\d\d:00$/);
  });
});

describe('isInstanceOf (Lucee IsInstanceOf.java: the Java class hierarchy of the value)', () => {
  it('built-in values answer for the Java types Lucee values have', () => {
    expect(fn('isInstanceOf', new Date(), 'java.util.Date')).toBe(true);
    expect(fn('isInstanceOf', 'abc', 'java.lang.String')).toBe(true);
    expect(fn('isInstanceOf', [1], 'java.util.List')).toBe(true);
    expect(fn('isInstanceOf', 1, 'java.lang.Number')).toBe(true);
  });
  it('other names, a wrong case or a wrong type are false', () => {
    expect(fn('isInstanceOf', 'abc', 'java.util.Date')).toBe(false);
    expect(fn('isInstanceOf', new Date(), 'java.util.date')).toBe(false);
    expect(fn('isInstanceOf', [1], 'MyComponent')).toBe(false);
  });
});

describe('isNotMap and componentCacheList', () => {
  it('isNotMap is false only for a struct (IsNotMap.java: !(object instanceof Map))', async () => {
    expect(await render(`<cfoutput>#isNotMap({a:1})# #isNotMap([1])# #isNotMap("x")#</cfoutput>`)).toBe('false true true');
  });
  it('componentCacheList is an empty struct without components', async () => {
    expect(await render(`<cfoutput>#isStruct(componentCacheList())# #structCount(componentCacheList())#</cfoutput>`)).toBe('true 0');
  });
});

describe('canonicalize: ESAPI JavaScriptCodec escapes', () => {
  it('decodes \\\\ first, then the escape it uncovers', () => {
    expect(fn('canonicalize', '\\\\U003C', false, false)).toBe('<');
    expect(fn('canonicalize', '\\\\X3C', false, false)).toBe('<');
  });
  it('octal escapes and a backslash before a plain character', () => {
    expect(fn('canonicalize', '\\101\\q', false, false)).toBe('Aq');
    expect(fn('canonicalize', '\\xZZ', false, false)).toBe('\\xZZ');
  });
});

describe('fileGetMimeType / fileSetAttribute (Lucee FileGetMimeType.java, FileSetAttribute.java)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mime-'));
  const file = (name: string, data: string | Uint8Array) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, data);
    return p;
  };
  it('types an existing file by its content, then its extension', () => {
    expect(fn('fileGetMimeType', file('a.pdf', '%PDF-1.4\n'))).toBe('application/pdf');
    expect(fn('fileGetMimeType', file('noext', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0])))).toBe('image/png');
    expect(fn('fileGetMimeType', file('b.txt', 'hello'))).toBe('text/plain');
    expect(fn('fileGetMimeType', file('c.html', '<p>hi</p>'))).toBe('text/html');
    expect(fn('fileGetMimeType', file('d.bin', new Uint8Array([1, 0, 2])))).toBe('application/octet-stream');
  });
  it('strict (the default) needs an existing, non-empty file; without it the extension answers', () => {
    expect(() => fn('fileGetMimeType', path.join(dir, 'missing.pdf'))).toThrow(/does not exist, strict was true/);
    expect(fn('fileGetMimeType', path.join(dir, 'missing.pdf'), false)).toBe('application/pdf');
    expect(() => fn('fileGetMimeType', path.join(dir, 'missing.qqq'), false)).toThrow(/couldn't detect mimetype/);
    expect(() => fn('fileGetMimeType', file('empty.txt', ''))).toThrow(/was empty/);
  });
  it('fileSetAttribute readOnly clears the write bits, normal sets the owner write bit', () => {
    const p = file('ro.txt', 'x');
    expect(fn('fileSetAttribute', p, 'readOnly')).toBe(null);
    expect(fs.statSync(p).mode & 0o222).toBe(0);
    fn('fileSetAttribute', p, 'normal');
    expect(fs.statSync(p).mode & 0o200).toBe(0o200);
    expect(() => fn('fileSetAttribute', p, 'sticky')).toThrow(/valid values are \[normal,archive,hidden,system,readonly\]/);
  });
});

describe('render (Lucee Render.java: Renderer.tag without catching the output)', () => {
  it('runs tags in the caller scopes and returns an empty string', async () => {
    expect(await render(`<cfscript>x = 1; render('<cfset x = x + 1><cfif x EQ 2>two</cfif>'); writeOutput('|' & x & '|' & len(render('')));</cfscript>`)).toBe('two|2|0');
  });
  it('a parse error in the string is a CFML error', async () => {
    await expect(render(`<cfset render("<cfif>yes</cfif>")>`)).rejects.toThrow(/needs an expression/);
  });
});

describe('member names Lucee declares (core-base.fld member-name)', () => {
  it('string.parseDateTime() and string.encrypt()', async () => {
    expect(await render(`<cfoutput>#"2024-01-31 10:00".parseDateTime()#</cfoutput>`)).toBe("{ts '2024-01-31 10:00:00'}");
    expect(await render(`<cfoutput>#"top secret".encrypt("WTq8zYcZfaWVvMncigHqwQ==", "AES", "Base64")#</cfoutput>`)).toBe('keciULin7bxOWvN/BOarWw==');
  });
});

describe('isIPv6 and isFileObject', () => {
  it('isIPv6 answers literal addresses by their form (IsIPv6.java: Inet6Address)', () => {
    expect(fn('isIPv6', '10.1.2.3')).toBe(false);
    expect(fn('isIPv6', '2001:db8::1')).toBe(true);
    expect(fn('isIPv6', '[fe80::1]')).toBe(true);
    // loopback literals too: the form decides, not whether the machine has IPv6
    expect(fn('isIPv6', '127.0.0.1')).toBe(false);
    expect(fn('isIPv6', '::1')).toBe(true);
    // isNumericDate is isDate with numbers: a date string counts
    expect(fn('isNumericDate', '3/15/2021')).toBe(true);
    expect(fn('isNumericDate', '41000.5')).toBe(true);
    expect(fn('isNumericDate', 'soon')).toBe(false);
    expect(() => fn('isIPv6', 'example.com')).toThrow(/can't resolve the host name \[example.com\]/);
  });
  it('isFileObject is false for every built-in value', () => {
    expect(fn('isFileObject', 'x')).toBe(false);
  });
});
