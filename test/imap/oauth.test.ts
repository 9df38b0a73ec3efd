/** accessToken logs in with SASL XOAUTH2 (decision 13), against a scripted local server. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImapError, ImapPool, runImapAction } from '../../src/tags/imap/index.js';
import { caught } from '../support/imap-helpers.js';
import { fakeXoauthServer, type FakeImap } from '../support/fake-imap.js';

let fake: FakeImap;
let pool: ImapPool;
const TOKEN = 'ya29.valid-token-0123456789';

beforeAll(async () => {
  fake = await fakeXoauthServer(TOKEN);
  pool = new ImapPool();
});
afterAll(async () => {
  await pool?.closeAll();
  await fake?.close();
});

describe('accessToken (XOAUTH2)', () => {
  it('logs in with the token instead of a password', async () => {
    const q = (await runImapAction({ action: 'getHeaderOnly', server: '127.0.0.1', port: fake.port, username: 'me@example.com', accessToken: TOKEN, secure: 'no' }, pool))!;
    expect(q.rows).toEqual([]);
    expect(fake.authAttempts.at(-1)).toEqual({ user: 'me@example.com', token: TOKEN });
  });

  it('a refused token is an AUTHENTICATION error that does not show the token', async () => {
    const bad = 'ya29.expired-token-XYZ';
    const e = await caught(() => runImapAction({ action: 'open', connection: 'o', server: '127.0.0.1', port: fake.port, username: 'me@example.com', accessToken: bad, secure: 'no' }, pool));
    expect(e).toBeInstanceOf(ImapError);
    expect(e.errorCode).toBe('AUTHENTICATION');
    expect(e.message).toContain('Invalid credentials');
    expect([e.message, e.detail, e.stack, JSON.stringify(e)].join('\n')).not.toContain(bad);
    expect(fake.authAttempts.at(-1)!.token).toBe(bad);
  });
});
