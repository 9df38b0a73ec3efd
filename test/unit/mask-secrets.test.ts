/** Issue 8 item 6: secrets masked in code frames (every consumer) and scrubbed only where they can be. */
import { describe, expect, it } from 'vitest';
import { CfmlError, formatError } from '../../src/index.js';
import { codeFrame } from '../../src/runtime/errors.js';
import { isSecretName, maskSecretsInLine } from '../../src/runtime/mask-secrets.js';
import { scrub } from '../../src/tags/imap/errors.js';

describe('code frames mask password-like values', () => {
  it.each([
    ['<cfimap action="open" password="s3cr3t" name="q">', '<cfimap action="open" password="****" name="q">'],
    ["<cfset creds = {server: 'x', password: 's3cr3t', accessToken: \"tok\"}>", "<cfset creds = {server: 'x', password: '****', accessToken: \"****\"}>"],
    ['smtpPassword = "s3""cr3t"; user = "bob";', 'smtpPassword = "****"; user = "bob";'],
    ['this.datasource.password=#form.pw# >', 'this.datasource.password=**** >'],
    ['if (apiKey == "abc") {', 'if (apiKey == "****") {'],
    ['<cfmail username="bob" password="unclosed', '<cfmail username="bob" password="****'],
    ['<cfset name = "password"> <cfset x = "a">', '<cfset name = "password"> <cfset x = "a">'],
  ])('%s', (line, masked) => {
    expect(maskSecretsInLine(line).text).toBe(masked);
  });

  it('names', () => {
    for (const n of ['password', 'PASSWORD', 'smtpPassword', 'accessToken', 'client_secret', 'apikey', 'privateKey', 'pwd', 'pass', 'a.b.passphrase']) expect(isSecretName(n)).toBe(true);
    for (const n of ['username', 'server', 'name', 'passage', 'folder']) expect(isSecretName(n)).toBe(false);
  });

  it('the caret follows the masked text', () => {
    const src = 'x\n<cfimap password="a-much-longer-secret" server="h" bad=>\n';
    const col = src.split('\n')[1]!.indexOf('bad') + 1;
    const frame = codeFrame(src, 2, col);
    const lines = frame.split('\n');
    const shown = lines.find((l) => l.startsWith('>'))!;
    const caret = lines[lines.indexOf(shown) + 1]!;
    expect(shown).not.toContain('a-much-longer-secret');
    expect(shown[caret.indexOf('^')]).toBe('b');
  });

  it('formatError masks the frame, the message and the detail', () => {
    const src = '<cfset password = "topsecret" + >';
    const err = new CfmlError('Invalid expression near password = "topsecret"', { loc: { file: 'p.cfm', line: 1, col: 31 }, detail: 'password="topsecret"' });
    const out = formatError(err, src);
    expect(out).not.toContain('topsecret');
    expect(out).toContain('password = "****"');
  });
});

describe('IMAP error scrubbing masks only what can carry the secret', () => {
  it('leaves a short secret inside words and addresses alone', () => {
    const text = '[AUTHENTICATIONFAILED] Authentication failed. (127.0.0.1:143)';
    expect(scrub(text, ['a'])).toBe(text);
    expect(scrub(text, ['127'])).toBe(text);
    expect(scrub(text, ['failed'])).toBe(text);
  });

  it('masks whole tokens, the quoted form, and base64 authentication payloads holding it', () => {
    expect(scrub('1 LOGIN alice s3cret', ['s3cret'])).toBe('1 LOGIN alice ****');
    expect(scrub('1 LOGIN "alice" "s3\\"cret"', ['s3"cret'])).toBe('1 LOGIN "alice" "****"');
    const plain = Buffer.from('\u0000alice\u0000s3cret').toString('base64');
    expect(scrub(`2 AUTHENTICATE PLAIN ${plain}`, ['s3cret'])).toBe('2 AUTHENTICATE PLAIN ****');
    const xoauth = Buffer.from('user=a@b\u0001auth=Bearer tok123\u0001\u0001').toString('base64');
    expect(scrub(`3 AUTHENTICATE XOAUTH2 ${xoauth}`, ['tok123'])).toBe('3 AUTHENTICATE XOAUTH2 ****');
  });
});
