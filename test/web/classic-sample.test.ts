/** samples/classic through the Node handler: log in, see the member page, save the cfform, log out. */
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandler } from '../../src/web/handler.js';
import { Engine } from '../../src/engine.js';
import { Browser } from '../support/web-site.js';

const root = path.resolve(import.meta.dirname, '../../samples/classic');
let server: http.Server;
let engine: Engine;
let base: string;

beforeAll(async () => {
  engine = new Engine({ mode: 'web', root, logger: () => {} });
  const handler = createHandler({ root, engine, logger: () => {} });
  server = http.createServer((req, res) => void handler(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
  await engine.close();
});

const post = (b: Browser, p: string, fields: Record<string, string>) => b.get(p, { method: 'POST', body: new URLSearchParams(fields) });

describe('samples/classic', () => {
  it('logs in with the cfform, keeps the login and client visits, validates the profile form, logs out', async () => {
    const me = new Browser(base);
    const first = await me.text('/index.cfm');
    expect(first).toContain('<title>Classic CFML</title><meta name="description"');
    expect(first).toContain('<form name="login" action="index.cfm"');
    expect(await (await post(me, '/index.cfm', { j_username: 'guest', j_password: 'nope' })).text()).toContain('Wrong user name or password.');
    const member = await (await post(me, '/index.cfm', { j_username: 'admin', j_password: 'admin-demo' })).text();
    expect(member).toContain('<h1>Hello admin</h1>');
    expect(member).toMatch(/Visit 3 from this browser; you are an administrator\./);
    expect(await new Browser(base).text('/index.cfm')).toContain('<h1>Log in</h1>');

    const empty = await post(me, '/profile.cfm', { name: '', name_required: 'Please enter your name', age: '', age_integer: '', age_range: 'MIN=1 MAX=130' });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('<li>Please enter your name</li>');
    const saved = await (await post(me, '/profile.cfm', { name: 'Ada', name_required: 'Please enter your name', age: '36', age_integer: '', age_range: 'MIN=1 MAX=130' })).text();
    expect(saved).toContain('Saved Ada (36) for admin.');
    expect(saved).toContain('Client variables: NAME');

    const out = await me.get('/logout.cfm');
    expect(out.status).toBe(302);
    expect(await me.text('/index.cfm')).toContain('<h1>Log in</h1>');
  });
});
