import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { Engine } from '../../src/index.js';

/** A real HTTP server on 127.0.0.1 with one route per behaviour under test. */
let server: http.Server;
let base: string;
let dir: string;
const engine = new Engine();
const seen: Array<{ method: string; url: string; headers: http.IncomingHttpHeaders; body: string }> = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfml-cfhttp-'));
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('latin1');
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      const u = new URL(req.url!, 'http://x');
      switch (u.pathname) {
        case '/x':
          res.setHeader('Content-Type', 'text/plain; charset=utf-8');
          res.setHeader('X-Test', 'yes');
          res.setHeader('Set-Cookie', ['a=1; Path=/; HttpOnly', 'b=two%20words']);
          res.end('héllo');
          return;
        case '/echo':
          res.setHeader('Content-Type', 'application/json');
          res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body }));
          return;
        case '/redirect':
          res.writeHead(302, { Location: '/x' });
          res.end();
          return;
        case '/gzip':
          res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Encoding': 'gzip' });
          res.end(zlib.gzipSync('compressed text'));
          return;
        case '/chunked':
          res.writeHead(200, { 'Content-Type': 'text/plain' });
          res.write('part1-');
          setTimeout(() => res.end('part2'), 20);
          return;
        case '/404':
          res.writeHead(404, { 'Content-Type': 'text/plain' });
          res.end('nothing here');
          return;
        case '/500':
          res.writeHead(500, { 'Content-Type': 'text/plain' });
          res.end('boom');
          return;
        case '/never':
          return; // never answers
        case '/png':
          res.writeHead(200, { 'Content-Type': 'image/png' });
          res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]));
          return;
        case '/csv':
          res.writeHead(200, { 'Content-Type': 'text/csv' });
          res.end('id,name\n1,"Smith, J"\n2,Ann\n');
          return;
        case '/auth':
          if (req.headers.authorization === 'Basic ' + Buffer.from('bob:s3cret!').toString('base64')) res.end('welcome');
          else {
            res.writeHead(401, { 'WWW-Authenticate': 'Basic' });
            res.end('no');
          }
          return;
        default:
          res.writeHead(400);
          res.end();
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  fs.rmSync(dir, { recursive: true, force: true });
});

const render = (src: string) => engine.renderString(src, { file: path.join(dir, 'page.cfm') }).then((s) => s.trim());

