/** Escaping for the markup the cfform tags write. */

/** Text safe inside a double-quoted HTML attribute or element content. */
export function escHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A JavaScript literal for a string (or null) that cannot end the surrounding <script>. */
export function jsLiteral(v: string | number | boolean | null | undefined): string {
  if (v === undefined || v === null) return 'null';
  return JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** ` name="value"` for each attribute, values escaped. */
export function attrText(attrs: Array<[string, string]>): string {
  return attrs.map(([k, v]) => ` ${k}="${escHtml(v)}"`).join('');
}
