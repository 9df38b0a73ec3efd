/**
 * Classic CFML functions older applications still call: getTemplatePath (Lucee's deprecated alias
 * of getBaseTemplatePath), setEncoding / getEncoding (the charset of the url and form scopes).
 */
import { expressionError } from '../errors.js';
import type { Ctx } from '../context.js';
import type { FunctionDef, FnContext } from './types.js';

/** The charset a scope was decoded with, per render: set by setEncoding, UTF-8 otherwise. */
const encodings = new WeakMap<Ctx, { url?: string; form?: string }>();

function scopeName(fn: string, scope: string): 'url' | 'form' {
  const s = scope.trim().toLowerCase();
  if (s !== 'url' && s !== 'form') throw expressionError(`Invalid argument for function [${fn}], scope [${scope}] is invalid, valid scopes are [url, form]`);
  return s;
}

/** Decodes `a=1&b=%E9` with `charset` for the percent-escaped bytes (`+` is a space). */
function decodeQuery(query: string, decoder: TextDecoder): Array<[string, string]> {
  const dec = (s: string) => {
    const bytes: number[] = [];
    const t = s.replace(/\+/g, ' ');
    for (let i = 0; i < t.length; i++) {
      const m = t[i] === '%' ? /^[0-9a-f]{2}$/i.exec(t.slice(i + 1, i + 3)) : null;
      if (m) {
        bytes.push(parseInt(m[0], 16));
        i += 2;
      } else bytes.push(...Buffer.from(t[i]!, 'utf8'));
    }
    return decoder.decode(new Uint8Array(bytes));
  };
  return query
    .split('&')
    .filter((p) => p !== '')
    .map((p) => {
      const eq = p.indexOf('=');
      return eq < 0 ? [dec(p), ''] : [dec(p.slice(0, eq)), dec(p.slice(eq + 1))];
    });
}

export const classicFunctions: FunctionDef[] = [
  // Lucee: deprecated, same as getBaseTemplatePath()
  { name: 'getTemplatePath', params: [], impl: (ctx) => ctx.baseTemplatePath },
  {
    name: 'setEncoding',
    params: [
      { name: 'scope_name', type: 'string', required: true },
      { name: 'charset', type: 'string', required: true },
    ],
    impl: (fc: FnContext, scope: string, charset: string) => {
      const s = scopeName('setEncoding', scope);
      let decoder: TextDecoder;
      try {
        decoder = new TextDecoder(charset.trim(), { fatal: false });
      } catch {
        throw expressionError(`Invalid argument for function [setEncoding], charset [${charset}] is not supported`);
      }
      const ctx = fc.ctx;
      if (!ctx) return null;
      const e = encodings.get(ctx) ?? {};
      e[s] = charset.trim();
      encodings.set(ctx, e);
      // The url scope is read again from the query string with that charset (as Lucee does).
      // The form scope keeps its values: the body was read before the page ran.
      const query = String(ctx.cgi.get('query_string') ?? '');
      if (s === 'url' && query) {
        const fresh = new Map<string, string>();
        for (const [k, v] of decodeQuery(query, decoder)) fresh.set(k, fresh.has(k) ? `${fresh.get(k)},${v}` : v);
        ctx.url.clear();
        for (const [k, v] of fresh) ctx.url.set(k, v);
      }
      return null;
    },
  },
  {
    name: 'getEncoding',
    params: [{ name: 'scope_name', type: 'string', required: true }],
    impl: (fc: FnContext, scope: string) => {
      const s = scopeName('getEncoding', scope);
      return (fc.ctx && encodings.get(fc.ctx)?.[s]) ?? 'UTF-8';
    },
  },
];
