/**
 * IMAP engine benchmark: `node --import tsx bench/imap.ts`
 *
 * Starts a private Dovecot, seeds 1,000 small messages, then compares (interleaved, median of
 * ROUNDS) the engine's getHeaderOnly / getAll through runImapAction with a bare script doing the
 * same FETCH with imapflow (+ simpleParser for getAll). Then measures the peak RSS of getAll over
 * 1,000 messages of ~100 KB in a child process.
 *
 * Also exports seedDemoMailbox() for demo scripts.
 */
import { spawn } from 'node:child_process';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import { ImapPool, runImapAction } from '../src/tags/imap/index.js';
import { startDovecot, type DovecotServer, type DovecotUser } from '../test/support/dovecot.js';
import { largeMessages, seedM1, seedRich, smallMessages, writeMaildirMessages } from '../test/support/seed-mail.js';

// 21 interleaved rounds: with fewer, Dovecot's own timing spread (a few ms a call) swamps a 5 % difference
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 21);

// A full GC before every timed run, so one side does not pay for the other's garbage.
v8.setFlagsFromString('--expose_gc');
const gc = vm.runInNewContext('gc') as () => void;

export interface DemoMailbox {
  server: DovecotServer;
  user: DovecotUser;
  /** Attributes for `<cfimap>`: server, port, username, password, secure="no". */
  attributes: { server: string; port: number; username: string; password: string; secure: 'no' };
  stop(): Promise<void>;
}

/**
 * Starts a private Dovecot on 127.0.0.1 and fills one mailbox for demos: fixture M1 (INBOX
 * U1..U5, Archive, Archive/2024), the rich fixture (hostile attachment names, Japanese subject,
 * a bounce, a forwarded message, flags, [Gmail]/Sent Mail, R&D/Übersicht) and `bulk` more
 * small messages in a folder "Bulk".
 */
