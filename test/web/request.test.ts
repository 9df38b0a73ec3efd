/** The request/response model through createHandler: scopes, uploads, responses, Application.cfm, locks, static files. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, rawRequest, type Site } from '../support/web-site.js';
import { defineTag } from '../../src/tags/types.js';
import { toNum } from '../../src/runtime/cast.js';

/** <cfwait ms="..."> waits without blocking the process (sleep() blocks it), as a mail or file tag would. */
const waitTag = defineTag({
  name: 'wait',
  attrs: [{ name: 'ms', required: true }],
  run: (call) => new Promise<void>((r) => setTimeout(r, toNum(call.attrs.ms))),
});

let site: Site;
let dev: Site;

beforeAll(async () => {
  site = await startSite({
    'scopes.cfm': '<cfoutput>#url.a#|#url.b ?: "-"#|#form.fieldnames ?: ""#|#form.x ?: ""#|#form.y ?: ""#</cfoutput>',
    'cgi.cfm': '<cfoutput>#cgi.request_method#|#cgi.query_string#|#cgi.script_name#|#cgi.path_info#|#cgi.http_host#|#cgi.server_port#|#cgi.https#|#cgi.remote_addr#|#cgi.http_accept#|#cgi.content_type#|#cgi.http_referer#</cfoutput>',
    'upload.cfm': `<cfoutput><cfloop collection="#form#" item="k">#k#;</cfloop>|<cfif structKeyExists(form, "doc")>#fileExists(form.doc)#|#getFileFromPath(form.doc) contains "upload-"#|#fileRead(form.doc)#</cfif></cfoutput>`,
    'redirect.cfm': '<cflocation url="/target.cfm?x=1" addtoken="false">never',
    'redirect301.cfm': '<cflocation url="/moved.cfm" statuscode="301">',
    'header.cfm': '<cfheader statuscode="201" statustext="Made"><cfheader name="X-Custom" value="yes">made',
    'inject.cfm': '<cfheader name="X-Bad" value="a#chr(13)##chr(10)#Set-Cookie: evil=1">x',
    'binary.cfm': '<cfcontent type="application/octet-stream" variable="#charsetDecode("AQID", "utf-8")#">',
    'bytes.cfm': '<cfcontent type="application/octet-stream" variable="#binaryDecode("00FF10", "hex")#">',
    'file.cfm': '<cfcontent type="text/plain" file="#expandPath("data.txt")#">',
    'data.txt': 'file body',
    'reset.cfm': 'dropped<cfcontent type="text/plain" reset="true">kept',
    'json.cfm': '<cfcontent type="application/json"><cfoutput>#serializeJSON({"a": 1})#</cfoutput>',
    'style.css': 'body { color: red }',
    'img/pic.png': '\x89PNG fake',
    'dir/index.cfm': 'dir index',
    'pathinfo.cfm': '<cfoutput>#cgi.script_name#|#cgi.path_info#</cfoutput>',
    'app/Application.cfm': '<cfapplication name="lifecycle"><cfset request.trail = "app"><cfset variables.fromApp = "yes">',
    'app/OnRequestEnd.cfm': '<cfoutput>|end:#request.trail#</cfoutput>',
    'app/page.cfm': '<cfset request.trail &= ",page"><cfoutput>#variables.fromApp#:#request.trail#:#application.applicationName#</cfoutput>',
    'app/abort.cfm': 'before<cfabort>after',
    'app/deep/er/page.cfm': '<cfoutput>deep #variables.fromApp#</cfoutput>',
    'app/deep/Application.cfm': '<cfapplication name="nearer"><cfset variables.fromApp = "nearer">',
    'lock/slow.cfm': '<cflock name="L" type="exclusive" timeout="5"><cfset application.log = (application.log ?: "") & "a"><cfwait ms="300"><cfset application.log &= "A"><cfoutput>#application.log#</cfoutput></cflock>',
    'lock/hold.cfm': '<cflock name="L" type="exclusive" timeout="5"><cfwait ms="1500"></cflock>held',
    'lock/timeout.cfm': '<cftry><cflock name="L" type="exclusive" timeout="0.1">in</cflock><cfcatch type="lock"><cfoutput>#cfcatch.type#: #cfcatch.message#</cfoutput></cfcatch></cftry>',
    'lock/skip.cfm': '<cflock name="L" timeout="0.1" throwontimeout="false">in</cflock>skipped',
    'err.cfm': '<cfset a = [1]>\n<cfoutput>#a[5]#</cfoutput>',
  }, { engineOptions: { tags: [waitTag] } });
  dev = await startSite({ 'err.cfm': '<cfset a = [1]>\n<cfoutput>#a[5]#</cfoutput>' }, { dev: true });
});

afterAll(async () => {
  await site.close();
  await dev.close();
});

const text = async (p: string, init?: RequestInit) => (await fetch(site.base + p, init)).text();

