import { CfmlError } from '../runtime/errors.js';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The page a visitor sees for a failed request. In production it names the request id only (no
 * message, path, source or stack: they can hold secrets); the full error goes to the log under
 * that id. With `dev`, the page shows the error as the CLI prints it (`full`: message, location,
 * code frame, tag context), as Lucee's developer error page does.
 */
export function errorPage(status: number, requestId: string, err: unknown, full: string, dev: boolean): string {
  const title = status === 500 ? 'Internal Server Error' : 'Error';
  const head = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${status} ${title}</title>` +
    '<style>body{font-family:sans-serif;margin:2em}pre{background:#f4f4f4;padding:1em;overflow:auto}</style></head><body>';
  if (!dev) {
    return `${head}<h1>${status} ${title}</h1><p>The request could not be completed.</p>` +
      `<p>Request id: <code>${escapeHtml(requestId)}</code> (give it to the site's administrator).</p></body></html>`;
  }
  const e = err instanceof CfmlError ? err : undefined;
  const type = e ? `${e.type}${e.code !== 'CF0000' ? ' (' + e.code + ')' : ''}` : 'Internal';
  return `${head}<h1>${escapeHtml(e?.message ?? String((err as Error)?.message ?? err))}</h1><p>Type: ${escapeHtml(type)} &middot; request id <code>${escapeHtml(requestId)}</code></p>` +
    `<pre>${escapeHtml(full)}</pre></body></html>`;
}
