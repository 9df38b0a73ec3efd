/**
 * npm run demo:webmail: starts a throw-away Dovecot with two sample mailboxes, serves
 * samples/webmail with `cfml serve` and prints how to log in. Ctrl-C stops both.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { startWebmailMailboxes } from './webmail-mailboxes.js';

const root = path.resolve(import.meta.dirname, '..');
const port = process.env.PORT ?? '8500';
const boxes = await startWebmailMailboxes();
const server = spawn(process.execPath, [path.join(root, 'dist/cfml.cjs'), 'serve', path.join(root, 'samples/webmail'), '--port', port], { stdio: 'inherit' });
console.log(`
Webmail sample: open http://127.0.0.1:${port}/ and log in with
  IMAP server 127.0.0.1, port ${boxes.server.port}, security "none"
  user alice, password ${boxes.alice.pass}   (27 messages)
  user bob,   password ${boxes.bob.pass}   (3 messages)
Ctrl-C stops the server and removes the mailboxes.
`);
const stop = async () => {
  server.kill('SIGTERM');
  await boxes.stop();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
server.once('exit', async (code) => {
  await boxes.stop();
  process.exit(code ?? 0);
});
