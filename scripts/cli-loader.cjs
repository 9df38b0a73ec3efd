#!/usr/bin/env node
// The `cfml` bin. Compiling the CLI bundle is most of a cold start, so it is loaded through
// V8's code cache (made at build time, next to the bundle); without a usable cache it simply
// compiles as usual. CommonJS on purpose: an ES module importing node:fs makes Node build the
// module's ESM facade, which loads all of fs's streams.
'use strict';
const { readFileSync, writeFileSync } = require('fs');
const { Script } = require('vm');
const { dirname, join } = require('path');
const { createRequire } = require('module');

const file = join(__dirname, 'cli.cjs');
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
if (process.env.CFML_DEBUG_CODE_CACHE === '1') process.stderr.write(`code cache ${cachedData ? (script.cachedDataRejected ? 'rejected' : 'used') : 'missing'}\n`);
script.runInThisContext()(mod.exports, createRequire(file), mod, file, dirname(file));
// only the build writes the cache (npm run build): a user's run never writes into the package.
// V8 checks a cache against the flags in force when it was made: the build's page must not set
// any (src/runtime/safe-regex.ts sets two on a page's first regular expression); the build checks.
if (process.env.CFML_WRITE_CODE_CACHE === '1') process.once('exit', () => writeFileSync(cacheFile, script.createCachedData()));
