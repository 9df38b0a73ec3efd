/**
 * fileTouch, fileInfo, fileSetLastModified, fileSetAccessMode, directoryCopy, directoryRename
 * (Lucee's FileTag.actionTouch/getInfo and Directory.actionCopy/actionRename behaviour).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/index.js';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfml-filemeta-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});
const render = (src: string) => new Engine({ logger: () => {} }).renderString(src);
const p = (...parts: string[]) => path.join(dir, ...parts);
const tree = (root: string): string[] =>
  fs.readdirSync(root, { recursive: true }).map((x) => String(x).split(path.sep).join('/')).sort();

describe('fileTouch', () => {
  it('creates an empty file, with its missing directories', async () => {
    await render(`<cfscript>fileTouch("${p('new', 'deep', 'touched.txt')}");</cfscript>`);
    expect(fs.readFileSync(p('new', 'deep', 'touched.txt'), 'utf8')).toBe('');
  });
  it('keeps the content of an existing file and moves its modification time to now', async () => {
    const f = p('old.txt');
    fs.writeFileSync(f, 'keep me');
    fs.utimesSync(f, new Date(2001, 0, 1), new Date(2001, 0, 1));
    await render(`<cfscript>fileTouch("${f}");</cfscript>`);
    expect(fs.readFileSync(f, 'utf8')).toBe('keep me');
    expect(fs.statSync(f).mtime.getFullYear()).toBeGreaterThan(2001);
  });
  it('createPath=false refuses a missing directory', async () => {
    const out = await render(`<cfscript>try { fileTouch("${p('nowhere', 'x.txt')}", false); } catch (any e) { writeOutput("refused"); }</cfscript>`);
    expect(out).toBe('refused');
    expect(fs.existsSync(p('nowhere'))).toBe(false);
  });
});

describe('fileInfo / fileSetLastModified / fileSetAccessMode', () => {
  it('fileInfo describes a file', async () => {
    const f = p('info.txt');
    fs.writeFileSync(f, 'abc');
    const out = await render(`<cfscript>
      i = fileInfo("${f}");
      writeOutput(i.name & "|" & i.size & "|" & i.type & "|" & i.read & "|" & i.write & "|" & i.checksum & "|" & isDate(i.dateLastModified));
    </cfscript>`);
    expect(out).toBe('info.txt|3|File|true|true|900150983cd24fb0d6963f7d28e17f72|true');
  });
  it('fileSetLastModified sets the modification time; a missing file is an error', async () => {
    const f = p('stamp.txt');
    fs.writeFileSync(f, 'x');
    const out = await render(`<cfscript>
      fileSetLastModified("${f}", createDateTime(2010, 6, 7, 8, 9, 10));
      writeOutput(dateTimeFormat(getFileInfo("${f}").lastmodified, "yyyy-mm-dd HH:nn:ss"));
      try { fileSetLastModified("${p('absent.txt')}", now()); } catch (any e) { writeOutput("|missing"); }
    </cfscript>`);
    expect(out).toBe('2010-06-07 08:09:10|missing');
  });
  it.skipIf(process.platform === 'win32')('fileSetAccessMode sets Unix permissions and refuses a bad mode', async () => {
    const f = p('mode.txt');
    fs.writeFileSync(f, 'x');
    const out = await render(`<cfscript>
      fileSetAccessMode("${f}", "640");
      try { fileSetAccessMode("${f}", "rwx"); } catch (any e) { writeOutput("bad mode"); }
    </cfscript>`);
    expect(out).toBe('bad mode');
    expect((fs.statSync(f).mode & 0o777).toString(8)).toBe('640');
  });
});

describe('directoryCopy / directoryRename', () => {
  beforeAll(() => {
    fs.mkdirSync(p('src', 'docs', 'inner'), { recursive: true });
    fs.mkdirSync(p('src', 'blank'));
    fs.mkdirSync(p('src', 'logs-empty'));
    fs.writeFileSync(p('src', 'a.log'), '1');
    fs.writeFileSync(p('src', 'b.txt'), '2');
    fs.writeFileSync(p('src', 'docs', 'c.log'), '3');
    fs.writeFileSync(p('src', 'docs', 'inner', 'd.txt'), '4');
  });
  it('copies the files only, unless recurse', async () => {
    await render(`<cfscript>directoryCopy("${p('src')}", "${p('flat')}");</cfscript>`);
    expect(tree(p('flat'))).toEqual(['a.log', 'b.txt']);
    await render(`<cfscript>directoryCopy("${p('src')}", "${p('all')}", true);</cfscript>`);
    expect(tree(p('all'))).toEqual(['a.log', 'b.txt', 'blank', 'docs', 'docs/c.log', 'docs/inner', 'docs/inner/d.txt', 'logs-empty']);
  });
  it('a filter picks files; recursing, a directory stays if it holds a copy or its name passes', async () => {
    await render(`<cfscript>directoryCopy("${p('src')}", "${p('flat-log')}", false, "*.log");</cfscript>`);
    expect(tree(p('flat-log'))).toEqual(['a.log']);
    await render(`<cfscript>directoryCopy("${p('src')}", "${p('deep-log')}", true, "*.log|logs*");</cfscript>`);
    expect(tree(p('deep-log'))).toEqual(['a.log', 'docs', 'docs/c.log', 'logs-empty']);
  });
  it('a function filter gets the path', async () => {
    await render(`<cfscript>directoryCopy("${p('src')}", "${p('by-fn')}", true, function(path) { return path contains "b.txt"; });</cfscript>`);
    expect(tree(p('by-fn'))).toEqual(['b.txt']);
  });
  it('refuses a missing source and a copy into the source itself', async () => {
    const out = await render(`<cfscript>
      try { directoryCopy("${p('missing')}", "${p('x')}"); } catch (any e) { writeOutput("missing;"); }
      try { directoryCopy("${p('src')}", "${p('src', 'docs', 'again')}", true); } catch (any e) { writeOutput("itself"); }
    </cfscript>`);
    expect(out).toBe('missing;itself');
  });
  it('directoryRename moves a directory, a bare name stays beside it, and returns the new path', async () => {
    fs.mkdirSync(p('before'));
    const out = await render(`<cfscript>
      n = directoryRename("${p('before')}", "${p('after')}");
      writeOutput(n & "|");
      writeOutput(directoryRename("${p('after')}", "renamed") & "|");
      try { directoryRename("${p('renamed')}", "${p('src')}"); } catch (any e) { writeOutput("exists"); }
    </cfscript>`);
    expect(out).toBe(`${p('after')}|${p('renamed')}|exists`);
    expect(fs.existsSync(p('renamed'))).toBe(true);
  });
});
