/**
 * File objects (fileOpen and the functions that take one), as Lucee's FileStreamWrapper classes:
 * buffered writes, line reads, seekable positions, the read-only struct view.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/index.js';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfml-fileobj-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});
const render = (src: string) => new Engine({ logger: () => {} }).renderString(src);
const p = (name: string) => path.join(dir, name);

describe('fileOpen / fileReadLine / fileIsEOF', () => {
  it('a very long line is scanned once (plain) or in blocks (seekable), line ends across blocks hold; fileRead asks for no more than the file holds', async () => {
    const long = 'x'.repeat(6_000_000);
    // a \r\n split across the seekable reader's 8 KB blocks, and a lone \r
    fs.writeFileSync(p('long.txt'), long + '\n' + 'y'.repeat(8191) + '\r\nz\rlast');
    const out = await render(`<cfscript>
      r = [];
      for (s in [false, true]) {
        h = fileOpen(file = "${p('long.txt')}", mode = "read", seekable = s);
        r.append(len(fileReadLine(h)) & "," & len(fileReadLine(h)) & "," & fileReadLine(h) & "," & fileReadLine(h) & "," & fileIsEOF(h));
        fileClose(h);
      }
      b = fileOpen("${p('long.txt')}", "readBinary");
      r.append(arrayLen(fileRead(b, 1000000000)));
      fileClose(b);
      writeOutput(r.toList("|"));
    </cfscript>`);
    expect(out).toBe('6000000,8191,z,last,true|6000000,8191,z,last,true|6008200');
  });
  it('reads the lines of a file whatever its line ends', async () => {
    fs.writeFileSync(p('lines.txt'), 'first\r\nsecond\nthird\rfourth');
    const out = await render(`<cfscript>
      h = fileOpen("${p('lines.txt')}");
      got = [];
      while (!fileIsEOF(h)) got.append(fileReadLine(h));
      fileClose(h);
      writeOutput(got.toList("|") & ";" & h.status & ";" & h.mode);
    </cfscript>`);
    expect(out).toBe('first|second|third|fourth;close;read');
  });
  it('reading past the end is an error the page can catch', async () => {
    fs.writeFileSync(p('one.txt'), 'only\n');
    const out = await render(`<cfscript>
      h = fileOpen("${p('one.txt')}", "read");
      a = fileReadLine(h);
      try { fileReadLine(h); writeOutput("no error"); } catch (any e) { writeOutput(a & ":" & (e.message contains "end of file")); }
      fileClose(h);
    </cfscript>`);
    expect(out).toBe('only:true');
  });
  it('reads n characters with fileRead(object, n)', async () => {
    fs.writeFileSync(p('chars.txt'), 'ÄbcdefG');
    const out = await render(`<cfscript>
      h = fileOpen("${p('chars.txt')}", "read", "utf-8");
      writeOutput(fileRead(h, 3) & "-" & fileRead(h, 10) & "-" & fileIsEOF(h));
      fileClose(h);
    </cfscript>`);
    expect(out).toBe('Äbc-defG-true');
  });
  it('readBinary gives bytes and knows the end after a short read', async () => {
    fs.writeFileSync(p('bin.dat'), Buffer.from([1, 2, 3, 4, 5]));
    const out = await render(`<cfscript>
      h = fileOpen("${p('bin.dat')}", "readBinary");
      a = fileRead(h, 2); e1 = fileIsEOF(h); b = fileRead(h, 8);
      fileClose(h);
      writeOutput(isBinary(a) & ":" & len(a) & ":" & e1 & ":" & binaryEncode(b, "hex") & ":" & fileIsEOF(h));
    </cfscript>`);
    expect(out).toBe('true:2:false:030405:true');
  });
  it('a missing file to read and an unknown mode are errors', async () => {
    const out = await render(`<cfscript>
      try { fileOpen("${p('nope.txt')}"); } catch (any e) { writeOutput("missing;"); }
      try { fileOpen("${p('one.txt')}", "sideways"); } catch (any e) { writeOutput(e.message contains "readBinary"); }
    </cfscript>`);
    expect(out).toBe('missing;true');
  });
});

describe('writing through a file object', () => {
  it('buffers writes until the object is closed, then the file holds them', async () => {
    const f = p('buffered.txt');
    fs.writeFileSync(f, 'old');
    const out = await render(`<cfscript>
      h = fileOpen("${f}", "write");
      fileWriteLine(h, "x");
      fileWrite(h, "y");
      fileAppend(h, "z");
      before = fileRead("${f}");
      fileClose(h);
      writeOutput(before & "|" & replace(fileRead(h), chr(10), "/", "all"));
    </cfscript>`);
    expect(out).toBe('|x/yz');
  });
  it('append mode keeps what the file held', async () => {
    const f = p('append.txt');
    fs.writeFileSync(f, 'start-');
    await render(`<cfscript>h = fileOpen("${f}", "append"); fileWrite(h, "end"); fileClose(h);</cfscript>`);
    expect(fs.readFileSync(f, 'utf8')).toBe('start-end');
  });
  it('a seekable object writes at its position, straight to the file', async () => {
    const f = p('seek.txt');
    fs.writeFileSync(f, 'abcdef');
    const out = await render(`<cfscript>
      h = fileOpen(file = "${f}", mode = "write", seekable = true);
      fileSeek(h, 6); fileWrite(h, "GH");
      one = fileRead("${f}");
      fileSeek(h, 1); fileWrite(h, "XY");
      fileSkipBytes(h, 1); fileWrite(h, "!");
      fileClose(h);
      writeOutput(one & "|" & fileRead("${f}"));
    </cfscript>`);
    expect(out).toBe('abcdefGH|aXYd!fGH');
  });
  it('seek without seekable is an error', async () => {
    const f = p('noseek.txt');
    fs.writeFileSync(f, 'abc');
    const out = await render(`<cfscript>
      h = fileOpen("${f}");
      try { fileSeek(h, 1); } catch (any e) { writeOutput(e.message contains "seekable"); }
      fileClose(h);
    </cfscript>`);
    expect(out).toBe('true');
  });
  it('fileWriteLine on a path replaces the content by one line', async () => {
    const f = p('line.txt');
    fs.writeFileSync(f, 'something long');
    await render(`<cfscript>fileWriteLine("${f}", "one"); fileWriteLine("${f}", "two");</cfscript>`);
    expect(fs.readFileSync(f, 'utf8')).toBe(`two${os.EOL}`);
  });
  it('the render closes a file object the page left open, writing its buffer', async () => {
    const f = p('left-open.txt');
    await render(`<cfscript>h = fileOpen("${f}", "write"); fileWrite(h, "kept");</cfscript>`);
    expect(fs.readFileSync(f, 'utf8')).toBe('kept');
  });
});

describe('the file object value', () => {
  it('is a read-only struct of mode, name, path, status, size, lastmodified', async () => {
    const f = p('info.txt');
    fs.writeFileSync(f, '12345');
    const out = await render(`<cfscript>
      h = fileOpen("${f}");
      writeOutput(listSort(structKeyList(h), "textnocase") & "|" & h.name & "|" & h.size & "|" & (h.path == "${dir}") & "|" & isDate(h.lastmodified));
      try { h.mode = "write"; } catch (any e) { writeOutput("|read-only"); }
      fileClose(h);
    </cfscript>`);
    expect(out).toBe('lastmodified,mode,name,path,size,status|info.txt|5 bytes|true|true|read-only');
  });
  it('isFileObject and isValid("fileObject") know it from a path', async () => {
    const f = p('is.txt');
    fs.writeFileSync(f, 'x');
    const out = await render(`<cfscript>
      h = fileOpen("${f}");
      writeOutput(isFileObject(h) & isFileObject("${f}") & isValid("fileObject", h) & isValid("fileobject", {}));
      fileClose(h);
    </cfscript>`);
    expect(out).toBe('truefalsetruefalse');
  });
  it('functions that need a file object say so', async () => {
    const out = await render(`<cfscript>try { fileReadLine("x.txt"); } catch (any e) { writeOutput(e.message contains "fileOpen"); }</cfscript>`);
    expect(out).toBe('true');
  });
});
