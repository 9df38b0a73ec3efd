/**
 * Values the engine hands to browsers and must get back unchanged (the login cookie, client
 * variables): JSON, base64url-encoded and signed with HMAC-SHA256 under a key per application and
 * purpose, derived from EngineOptions.secret or else a random secret of the Engine (values then
 * do not survive a restart); one application's value is refused by another.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Ctx } from './context.js';

/** The HMAC key for login and client cookies of the request's application. */
export function applicationKey(ctx: Ctx, purpose: string): Buffer {
  const secret = ctx.engine.secret ? createHash('sha256').update(ctx.engine.secret).digest() : ctx.engine.service('classic:secret', () => ({ key: randomBytes(32) })).key;
  return createHmac('sha256', secret).update(`${purpose}\0${(ctx.app?.name ?? '').toLowerCase()}`).digest();
}

/** `payload.signature`, both base64url; the payload is JSON. */
export function sign(key: Buffer, value: unknown): string {
  const payload = Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
  return `${payload}.${createHmac('sha256', key).update(payload).digest('base64url')}`;
}

/** The value of a signed string, or undefined when it is malformed or the signature does not match. */
export function verify(key: Buffer, text: unknown): unknown {
  if (typeof text !== 'string') return undefined;
  const dot = text.indexOf('.');
  if (dot < 0) return undefined;
  const payload = text.slice(0, dot);
  const sig = Buffer.from(text.slice(dot + 1), 'base64url');
  const want = createHmac('sha256', key).update(payload).digest();
  if (sig.length !== want.length || !timingSafeEqual(sig, want)) return undefined;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
