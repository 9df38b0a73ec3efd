/**
 * Application.cfc settings that reach the page, through the Node handler: this.mappings (component
 * names, cfinclude, expandPath), this.datasources / this.datasource (cfquery, a real SQLite file),
 * this.smtpServerSettings (cfmail to the real SMTP server of the mail tests).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type Site } from '../support/web-site.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp.js';

let site: Site;
let smtp: SmtpSink;
let outside: string;

beforeAll(async () => {
  smtp = await startSmtpSink({ users: [{ user: 'mailer', pass: 'Sm7p-app' }] });
  // a library outside the served root, reachable only through a mapping
  outside = fs.mkdtempSync(path.join(os.tmpdir(), 'cfml-lib-'));
  fs.mkdirSync(path.join(outside, 'model'));
  fs.writeFileSync(path.join(outside, 'model', 'Greeter.cfc'), 'component { function greet(n) { return "hello " & n; } }');
  fs.writeFileSync(path.join(outside, 'model', 'Base.cfc'), 'component { function kind() { return "base"; } }');
  fs.writeFileSync(path.join(outside, 'partial.cfm'), '<cfoutput>partial:#variables.who#</cfoutput>');
  site = await startSite({
    'Application.cfc': `component {
      this.name = "settingsapp";
      this.mappings["/lib"] = "${outside.replace(/\\/g, '/')}";
      this.mappings["/here"] = expandPath("./local");
      this.datasources["main"] = { driver: "sqlite", database: "data/app.db" };
      this.datasource = "main";
      this.smtpServerSettings = { server: "127.0.0.1", port: ${smtp.port}, username: "mailer", password: "Sm7p-app" };
    }`,
    'local/Thing.cfc': 'component extends="lib.model.Base" { function name() { return "thing"; } }',
    'local/inc.cfm': 'local-include',
    'components.cfm': '<cfoutput>#new lib.model.Greeter().greet("ann")#|#createObject("component", "lib.model.Greeter").greet("bob")#|#new here.Thing().name()#-#new here.Thing().kind()#</cfoutput>',
    'includes.cfm': '<cfset who = "me"><cfinclude template="/lib/partial.cfm">|<cfinclude template="/here/inc.cfm">|<cfinclude template="/local/inc.cfm">',
    'paths.cfm': '<cfoutput>#expandPath("/lib/model")#|#expandPath("/local/inc.cfm")#</cfoutput>',
    'db.cfm': `<cfquery>create table if not exists t (n integer)</cfquery>
<cfquery>insert into t values (<cfqueryparam value="#url.n#" cfsqltype="integer">)</cfquery>
<cfquery name="q" datasource="main">select sum(n) as s from t</cfquery><cfoutput>#q.s#</cfoutput>`,
    'mail.cfm': '<cfmail from="app@example.com" to="user@example.com" subject="from the app">body</cfmail>sent',
    'data/README.txt': 'the SQLite file of this.datasources.main goes here',
  });
});

afterAll(async () => {
  await site?.close();
  await smtp?.stop();
  fs.rmSync(outside, { recursive: true, force: true });
});

const get = async (p: string) => (await (await fetch(site.base + p)).text()).trim();

describe('this.mappings', () => {
  it('new, createObject and extends find components through the mappings', async () => {
    expect(await get('/components.cfm')).toBe('hello ann|hello bob|thing-base');
  });

  it('cfinclude "/mapped/x.cfm" goes through the mapping, "/x" without one starts at the web root', async () => {
    expect(await get('/includes.cfm')).toBe('partial:me|local-include|local-include');
  });

  it('expandPath("/mapped/...") gives the mapped directory, "/x" the web root', async () => {
    expect(await get('/paths.cfm')).toBe(`${path.join(outside, 'model')}|${path.join(fs.realpathSync(site.root), 'local', 'inc.cfm')}`);
  });

  it('another application does not see them', async () => {
    const other = await startSite({ 'Application.cfc': 'component { this.name = "nomapping"; }', 'nomap.cfm': '<cftry><cfset x = new lib.model.Greeter()>found<cfcatch>not found</cfcatch></cftry>' });
    try {
      expect((await (await fetch(other.base + '/nomap.cfm')).text()).trim()).toBe('not found');
    } finally {
      await other.close();
    }
  });
});

describe('this.datasources / this.datasource', () => {
  it('cfquery uses the default datasource and the named one; relative SQLite paths start at the Application.cfc', async () => {
    expect(await get('/db.cfm?n=2')).toBe('2');
    expect(await get('/db.cfm?n=5')).toBe('7');
    expect(fs.existsSync(path.join(site.root, 'data', 'app.db'))).toBe(true);
  });
});

describe('this.smtpServerSettings', () => {
  it('cfmail without a server attribute sends through the application\'s SMTP server, logged in', async () => {
    const n = smtp.received.length;
    expect(await get('/mail.cfm')).toBe('sent');
    const got = (await smtp.waitFor(n + 1))[n]!;
    expect(got.user).toBe('mailer');
    expect(got.to).toEqual(['user@example.com']);
    expect(got.raw.toString()).toContain('Subject: from the app');
  });
});
