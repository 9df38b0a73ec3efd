// Bundles the CLI and the library with esbuild (a bundled CLI starts in a fraction of the time
// an unbundled chevrotain import takes) and writes the type declarations with tsc.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  // loaded on first use of <cfimap> only, so they stay out of the cold start
  external: ['imapflow', 'mailparser'],
  logLevel: 'warning',
  minify: true,
};
await build({ ...common, entryPoints: { cli: 'src/cli.ts', index: 'src/index.ts' }, outdir: 'dist', splitting: true, chunkNames: 'chunks/[name]-[hash]', banner: { js: '' } });
// the bin needs a shebang; esbuild keeps the one at the top of src/cli.ts
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { stdio: 'inherit' });
