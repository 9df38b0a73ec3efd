#!/usr/bin/env node
import { Engine } from './engine.js';
import { CfmlError } from './runtime/errors.js';
import { HELP, parseArgs, type CliArgs } from './cli/args.js';
import * as os from 'node:os';
import * as path from 'node:path';
import * as fs from 'node:fs';

/**
 * Writes the page's output to stdout with fs.writeSync: touching process.stdout builds a stream
 * (for a pipe, a net.Socket with the streams and net modules behind it), about 8 % of a cold
 * start. A descriptor that is non-blocking (EAGAIN) gets the rest through process.stdout.
 */
function writeOut(data: string | Uint8Array): void {
  let buf = typeof data === 'string' ? Buffer.from(data) : data;
  try {
    while (buf.length > 0) buf = buf.subarray(fs.writeSync(1, buf));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // EPIPE: the reader is gone (`cfml page.cfm | head -1`), so is anyone to tell
    if (code === 'EPIPE') return;
    if (code !== 'EAGAIN') throw e;
    process.stdout.write(buf);
  }
}

/** Parsed pages are kept per user under the temp dir; CFML_CACHE_DIR moves it. */
function cacheDir(): string {
  return process.env.CFML_CACHE_DIR || path.join(os.tmpdir(), `cfml-engine-cache-${process.getuid?.() ?? 'user'}`);
}

async function main(argv: string[]): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`cfml: ${(e as Error).message}\n${HELP}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  if (args.version) {
    process.stdout.write(`cfml-engine ${Engine.version}\n`);
    return 0;
  }
  if (args.serve !== undefined) {
    const { serve } = await import('./cli/serve.js');
    const code = await serve(args.serve, { port: args.port, host: args.host, dev: args.dev, production: args.production, maxBodySize: args.maxBodySize, workers: args.workers, health: args.health, sessionStore: args.sessionStore, imapMaxPerUser: args.imapMaxPerUser, maxSessions: args.maxSessions });
    // a cluster's IPC channel (and a pool's sockets) would keep the process alive
    process.exit(code);
  }
  if (args.file === undefined && args.expr === undefined) {
    process.stderr.write(HELP + '\n');
    return 2;
  }
  const engine = new Engine({ mode: 'cli', astCacheDir: args.noCache ? undefined : cacheDir(), root: args.root });
  try {
    const input = { url: args.url, form: args.form, variables: args.vars };
    const result = args.expr !== undefined
      ? await engine.renderStringWithMeta(args.expr, { ...input, file: '<command line>' })
      : await engine.renderFileWithMeta(args.file!, input);
    if (result.file) writeOut(fs.readFileSync(result.file.path));
    else writeOut(result.body ?? result.output);
    if (result.location) process.stderr.write(`cflocation: ${result.status} ${result.location}\n`);
    return 0;
  } catch (e) {
    if (e instanceof CfmlError) {
      // paths under the working directory print relative to it, as the user typed them
      process.stderr.write(engine.formatError(e).split(process.cwd() + path.sep).join('') + '\n');
      if (args.debug && e.stack) process.stderr.write((e.cause instanceof Error ? e.cause.stack : e.stack) + '\n');
    } else {
      process.stderr.write(`cfml: internal error: ${(e as Error)?.message ?? String(e)}\n`);
      if (args.debug) process.stderr.write(String((e as Error)?.stack) + '\n');
    }
    return 1;
  } finally {
    await engine.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`cfml: ${String(e)}\n`);
    process.exitCode = 1;
  },
);
