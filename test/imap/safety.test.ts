/**
 * Issue 8 (mail safety), against a real Dovecot through real pages:
 * named connections belong to their owner (1), message numbers never hit another message (2),
 * close closes one name (3), no cleartext credentials by default (4), attachments never
 * overwrite each other and never become code (5), no password oracle in errors (6).
 */
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CfmlError, Engine, type RenderInput } from '../../src/index.js';
import type { ImapPool } from '../../src/tags/imap/index.js';
import { startDovecot, type DovecotServer, type DovecotUser } from '../support/dovecot.js';
import { serverState } from '../support/imap-helpers.js';
import { appendAll, mixedMessage, plainMessage, seedM1, withAdmin } from '../support/seed-mail.js';

let server: DovecotServer;
let engine: Engine;
let dir: string;

beforeAll(async () => {
  server = await startDovecot();
  engine = new Engine({ imap: { idleTimeoutMs: 5_000 } });
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cfimap-safety-'));
});

afterAll(async () => {
  await engine?.close();
  await server?.stop();
  await fs.rm(dir, { recursive: true, force: true });
});

const conn = (u: DovecotUser, pass = u.pass) => `server="127.0.0.1" port="${server.port}" username="${u.user}" password="${pass}" secure="no"`;

let pageNo = 0;
async function page(src: string, input: RenderInput = {}): Promise<string> {
  const file = path.join(dir, `p${++pageNo}.cfm`);
  await fs.writeFile(file, src);
  return engine.renderFile(file, input);
}

/** The page's error (the page must throw). */
async function pageError(src: string, input: RenderInput = {}): Promise<CfmlError> {
  try {
    await page(src, input);
  } catch (e) {
    expect(e).toBeInstanceOf(CfmlError);
    return e as CfmlError;
  }
  throw new Error('the page did not throw');
}

/** The Engine's IMAP pool (created by the first <cfimap>). */
function enginePool(): ImapPool {
  return engine.service<{ pool: ImapPool }>('imap', () => {
    throw new Error('no <cfimap> ran yet');
  }).pool;
}

/** Subjects of the messages a user's INBOX holds, as a page lists them with getHeaderOnly. */
const listSubjects = (c: string) => `<cfimap action="getHeaderOnly" ${c} name="q"><cfoutput>#q.recordCount#:#valueList(q.subject, "|")#</cfoutput>`;

