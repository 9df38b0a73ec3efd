/**
 * Hand scanners for the parts of CFML a regular expression cannot match: strings whose `#...#`
 * may hold quotes of the same kind, and comments that nest. Chevrotain calls them as custom
 * token patterns; the parser reuses them to split strings into parts.
 */

/** Index just past the string that starts with a quote at `start`, or -1 when it is not closed. */
export function scanString(text: string, start: number): number {
  const q = text.charCodeAt(start);
  let i = start + 1;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === q) {
      if (text.charCodeAt(i + 1) === q) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    if (c === 35 /* # */) {
      if (text.charCodeAt(i + 1) === 35) {
        i += 2;
        continue;
      }
      const end = scanHashExpr(text, i + 1);
      if (end < 0) return -1;
      i = end + 1;
      continue;
    }
    i++;
  }
  return -1;
}

/**
 * From just after an opening `#`, the index of the closing `#`, skipping over strings (which may
 * contain `#` of their own); -1 when there is none on the same logical expression.
 */
export function scanHashExpr(text: string, start: number): number {
  let i = start;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 35) return i;
    if (c === 34 || c === 39) {
      const end = scanString(text, i);
      if (end < 0) return -1;
      i = end;
      continue;
    }
    if (c === 60 /* < */ && text.startsWith('<cf', i)) return -1;
    if (c === 10 && i - start > 2000) return -1;
    i++;
  }
  return -1;
}

/** Index just past a `<!--- ... --->` comment starting at `start` (nesting), or -1. */
export function scanComment(text: string, start: number): number {
  let depth = 0;
  let i = start;
  const n = text.length;
  while (i < n) {
    if (text.startsWith('<!---', i)) {
      depth++;
      i += 5;
    } else if (text.startsWith('--->', i)) {
      depth--;
      i += 4;
      if (depth === 0) return i;
    } else i++;
  }
  return -1;
}
