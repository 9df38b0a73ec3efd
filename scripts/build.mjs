// Bundles the library and the CLI with esbuild and writes the type declarations with tsc.
// The CLI is one CommonJS bundle loaded through V8's code cache (scripts/cli-loader.cjs):
// parsing and compiling the bundle is most of a cold start otherwise.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { builtinModules } from 'node:module';

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
 * makes that one copy each.
 */
const oneCopyOfBuiltins = {
  name: 'one-copy-of-builtins',
  setup(b) {
    b.onResolve({ filter: /^(node:)?[a-z0-9_/]+$/ }, (args) => {
      const name = args.path.replace(/^node:/, '');
      if (args.namespace === 'builtin' || (args.kind !== 'import-statement' && args.kind !== 'dynamic-import') || !builtinModules.includes(name)) return undefined;
      return { path: name, namespace: 'builtin' };
    });
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({
      contents: `export * from 'node:${args.path}'; const m = require('node:${args.path}'); export default m;`,
      loader: 'js',
    }));
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

execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { stdio: 'inherit' });
