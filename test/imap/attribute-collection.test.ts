/**
 * `<cfimap attributeCollection="#creds#">` against a real Dovecot: the field report's pattern of
 * passing the server's credentials as a struct, in tag and script syntax, mixed with literal
 * attributes, and with cfimapfilter.
 */
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine, CfmlError } from '../../src/index.js';
import { startDovecot, type DovecotServer } from '../support/dovecot.js';
import { seedM1, withAdmin, type M1Fixture } from '../support/seed-mail.js';

let server: DovecotServer;
let engine: Engine;
let dir: string;
let m1: M1Fixture;

beforeAll(async () => {
  server = await startDovecot();
  engine = new Engine({ imap: { idleTimeoutMs: 5_000 } });
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cfimap-ac-'));
  m1 = await seedM1(server);
  await withAdmin(server, m1.user, (c) => c.mailboxCreate('Archive'));
});

afterAll(async () => {
  await engine?.close();
  await server?.stop();
  await fs.rm(dir, { recursive: true, force: true });
});

/** `<cfset creds = {...}>` with the test server's address and the user's credentials. */
const creds = (pass = m1.user.pass) =>
  `<cfset creds = {server: "127.0.0.1", port: ${server.port}, username: "${m1.user.user}", password: "${pass}", secure: "no"}>`;

async function page(src: string): Promise<string> {
  const file = path.join(dir, 'page.cfm');
  await fs.writeFile(file, src);
  return engine.renderFile(file);
}

describe('<cfimap attributeCollection>', () => {
  it('listAllFolders with the credentials in a struct lists the folders', async () => {
    const out = await page(`${creds()}<cfimap attributeCollection="#creds#" action="listAllFolders" name="f"><cfoutput>#valueList(f.name)#</cfoutput>`);
    expect(out.split(',').sort()).toEqual(['Archive', 'INBOX']);
  });

  it('script syntax: cfimap(attributeCollection = creds, action = "getAll")', async () => {
    const out = await page(`${creds()}<cfscript>
cfimap(attributeCollection = creds, action = "getAll", name = "q");
writeOutput(q.recordCount & ":" & q.subject[1]);
imap attributeCollection=creds action="getHeaderOnly" name="h" maxrows=2;
writeOutput("|" & h.recordCount);
</cfscript>`);
    expect(out).toMatch(/^5:\S.*\|2$/);
  });

  it('the action itself can come from the collection; a literal one wins over it', async () => {
    const out = await page(`${creds()}<cfset creds.action = "getHeaderOnly"><cfset creds.name = "q">
<cfimap attributeCollection="#creds#"><cfoutput>#q.recordCount#</cfoutput>
<cfimap attributeCollection="#creds#" action="listAllFolders" name="f"><cfoutput>/#f.recordCount#</cfoutput>`);
    expect(out.trim()).toBe('5\n/2');
  });

  it('with cfimapfilter, the filter also taking a collection', async () => {
    const out = await page(`${creds()}<cfset filt = {name: "subject", value: "Grüße"}>
<cfimap attributeCollection="#creds#" action="getHeaderOnly" name="q"><cfimapfilter attributeCollection="#filt#"></cfimap><cfoutput>#q.recordCount#:#q.subject#</cfoutput>`);
    expect(out.trim()).toBe('1:Grüße');
  });

  it('an invalid action from the collection is the literal attribute error, catchable, without the password', async () => {
    const out = await page(`${creds()}<cfset creds.action = "bogus"><cftry><cfimap attributeCollection="#creds#"><cfcatch type="any"><cfoutput>[#cfcatch.message#]</cfoutput></cfcatch></cftry>`);
    expect(out).toContain('getHeaderOnly');
    expect(out).not.toContain(m1.user.pass);
  });

  it('a wrong password from the collection is an IMAP error that names no password', async () => {
    let err: unknown;
    try {
      await page(`${creds('wrong-secret-123')}<cfimap attributeCollection="#creds#" action="listAllFolders" name="f">`);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CfmlError);
    const e = err as CfmlError;
    expect(e.type).toBe('IMAP');
    expect(engine.formatError(e)).not.toContain('wrong-secret-123');
  });
});