describe('1. a named connection belongs to the session/application/render that opened it', () => {
  let alice: DovecotUser;
  let bob: DovecotUser;
  beforeAll(async () => {
    alice = (await seedM1(server)).user;
    bob = await server.addUser();
    await withAdmin(server, bob, (c) => appendAll(c, 'INBOX', [plainMessage({ subject: 'for bob only' })]));
  });

  it('another render (no session) does not see the name: no credentials, wrong credentials, or its own credentials', async () => {
    const first = await page(`<cfimap action="open" connection="mail" ${conn(alice)}><cfimap action="getHeaderOnly" connection="mail" name="q"><cfoutput>#q.recordCount#</cfoutput>`);
    expect(first).toBe('5');
    // the render owned it: it is logged out when the render ends
    expect(enginePool().stats()).toEqual([]);

    const none = await page(`<cftry><cfimap action="getHeaderOnly" connection="mail" name="q"><cfoutput>#q.recordCount#</cfoutput><cfcatch type="IMAP"><cfoutput>#cfcatch.errorCode#: #cfcatch.message#</cfoutput></cfcatch></cftry>`);
    expect(none).toBe('NO_CONNECTION: There is no connection available with name [mail]');

    const wrong = await page(`<cftry><cfimap action="getHeaderOnly" connection="mail" ${conn(bob, 'not-bobs-password')} name="q"><cfoutput>#q.recordCount#</cfoutput><cfcatch type="IMAP"><cfoutput>#cfcatch.errorCode#</cfoutput></cfcatch></cftry>`);
    expect(wrong).toBe('AUTHENTICATION');

    expect(await page(listSubjects(`connection="mail" ${conn(bob)}`))).toBe('1:for bob only');
  });

  it('renders of one owner (a session) share a name, case-insensitively; another owner does not see it', async () => {
    const sessionA: RenderInput = { connectionOwner: 'session-A' };
    await page(`<cfimap action="open" connection="Mail" ${conn(alice)}>`, sessionA);
    expect(enginePool().stats('session-A').map((s) => s.name)).toEqual(['Mail']);
    expect(await page(`<cfimap action="getHeaderOnly" connection="MAIL" name="q"><cfoutput>#q.recordCount#</cfoutput>`, sessionA)).toBe('5');

    const other = await pageError(`<cfimap action="getHeaderOnly" connection="mail" name="q">`, { connectionOwner: 'session-B' });
    expect(other.errorCode).toBe('NO_CONNECTION');
    const noOwner = await pageError(`<cfimap action="getHeaderOnly" connection="mail" name="q">`);
    expect(noOwner.errorCode).toBe('NO_CONNECTION');

    await engine.releaseConnections('session-A');
    expect(enginePool().stats('session-A')).toEqual([]);
  });

  it('inside one owner, a call that gives credentials is authenticated with them', async () => {
    const out = await page(`
<cfimap action="open" connection="mail" ${conn(alice)}>
<cftry><cfimap action="getHeaderOnly" connection="mail" ${conn(bob, 'wrong')} name="q"><cfoutput>rows=#q.recordCount#</cfoutput>
<cfcatch type="IMAP"><cfoutput>#cfcatch.errorCode#</cfoutput></cfcatch></cftry>
|<cftry><cfimap action="getHeaderOnly" connection="mail" username="${alice.user}" password="wrong" secure="no" name="q"><cfoutput>rows=#q.recordCount#</cfoutput>
<cfcatch type="IMAP"><cfoutput>#cfcatch.errorCode#</cfoutput></cfcatch></cftry>
|<cfimap action="getHeaderOnly" connection="mail" ${conn(bob)} name="q"><cfoutput>#valueList(q.subject)#</cfoutput>`);
    expect(out.replace(/\s+/g, '')).toBe('AUTHENTICATION|AUTHENTICATION|forbobonly');
  });
});

describe('3. close closes exactly the named connection', () => {
  it('closing a leaves b working; closing an unknown or closed name is a catchable error', async () => {
    const { user } = await seedM1(server);
    const out = await page(`
<cfimap action="open" connection="a" ${conn(user)}>
<cfimap action="open" connection="b" ${conn(user)}>
<cfimap action="close" connection="a">
<cfimap action="getHeaderOnly" connection="b" name="q"><cfoutput>b=#q.recordCount#</cfoutput>
<cftry><cfimap action="getHeaderOnly" connection="a" name="q"><cfcatch type="IMAP"><cfoutput>|#cfcatch.message#</cfoutput></cfcatch></cftry>
<cftry><cfimap action="close" connection="a"><cfcatch type="IMAP"><cfoutput>|#cfcatch.message#</cfoutput></cfcatch></cftry>
<cftry><cfimap action="close" connection="never"><cfcatch type="IMAP"><cfoutput>|#cfcatch.message#</cfoutput></cfcatch></cftry>
<cfimap action="getHeaderOnly" connection="B" name="q"><cfoutput>|b=#q.recordCount#</cfoutput>`);
    expect(out.replace(/\s*\n\s*/g, '')).toBe(
      'b=5|There is no connection available with name [a]|There is no connection available with name [a]|There is no connection available with name [never]|b=5',
    );
  });
});

