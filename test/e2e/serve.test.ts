/** `cfml serve DIR`: pages over HTTP on 127.0.0.1, errors as a page, nothing outside DIR. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'dist/cfml.cjs');
let proc: ChildProcess;
let base: string;
let stderr = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

beforeAll(async () => {
  if (!fs.existsSync(cli)) spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  proc = spawn(process.execPath, [cli, 'serve', path.join(root, 'samples'), '--port', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('server did not start')), 10_000);
    proc.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (d.toString().includes('serving')) {
        clearTimeout(t);
        resolve();
      }
    });
  });
});

afterAll(async () => {
  if (proc && proc.exitCode === null) {
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    await exited;
  }
});

describe('cfml serve', () => {
  it('renders a page with url values', async () => {
    const r = await fetch(`${base}/hello.cfm?name=Web`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/html');
    expect(await r.text()).toContain('Hello, Web!');
  });

  it('shows a CFML error as a 500 page without path or source; the location goes to stderr under the request id', async () => {
    const r = await fetch(`${base}/errors/broken.cfm`);
    expect(r.status).toBe(500);
    const body = await r.text();
    expect(body).not.toMatch(/broken\.cfm|samples/);
    expect(body).not.toMatch(/\n\s+at /);
    const id = /Request id: <code>([0-9a-f]+)</.exec(body)![1]!;
    await new Promise((res) => setTimeout(res, 100));
    expect(stderr).toMatch(new RegExp(`request ${id} GET /errors/broken.cfm\\n.*broken\\.cfm:\\d+:\\d+`));
  });

  it('samples/api: remote functions answer ?method= as JSON or plain text, others 403; onMissingTemplate answers a missing page', async () => {
    const r = await fetch(`${base}/api/Contacts.cfc?method=search&q=ADA`);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(JSON.parse(await r.text())).toEqual([{ name: 'Ada Lovelace', city: 'London' }]);
    expect(await (await fetch(`${base}/api/Contacts.cfc?method=greet&name=Web`)).text()).toBe('Hello, Web!');
    const refused = await fetch(`${base}/api/Contacts.cfc?method=all`);
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain('Grace');
    const source = await fetch(`${base}/api/Contacts.cfc`);
    expect([source.status, await source.text()]).toEqual([404, 'Not Found']);
    const missing = await fetch(`${base}/api/nope.cfm`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('No page at &#x2f;api&#x2f;nope.cfm. Try Contacts.cfc?method=search&q=ada');
  });

  it('--dev shows the full error in the page', async () => {
    const port = await freePort();
    const dev = spawn(process.execPath, [cli, 'serve', path.join(root, 'samples'), '--port', String(port), '--dev'], { stdio: ['ignore', 'ignore', 'pipe'] });
    await new Promise<void>((resolve) => dev.stderr!.on('data', (d: Buffer) => d.toString().includes('serving') && resolve()));
    const body = await (await fetch(`http://127.0.0.1:${port}/errors/broken.cfm`)).text();
    expect(body).toMatch(/broken\.cfm:\d+:\d+/);
    const exited = new Promise((r) => dev.once('exit', r));
    dev.kill('SIGTERM');
    await exited;
  });

  it('listens on 8500 by default, on 127.0.0.1 only', () => {
    const help = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' }).stdout;
    expect(help).toContain('port 8500');
    expect(help).toContain('127.0.0.1');
  });

  it('serves nothing outside the directory and nothing but .cfm pages', async () => {
    for (const p of ['/../package.json', '/%2e%2e/package.json', '/_missing.cfm', '/imap/../../README.md']) {
      const r = await fetch(base + p);
      expect(r.status, p).toBe(404);
    }
  });

  it('stops on SIGTERM', async () => {
    const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
    proc.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
