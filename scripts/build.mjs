// Bundles the library and the CLI with esbuild and writes the type declarations with tsc.
// The CLI is one CommonJS bundle loaded through V8's code cache (scripts/cli-loader.cjs):
// parsing and compiling the bundle is most of a cold start otherwise.
import { build } from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { builtinModules, createRequire } from 'node:module';

rmSync('dist', { recursive: true, force: true });
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  // loaded on first use (<cfimap>, <cfmail>, serving), so they stay out of the cold start
  external: ['imapflow', 'mailparser', 'nodemailer', 'send', 'busboy', 'redis'],
  logLevel: 'warning',
  // CFML_BUILD_MINIFY=0 keeps names readable for a CPU profile (node --cpu-prof)
  minify: process.env.CFML_BUILD_MINIFY !== '0',
  // parsed templates the CLI cached on disk are keyed by this, so a new build never reuses them
  define: { __CFML_BUILD_ID__: JSON.stringify(Date.now().toString(36)) },
  // src/runtime/xml/lib.ts falls back to import.meta.url only outside the CommonJS CLI bundle
  logOverride: { 'empty-import-meta': 'silent' },
};
await build({ ...common, format: 'esm', entryPoints: { index: 'src/index.ts' }, outdir: 'dist', splitting: true, chunkNames: 'chunks/[name]-[hash]' });

/**
 * In a CommonJS bundle esbuild turns every `import * as fs from 'node:fs'` (and every default
 * import) into its own __toESM copy of the module: a getter per property, 60 copies of fs, path
 * and os made at start. Routing our imports of a built-in through one ES module per built-in
 * makes that one copy each. The built-ins that are not in Node's start-up snapshot and that a
 * page seldom needs (LAZY_BUILTINS) are required on the first use of one of their members, not
 * at start: crypto, net and fs/promises cost a fifth of a cold start.
 */
const LAZY_BUILTINS = new Set(['v8', 'crypto', 'net', 'fs/promises', 'http', 'https', 'tls', 'cluster', 'zlib', 'child_process', 'worker_threads', 'dns', 'stream', 'readline']);
const requireHere = createRequire(import.meta.url);
const oneCopyOfBuiltins = {
  name: 'one-copy-of-builtins',
  setup(b) {
    b.onResolve({ filter: /^(node:)?[a-z0-9_/]+$/ }, (args) => {
      const name = args.path.replace(/^node:/, '');
      if (args.namespace !== 'file' || (args.kind !== 'import-statement' && args.kind !== 'dynamic-import') || !builtinModules.includes(name)) return undefined;
      return { path: name, namespace: 'builtin' };
    });
    b.onResolve({ filter: /^lazy-builtin:/ }, (args) => ({ path: args.path.slice('lazy-builtin:'.length), namespace: 'lazy-builtin' }));
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({
      contents: LAZY_BUILTINS.has(args.path)
        ? `export * from 'lazy-builtin:${args.path}'; const m = require('lazy-builtin:${args.path}'); export default m;`
        : `export * from 'node:${args.path}'; const m = require('node:${args.path}'); export default m;`,
      loader: 'js',
    }));
    // a CommonJS module whose exports are a proxy that requires the built-in when a member is read
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => {
      const names = Object.getOwnPropertyNames(requireHere(`node:${args.path}`)).filter((k) => k !== 'default' && k !== '__esModule');
      return {
        loader: 'js',
        contents: `const names = new Set(${JSON.stringify(names)});
let m;
const load = () => (m ??= require('node:${args.path}'));
module.exports = new Proxy({}, {
  get: (_, k) => (k === '__esModule' ? false : load()[k]),
  has: (_, k) => names.has(k),
  ownKeys: () => [...names],
  getOwnPropertyDescriptor: (_, k) => (names.has(k) ? { configurable: true, enumerable: true, writable: false, value: undefined } : undefined),
});`,
      };
    });
  },
};
/** src/parser/load.ts becomes load.cli.ts: the parser (and chevrotain) load on the first parse, not at start. */
const parserOnDemand = {
  name: 'parser-on-demand',
  setup(b) {
    const load = resolve('src/parser/load.js');
    b.onResolve({ filter: /\/load\.js$/ }, (args) => (resolve(args.resolveDir, args.path) === load ? { path: resolve('src/parser/load.cli.ts') } : undefined));
  },
};
await build({ ...common, format: 'cjs', entryPoints: { cli: 'src/cli.ts' }, outdir: 'dist', outExtension: { '.js': '.cjs' }, plugins: [oneCopyOfBuiltins, parserOnDemand] });
copyFileSync('scripts/cli-loader.cjs', 'dist/cfml.cjs');
chmodSync('dist/cfml.cjs', 0o755);

// Warm runs that write the code cache: a page with the usual tags, expressions and script.
const tmp = mkdtempSync(join(tmpdir(), 'cfml-build-'));
const page = join(tmp, 'warm.cfm');
writeFileSync(page, '<cfparam name="url.n" default="3"><cfset s = {a: 1}><cfloop from="1" to="#url.n#" index="i"><cfif i mod 2 eq 0><cfoutput>#i# #ucase("x")# #dateFormat(now(), "yyyy")#</cfoutput></cfif></cfloop><cfscript>function f(x) { return x * 2; } writeOutput(f(2) & len("abc"));</cfscript>');
execFileSync(process.execPath, ['dist/cfml.cjs', '--no-cache', page], { env: { ...process.env, CFML_WRITE_CODE_CACHE: '1' }, stdio: 'ignore' });
rmSync(tmp, { recursive: true, force: true });
const check = spawnSync(process.execPath, ['dist/cfml.cjs', '-e', 'x'], { env: { ...process.env, CFML_DEBUG_CODE_CACHE: '1' }, encoding: 'utf8' }).stderr;
if (check !== 'code cache used\n') throw new Error(`the CLI does not start from its code cache: ${check}`);

execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { stdio: 'inherit' });
