/**
 * Issue 8 item 8 and the served-path rules of issue 10: no request ends the server, bad URLs get
 * 400, bodies over the limit 413, and nothing outside the root or hidden is ever served as source.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, rawRequest, type Site } from '../support/web-site.js';

let site: Site;
const SECRET = 'TOP-SECRET-SOURCE';

beforeAll(async () => {
  site = await startSite(
    {
      'index.cfm': '<cfoutput>home #len(form.toString())#</cfoutput>',
      'post.cfm': '<cfoutput>got #len(form.data ?: "")#</cfoutput>',
      'Application.cfm': `<!--- ${SECRET} --->`,
      'OnRequestEnd.cfm': `<!--- ${SECRET} --->`,
      'x.cfc': `<cfcomponent><!--- ${SECRET} ---></cfcomponent>`,
      'sub/Thing.CFC': `<!--- ${SECRET} --->`,
      '.git/config': SECRET,
      '.env': SECRET,
      'ok.txt': 'plain text',
      'sub/page.cfm': 'sub page',
    },
    { maxBodySize: 1024 },
  );
  // outside the root, and links inside it pointing there
  const outside = fs.mkdtempSync(path.join(path.dirname(site.root), 'cfml-outside-'));
  fs.writeFileSync(path.join(outside, 'secret.txt'), SECRET);
  fs.writeFileSync(path.join(outside, 'secret.cfm'), SECRET);
  fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(site.root, 'link.txt'));
  fs.symlinkSync(path.join(outside, 'secret.cfm'), path.join(site.root, 'link.cfm'));
  fs.symlinkSync(outside, path.join(site.root, 'linkdir'));
  fs.symlinkSync(path.join(site.root, '.env'), path.join(site.root, 'env.txt'));
  fs.symlinkSync(path.join(site.root, 'x.cfc'), path.join(site.root, 'x.txt'));
});

afterAll(() => site.close());

async function alive() {
  const r = await fetch(site.base + '/ok.txt');
  expect(r.status).toBe(200);
  expect(await r.text()).toBe('plain text');
}

describe('requests that must not end the server', () => {
  it('GET /% is 400', async () => {
    const r = await fetch(site.base + '/%');
    expect(r.status).toBe(400);
    await alive();
  });

  it('other undecodable paths and NUL are 400', async () => {
    for (const p of ['/%zz', '/a%', '/%E0%A4%A', '/a%00b.cfm', '/index.cfm%00.txt']) {
      const r = await fetch(site.base + p);
      expect(r.status, p).toBe(400);
    }
    await alive();
  });

  it('the request line GET //[ is answered and the server lives on', async () => {
    const out = await rawRequest(site.port, 'GET //[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(out).toMatch(/^HTTP\/1\.1 (400|404) /);
    for (const line of ['GET * HTTP/1.1', 'GET http://evil/ HTTP/1.1', 'GET /[%]] HTTP/1.1', 'GARBAGE']) {
      const o = await rawRequest(site.port, `${line}\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect(o, line).toMatch(/^HTTP\/1\.1 4\d\d /);
    }
    await alive();
  });

  it('a POST body over the limit is 413, by Content-Length or while streaming', async () => {
    const big = 'data=' + 'x'.repeat(5000);
    const r = await fetch(site.base + '/post.cfm', { method: 'POST', body: big, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(r.status).toBe(413);
    // chunked: no Content-Length, the limit is found while reading
    const chunked = await rawRequest(
      site.port,
      `POST /post.cfm HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${(3000).toString(16)}\r\n${'d'.repeat(3000)}\r\n0\r\n\r\n`,
    );
    expect(chunked).toMatch(/^HTTP\/1\.1 413 /);
    const multi = new FormData();
    multi.append('f', new Blob(['y'.repeat(5000)]), 'big.bin');
    const m = await fetch(site.base + '/post.cfm', { method: 'POST', body: multi });
    expect(m.status).toBe(413);
    const small = await fetch(site.base + '/post.cfm', { method: 'POST', body: 'data=abc', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(await small.text()).toBe('got 3');
    await alive();
  });
});

describe('nothing hidden or outside the root is served', () => {
  it('source files, dotfiles and traversal give 404 without the source', async () => {
    const paths = [
      '/Application.cfm', '/application.cfm', '/OnRequestEnd.cfm', '/x.cfc', '/X.CFC', '/sub/Thing.CFC', '/.git/config', '/.env',
      '/%2e%2e/', '/%2e%2e/etc/passwd', '/sub/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc/passwd', '/sub%5c..%5c.env',
      '/sub\\..\\.env', '/.%2fenv', '/%2eenv', '/sub/.%2e/.env',
    ];
    // sent raw: fetch would normalise %2e%2e and backslashes away before sending
    for (const p of [...paths, '/../../etc/passwd', '/sub/../../.env']) {
      const raw = await rawRequest(site.port, `GET ${p} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect(raw, p).toMatch(/^HTTP\/1\.1 40[34] /);
      expect(raw, p).not.toContain(SECRET);
      expect(raw, p).not.toContain('root:');
    }
  });

  it('symlinks inside the root that point outside (or at hidden files) do not serve', async () => {
    for (const p of ['/link.txt', '/link.cfm', '/linkdir/secret.txt', '/linkdir/secret.cfm', '/env.txt', '/x.txt']) {
      const r = await fetch(site.base + p);
      expect(r.status, p).toBe(404);
      expect(await r.text(), p).not.toContain(SECRET);
    }
  });

  it('a CFML error page shows no path, source or stack, and logs the full error under the request id', async () => {
    fs.writeFileSync(path.join(site.root, 'boom.cfm'), '<cfset password = "hunter2">\n<cfset x = undefinedThing + 1>');
    const r = await fetch(site.base + '/boom.cfm');
    expect(r.status).toBe(500);
    const body = await r.text();
    expect(body).not.toContain(site.root);
    expect(body).not.toContain('boom.cfm');
    expect(body).not.toContain('undefinedThing');
    expect(body).not.toContain('hunter2');
    const id = /Request id: <code>([0-9a-f]+)<\/code>/.exec(body)?.[1];
    expect(id).toBeTruthy();
    const logged = site.logs.find((l) => l.includes(id!));
    expect(logged).toContain('boom.cfm:2:');
    expect(logged).toContain('undefinedThing');
  });
});