describe('4. no credentials in clear unless secure="no"', () => {
  /** Dovecot's login lines for a user (they end in ", TLS" when the session was encrypted). */
  async function logins(user: string): Promise<string[]> {
    return (await server.log()).split('\n').filter((l) => l.includes('Login:') && l.includes(`user=<${user}>`));
  }

  it('no secure attribute: STARTTLS with certificate checks (a self-signed certificate is refused before login)', async () => {
    const { user } = await seedM1(server);
    const base = `server="127.0.0.1" port="${server.port}" username="${user.user}" password="${user.pass}"`;
    const seeded = (await logins(user.user)).length; // the fixture's own (plain) logins
    const refused = await pageError(`<cfimap action="getHeaderOnly" ${base} name="q">`);
    expect(refused.errorCode).toBe('TLS');
    expect(await logins(user.user)).toHaveLength(seeded);
    // with the check off, the same call upgrades with STARTTLS before it logs in
    expect(await page(`<cfimap action="getHeaderOnly" ${base} validateCertificate="false" name="q"><cfoutput>#q.recordCount#</cfoutput>`)).toBe('5');
    const lines = (await logins(user.user)).slice(seeded);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/\bTLS\b/);
    // only secure="no" logs in without TLS
    await page(`<cfimap action="getHeaderOnly" ${base} secure="no" name="q">`);
    const after = (await logins(user.user)).slice(seeded);
    expect(after).toHaveLength(2);
    expect(after[1]).not.toMatch(/\bTLS\b/);
  });

  it('a server without STARTTLS gets no credentials unless secure="no"', async () => {
    const plain = await startDovecot({ ssl: false });
    try {
      const u = plain.users[0]!;
      const base = `server="127.0.0.1" port="${plain.port}" username="${u.user}" password="${u.pass}"`;
      const e = await pageError(`<cfimap action="getHeaderOnly" ${base} name="q">`);
      expect(e.errorCode).toBe('TLS');
      expect(e.message).toContain('STARTTLS');
      expect((await plain.log()).includes('Login:')).toBe(false);
      expect(await page(`<cfimap action="getHeaderOnly" ${base} secure="no" name="q"><cfoutput>#q.recordCount#</cfoutput>`)).toBe('0');
    } finally {
      await plain.stop();
    }
  });

  it('secure="ssl" and secure="tls" mean implicit TLS, like yes', async () => {
    const { user } = await seedM1(server);
    for (const v of ['ssl', 'tls', 'yes', 'SSL']) {
      const out = await page(
        `<cfimap action="getHeaderOnly" server="127.0.0.1" port="${server.tlsPort}" secure="${v}" validateCertificate="false" username="${user.user}" password="${user.pass}" name="q"><cfoutput>#q.recordCount#</cfoutput>`,
      );
      expect(out).toBe('5');
    }
    const bad = await pageError(`<cfimap action="getHeaderOnly" server="127.0.0.1" secure="maybe" username="x" password="y" name="q">`);
    expect(bad.type).toBe('Application');
    expect(bad.message).toContain('[secure]');
  });
});

