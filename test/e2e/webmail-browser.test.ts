/**
 * The webmail sample end to end in a real headless Chromium (Debian's, installed by
 * scripts/ensure-chromium.sh) driven by playwright-core, served by the built `cfml serve`, against
 * a throw-away Dovecot: log in, page, read (safe HTML, attachment download), mark read, move,
 * delete, log out; two browser contexts logged in as alice and bob never see each other's mail.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebmailMailboxes, type WebmailMailboxes } from '../../scripts/webmail-mailboxes.js';
import { freePort } from '../support/dovecot.js';
import { withAdmin } from '../support/seed-mail.js';

const root = path.resolve(import.meta.dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';
let boxes: WebmailMailboxes;
let serveProc: ChildProcess;
let serverLog = '';
let base: string;
let browser: Browser;
let alice: BrowserContext;
let bob: BrowserContext;

beforeAll(async () => {
  boxes = await startWebmailMailboxes();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  serveProc = spawn(process.execPath, [path.join(root, 'dist/cfml.cjs'), 'serve', path.join(root, 'samples/webmail'), '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  serveProc.stdout!.on('data', (d: Buffer) => (serverLog += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('cfml serve did not start')), 20_000);
    serveProc.stderr!.on('data', (d: Buffer) => {
      serverLog += d.toString();
      if (serverLog.includes('serving')) {
        clearTimeout(t);
        resolve();
      }
    });
  });
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/ensure-chromium.sh (npm test does)`);
  // playwright gives the browser a fresh temp --user-data-dir of its own and removes it on close
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  alice = await browser.newContext();
  bob = await browser.newContext();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (serveProc && serveProc.exitCode === null) {
    const exited = new Promise((r) => serveProc.once('exit', r));
    serveProc.kill('SIGTERM');
    await exited;
  }
  await boxes?.stop();
});

async function logIn(ctx: BrowserContext, user: { user: string; pass: string }): Promise<Page> {
  const page = await ctx.newPage();
  await page.goto(base + '/');
  await page.fill('input[name=server]', '127.0.0.1');
  await page.fill('input[name=port]', String(boxes.server.port));
  await page.selectOption('select[name=secure]', 'no');
  await page.fill('input[name=username]', user.user);
  await page.fill('input[name=password]', user.pass);
  await Promise.all([page.waitForURL(/mailbox\.cfm/), page.click('#login')]);
  return page;
}

const subjects = (page: Page) => page.$$eval('a.subject', (as) => as.map((a) => a.textContent!.trim()));

async function folderState(user: { user: string; pass: string }, folder: string): Promise<string[]> {
  return withAdmin(boxes.server, user, async (c) => {
    const lock = await c.getMailboxLock(folder, { readOnly: true });
    try {
      const out: string[] = [];
      for await (const m of c.fetch('1:*', { envelope: true })) out.push(m.envelope!.subject!);
      return out;
    } catch {
      return [];
    } finally {
      lock.release();
    }
  });
}

describe('webmail in a real browser', { timeout: 120_000 }, () => {
  let page: Page;

  it('a wrong password shows an error without the password', async () => {
    const p = await alice.newPage();
    await p.goto(base + '/');
    await p.fill('input[name=port]', String(boxes.server.port));
    await p.selectOption('select[name=secure]', 'no');
    await p.fill('input[name=username]', 'alice');
    await p.fill('input[name=password]', 'not-the-password-123');
    await Promise.all([p.waitForURL(/index\.cfm/), p.click('#login')]);
    const err = await p.textContent('#login-error');
    expect(err).toMatch(/Login failed/);
    expect(err).not.toContain('not-the-password-123');
    await p.close();
  });

  it('alice logs in and pages through her 27 messages, newest first', async () => {
    page = await logIn(alice, boxes.alice);
    expect(await page.textContent('#who')).toBe('alice@127.0.0.1');
    expect(await page.textContent('#count')).toBe('27 messages, page 1 of 3');
    const first = await subjects(page);
    expect(first).toHaveLength(10);
    expect(first.slice(0, 3)).toEqual(['Alice files', 'Alice HTML', 'Alice note 25']);
    await Promise.all([page.waitForURL(/page=2/), page.click('#older')]);
    expect(await subjects(page)).toEqual(Array.from({ length: 10 }, (_, i) => `Alice note ${17 - i}`));
    await Promise.all([page.waitForURL(/page=3/), page.click('#older')]);
    expect(await subjects(page)).toEqual(Array.from({ length: 7 }, (_, i) => `Alice note ${7 - i}`));
    expect(await page.$('#older')).toBeNull();
  });

  it('HTML mail is shown in a sandbox: its script does not run, the page is untouched', async () => {
    await page.goto(base + '/mailbox.cfm');
    await Promise.all([page.waitForURL(/message\.cfm/), page.click('a.subject:text-is("Alice HTML")')]);
    const frame = page.frame({ url: 'about:srcdoc' }) ?? page.frames().find((f) => f !== page.mainFrame())!;
    await frame.waitForSelector('#greeting');
    expect(await frame.textContent('#greeting')).toBe('Hello Alice');
    expect(await page.title()).not.toContain('pwned');
    expect(await page.getAttribute('#html-body', 'sandbox')).toBe('');
  });

  it('an attachment downloads with its content; reading left the message unread until "Mark read"', async () => {
    await page.goto(base + '/mailbox.cfm');
    expect(await page.getAttribute('tr:has(a:text-is("Alice files"))', 'class')).toContain('unread');
    await Promise.all([page.waitForURL(/message\.cfm/), page.click('a.subject:text-is("Alice files")')]);
    expect(await page.textContent('#text-body')).toBe('The report is attached.');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a.attachment')]);
    expect(download.suggestedFilename()).toBe('report.txt');
    const file = await download.path();
    expect(fs.readFileSync(file, 'utf8')).toBe('quarterly numbers: 42\n');
    await Promise.all([page.waitForURL(/message\.cfm/), page.click('#mark-read')]);
    await page.click('#back');
    await page.waitForURL(/mailbox\.cfm/);
    expect(await page.getAttribute('tr:has(a:text-is("Alice files"))', 'class')).not.toContain('unread');
  });

  it('move and delete touch exactly the selected messages', async () => {
    await page.goto(base + '/mailbox.cfm');
    await page.check('tr:has(a:text-is("Alice note 25")) input[type=checkbox]');
    await page.selectOption('#move-to', 'Archive');
    await Promise.all([page.waitForURL(/mailbox\.cfm/), page.click('#move')]);
    expect(await page.textContent('#count')).toBe('26 messages, page 1 of 3');
    await page.check('tr:has(a:text-is("Alice note 24")) input[type=checkbox]');
    await Promise.all([page.waitForURL(/mailbox\.cfm/), page.click('#delete')]);
    expect(await page.textContent('#count')).toBe('25 messages, page 1 of 3');
    const inbox = await folderState(boxes.alice, 'INBOX');
    expect(inbox).toHaveLength(25);
    expect(inbox).not.toContain('Alice note 24');
    expect(inbox).not.toContain('Alice note 25');
    expect(inbox).toContain('Alice note 23');
    expect(await folderState(boxes.alice, 'Archive')).toEqual(['Alice note 25']);
    await page.click('a.folder[data-folder="Archive"]');
    await page.waitForURL(/folder=Archive/);
    expect(await subjects(page)).toEqual(['Alice note 25']);
  });

  it('bob, in a second browser context, sees only his own mail, and alice only hers', async () => {
    const bobPage = await logIn(bob, boxes.bob);
    expect(await bobPage.textContent('#who')).toBe('bob@127.0.0.1');
    expect(await bobPage.textContent('#count')).toBe('3 messages, page 1 of 1');
    expect(await subjects(bobPage)).toEqual(['Bob private 3', 'Bob private 2', 'Bob private 1']);
    expect(await bobPage.content()).not.toContain('Alice');
    // alternate between the two sessions
    for (let i = 0; i < 3; i++) {
      await page.goto(base + '/mailbox.cfm?folder=INBOX');
      expect(await page.textContent('#who')).toBe('alice@127.0.0.1');
      expect(await page.content()).not.toContain('Bob private');
      await bobPage.goto(base + '/mailbox.cfm?folder=INBOX');
      expect(await subjects(bobPage)).toEqual(['Bob private 3', 'Bob private 2', 'Bob private 1']);
    }
    // bob cannot open alice's message by its uid: the uid is looked up in his own mailbox
    await bobPage.goto(base + '/message.cfm?folder=INBOX&uid=26');
    expect(await bobPage.content()).not.toContain('Alice HTML');
    const [a] = (await alice.cookies()).filter((c) => c.name === 'CFID');
    const [b] = (await bob.cookies()).filter((c) => c.name === 'CFID');
    expect(a!.value).not.toBe(b!.value);
    expect(a!.httpOnly).toBe(true);
    expect(await page.evaluate(() => document.cookie)).toBe('');
  });

  it('credentials are kept only in the session: never in cookies or the server log', async () => {
    for (const c of [...(await alice.cookies()), ...(await bob.cookies())]) {
      expect(c.value).not.toContain(boxes.alice.pass);
      expect(c.value).not.toContain(boxes.bob.pass);
    }
    expect(serverLog).not.toContain(boxes.alice.pass);
    expect(serverLog).not.toContain(boxes.bob.pass);
  });

  it('logout ends the session: the old cookie opens nothing', async () => {
    const [old] = (await alice.cookies()).filter((c) => c.name === 'CFID');
    await Promise.all([page.waitForURL(/index\.cfm|\/$/), page.click('#logout')]);
    expect(await page.$('#login')).not.toBeNull();
    await page.goto(base + '/mailbox.cfm');
    expect(page.url()).toMatch(/index\.cfm$/);
    // a new context replaying the old session id gets the login page
    const replay = await browser.newContext();
    await replay.addCookies([{ ...old!, sameSite: 'Strict' }]);
    const p = await replay.newPage();
    await p.goto(base + '/mailbox.cfm');
    expect(p.url()).toMatch(/index\.cfm$/);
    await replay.close();
    // bob is still logged in
    const bobPage = bob.pages()[0]!;
    await bobPage.goto(base + '/mailbox.cfm');
    expect(await bobPage.textContent('#who')).toBe('bob@127.0.0.1');
  });
});
