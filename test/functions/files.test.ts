import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fn, jsFn, makeCtx, registry } from '../support/fn-harness.js';
import { invokeBuiltin } from '../../src/runtime/functions/index.js';
import { Query } from '../../src/runtime/query.js';
import { Struct } from '../../src/runtime/struct.js';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfml-files-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});
const p = (...parts: string[]) => path.join(dir, ...parts);

describe('paths', () => {
  it('getDirectoryFromPath / getFileFromPath', () => {
    expect(fn('getDirectoryFromPath', 'C:\\temp\\file.txt')).toBe('C:\\temp\\');
    expect(fn('getDirectoryFromPath', '/var/www/index.cfm')).toBe('/var/www/');
    expect(fn('getDirectoryFromPath', 'file.txt')).toBe(path.sep);
    expect(fn('getFileFromPath', 'C:\\temp\\file.txt')).toBe('file.txt');
    expect(fn('getFileFromPath', '/var/www/')).toBe('');
    expect(fn('getFileFromPath', 'plain.cfm')).toBe('plain.cfm');
  });
  it('template paths and expandPath come from the context', () => {
    expect(fn('getCurrentTemplatePath')).toBe('/tmp/page.cfm');
    expect(fn('getBaseTemplatePath')).toBe('/tmp/page.cfm');
    expect(fn('expandPath', 'x/y.txt')).toBe('/tmp/x/y.txt');
  });
  it('temp directory and temp files', () => {
    expect(fn('getTempDirectory')).toMatch(/[\\/]$/);
    const f = fn('getTempFile', dir, 'testFile') as string;
    expect(path.basename(f)).toMatch(/^testFile-.*\.tmp$/);
    expect(fs.existsSync(f)).toBe(true);
    expect(() => fn('getTempFile', p('missing'), 'x')).toThrow(/not a directory/);
  });
});

describe('file functions', () => {
  it('write, read, append, exists, delete', () => {
    const f = p('a.txt');
    expect(fn('fileExists', f)).toBe(false);
    fn('fileWrite', f, 'héllo');
    expect(fn('fileExists', f)).toBe(true);
    expect(fn('fileRead', f)).toBe('héllo');
    fn('fileAppend', f, ' world');
    expect(fn('fileRead', f)).toBe('héllo world');
    expect(Buffer.from(fn('fileReadBinary', f) as Uint8Array).toString('utf8')).toBe('héllo world');
    fn('fileWrite', f, 'é', 'iso-8859-1');
    expect(fs.readFileSync(f).length).toBe(1);
    expect(fn('fileRead', f, 'iso-8859-1')).toBe('é');
    fn('fileDelete', f);
    expect(fn('fileExists', f)).toBe(false);
    expect(() => fn('fileRead', f)).toThrow(/does not exist/);
    expect(() => fn('fileDelete', f)).toThrow(/fileDelete/);
  });
  it('binary data is written as bytes', () => {
    const f = p('b.bin');
    fn('fileWrite', f, new Uint8Array([0, 255, 1]));
    expect([...fs.readFileSync(f)]).toEqual([0, 255, 1]);
  });
  it('copy and move', () => {
    const f = p('c.txt');
    fn('fileWrite', f, 'data');
    fn('fileCopy', f, p('d.txt'));
    expect(fs.readFileSync(p('d.txt'), 'utf8')).toBe('data');
    fn('fileMove', p('d.txt'), p('e.txt'));
    expect(fs.existsSync(p('d.txt'))).toBe(false);
    expect(fs.readFileSync(p('e.txt'), 'utf8')).toBe('data');
  });
  it('relative paths resolve against the template directory', () => {
    const ctx = makeCtx();
    Object.defineProperty(ctx, 'templatePath', { value: p('page.cfm') });
    invokeBuiltin(registry.get('fileWrite')!, ctx, ['rel.txt', 'x']);
    expect(fs.readFileSync(p('rel.txt'), 'utf8')).toBe('x');
  });
  it('getFileInfo', () => {
    const f = p('info.txt');
    fs.writeFileSync(f, '12345');
    const s = fn('getFileInfo', f) as Struct;
    expect(s.get('name')).toBe('info.txt');
    expect(s.get('size')).toBe(5);
    expect(s.get('type')).toBe('file');
    expect(s.get('canRead')).toBe(true);
    expect(s.get('isHidden')).toBe(false);
    expect(s.get('lastModified')).toBeInstanceOf(Date);
    expect((fn('getFileInfo', dir) as Struct).get('type')).toBe('directory');
  });
});

describe('directory functions', () => {
  it('create, exists, list, delete', () => {
    const root = p('tree');
    expect(fn('directoryExists', root)).toBe(false);
    fn('directoryCreate', p('tree', 'sub', 'deep'));
    expect(fn('directoryExists', p('tree', 'sub'))).toBe(true);
    expect(() => fn('directoryCreate', root)).toThrow(/already exists/);
    fn('directoryCreate', root, true, true);
    fs.writeFileSync(p('tree', 'b.txt'), 'bb');
    fs.writeFileSync(p('tree', 'a.log'), 'a');
    fs.writeFileSync(p('tree', 'sub', 'c.txt'), 'ccc');

    expect(fn('directoryList', root)).toEqual([p('tree', 'a.log'), p('tree', 'b.txt'), p('tree', 'sub')]);
    expect(fn('directoryList', root, false, 'name')).toEqual(['a.log', 'b.txt', 'sub']);
    // Lucee's suite: a recursive listing by name gives names only (was 'sub/c.txt')
    expect(fn('directoryList', root, true, 'name', '*.txt')).toEqual(['b.txt', 'c.txt']);
    expect(fn('directoryList', root, false, 'name', '', '', 'dir')).toEqual(['sub']);
    expect(fn('directoryList', root, false, 'name', '*.txt|*.log', 'name desc')).toEqual(['b.txt', 'a.log']);
    expect(fn('directoryList', root, false, 'name', jsFn((f: string) => f.endsWith('.log')))).toEqual(['a.log']);
    const q = fn('directoryList', root, false, 'query', '', 'size desc', 'file') as Query;
    expect(q.recordCount).toBe(2);
    expect(q.getCell('name', 1)).toBe('b.txt');
    expect(q.getCell('type', 1)).toBe('File');
    expect(q.getCell('directory', 1)).toBe(root);
    expect(() => fn('directoryList', p('nope'))).toThrow(/does not exist/);

    expect(() => fn('directoryDelete', root)).toThrow(/not empty/);
    fn('directoryDelete', root, true);
    expect(fn('directoryExists', root)).toBe(false);
    expect(fn('directoryExists', '')).toBe(false);
  });
});
