import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Ctx } from './context.js';
import { AbortPage } from './context.js';
import { CfmlError, ErrorCode } from './errors.js';
import { maskSecrets } from './mask-secrets.js';
import { catchMatches, cfcatchStruct } from './exceptions.js';
import { toStr } from './cast.js';
import { runIn } from './request.js';
import { resolveVirtual } from './virtual-path.js';

/** One `<cferror>` registration of the request. */
export interface ErrorPage {
  /** request: any error; exception: errors of type `exception` (Lucee's two kinds that run CFML). */
  type: 'request' | 'exception';
  /** Absolute path of the error template. */
  template: string;
  /** The exception type an `exception` page handles (lower-case; `any` for all). */
  exception: string;
  /** cferror's mailto, shown to the template as error.mailto (nothing is sent). */
  mailto: string;
}

/**
 * `<cferror type= template= exception= mailto=>`: registers an error template for the rest of the
 * request (a later one for the same type and exception replaces it). The path is relative to the
 * template holding the tag (`/x` through the mappings, then the web root); it must exist.
 */
export function registerErrorPage(ctx: Ctx, page: { type: string; template: string; exception?: string; mailto?: string }): ErrorPage | undefined {
  const type = page.type.toLowerCase();
  // validation and monitor pages belong to ColdFusion features this engine does not have: accepted, never used
  if (type !== 'request' && type !== 'exception') return undefined;
  const template = resolveVirtual(ctx, page.template, true) ?? path.resolve(ctx.template.dir, page.template);
  if (!fs.existsSync(template)) {
    throw new CfmlError(`the error template [${page.template}] does not exist`, {
      type: 'MissingInclude',
      code: ErrorCode.MissingInclude,
      detail: `cferror's template is resolved from the directory of ${path.basename(ctx.template.file)}`,
    });
  }
  const entry: ErrorPage = { type, template, exception: (page.exception || 'any').toLowerCase(), mailto: page.mailto ?? '' };
  const i = ctx.errorPages.findIndex((p) => p.type === entry.type && p.exception === entry.exception);
  if (i >= 0) ctx.errorPages[i] = entry;
  else ctx.errorPages.push(entry);
  return entry;
}

/**
 * The error page for `err`: an `exception` page whose exception type matches (a named type before
 * `any`), else the `request` page; undefined when none is registered.
 */
function pageFor(ctx: Ctx, err: CfmlError): ErrorPage | undefined {
  const exc = ctx.errorPages.filter((p) => p.type === 'exception' && catchMatches(p.exception, err));
  return exc.find((p) => p.exception !== 'any') ?? exc[0] ?? ctx.errorPages.find((p) => p.type === 'request');
}

/**
 * Shows a failed request's registered error template, as Lucee does: the status becomes 500, the
 * output so far is dropped (it is error.generatedContent), and the template runs in the request's
 * scopes with `error` (also `cferror`): the cfcatch keys (message, detail, type, tagContext...)
 * plus diagnostics, template (the requested page), queryString, remoteAddress, browser,
 * HTTPReferer, dateTime, mailto. Returns false when no page is registered for the error. An
 * error inside the error template propagates (the host's own error page is shown).
 */
export async function showErrorPage(ctx: Ctx, err: CfmlError): Promise<boolean> {
  const page = pageFor(ctx, err);
  if (!page) return false;
  // the error is still logged, as Lucee logs handled page errors (the visitor sees the error template)
  const where = err.loc ? `${err.loc.file}:${err.loc.line}:${err.loc.col}: ` : '';
  ctx.engine.log(maskSecrets(`${where}${err.message} (shown with the cferror template ${path.basename(page.template)})`), { type: 'error' });
  const error = cfcatchStruct(err);
  const at = err.loc ? `The error occurred in ${path.basename(err.loc.file)}: line ${err.loc.line}` : '';
  error.set('diagnostics', [err.message, err.detail, at].filter(Boolean).join(' '));
  error.set('template', toStr(ctx.cgi.get('script_name') ?? ''));
  error.set('queryString', toStr(ctx.cgi.get('query_string') ?? ''));
  error.set('remoteAddress', toStr(ctx.cgi.get('remote_addr') ?? ''));
  error.set('browser', toStr(ctx.cgi.get('http_user_agent') ?? ''));
  error.set('HTTPReferer', toStr(ctx.cgi.get('http_referer') ?? ''));
  error.set('dateTime', new Date());
  error.set('mailto', page.mailto);
  error.set('generatedContent', ctx.out);
  ctx.out = '';
  ctx.response.status = 500;
  ctx.variables.set('error', error);
  ctx.variables.set('cferror', error);
  ctx.frame = null;
  ctx.component = null;
  try {
    await runIn(ctx, ctx.engine.loadTemplate(page.template));
  } catch (e) {
    if (!(e instanceof AbortPage)) throw e;
  }
  return true;
}
