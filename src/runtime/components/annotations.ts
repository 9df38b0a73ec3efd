/**
 * Annotations of a doc comment written just before a declaration (script components and
 * functions, Lucee and Adobe CF): `/** Greets people. @author Ada @deprecated *\/` gives
 * `{ hint: 'Greets people.', author: 'Ada', deprecated: '' }`. The text before the first `@`
 * is the hint. `offset` is where the declaration starts in `source`; anything but whitespace
 * between the comment and the declaration (or no comment) gives no annotations.
 */
export function docAnnotations(source: string, offset: number | undefined, fromScript: boolean): Record<string, string> {
  if (!fromScript || offset === undefined) return {};
  let i = offset - 1;
  while (i >= 0 && /\s/.test(source[i]!)) i--;
  if (i < 1 || source[i] !== '/' || source[i - 1] !== '*') return {};
  const start = source.lastIndexOf('/**', i - 1);
  if (start < 0) return {};
  const body = source.slice(start + 3, i - 1);
  if (body.includes('*/')) return {};
  const lines = body.split(/\r?\n/).map((l) => l.replace(/^\s*\*?\s?/, '').trimEnd());
  const out: Record<string, string> = {};
  const hint: string[] = [];
  let key: string | undefined;
  for (const line of lines) {
    const m = /^@([\w.:-]+)\s*(.*)$/.exec(line.trim());
    if (m) {
      key = m[1]!.toLowerCase();
      out[key] = m[2]!.trim();
    } else if (key) out[key] = (out[key] ? out[key] + ' ' : '') + line.trim();
    else if (line.trim()) hint.push(line.trim());
  }
  if (hint.length && out.hint === undefined) out.hint = hint.join(' ');
  for (const k of Object.keys(out)) out[k] = out[k]!.trim();
  return out;
}
