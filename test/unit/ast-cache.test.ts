/**
 * Item 7 of issue 8: the parse cache holds code that runs, so a directory another user could
 * have planted (pre-created under /tmp, a symlink, open permissions) is refused.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AstCache, checkCacheDir } from '../../src/runtime/ast-cache.js';
import { Engine } from '../../src/index.js';
import type { Template } from '../../src/parser/ast.js';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cfml-astcache-test-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('parse cache directory checks', () => {
  it('creates a missing directory with mode 0700 and accepts it', () => {
    const d = path.join(tmp, 'a', 'cache');
    expect(checkCacheDir(d)).toBeUndefined();
    expect(fs.statSync(d).mode & 0o777).toBe(0o700);
  });

  it('refuses a directory others can write to', () => {
    const d = path.join(tmp, 'open');
    fs.mkdirSync(d);
    fs.chmodSync(d, 0o777);
    expect(checkCacheDir(d)).toMatch(/other users have access.*777/);
  });

  it('refuses a symlink, even to a safe directory', () => {
    const real = path.join(tmp, 'real');
    fs.mkdirSync(real, { mode: 0o700 });
    const link = path.join(tmp, 'link');
    fs.symlinkSync(real, link);
    expect(checkCacheDir(link)).toBe('it is a symbolic link');
  });

  it('refuses a file in place of the directory', () => {
    const f = path.join(tmp, 'file');
    fs.writeFileSync(f, '');
    expect(checkCacheDir(f)).toBe('it is not a directory');
  });

  it.runIf(process.getuid?.() === 0)('refuses a directory owned by another user', () => {
    const d = path.join(tmp, 'theirs');
    fs.mkdirSync(d, { mode: 0o700 });
    fs.chownSync(d, 65534, 65534);
    expect(checkCacheDir(d)).toMatch(/owned by another user \(uid 65534/);
  });

  it('an Engine given an unsafe directory warns once and renders without reading planted files', async () => {
    const d = path.join(tmp, 'planted');
    fs.mkdirSync(d);
    fs.chmodSync(d, 0o777);
    const warnings: string[] = [];
    expect(AstCache.open(d, 'x', (m) => warnings.push(m))).toBeUndefined();
    expect(warnings).toEqual([expect.stringMatching(/not using the parse cache .*planted: other users have access/)]);
    const page = path.join(tmp, 'p.cfm');
    fs.writeFileSync(page, '<cfoutput>#1+1#</cfoutput>');
    const writes: string[] = [];
    const orig = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((s: string) => (writes.push(String(s)), true)) as typeof process.stderr.write;
    try {
      const engine = new Engine({ astCacheDir: d });
      expect(await engine.renderFile(page)).toBe('2');
      expect(await engine.renderString('x', { file: page })).toBe('x');
    } finally {
      process.stderr.write = orig;
    }
    expect(writes.join('')).toMatch(/not using the parse cache/);
    expect(fs.readdirSync(d)).toEqual([]);
  });

  it('a safe directory is used: the second Engine reads what the first wrote', async () => {
    const d = path.join(tmp, 'cache');
    const page = path.join(tmp, 'p.cfm');
    fs.writeFileSync(page, '<cfoutput>#2*3#</cfoutput>');
    expect(await new Engine({ astCacheDir: d }).renderFile(page)).toBe('6');
    const files = fs.readdirSync(d);
    expect(files).toHaveLength(1);
    expect(fs.statSync(path.join(d, files[0]!)).mode & 0o777).toBe(0o600);
    expect(await new Engine({ astCacheDir: d }).renderFile(page)).toBe('6');
  });

  it('an entry is used only for the same path and source (the file name is a plain hash, not a proof)', () => {
    const d = path.join(tmp, 'cache');
    const cache = AstCache.open(d, 'salt', () => {})!;
    const page = path.join(tmp, 'p.cfm');
    const tpl = (source: string) => ({ file: page, source, body: [{ kind: 'text', value: source, loc: { file: page, line: 1, col: 1 } }] }) as unknown as Template;
    cache.set(page, 'one', tpl('one'));
    const [one] = fs.readdirSync(d);
    cache.set(page, 'two', tpl('two'));
    const two = fs.readdirSync(d).find((f) => f !== one)!;
    expect(cache.get(page, 'two')).toEqual(tpl('two'));
    // as if 'two' hashed to the name of 'one': the entry holds another source, so it is a miss
    fs.copyFileSync(path.join(d, one!), path.join(d, two));
    expect(cache.get(page, 'two')).toBeUndefined();
    expect(cache.get(page, 'one')).toEqual(tpl('one'));
    expect(cache.get(path.join(tmp, 'q.cfm'), 'one')).toBeUndefined();
  });
});