describe('scopes', () => {
  it('url (repeated keys joined with commas) and urlencoded form with form.fieldnames', async () => {
    expect(await text('/scopes.cfm?a=1&a=2&b=%20x')).toBe('1,2| x|||');
    const body = new URLSearchParams([['x', 'one'], ['y', 'two'], ['x', 'three']]);
    expect(await text('/scopes.cfm?a=q', { method: 'POST', body })).toBe('q|-|X,Y|one,three|two');
  });

  it('cgi as Lucee fills it', async () => {
    const r = await text('/cgi.cfm?k=v', { headers: { accept: 'text/html', referer: 'http://ref.example/' } });
    expect(r).toBe(`GET|k=v|/cgi.cfm||127.0.0.1:${site.port}|${site.port}|off|127.0.0.1|text/html||http://ref.example/`);
    expect(await text('/pathinfo.cfm/extra/bits')).toBe('/pathinfo.cfm|/extra/bits');
  });

  it('multipart: uploads stream to temp files, form.field holds the temp path, hostile names never become paths', async () => {
    const fd = new FormData();
    fd.append('title', 'hello');
    fd.append('doc', new Blob(['uploaded content']), '../../../etc/evil.cfm');
    const out = await text('/upload.cfm', { method: 'POST', body: fd });
    const [fields, exists, tmpName, content] = out.split('|');
    expect(fields!.split(';').filter(Boolean).map((f) => f.toLowerCase()).sort()).toEqual(['doc', 'fieldnames', 'title']);
    expect([exists, tmpName, content]).toEqual(['true', 'true', 'uploaded content']);
    // nothing was written outside the temp dir under the client's name
    expect(fs.existsSync('/etc/evil.cfm')).toBe(false);
  });

  it('the upload temp files are removed after the request', async () => {
    fs.writeFileSync(path.join(site.root, 'where.cfm'), '<cfoutput>#form.doc#</cfoutput>');
    const fd = new FormData();
    fd.append('doc', new Blob(['x']), 'a.txt');
    const tmp = await text('/where.cfm', { method: 'POST', body: fd });
    expect(tmp).toMatch(/upload-1\.tmp$/);
    expect(fs.existsSync(tmp)).toBe(false);
  });
});

describe('responses', () => {
  it('cflocation: 302 by default, statuscode 301, nothing after it runs', async () => {
    const r = await fetch(site.base + '/redirect.cfm', { redirect: 'manual' });
    expect(r.status).toBe(302);
    expect(r.headers.get('location')).toBe('/target.cfm?x=1');
    expect(await r.text()).not.toContain('never');
    const p = await fetch(site.base + '/redirect301.cfm', { redirect: 'manual' });
    expect(p.status).toBe(301);
  });

  it('cfheader: status, status text and headers; CR/LF in a value is an error, not a second header', async () => {
    const r = await fetch(site.base + '/header.cfm');
    expect(r.status).toBe(201);
    expect(r.statusText).toBe('Made');
    expect(r.headers.get('x-custom')).toBe('yes');
    const bad = await fetch(site.base + '/inject.cfm');
    expect(bad.status).toBe(500);
    expect(bad.headers.getSetCookie()).toEqual([]);
  });

  it('cfcontent: type, reset, binary variable and file', async () => {
    const j = await fetch(site.base + '/json.cfm');
    expect(j.headers.get('content-type')).toBe('application/json');
    expect(await j.text()).toBe('{"a":1}');
    expect(await text('/reset.cfm')).toBe('kept');
    const b = await fetch(site.base + '/bytes.cfm');
    expect(b.headers.get('content-type')).toBe('application/octet-stream');
    expect([...new Uint8Array(await b.arrayBuffer())]).toEqual([0, 255, 16]);
    const f = await fetch(site.base + '/file.cfm');
    expect(f.headers.get('content-type')).toBe('text/plain');
    expect(await f.text()).toBe('file body');
  });

  it('a CFML error: production page without details; --dev shows message, location and code frame', async () => {
    const p = await fetch(site.base + '/err.cfm');
    expect(p.status).toBe(500);
    const body = await p.text();
    expect(body).not.toMatch(/err\.cfm|a\[5\]|out of range|tmp/i);
    const d = await fetch(dev.base + '/err.cfm');
    expect(d.status).toBe(500);
    const dbody = await d.text();
    expect(dbody).toContain('err.cfm:2:');
    expect(dbody).toContain('&gt; 2 | &lt;cfoutput&gt;#a[5]#');
  });
});