export async function seedDemoMailbox(opts: { bulk?: number; pop3?: boolean } = {}): Promise<DemoMailbox> {
  const server = await startDovecot({ pop3: opts.pop3 ?? false });
  const user = await server.addUser('demo');
  await seedM1(server, user);
  await seedRich(server, user);
  if (opts.bulk) await writeMaildirMessages(server, user, 'Bulk', smallMessages(opts.bulk));
  return {
    server,
    user,
    attributes: { server: server.host, port: server.port, username: user.user, password: user.pass, secure: 'no' },
    stop: () => server.stop(),
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function bareClient(server: DovecotServer, user: DovecotUser): Promise<ImapFlow> {
  const c = new ImapFlow({ host: server.host, port: server.port, secure: false, doSTARTTLS: false, auth: { user: user.user, pass: user.pass }, logger: false, disableAutoIdle: true });
  c.on('error', () => {});
  await c.connect();
  return c;
}

/** The same work as getHeaderOnly, with imapflow alone: connect, EXAMINE, one FETCH, logout. */
async function bareHeaders(server: DovecotServer, user: DovecotUser): Promise<number> {
  const c = await bareClient(server, user);
  await c.mailboxOpen('INBOX', { readOnly: true });
  const rows: unknown[] = [];
  for await (const m of c.fetch('1:*', { uid: true, flags: true, envelope: true, size: true, internalDate: true, bodyStructure: true, headers: true })) {
    rows.push({ uid: m.uid, subject: m.envelope?.subject, headers: m.headers?.toString() });
  }
  await c.logout();
  return rows.length;
}

/** The same work as getAll, with imapflow + simpleParser alone. */
async function bareAll(server: DovecotServer, user: DovecotUser): Promise<number> {
  const c = await bareClient(server, user);
  await c.mailboxOpen('INBOX', { readOnly: true });
  const rows: unknown[] = [];
  for await (const m of c.fetch('1:*', { uid: true, flags: true, envelope: true, size: true, internalDate: true, bodyStructure: true, source: true })) {
    const p = await simpleParser(m.source!);
    rows.push({ uid: m.uid, text: p.text, html: p.html, n: p.attachments.length });
  }
  await c.logout();
  return rows.length;
}

/** CPU time of this process (the client side only: Dovecot runs in its own processes), ms per call. */
const cpu = { ghEngine: [] as number[], ghBare: [] as number[], gaEngine: [] as number[], gaBare: [] as number[] };

async function timeIt(fn: () => Promise<number>, expect: number, cpuOut: number[]): Promise<number> {
  gc();
  const c0 = process.cpuUsage();
  const t = process.hrtime.bigint();
  const n = await fn();
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const c = process.cpuUsage(c0);
  cpuOut.push((c.user + c.system) / 1000);
  if (n !== expect) throw new Error(`expected ${expect} rows, got ${n}`);
  return ms;
}

async function runChild(server: DovecotServer, user: DovecotUser): Promise<{ rows: number; baseRss: number; peakRss: number }> {
  const self = fileURLToPath(import.meta.url);
  return new Promise((resolve, reject) => {
    // the built package renders a real <cfimap> page, with no TS loader inflating the process
    const child = spawn(process.execPath, [join(dirname(self), 'imap-rss-child.mjs')], {
      env: { ...process.env, B_HOST: server.host, B_PORT: String(server.port), B_USER: user.user, B_PASS: user.pass },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`child exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop()!));
      } catch (e) {
        reject(e);
      }
    });
  });
}

async function main(): Promise<void> {
  const server = await startDovecot();
  try {
    const small = await server.addUser('small');
    const large = await server.addUser('large');
    const large200 = await server.addUser('large200');
    let t = Date.now();
    await writeMaildirMessages(server, small, 'INBOX', smallMessages(1000));
    await writeMaildirMessages(server, large, 'INBOX', largeMessages(1000, 100_000));
    await writeMaildirMessages(server, large200, 'INBOX', largeMessages(200, 100_000));
    console.log(`seeded 1,000 small + 1,200 x ~100 KB messages in ${Date.now() - t} ms`);

    const pool = new ImapPool();
    const creds = { server: server.host, port: server.port, username: small.user, password: small.pass, secure: 'no' as const };
    // warm-up: Dovecot builds its indexes, JIT warms up
    await runImapAction({ action: 'getAll', ...creds }, pool);
    await bareAll(server, small);

    const res = { ghEngine: [] as number[], ghBare: [] as number[], gaEngine: [] as number[], gaBare: [] as number[] };
    // interleaved, and the order flips every round (engine first, then bare first)
    const ghE = async (): Promise<void> => void res.ghEngine.push(await timeIt(async () => (await runImapAction({ action: 'getHeaderOnly', ...creds }, pool))!.rows.length, 1000, cpu.ghEngine));
    const ghB = async (): Promise<void> => void res.ghBare.push(await timeIt(() => bareHeaders(server, small), 1000, cpu.ghBare));
    const gaE = async (): Promise<void> => void res.gaEngine.push(await timeIt(async () => (await runImapAction({ action: 'getAll', ...creds }, pool))!.rows.length, 1000, cpu.gaEngine));
    const gaB = async (): Promise<void> => void res.gaBare.push(await timeIt(() => bareAll(server, small), 1000, cpu.gaBare));
    for (let r = 0; r < ROUNDS; r++) {
      const steps = r % 2 === 0 ? [ghE, ghB, gaE, gaB] : [ghB, ghE, gaB, gaE];
      for (const step of steps) await step();
    }
    await pool.closeAll();

    const rss200 = await runChild(server, large200);
    if (rss200.rows !== 200) throw new Error(`RSS child fetched ${rss200.rows} rows`);
    t = Date.now();
    const rss = await runChild(server, large);
    const rssMs = Date.now() - t;
    if (rss.rows !== 1000) throw new Error(`RSS child fetched ${rss.rows} rows`);

    const mb = (b: number): string => (b / 1024 / 1024).toFixed(1);
    const pct = (e: number[], b: number[]): string => `${(((median(e) - median(b)) / median(b)) * 100).toFixed(1).padStart(8)}%`;
    const line = (name: string, e: number[], b: number[], ce: number[], cb: number[]): string =>
      `| ${name.padEnd(28)} | ${median(e).toFixed(0).padStart(10)} | ${median(b).toFixed(0).padStart(10)} | ${pct(e, b)} | ${median(ce).toFixed(1).padStart(8)} | ${median(cb).toFixed(1).padStart(8)} | ${pct(ce, cb)} |`;
    console.log(`\nIMAP engine vs bare imapflow, 1,000 messages, median of ${ROUNDS} interleaved rounds (connect + fetch + logout)\n`);
    console.log('wall = the whole call (Dovecot included); CPU = this process only, so the client-side work each side does\n');
    console.log('| case                         | engine ms  | bare ms    | overhead  | eng CPU  | bare CPU | CPU over  |');
    console.log('|------------------------------|------------|------------|-----------|----------|----------|-----------|');
    console.log(line('getHeaderOnly 1,000 small', res.ghEngine, res.ghBare, cpu.ghEngine, cpu.ghBare));
    console.log(line('getAll 1,000 small', res.gaEngine, res.gaBare, cpu.gaEngine, cpu.gaBare));
    console.log(`\ngetAll over 1,000 x ~100 KB messages (~100 MB) in a child process: ${rss.rows} rows in ${rssMs} ms (incl. process start)`);
    console.log(`  RSS before: ${mb(rss.baseRss)} MB, peak RSS: ${mb(rss.peakRss)} MB`);
    console.log(`  200 x ~100 KB (~20 MB) for comparison: before ${mb(rss200.baseRss)} MB, peak ${mb(rss200.peakRss)} MB`);
    console.log(`  5x the mail costs ${mb(rss.peakRss - rss200.peakRss)} MB more peak RSS (bounded by the largest message + GC headroom, not the mailbox)`);
  } finally {
    await server.stop();
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
