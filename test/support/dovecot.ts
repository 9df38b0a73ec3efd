/**
 * A private Dovecot IMAP server for tests and benchmarks.
 *
 * Every call to startDovecot() writes its own config file, certificate, passwd-file and Maildir
 * into a fresh temp dir and runs `dovecot -F -c <that file>` listening on 127.0.0.1 only, on free
 * ports. The system's /etc/dovecot is neither read nor changed. stop() kills the server and
 * removes the temp dir.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface DovecotUser {
  user: string;
  pass: string;
}

export interface DovecotOptions {
  /** Users to create; default one user `alice` with a random password. */
  users?: Array<string | DovecotUser>;
  /** Hierarchy separator: '/' (Maildir LAYOUT=fs, default) or '.' (Maildir++). */
  separator?: '/' | '.';
  /**
   * Replaces the capability list Dovecot announces after login (imap_capability), e.g. to hide
   * MOVE and UIDPLUS and exercise the fallbacks of a client.
   */
  imapCapability?: string;
  /** How many ready-made users addUser() can hand out without waiting (default 40). */
  spareUsers?: number;
  /** Offer TLS (STARTTLS on the plain port and an implicit-TLS port). Default true. */
  ssl?: boolean;
  /** Also serve POP3 (dovecot-pop3d) on popPort (and popTlsPort with ssl). Default false. */
  pop3?: boolean;
}

export interface DovecotServer {
  host: '127.0.0.1';
  /** Plain IMAP port (offers STARTTLS when ssl is on). */
  port: number;
  /** Implicit TLS port (0 when ssl is off). */
  tlsPort: number;
  /** Plain POP3 port (offers STLS when ssl is on); 0 without the pop3 option. */
  popPort: number;
  /** Implicit-TLS POP3 port; 0 without pop3 or ssl. */
  popTlsPort: number;
  users: DovecotUser[];
  separator: '/' | '.';
  /** The temp dir holding everything. */
  dir: string;
  /** Directory holding one home per user; the Maildir of user u is `${maildirRoot}/u/Maildir`. */
  maildirRoot: string;
  /** PEM of the self-signed certificate (CN=localhost). */
  certPem: string;
  /** uid/gid the mail processes run as (files written into a Maildir directly must belong to them). */
  mailUid: number;
  mailGid: number;
  /** Adds a user (a fresh, empty mailbox) while the server runs. */
  addUser(name?: string): Promise<DovecotUser>;
  /** Maildir directory of a user. */
  maildirOf(user: string): string;
  /** Dovecot's log text (for debugging failed tests). */
  log(): Promise<string>;
  stop(): Promise<void>;
}

const DOVECOT_CANDIDATES = ['/usr/sbin/dovecot', '/usr/local/sbin/dovecot'];

function findDovecot(): string | undefined {
  for (const c of DOVECOT_CANDIDATES) if (existsSync(c)) return c;
  const r = spawnSync('sh', ['-c', 'command -v dovecot'], { encoding: 'utf8' });
  const p = r.stdout.trim();
  return p && existsSync(p) ? p : undefined;
}

/** Installs dovecot-imapd (and openssl) when missing, through scripts/ensure-dovecot.sh. */
let installedBin: string | undefined;
export function ensureDovecotInstalled(): string {
  if (installedBin) return installedBin;
  installedBin = ensureInstalledUncached();
  return installedBin;
}

function ensureInstalledUncached(): string {
  let bin = findDovecot();
  const hasOpenssl = spawnSync('sh', ['-c', 'command -v openssl'], { encoding: 'utf8' }).status === 0;
  if (bin && hasOpenssl && existsSync('/usr/lib/dovecot/pop3')) return bin;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const script = path.resolve(here, '../../scripts/ensure-dovecot.sh');
  const r = spawnSync('bash', [script], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`ensure-dovecot.sh failed with status ${r.status}`);
  bin = findDovecot();
  if (!bin) throw new Error('dovecot is not installed and could not be installed');
  return bin;
}