describe('2. a message number never reaches a message the page did not list', () => {
  /** The test's second IMAP client removes a message, as another mail program would. */
  async function expungeElsewhere(user: DovecotUser, uid: number, folder = 'INBOX'): Promise<void> {
    await withAdmin(server, user, async (c) => {
      await c.mailboxOpen(folder);
      await c.messageDelete(String(uid), { uid: true });
    });
  }
  const subjectsOf = async (u: DovecotUser, folder = 'INBOX') => (await serverState(server, u, folder)).map((m) => m.subject);

  it('delete, markRead and moveMail by messageNumber act on the listed message after another client expunged #1 (transient connections)', async () => {
    const f = await seedM1(server);
    const owner: RenderInput = { connectionOwner: 'race-transient' };
    const listed = await page(listSubjects(conn(f.user)), owner);
    expect(listed.split(':')[0]).toBe('5');
    const [u1, u2, u3, u4, u5] = (await serverState(server, f.user)).map((m) => m.subject);
    await expungeElsewhere(f.user, f.uids[0]!);
    // the page listed #3 = U3; the live mailbox now has U4 at #3
    await page(`<cfimap action="delete" ${conn(f.user)} messageNumber="3">`, owner);
    expect(await subjectsOf(f.user)).not.toContain(u3);
    expect(await subjectsOf(f.user)).toContain(u4);
    // #2 = U2 is marked read, not U4 (#2 now)
    await page(`<cfimap action="markRead" ${conn(f.user)} messageNumber="2">`, owner);
    const st = await serverState(server, f.user);
    expect(st.filter((m) => m.flags.has('\\Seen')).map((m) => m.subject)).toEqual([u2]);
    // listed #4 = U4 moves (it is live #2 now); U5 stays
    await page(`<cfimap action="moveMail" ${conn(f.user)} messageNumber="4" newFolder="Archive">`, owner);
    expect(await subjectsOf(f.user, 'Archive')).toContain(u4);
    expect(await subjectsOf(f.user)).toEqual([u2, u5]);
    expect(u1).not.toBe(u2);
  });

  it('markRead and moveMail by startRow/maxRows act on the listed rows after another client expunged #1; a filtered window is refused', async () => {
    const f = await seedM1(server);
    const owner: RenderInput = { connectionOwner: 'race-window' };
    await page(listSubjects(conn(f.user)), owner);
    const [u1, u2, u3, u4, u5] = (await serverState(server, f.user)).map((m) => m.subject);
    await expungeElsewhere(f.user, f.uids[0]!);
    // rows 1-2 of the listing were U1 (gone) and U2; the live #1-#2 are U2 and U3
    await page(`<cfimap action="markRead" ${conn(f.user)} startRow="1" maxRows="2">`, owner);
    let st = await serverState(server, f.user);
    expect(st.filter((m) => m.flags.has('\\Seen')).map((m) => m.subject)).toEqual([u2]);
    // rows 4-5 of the listing were U4 and U5; the live #4 is U5 and there is no #5
    await page(`<cfimap action="moveMail" ${conn(f.user)} startRow="4" newFolder="Archive">`, owner);
    expect(await subjectsOf(f.user, 'Archive')).toEqual(expect.arrayContaining([u4, u5]));
    expect(await subjectsOf(f.user)).toEqual([u2, u3]);
    // a window over filter matches cannot be tied to the listing: refused, nothing changes
    const e = await pageError(`<cfimap action="markRead" ${conn(f.user)} startRow="1" maxRows="1"><cfimapfilter name="subject" value="x"></cfimap>`, owner);
    expect(e.errorCode).toBe('UNLISTED_MESSAGE');
    // without a listing a window is refused too
    const none = await pageError(`<cfimap action="markRead" ${conn(f.user)} startRow="2" maxRows="1">`);
    expect(none.errorCode).toBe('UNLISTED_MESSAGE');
    st = await serverState(server, f.user);
    expect(st.filter((m) => m.flags.has('\\Seen')).map((m) => m.subject)).toEqual([u2]);
    expect(u1).not.toBe(u2);
  });

  it('the same on a named connection of a session', async () => {
    const f = await seedM1(server);
    const owner: RenderInput = { connectionOwner: 'race-named' };
    await page(`<cfimap action="open" connection="box" ${conn(f.user)}><cfimap action="getHeaderOnly" connection="box" name="q">`, owner);
    const before = await serverState(server, f.user);
    await expungeElsewhere(f.user, f.uids[0]!);
    await page(`<cfimap action="delete" connection="box" messageNumber="5">`, owner);
    // listed #5 = U5 is gone; the engine did not skip it (5 > 4 live messages) nor delete another
    expect((await serverState(server, f.user)).map((m) => m.uid)).toEqual(before.slice(1, 4).map((m) => m.uid));
    await engine.releaseConnections('race-named');
  });

  it('refuses (catchable, pointing to uid) when no listing, or the listing does not show the number; deletes nothing', async () => {
    const f = await seedM1(server);
    const none = await page(
      `<cftry><cfimap action="delete" ${conn(f.user)} messageNumber="1"><cfcatch type="IMAP"><cfoutput>#cfcatch.errorCode#|#cfcatch.message#</cfoutput></cfcatch></cftry>`,
    );
    expect(none).toMatch(/^UNLISTED_MESSAGE\|/);
    expect(none).toContain('[uid]');
    const partial = await page(
      `<cfimap action="getHeaderOnly" ${conn(f.user)} maxRows="2" name="q"><cftry><cfimap action="delete" ${conn(f.user)} messageNumber="4"><cfcatch type="IMAP"><cfoutput>#cfcatch.errorCode#|#cfcatch.message#</cfoutput></cfcatch></cftry>`,
    );
    expect(partial).toMatch(/^UNLISTED_MESSAGE\|.*\[4\] was not in the last listing/);
    // stopOnError="false" does not turn the refusal into a silent no-op
    const e = await pageError(`<cfimap action="delete" ${conn(f.user)} messageNumber="1" stopOnError="false">`);
    expect(e.errorCode).toBe('UNLISTED_MESSAGE');
    expect(await serverState(server, f.user)).toHaveLength(5);
  });

  it('refuses when the folder was recreated since the listing (UIDVALIDITY changed)', async () => {
    const f = await seedM1(server);
    await withAdmin(server, f.user, async (c) => {
      await c.mailboxCreate('Tmp');
      await appendAll(c, 'Tmp', [plainMessage({ subject: 'old one' })]);
    });
    const owner: RenderInput = { connectionOwner: 'race-uidvalidity' };
    await page(`<cfimap action="getHeaderOnly" ${conn(f.user)} folder="Tmp" name="q">`, owner);
    await new Promise((r) => setTimeout(r, 1100)); // Dovecot's UIDVALIDITY is time based
    await withAdmin(server, f.user, async (c) => {
      await c.mailboxDelete('Tmp');
      await c.mailboxCreate('Tmp');
      await appendAll(c, 'Tmp', [plainMessage({ subject: 'new one' })]);
    });
    const e = await pageError(`<cfimap action="delete" ${conn(f.user)} folder="Tmp" messageNumber="1">`, owner);
    expect(e.errorCode).toBe('UNLISTED_MESSAGE');
    expect(e.message).toContain('UIDVALIDITY');
    expect(await subjectsOf(f.user, 'Tmp')).toEqual(['new one']);
  });

  it('invalid uid / messageNumber values of changing actions are errors, not silent no-ops', async () => {
    const f = await seedM1(server);
    for (const [action, attr] of [
      ['delete', 'uid="abc"'],
      ['delete', 'uid="1:3"'],
      ['delete', 'messageNumber="0"'],
      ['markRead', 'uid="-1"'],
      ['moveMail newFolder="Archive"', 'messageNumber="1.5"'],
    ] as const) {
      const e = await pageError(`<cfimap action=${action.includes(' ') ? `"${action.split(' ')[0]}" ${action.split(' ').slice(1).join(' ')}` : `"${action}"`} ${conn(f.user)} ${attr}>`);
      expect(e.type).toBe('Application');
      expect(e.message).toMatch(/^Invalid value \[.+\] in attribute \[(uid|messageNumber)\]/);
    }
    const st = await serverState(server, f.user);
    expect(st).toHaveLength(5);
    expect(st.some((m) => m.flags.has('\\Seen'))).toBe(false);
  });
});

