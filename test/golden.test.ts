/**
 * Golden tests: every test/golden/**\/NAME.cfm is rendered and compared with NAME.out, exactly.
 * A NAME.err file instead holds the expected error: its first line must appear in
 * `file:line:col: message` of the error the page throws (file name relative to test/golden).
 * URL and form values can be given in a first-line comment: <!--- url: a=1&b=2 --->. Files whose
 * name starts with `_` and custom tags (first line `<!--- custom tag ... --->`) are not pages.
 */
import { describe, it, expect, afterAll } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine, CfmlError } from '../src/index.js';

const root = path.join(import.meta.dirname, 'golden');
const engines = { plain: new Engine(), 'async tags': new Engine({ asyncTags: true }) };
afterAll(() => Promise.all(Object.values(engines).map((e) => e.close())));

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return walk(p);
    return p.endsWith('.cfm') && !d.name.startsWith('_') && !isCustomTag(p) ? [p] : [];
  });
}

/** Custom tags called by the pages sit beside them, marked by a first line `<!--- custom tag ... --->`. */
function isCustomTag(file: string): boolean {
  return fs.readFileSync(file, 'utf8').startsWith('<!--- custom tag');
}

function input(src: string) {
  const m = /^<!---\s*url:\s*([^\s]*)\s*--->/.exec(src);
  return m ? { url: Object.fromEntries(new URLSearchParams(m[1])) } : {};
}

const files = walk(root).sort();

it('has golden files', () => expect(files.length).toBeGreaterThan(0));

// Every page twice: as is, and with every tag answering through a promise (the async paths).
for (const [mode, engine] of Object.entries(engines)) describe(`golden (${mode})`, () => {
  for (const file of files) {
    const rel = path.relative(root, file);
    const base = file.slice(0, -4);
    if (fs.existsSync(base + '.err')) {
      it(rel + ' (error)', async () => {
        const want = fs.readFileSync(base + '.err', 'utf8').split('\n')[0]!.trim();
        let err: unknown;
        try {
          await engine.renderFile(file, input(fs.readFileSync(file, 'utf8')));
        } catch (e) {
          err = e;
        }
        expect(err, 'the page should throw').toBeInstanceOf(CfmlError);
        const shown = engine.formatError(err).split(root + path.sep).join('');
        expect(shown).toContain(want);
      });
    } else {
      it(rel, async () => {
        const expected = fs.readFileSync(base + '.out', 'utf8');
        const out = await engine.renderFile(file, input(fs.readFileSync(file, 'utf8')));
        expect(out).toBe(expected);
      });
    }
  }
});