/** A TCP port that is free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function randomPass(): string {
  return 'pw-' + Math.random().toString(36).slice(2, 12) + Math.random().toString(36).slice(2, 8);
}

function lookupId(kind: 'u' | 'g', name: string): number | undefined {
  const r = spawnSync('id', [kind === 'u' ? '-u' : '-g', name], { encoding: 'utf8' });
  const n = Number(r.stdout.trim());
  return r.status === 0 && Number.isInteger(n) ? n : undefined;
}

function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = (): void => {
      if (child.exitCode !== null) {
        reject(new Error(`dovecot exited with code ${child.exitCode}`));
        return;
      }
      const sock = net.connect({ host: '127.0.0.1', port });
      sock.once('data', (d) => {
        sock.destroy();
        if (d.toString('latin1').startsWith('* OK')) resolve();
        else retry();
      });
      sock.once('error', () => {
        sock.destroy();
        retry();
      });
    };
    const retry = (): void => {
      if (Date.now() > deadline) reject(new Error(`dovecot did not answer on 127.0.0.1:${port}`));
      else setTimeout(attempt, 50);
    };
    attempt();
  });
}

const liveServers = new Set<DovecotServer>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const s of liveServers) {
      try {
        const pid = (s as unknown as { _pid?: number })._pid;
        // SIGTERM: the master stops its own children (a SIGKILL would orphan them)
        if (pid) process.kill(pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
  });
}

export async function startDovecot(opts: DovecotOptions = {}): Promise<DovecotServer> {
  const bin = ensureDovecotInstalled();
  const separator = opts.separator ?? '/';
  const ssl = opts.ssl ?? true;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cfimap-dovecot-'));
  await fs.chmod(dir, 0o755);
  const maildirRoot = path.join(dir, 'home');
  await fs.mkdir(maildirRoot, { mode: 0o755 });
  await fs.mkdir(path.join(dir, 'run'));
  await fs.mkdir(path.join(dir, 'state'));

  // Mail processes must not run as root (Dovecot refuses uid 0): use nobody/nogroup.
  const mailUid = lookupId('u', 'nobody') ?? 65534;
  const mailGid = lookupId('g', 'nobody') ?? 65534;
  const internalUser = lookupId('u', 'dovecot') !== undefined ? 'dovecot' : 'nobody';
  const loginUser = lookupId('u', 'dovenull') !== undefined ? 'dovenull' : 'nobody';
  await fs.chown(maildirRoot, mailUid, mailGid);

  const certPath = path.join(dir, 'cert.pem');
  const keyPath = path.join(dir, 'key.pem');
  if (ssl) {
    const r = spawnSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyPath, '-out', certPath, '-days', '2',
        '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'],
      { encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error('openssl failed: ' + r.stderr);
  }
  const certPem = ssl ? await fs.readFile(certPath, 'utf8') : '';

  const users: DovecotUser[] = (opts.users ?? ['alice']).map((u) =>
    typeof u === 'string' ? { user: u, pass: randomPass() } : u,
  );
  // Users handed out by addUser(). Dovecot re-reads a passwd-file at most once a second, so
  // users written while it runs may be unknown for up to a second: most come from this stock.
  const spare: DovecotUser[] = Array.from({ length: opts.spareUsers ?? 40 }, (_, i) => ({ user: `box${i + 1}`, pass: randomPass() }));
  const passwdPath = path.join(dir, 'passwd');
  // Dovecot re-reads a passwd-file when its mtime (seconds) or size changes; two writes in one
  // second with the same size would go unnoticed, so every write gets a new, later mtime.
  let passwdStamp = Math.floor(Date.now() / 1000);
  const writePasswd = async (): Promise<void> => {
    await fs.writeFile(passwdPath, [...users, ...spare].map((u) => `${u.user}:{PLAIN}${u.pass}::::::\n`).join(''), { mode: 0o644 });
    passwdStamp += 1;
    await fs.utimes(passwdPath, passwdStamp, passwdStamp);
  };
  await writePasswd();

  const port = await freePort();
  let tlsPort = ssl ? await freePort() : 0;
  while (ssl && tlsPort === port) tlsPort = await freePort();
  const pop3 = opts.pop3 ?? false;
  const taken = new Set([port, tlsPort]);
  const another = async (): Promise<number> => {
    let p = await freePort();
    while (taken.has(p)) p = await freePort();
    taken.add(p);
    return p;
  };
  const popPort = pop3 ? await another() : 0;
  const popTlsPort = pop3 && ssl ? await another() : 0;
  const instance = 'cfimap-' + path.basename(dir).replace(/[^A-Za-z0-9]/g, '');
  const layout = separator === '/' ? ':LAYOUT=fs' : '';
  const conf = [
    `base_dir = ${dir}/run`,
    `state_dir = ${dir}/state`,
    `instance_name = ${instance}`,
    'listen = 127.0.0.1',
    pop3 ? 'protocols = imap pop3' : 'protocols = imap',
    ssl ? 'ssl = yes' : 'ssl = no',
    ...(ssl ? [`ssl_cert = <${certPath}`, `ssl_key = <${keyPath}`] : []),
    'disable_plaintext_auth = no',
    'auth_mechanisms = plain login',
    // tests try wrong passwords on purpose: no failure delay, no penalty for 127.0.0.1
    'auth_failure_delay = 0',
    'login_trusted_networks = 127.0.0.0/8',
    `log_path = ${dir}/dovecot.log`,
    `default_internal_user = ${internalUser}`,
    `default_internal_group = ${internalUser}`,
    `default_login_user = ${loginUser}`,
    'first_valid_uid = 1',
    'first_valid_gid = 1',
    `mail_location = maildir:~/Maildir${layout}`,
    'namespace inbox {',
    '  inbox = yes',
    `  separator = ${separator}`,
    '}',
    'mail_max_userip_connections = 100',
    // The auth process can not reach anvil's penalty socket, so auth penalty is off: a failed
    // login (tested on purpose) never slows down the logins of other tests.
    'service anvil {',
    '  unix_listener anvil-auth-penalty {',
    '    mode = 0',
    '  }',
    '}',
    'protocol imap {',
    '  imap_idle_notify_interval = 2 mins',
    ...(opts.imapCapability ? [`  imap_capability = ${opts.imapCapability}`] : []),
    '}',
    ...(pop3
      ? [
          'service pop3-login {',
          '  inet_listener pop3 {',
          '    address = 127.0.0.1',
          `    port = ${popPort}`,
          '  }',
          '  inet_listener pop3s {',
          '    address = 127.0.0.1',
          `    port = ${popTlsPort}`,
          ...(ssl ? ['    ssl = yes'] : []),
          '  }',
          '}',
          'protocol pop3 {',
          '  pop3_uidl_format = %08Xu%08Xv',
          '}',
        ]
      : []),
    'passdb {',
    '  driver = passwd-file',
    `  args = scheme=PLAIN username_format=%u ${passwdPath}`,
    '}',
    'userdb {',
    '  driver = static',
    `  args = uid=${mailUid} gid=${mailGid} home=${maildirRoot}/%u`,
    '}',
    'service imap-login {',
    '  inet_listener imap {',
    '    address = 127.0.0.1',
    `    port = ${port}`,
    '  }',
    '  inet_listener imaps {',
    '    address = 127.0.0.1',
    `    port = ${tlsPort}`,
    ...(ssl ? ['    ssl = yes'] : []),
    '  }',
    '}',
    '',
  ].join('\n');
  const confPath = path.join(dir, 'dovecot.conf');
  await fs.writeFile(confPath, conf);

  const child = spawn(bin, ['-F', '-c', confPath], { stdio: ['ignore', 'pipe', 'pipe'], detached: false });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitForPort(port, child, 15_000);
  } catch (e) {
    child.kill('SIGKILL');
    const log = await fs.readFile(path.join(dir, 'dovecot.log'), 'utf8').catch(() => '');
    await fs.rm(dir, { recursive: true, force: true });
    throw new Error(`${(e as Error).message}\n${output}\n${log}`);
  }

  let stopped = false;
  const server: DovecotServer & { _pid?: number } = {
    host: '127.0.0.1',
    port,
    tlsPort,
    popPort,
    popTlsPort,
    users,
    separator,
    dir,
    maildirRoot,
    certPem,
    mailUid,
    mailGid,
    _pid: child.pid,
    async addUser(name?: string): Promise<DovecotUser> {
      if (!name && spare.length) {
        const u = spare.shift()!;
        users.push(u);
        return u;
      }
      const u = { user: name ?? 'u' + Math.random().toString(36).slice(2, 10), pass: randomPass() };
      users.push(u);
      await writePasswd();
      // wait out Dovecot's once-a-second passwd-file check
      await new Promise((r) => setTimeout(r, 1100));
      return u;
    },
    maildirOf(user: string): string {
      return path.join(maildirRoot, user, 'Maildir');
    },
    log(): Promise<string> {
      return fs.readFile(path.join(dir, 'dovecot.log'), 'utf8').catch(() => '');
    },
    async stop(): Promise<void> {
      if (stopped) return;
      stopped = true;
      liveServers.delete(server);
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exited;
        clearTimeout(t);
      }
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
  liveServers.add(server);
  installExitHook();
  return server;
}
