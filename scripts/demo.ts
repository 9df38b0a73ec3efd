/**
 * npm run demo: starts a throw-away Dovecot on 127.0.0.1 seeded with sample mail, runs the mail
 * samples through the CLI, prints their output, and stops the server.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { seedDemoMailbox } from '../bench/imap.js';

const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'dist/cfml.cjs');
const samples = ['inbox.cfm', 'inbox-inline.cfm', 'mailbox.cfm'];

const box = await seedDemoMailbox();
const attachments = fs.mkdtempSync(path.join(os.tmpdir(), 'cfml-demo-att-'));
let failed = 0;
try {
  const a = box.attributes;
  const vars = ['imapServer=' + a.server, 'imapPort=' + a.port, 'imapUser=' + a.username, 'imapPassword=' + a.password, 'imapSecure=no', 'attachmentDir=' + attachments];
  for (const s of samples) {
    const file = path.join(root, 'samples/imap', s);
    console.log(`\n### npx cfml samples/imap/${s}\n`);
    const r = spawnSync(process.execPath, [cli, file, ...vars.flatMap((v) => ['--var', v])], { encoding: 'utf8', timeout: 60_000 });
    process.stdout.write(r.stdout);
    if (r.status !== 0) {
      failed++;
      process.stdout.write(r.stderr);
    }
  }
} finally {
  await box.stop();
  fs.rmSync(attachments, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