describe('5. distinct attachments get distinct files; none becomes code', () => {
  const part = (name: string, content: string) => ({ disposition: `attachment; filename*=UTF-8''${encodeURIComponent(name)}`, content: Buffer.from(content) });
  /** getAll with attachmentPath; returns ATTACHMENTS and ATTACHMENTFILES of every row, split. */
  async function getAll(u: DovecotUser, att: string, extra = ''): Promise<{ names: string[]; files: string[] }> {
    const out = await page(
      `<cfimap action="getAll" ${conn(u)} attachmentPath="${att}" ${extra} name="q"><cfoutput query="q">#attachments#${'\u0001'}#attachmentFiles##chr(10)#</cfoutput>`,
    );
    const rows = out.split('\n').filter(Boolean).map((l) => l.split('\u0001'));
    return { names: rows.flatMap((r) => r[0]!.split('\t').filter(Boolean)), files: rows.flatMap((r) => r[1]!.split('\t').filter(Boolean)) };
  }

  it('same names in one message or across messages of one call, and names that sanitise alike, never share a file', async () => {
    const u = await server.addUser();
    await withAdmin(server, u, (c) =>
      appendAll(c, 'INBOX', [
        mixedMessage({ subject: 'reports', attachments: [part('report.txt', 'report one'), part('report.txt', 'report two'), part('REPORT.TXT', 'report three')] }),
        mixedMessage({ subject: 'csv 1', attachments: [part('data.csv', 'csv one')] }),
        mixedMessage({ subject: 'csv 2', attachments: [part('data.csv', 'csv two')] }),
        mixedMessage({ subject: 'dots', attachments: [part('.', 'dot'), part('..', 'dotdot'), part('...', 'dotdotdot')] }),
      ]),
    );
    const att = await fs.mkdtemp(path.join(dir, 'att-'));
    const { files } = await getAll(u, att);
    expect(files).toHaveLength(8);
    expect(new Set(files.map((f) => f.toLowerCase())).size).toBe(8);
    const contents = await Promise.all(files.map((f) => fs.readFile(f, 'utf8')));
    expect(contents).toEqual(['report one', 'report two', 'report three', 'csv one', 'csv two', 'dot', 'dotdot', 'dotdotdot']);
    expect((await fs.readdir(att)).length).toBe(8);
    // a second call replaces the files of the first (Lucee), still one file per part
    const again = await getAll(u, att);
    expect(again.files).toEqual(files);
    expect((await fs.readdir(att)).length).toBe(8);
  });

  it('executable names are neutralised and bidi controls stripped', async () => {
    const u = await server.addUser();
    const names = ['invoice.cfm', 'Application.cfc', 'page.CFML', '.htaccess', 'web.config', 'shell.php.pdf', 'invoice\u202Efdp.cfm', 'plain.pdf'];
    await withAdmin(server, u, (c) => appendAll(c, 'INBOX', [mixedMessage({ subject: 'code', attachments: names.map((n) => part(n, `content of ${n}`)) })]));
    const att = await fs.mkdtemp(path.join(dir, 'exec-'));
    const { names: listed, files } = await getAll(u, att);
    // ATTACHMENTS shows the names (cleaned of bidi controls); the files have safe names
    expect(listed).toEqual(['invoice.cfm', 'Application.cfc', 'page.CFML', 'htaccess', 'web.config', 'shell.php.pdf', 'invoicefdp.cfm', 'plain.pdf']);
    expect(files.map((f) => path.basename(f))).toEqual([
      'invoice_cfm.txt',
      'Application_cfc.txt',
      'page_CFML.txt',
      'htaccess',
      'web_config.txt',
      'shell_php.pdf',
      'invoicefdp_cfm.txt',
      'plain.pdf',
    ]);
    const onDisk = await fs.readdir(att);
    expect(onDisk.some((n) => /\.(cfm|cfc|cfml|php|htaccess|config)$/i.test(n) || /[\u202a-\u202e\u2066-\u2069]/.test(n))).toBe(false);
    expect(await fs.readFile(path.join(att, 'invoice_cfm.txt'), 'utf8')).toBe('content of invoice.cfm');
    // the page a mailed invoice.cfm would have become does not exist to be run
    await expect(engine.renderFile(path.join(att, 'invoice.cfm'))).rejects.toThrow(/not found/);
  });
});

