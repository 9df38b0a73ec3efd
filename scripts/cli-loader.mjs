#!/usr/bin/env node
// The `cfml` bin. Compiling the CLI bundle is most of a cold start, so it is loaded through
// V8's code cache (made at build time, next to the bundle); without a usable cache it simply
// compiles as usual.
import { readFileSync, writeFileSync } from 'node:fs';
import { Script } from 'node:vm';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';

const file = fileURLToPath(new URL('./cli.cjs', import.meta.url));
const cacheFile = file + '.v8cache';
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const source = readFileSync(file, 'utf8').replace(/^#!.*/, '');
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
const mod = { exports: {} };
script.runInThisContext()(mod.exports, createRequire(file), mod, file, dirname(file));
// only the build writes the cache (npm run build): a user's run never writes into the package
if (process.env.CFML_WRITE_CODE_CACHE === '1') process.once('exit', () => writeFileSync(cacheFile, script.createCachedData()));
