/** Embedding: an Express app renders .cfm views with res.render and mounts createHandler on /cf. */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine, createHandler } from '../../src/index.js';

let base: string;
let server: import('node:http').Server;
let engine: Engine;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfml-express-'));
  fs.mkdirSync(path.join(dir, 'views'));
  fs.mkdirSync(path.join(dir, 'site'));
  fs.writeFileSync(path.join(dir, 'views/hello.cfm'), '<cfoutput><h1>Hello, #encodeForHTML(name)#!</h1>#arrayLen(items)# items<cfif isDefined("settings")>leak</cfif></cfoutput>');
  fs.writeFileSync(path.join(dir, 'views/broken.cfm'), '<cfoutput>#nope#</cfoutput>');
  fs.writeFileSync(path.join(dir, 'site/Application.cfm'), '<cfapplication name="expressed" sessionmanagement="true">');
  fs.writeFileSync(path.join(dir, 'site/index.cfm'), '<cfparam name="session.n" default="0"><cfset session.n++><cfoutput>n=#session.n# #cgi.script_name#</cfoutput>');
  fs.writeFileSync(path.join(dir, 'site/app.css'), 'a{}');
  engine = new Engine({ mode: 'web', root: dir });
  const app = express();
  app.engine('cfm', engine.express());
  app.set('views', path.join(dir, 'views'));
  app.set('view engine', 'cfm');
  app.get('/hello', (_req, res) => res.render('hello', { name: '<World>', items: [1, 2, 3] }));
  app.get('/broken', (_req, res) => res.render('broken'));
  app.use('/cf', createHandler({ root: path.join(dir, 'site'), engine }));
  app.use((_req, res) => res.status(404).send('express 404'));
  app.use((err: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => res.status(500).send('express error: ' + err.message));
  server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await engine.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('Express', () => {
  it('res.render runs a .cfm view with the locals in the variables scope', async () => {
    const r = await fetch(base + '/hello');
    expect(r.status).toBe(200);
    expect(await r.text()).toBe('<h1>Hello, &lt;World&gt;!</h1>3 items');
  });

  it('a CFML error in a view goes to Express error handling', async () => {
    const r = await fetch(base + '/broken');
    expect(r.status).toBe(500);
    expect(await r.text()).toMatch(/^express error: variable \[nope\] doesn't exist/i);
  });

  it('createHandler mounted on /cf serves pages with sessions and static files, and passes what it does not serve on', async () => {
    const first = await fetch(base + '/cf/');
    const cookie = first.headers.getSetCookie()[0]!.split(';')[0]!;
    expect(await first.text()).toBe('n=1 /cf/index.cfm');
    expect(await (await fetch(base + '/cf/', { headers: { cookie } })).text()).toBe('n=2 /cf/index.cfm');
    expect(await (await fetch(base + '/cf/app.css')).text()).toBe('a{}');
    const missing = await fetch(base + '/cf/missing.cfm');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('express 404');
    const hidden = await fetch(base + '/cf/Application.cfm');
    expect(await hidden.text()).toBe('express 404');
  });
});
