/**
 * End-to-end: runs the built CLI (dist/cfml.cjs) as a user would, checking stdout, stderr and the
 * exit code. `npm test` builds first; when dist is missing the suite builds it itself.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'dist/cfml.cjs');
const fixtures = path.join(import.meta.dirname, 'fixtures');
const samples = path.join(root, 'samples');
const expectedDir = path.join(import.meta.dirname, 'samples');

function run(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A JS stack trace line, which a CFML error must never show without --debug. */
const JS_STACK = /^\s{4}at /m;

beforeAll(() => {
  if (!fs.existsSync(cli)) {
    const b = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('npm run build failed');
  }
}, 120_000);

describe('cfml CLI', () => {
  it('-e renders an inline template', () => {
    const r = run(['-e', '<cfset x = 5><cfoutput>#x * 2# ##1</cfoutput>']);
    expect(r).toMatchObject({ code: 0, out: '10 #1', err: '' });
  });

  it('renders a page with --url values', () => {
    const r = run([path.join(fixtures, 'greet.cfm'), '--url', 'name=World']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('\nHello World\n');
    expect(r.err).toBe('');
    expect(run([path.join(fixtures, 'greet.cfm')]).out).toBe('\nHello you\n');
  });

  it('a relative page path resolves from the working directory', () => {
    const r = run(['greet.cfm', '--url', 'name=Rel'], fixtures);
    expect(r).toMatchObject({ code: 0, out: '\nHello Rel\n' });
  });

  it('an unclosed tag exits 1 with file:line:col, message and code frame, no JS stack', () => {
    const r = run(['test/e2e/fixtures/unclosed.cfm']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/unclosed\.cfm:2:1: Tag <cfif> opened at .*unclosed\.cfm:2:1 is never closed/);
    expect(r.err).toContain('> 2 | <cfif true>');
    expect(r.err).toMatch(/\|\s+\^/);
    expect(r.err).not.toMatch(JS_STACK);
  });

  it('an undefined variable exits 1 pointing at the variable, no JS stack', () => {
    const r = run(['test/e2e/fixtures/undefined.cfm']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/undefined\.cfm:2:20: variable \[nope\] doesn't exist/);
    expect(r.err).toContain('> 2 | <cfoutput>#shown# #nope#</cfoutput>');
    expect(r.err).not.toMatch(JS_STACK);
  });

  it('--debug adds the JS stack to an error', () => {
    const r = run(['--debug', 'test/e2e/fixtures/undefined.cfm']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(JS_STACK);
  });

  it('-e with an error names the command line as the file', () => {
    const r = run(['-e', '<cfoutput>#1 +# </cfoutput>']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^<command line>:1:\d+: Syntax error/);
    expect(r.err).not.toMatch(JS_STACK);
  });

  it('a missing page exits 1 with a clear message', () => {
    const r = run(['no-such-page.cfm']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Page [no-such-page.cfm]');
    expect(r.err).toContain('not found');
    expect(r.err).not.toMatch(JS_STACK);
  });

  it('--help prints usage and exits 0', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage:');
    expect(r.out).toContain('cfml -e');
  });

  it('--version prints the package version', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    const r = run(['--version']);
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(`cfml-engine ${pkg.version}`);
  });

  it('bad usage exits 2 with the usage text on stderr', () => {
    for (const args of [[], ['--bogus'], ['--url', 'novalue', 'x.cfm'], ['-e']]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toContain('Usage:');
    }
  });

  it('cfabort ends the page with exit 0; cflocation is reported on stderr', () => {
    expect(run(['-e', 'a<cfabort>b'])).toMatchObject({ code: 0, out: 'a' });
    const r = run(['-e', 'x<cflocation url="/next.cfm">y']);
    expect(r).toMatchObject({ code: 0, out: 'x' });
    expect(r.err).toContain('cflocation: 302 /next.cfm');
  });

  it('cflog goes to stderr, not into the page', () => {
    const r = run(['-e', '<cflog text="logged line">page']);
    expect(r.out).toBe('page');
    expect(r.err).toContain('logged line');
  });
});

describe('samples', () => {
  const pages = fs.readdirSync(samples).filter((f) => f.endsWith('.cfm') && !f.startsWith('_')).sort();

  it('has the samples this suite expects', () => {
    for (const p of ['employees.cfm', 'text-tools.cfm', 'about.cfm', 'dump.cfm', 'hello.cfm']) expect(pages).toContain(p);
  });

  for (const page of pages) {
    it(`samples/${page} runs cleanly`, () => {
      const r = run([path.join('samples', page)]);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const want = path.join(expectedDir, page.replace(/\.cfm$/, '.out'));
      if (fs.existsSync(want)) expect(r.out).toBe(fs.readFileSync(want, 'utf8'));
    });
  }

  it('samples/hello.cfm greets with the url name and today\'s date', () => {
    const r = run(['samples/hello.cfm', '--url', 'name=CFML']);
    expect(r.code).toBe(0);
    // the date changes every day: only its shape is checked
    expect(r.out).toMatch(/^\n\nHello, CFML! Today is [A-Z][a-z]+day, [A-Z][a-z]+ \d{1,2}, \d{4}\.\n$/);
  });

  it('samples/errors/broken.cfm fails cleanly', () => {
    const r = run(['samples/errors/broken.cfm']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^samples\/errors\/broken\.cfm:4:1: Tag <cfloop> opened at samples\/errors\/broken\.cfm:4:1 is never closed/);
    expect(r.err).toContain('> 4 | <cfloop array="#items#" item="it">');
    expect(r.err).not.toMatch(JS_STACK);
  });

  it('refuses a parse cache directory another user could have planted, and still renders', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfml-planted-'));
    fs.chmodSync(dir, 0o777);
    try {
      const r = spawnSync(process.execPath, [cli, path.join(fixtures, 'greet.cfm'), '--url', 'name=X'], {
        cwd: root, encoding: 'utf8', timeout: 30_000, env: { ...process.env, CFML_CACHE_DIR: dir },
      });
      expect(r.status).toBe(0);
      expect(r.stdout).toBe('\nHello X\n');
      expect(r.stderr).toMatch(/^cfml: not using the parse cache .*cfml-planted-.*: other users have access to it \(mode 777; it must be 700\)\n$/);
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('starts from the code cache the build wrote (V8 rejects a cache whose flags differ, silently)', () => {
    const r = spawnSync(process.execPath, [cli, '-e', '<cfoutput>#reReplace("aab", "a+", "x")#</cfoutput>'], {
      cwd: root, encoding: 'utf8', timeout: 30_000, env: { ...process.env, CFML_DEBUG_CODE_CACHE: '1' },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('xb');
    expect(r.stderr).toBe('code cache used\n');
  });
});