describe('<cfhttp>', () => {
  it('fills statusCode, fileContent, responseHeader, mimeType, charset, cookies', async () => {
    const out = await render(
      `<cfhttp url="${base}/x" result="r"><cfoutput>${['r.statusCode', 'r.status_code', 'r.status_text', 'r.fileContent', 'r.responseHeader["X-Test"]', 'r.mimeType', 'r.charset', 'r.errorDetail', 'r.text', 'r.cookies.recordCount', 'r.cookies.name[2]', 'r.cookies.value[2]', 'r.cookies.httpOnly[1]'].map((e) => `#${e}#`).join('|')}</cfoutput>`,
    );
    expect(out).toBe('200 OK|200|OK|héllo|yes|text/plain|utf-8||true|2|b|two words|true');
    expect(await render(`<cfhttp url="${base}/x"><cfoutput>#cfhttp.header contains "x-test: yes"# #structKeyExists(cfhttp.responseHeader, "Content-Type")#</cfoutput>`)).toBe('true true');
  });

  it('sends params: url, header, cgi, cookie, formfield, body, xml, file', async () => {
    fs.writeFileSync(path.join(dir, 'up.txt'), 'file-bytes');
    const json = await render(
      `<cfhttp url="${base}/echo?x=1" method="post" result="r">` +
        `<cfhttpparam type="url" name="q" value="a b&c"><cfhttpparam type="header" name="X-One" value="1 2">` +
        `<cfhttpparam type="cgi" name="X-Cgi" value="a b"><cfhttpparam type="cookie" name="sid" value="v 1">` +
        `<cfloop from="1" to="2" index="i"><cfhttpparam type="formfield" name="f#i#" value="v#i# é"></cfloop>` +
        `</cfhttp><cfoutput>#r.fileContent#</cfoutput>`,
    );
    const got = JSON.parse(json);
    expect(got.method).toBe('POST');
    expect(got.url).toBe('/echo?x=1&q=a%20b%26c');
    expect(got.headers['x-one']).toBe('1 2');
    expect(got.headers['x-cgi']).toBe('a%20b');
    expect(got.headers.cookie).toBe('sid=v%201');
    expect(got.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(got.body).toBe('f1=v1%20%C3%A9&f2=v2%20%C3%A9');
    const xml = JSON.parse(await render(`<cfhttp url="${base}/echo" method="post" result="r"><cfhttpparam type="xml" value="<a/>"></cfhttp><cfoutput>#r.fileContent#</cfoutput>`));
    expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(xml.body).toBe('<a/>');
    const multi = JSON.parse(await render(`<cfhttp url="${base}/echo" method="post" result="r"><cfhttpparam type="formfield" name="n" value="1"><cfhttpparam type="file" name="doc" file="up.txt" mimetype="text/plain"></cfhttp><cfoutput>#r.fileContent#</cfoutput>`));
    expect(multi.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(multi.body).toContain('filename="up.txt"');
    expect(multi.body).toContain('file-bytes');
  });

  it('follows redirects unless redirect="false"', async () => {
    expect(await render(`<cfhttp url="${base}/redirect" result="r"><cfoutput>#r.statusCode# #r.fileContent#</cfoutput>`)).toBe('200 OK héllo');
    expect(await render(`<cfhttp url="${base}/redirect" redirect="false" result="r"><cfoutput>#r.statusCode# #r.responseHeader.location#</cfoutput>`)).toBe('302 Found /x');
  });

  it('gzip and chunked bodies are decoded', async () => {
    expect(await render(`<cfhttp url="${base}/gzip" result="r"><cfoutput>#r.fileContent#</cfoutput>`)).toBe('compressed text');
    expect(await render(`<cfhttp url="${base}/chunked" result="r"><cfoutput>#r.fileContent#</cfoutput>`)).toBe('part1-part2');
  });

  it('404/500 fill the result, or throw with throwOnError', async () => {
    expect(await render(`<cfhttp url="${base}/404" result="r"><cfoutput>#r.statusCode# #r.fileContent#</cfoutput>`)).toBe('404 Not Found nothing here');
    expect(await render(`<cfhttp url="${base}/500" result="r"><cfoutput>#r.status_code# #r.fileContent#</cfoutput>`)).toBe('500 boom');
    const caught = await render(`<cftry><cfhttp url="${base}/500" throwOnError="true"><cfcatch><cfoutput>#cfcatch.type#: #cfcatch.message# #cfcatch.errorCode#</cfoutput></cfcatch></cftry>`);
    expect(caught).toBe('Application: 500 Internal Server Error 500');
  });

  it('a server that never answers ends at the timeout', async () => {
    const t0 = Date.now();
    const caught = await render(`<cftry><cfhttp url="${base}/never" timeout="1" throwOnError="yes"><cfcatch><cfoutput>#cfcatch.message#|#cfcatch.detail#</cfoutput></cfcatch></cftry>`);
    expect(caught).toMatch(/^408 Request Time-out\|a timeout occurred in tag http/);
    const soft = await render(`<cfhttp url="${base}/never" timeout="1" result="r"><cfoutput>#r.statusCode#|#r.fileContent#</cfoutput>`);
    expect(soft).toBe('408 Request Time-out|Connection Timeout');
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it('connection refused is "Connection Failure"; the password never shows', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const out = await render(`<cfhttp url="http://127.0.0.1:${port}/" result="r"><cfoutput>#r.fileContent#|#r.statusCode#|#r.errorDetail#</cfoutput>`);
    expect(out).toMatch(/^Connection Failure\|Connection Failure\. Status code unavailable\.\|ECONNREFUSED/);
    const err = await render(`<cftry><cfhttp url="http://127.0.0.1:${port}/" username="bob" password="s3cret!" throwOnError="true"><cfcatch><cfoutput>#cfcatch.message# #cfcatch.detail#</cfoutput></cfcatch></cftry>`);
    expect(err).toContain('Connection Failure');
    expect(err).not.toContain('s3cret!');
    expect(await render(`<cfhttp url="${base}/auth" username="bob" password="s3cret!" result="r"><cfoutput>#r.fileContent#</cfoutput>`)).toBe('welcome');
  });

  it('binary bodies, getAsBinary, and name= reads CSV into a query', async () => {
    expect(await render(`<cfhttp url="${base}/png" result="r"><cfoutput>#isBinary(r.fileContent)# #arrayLen(r.fileContent)# #r.text#</cfoutput>`)).toBe('true 7 false');
    expect(await render(`<cfhttp url="${base}/x" getAsBinary="yes" result="r"><cfoutput>#isBinary(r.fileContent)#</cfoutput>`)).toBe('true');
    expect(await render(`<cfhttp url="${base}/csv" name="q"><cfoutput>#q.columnList# #q.recordCount# #q.name[1]#</cfoutput>`)).toBe('ID,NAME 2 Smith, J');
  });

  it('works from script with params in a body block', async () => {
    const out = await render(`<cfscript>
      http url="${base}/echo" method="put" result="r" { httpparam type="body" value="raw body"; httpparam type="header" name="X-S" value="s"; }
      d = deserializeJSON(r.fileContent);
      writeOutput(d.method & " " & d.body & " " & d.headers["x-s"]);
    </cfscript>`);
    expect(out).toBe('PUT raw body s');
    await expect(render(`<cfhttpparam type="header" name="a" value="b">`)).rejects.toThrow(/must be inside <cfhttp>/);
  });
});
