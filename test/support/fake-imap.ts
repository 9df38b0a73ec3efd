/**
 * A tiny scripted IMAP server on 127.0.0.1 that only knows SASL XOAUTH2, for the accessToken
 * tests (Dovecot would need a real OAuth2 token service). It answers just enough for a login,
 * an empty INBOX and LOGOUT.
 */
import * as net from 'node:net';

export interface FakeImap {
  port: number;
  /** Decoded XOAUTH2 initial responses the server received. */
  authAttempts: { user: string; token: string }[];
  close(): Promise<void>;
}

export async function fakeXoauthServer(validToken: string): Promise<FakeImap> {
  const attempts: { user: string; token: string }[] = [];
  const sockets = new Set<net.Socket>();
  const srv = net.createServer((s) => {
    sockets.add(s);
    s.on('error', () => {});
    s.on('close', () => sockets.delete(s));
    s.write('* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=XOAUTH2] fake ready\r\n');
    let buf = '';
    s.on('data', (d: Buffer) => {
      buf += d.toString('latin1');
      let i: number;
      while ((i = buf.indexOf('\r\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const [tag, cmdRaw, ...rest] = line.split(' ');
        const cmd = (cmdRaw ?? '').toUpperCase();
        if (!tag) continue;
        if (cmd === 'CAPABILITY') s.write(`* CAPABILITY IMAP4rev1 SASL-IR AUTH=XOAUTH2\r\n${tag} OK done\r\n`);
        else if (cmd === 'AUTHENTICATE') {
          const decoded = Buffer.from(rest[1] ?? '', 'base64').toString('utf8');
          const m = /^user=([^\x01]*)\x01auth=Bearer ([^\x01]*)\x01\x01$/.exec(decoded);
          const attempt = { user: m?.[1] ?? '', token: m?.[2] ?? '' };
          attempts.push(attempt);
          if (attempt.token === validToken) s.write(`${tag} OK [CAPABILITY IMAP4rev1] authenticated\r\n`);
          else s.write(`${tag} NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)\r\n`);
        } else if (cmd === 'NAMESPACE') s.write(`* NAMESPACE (("" "/")) NIL NIL\r\n${tag} OK done\r\n`);
        else if (cmd === 'LIST') s.write(`* LIST (\\HasNoChildren) "/" INBOX\r\n${tag} OK done\r\n`);
        else if (cmd === 'EXAMINE' || cmd === 'SELECT')
          s.write(`* 0 EXISTS\r\n* OK [UIDVALIDITY 7] ok\r\n* OK [UIDNEXT 1] ok\r\n${tag} OK [${cmd === 'EXAMINE' ? 'READ-ONLY' : 'READ-WRITE'}] done\r\n`);
        else if (cmd === 'STATUS') s.write(`* STATUS INBOX (MESSAGES 0 UNSEEN 0 RECENT 0)\r\n${tag} OK done\r\n`);
        else if (cmd === 'LOGOUT') {
          s.write(`* BYE bye\r\n${tag} OK done\r\n`);
          s.end();
        } else s.write(`${tag} OK done\r\n`);
      }
    });
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  return {
    port: (srv.address() as net.AddressInfo).port,
    authAttempts: attempts,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        srv.close(() => r());
      }),
  };
}