describe('6. no password oracle, no password in code frames', () => {
  it('a short wrong password is not masked inside the words or the address of the message', async () => {
    const { user } = await seedM1(server);
    for (const pw of ['a', '127', 'e', '1']) {
      const out = await page(
        `<cftry><cfimap action="getHeaderOnly" ${conn(user, pw)} name="q"><cfcatch type="IMAP"><cfoutput>#cfcatch.errorCode#|#cfcatch.message#|#cfcatch.detail#</cfoutput></cfcatch></cftry>`,
      );
      expect(out).toMatch(/^AUTHENTICATION\|Authentication failed for user \[/);
      expect(out).toContain(`IMAP server [127.0.0.1:${server.port}]`);
      expect(out).not.toContain('****');
    }
  });

  it('the CLI code frame of a failing <cfimap> masks the password (tag and script forms); the error names no password', async () => {
    const { spawnSync } = await import('node:child_process');
    const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
    const cli = path.join(root, 'dist/cfml.cjs');
    await fs.access(cli).catch(() => spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' }));
    const secret = 'Hunter2-Secret';
    const pages = {
      'tag.cfm': `<cfset x = 1>\n<cfimap action="getHeaderOnly" server="127.0.0.1" port="1" username="u" password="${secret}" secure="no" timeout="3" name="q">\n`,
      'script.cfm': `<cfscript>\nsmtpPassword = "${secret}";\nimap action="getHeaderOnly" server="127.0.0.1" port="1" username="u" password=smtpPassword secure="no" timeout="3" name="q";\n</cfscript>\n`,
    };
    for (const [name, src] of Object.entries(pages)) {
      const file = path.join(dir, name);
      await fs.writeFile(file, src);
      const r = spawnSync(process.execPath, [cli, file], { encoding: 'utf8', timeout: 30_000 });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('Connection to IMAP server [127.0.0.1:1] failed');
      expect(r.stderr).toMatch(/\| .*password=(?:"\*\*\*\*"|\*\*\*\*)/);
      expect(r.stderr).not.toContain(secret);
    }
  });
});
