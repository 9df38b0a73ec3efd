/**
 * A private redis-server for tests and benchmarks: its own config file and dir in a temp dir, a
 * free port on 127.0.0.1, no persistence (`save ""`, no AOF). stop() ends it and removes the dir.
 * scripts/ensure-redis.sh installs the Debian package when it is missing.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort } from './databases.js';

export interface RedisServer {
  port: number;
  url: string;
  dir: string;
  /** Runs a redis-cli command against the server and returns its output (trimmed). */
  cli(...args: string[]): string;
  stop(): Promise<void>;
}

export function redisServerBin(): string {
  for (const p of ['/usr/bin/redis-server', '/usr/local/bin/redis-server']) if (spawnSync('test', ['-x', p]).status === 0) return p;
  throw new Error('redis-server is missing: run scripts/ensure-redis.sh');
}

export async function startRedis(): Promise<RedisServer> {
  const bin = redisServerBin();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cfml-redis-'));
  const port = await freePort();
  const conf = path.join(dir, 'redis.conf');
  await fs.writeFile(conf, [`port ${port}`, 'bind 127.0.0.1', 'protected-mode yes', `dir ${dir}`, 'save ""', 'appendonly no', 'daemonize no', `logfile ${path.join(dir, 'redis.log')}`, ''].join('\n'));
  const proc = spawn(bin, [conf], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  const cli = (...args: string[]) => {
    const r = spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args], { encoding: 'utf8' });
    return (r.stdout ?? '').trim();
  };
  const until = Date.now() + 20_000;
  while (cli('PING') !== 'PONG') {
    if (proc.exitCode !== null) throw new Error(`redis-server exited: ${await fs.readFile(path.join(dir, 'redis.log'), 'utf8').catch(() => '')}`);
    if (Date.now() > until) throw new Error('redis-server did not answer PING');
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    url,
    dir,
    cli,
    stop: async () => {
      if (proc.exitCode === null) {
        const gone = new Promise<void>((r) => proc.once('exit', () => r()));
        proc.kill('SIGTERM');
        const t = setTimeout(() => proc.kill('SIGKILL'), 10_000);
        await gone;
        clearTimeout(t);
      }
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
