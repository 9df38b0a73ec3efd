/**
 * npm run demo: starts a throw-away Dovecot (IMAP and POP3) on 127.0.0.1 seeded with sample mail
 * and an SMTP server that delivers into it, runs the mail samples through the CLI, prints their
 * output, and stops the servers.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { seedDemoMailbox } from '../bench/imap.js';
import { startSmtpSink } from '../test/support/smtp.js';
import { runCli } from '../test/support/run-cli.js';

const root = path.resolve(import.meta.dirname, '..');
const samples = ['imap/inbox.cfm', 'imap/inbox-inline.cfm', 'imap/mailbox.cfm', 'mail/roundtrip.cfm', 'mail/pop-list.cfm', 'mail/reply.cfm'];

const box = await seedDemoMailbox({ pop3: true });
const smtp = await startSmtpSink({ dovecot: box.server });
const attachments = fs.mkdtempSync(path.join(os.tmpdir(), 'cfml-demo-att-'));
let failed = 0;
try {
  const a = box.attributes;
  const vars = [
    'imapServer=' + a.server, 'imapPort=' + a.port, 'imapUser=' + a.username, 'imapPassword=' + a.password, 'imapSecure=no',
    'attachmentDir=' + attachments, 'smtpServer=' + smtp.host, 'smtpPort=' + smtp.port, 'popPort=' + box.server.popPort, 'replyFrom=demo@localhost',
  ];
  for (const s of samples) {
    console.log(`\n### npx cfml samples/${s}\n`);
    const r = await runCli([path.join(root, 'samples', s), ...vars.flatMap((v) => ['--var', v])]);
    process.stdout.write(r.out);
    if (r.code !== 0) {
      failed++;
      process.stdout.write(r.err);
    }
  }
} finally {
  await smtp.stop();
  await box.stop();
  fs.rmSync(attachments, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
