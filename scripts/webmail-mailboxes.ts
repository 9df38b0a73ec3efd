/**
 * Two throw-away mailboxes for the webmail sample (npm run demo:webmail and its browser test):
 * a private Dovecot on 127.0.0.1 with users alice (27 messages: paging, an HTML message with a
 * script and a remote image, a message with an attachment) and bob (3 messages of his own),
 * each with an Archive folder.
 */
import { startDovecot, type DovecotServer, type DovecotUser } from '../test/support/dovecot.js';
import { alternativeMessage, appendAll, mixedMessage, plainMessage, withAdmin } from '../test/support/seed-mail.js';

export interface WebmailMailboxes {
  server: DovecotServer;
  alice: DovecotUser;
  bob: DovecotUser;
  stop(): Promise<void>;
}

const day = (n: number) => new Date(Date.UTC(2024, 0, 1 + n, 9, 0, 0)).toUTCString().replace('GMT', '+0000');

export async function startWebmailMailboxes(): Promise<WebmailMailboxes> {
  const server = await startDovecot({ ssl: false, users: ['alice', 'bob'], spareUsers: 0 });
  const alice = server.users.find((u) => u.user === 'alice')!;
  const bob = server.users.find((u) => u.user === 'bob')!;
  await withAdmin(server, alice, async (c) => {
    await c.mailboxCreate('Archive');
    const notes = Array.from({ length: 25 }, (_, i) =>
      plainMessage({ from: 'Carol <carol@example.com>', to: 'alice@example.com', subject: `Alice note ${i + 1}`, date: day(i), body: `Note number ${i + 1} for Alice.` }),
    );
    await appendAll(c, 'INBOX', notes);
    await appendAll(c, 'INBOX', [
      alternativeMessage({
        to: 'alice@example.com',
        subject: 'Alice HTML',
        date: day(30),
        text: 'HTML message (text part)',
        html: '<p id="greeting">Hello <b>Alice</b></p><script>parent.document.title="pwned"</script><img src="http://127.0.0.1:9/track.png">',
      }),
      mixedMessage({
        to: 'alice@example.com',
        subject: 'Alice files',
        date: day(31),
        text: 'The report is attached.',
        attachments: [{ filenameHeader: 'report.txt', contentType: 'text/plain', content: Buffer.from('quarterly numbers: 42\n') }],
      }),
    ]);
  });
  await withAdmin(server, bob, async (c) => {
    await c.mailboxCreate('Archive');
    await appendAll(
      c,
      'INBOX',
      [1, 2, 3].map((i) => plainMessage({ from: 'Dan <dan@example.com>', to: 'bob@example.com', subject: `Bob private ${i}`, date: day(i), body: `Only for Bob (${i}).` })),
    );
  });
  return { server, alice, bob, stop: () => server.stop() };
}