describe('static files', () => {
  it('Content-Type, ETag/Last-Modified with 304, Range with 206', async () => {
    const r = await fetch(site.base + '/style.css');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const etag = r.headers.get('etag')!;
    expect(r.headers.get('last-modified')).toBeTruthy();
    // raw: fetch adds Cache-Control: no-cache to conditional requests
    const cond = await rawRequest(site.port, `GET /style.css HTTP/1.1\r\nHost: x\r\nIf-None-Match: ${etag}\r\nConnection: close\r\n\r\n`);
    expect(cond).toMatch(/^HTTP\/1\.1 304 /);
    const part = await fetch(site.base + '/style.css', { headers: { range: 'bytes=0-3' } });
    expect(part.status).toBe(206);
    expect(await part.text()).toBe('body');
    expect((await fetch(site.base + '/img/pic.png')).headers.get('content-type')).toBe('image/png');
  });

  it('a directory runs its index.cfm (redirecting to the trailing slash first); POST to a static file is 405', async () => {
    const r = await fetch(site.base + '/dir', { redirect: 'manual' });
    expect(r.status).toBe(301);
    expect(r.headers.get('location')).toBe('/dir/');
    expect(await text('/dir/')).toBe('dir index');
    expect((await fetch(site.base + '/style.css', { method: 'POST' })).status).toBe(405);
    const head = await rawRequest(site.port, 'HEAD /dir/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 200 /);
    expect(head).not.toContain('dir index');
  });
});

describe('Application.cfm', () => {
  it('runs before the page in its scopes, OnRequestEnd.cfm after it', async () => {
    expect(await text('/app/page.cfm')).toBe('yes:app,page:lifecycle|end:app,page');
  });

  it('cfabort ends the request: OnRequestEnd.cfm does not run', async () => {
    expect(await text('/app/abort.cfm')).toBe('before');
  });

  it('is looked up from the page directory upwards; the nearest one wins', async () => {
    expect(await text('/app/deep/er/page.cfm')).toBe('deep nearer');
  });

  it('cfapplication with attributes that change from request to request takes each request\'s values', async () => {
    fs.mkdirSync(path.join(site.root, 'dyn'), { recursive: true });
    fs.writeFileSync(path.join(site.root, 'dyn/Application.cfm'), '<cfapplication name="dyn_#url.app#" sessionmanagement="#url.s#">');
    fs.writeFileSync(path.join(site.root, 'dyn/page.cfm'), '<cfoutput>#application.applicationName#:#getApplicationSettings().sessionManagement#</cfoutput>');
    expect(await text('/dyn/page.cfm?app=a&s=false')).toBe('dyn_a:false');
    expect(await text('/dyn/page.cfm?app=a&s=false')).toBe('dyn_a:false');
    expect(await text('/dyn/page.cfm?app=b&s=false')).toBe('dyn_b:false');
    expect(await text('/dyn/page.cfm?app=b&s=true')).toBe('dyn_b:true');
    expect(await text('/dyn/page.cfm?app=a&s=false')).toBe('dyn_a:false');
  });
});

describe('cflock', () => {
  it('an exclusive named lock serialises concurrent requests', async () => {
    const [a, b] = await Promise.all([text('/lock/slow.cfm'), text('/lock/slow.cfm')]);
    // the second request's body starts only after the first one's ended: never "aaAA"
    expect([a, b].sort()).toEqual(['aA', 'aAaA']);
    // and without the lock the two bodies interleave (the test can tell the difference)
    fs.writeFileSync(path.join(site.root, 'lock/free.cfm'), '<cfset application.f = (application.f ?: "") & "a"><cfwait ms="300"><cfset application.f &= "A"><cfoutput>#application.f#</cfoutput>');
    const [c, d] = await Promise.all([text('/lock/free.cfm'), text('/lock/free.cfm')]);
    expect([c, d].sort()).toEqual(['aaA', 'aaAA']);
  });

  it("waiting past the timeout is Lucee's lock error (type lock), or skips the body with throwontimeout=false", async () => {
    const slow = text('/lock/hold.cfm');
    await new Promise((r) => setTimeout(r, 500));
    const [t, s] = await Promise.all([text('/lock/timeout.cfm'), text('/lock/skip.cfm')]);
    expect(t).toBe('lock: a timeout occurred after 100 milliseconds trying to acquire a exclusive lock with name [L].');
    expect(s).toBe('skipped');
    await slow;
  });
});

describe('application settings reach the other parts', () => {
  it('customtagpaths of cfapplication are searched by <cf_name>', async () => {
    fs.mkdirSync(path.join(site.root, 'ctags/lib'), { recursive: true });
    fs.mkdirSync(path.join(site.root, 'ctags/page'), { recursive: true });
    fs.writeFileSync(path.join(site.root, 'ctags/lib/greet.cfm'), '<cfoutput>hi #attributes.who#</cfoutput>');
    fs.writeFileSync(path.join(site.root, 'ctags/page/Application.cfm'), '<cfapplication name="ctags" customtagpaths="../lib">');
    fs.writeFileSync(path.join(site.root, 'ctags/page/index.cfm'), '<cf_greet who="there">');
    expect(await text('/ctags/page/index.cfm')).toBe('hi there');
  });
});
