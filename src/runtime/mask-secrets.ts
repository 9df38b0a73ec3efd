/**
 * Masking of secrets in source lines shown to people (code frames of CLI errors, error pages,
 * error texts): the value given to a password-like name is replaced by `****`.
 *
 * A name is password-like when its last part (after the last dot, any case) is `pass`, `pwd`,
 * `key`, or contains password, passwd, passphrase, pwd, secret, token, apikey, api_key,
 * privatekey or credential: `password="..."` in a tag, `password = "..."` / `password: "..."` in
 * script and struct literals, `smtpPassword`, `this.datasource.password`, `accessToken`.
 * The value is a quoted string (CFML doubles quotes to escape them; an unclosed one runs to the
 * end of the line) or an unquoted run up to a space, `;`, `,`, `)` or `>`.
 * Comparisons (`password == "x"`, `token eq "x"`) are masked too: the literal is a secret either way.
 */

const NAME = String.raw`(["']?)((?:[A-Za-z_$][\w$]*\.)*[A-Za-z_$][\w$]*)\1`;
const OP = String.raw`\s*(?:===?|!==?|=|:|\s(?:eq|is|neq)\s)\s*`;
const ASSIGNMENT = new RegExp(`(?<![\\w$.])${NAME}(${OP})`, 'gi');

const SENSITIVE_PART = /password|passwd|passphrase|pwd|secret|token|apikey|api_key|privatekey|credential/i;

/** Whether a (possibly dotted) name holds a secret by its name. */
export function isSecretName(name: string): boolean {
  const last = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  return last === 'pass' || last === 'key' || last.endsWith('key') || SENSITIVE_PART.test(last);
}

/** End (exclusive) of the value that starts at `i` in `line`. */
function valueEnd(line: string, i: number): number {
  const q = line[i];
  if (q === '"' || q === "'") {
    let j = i + 1;
    while (j < line.length) {
      if (line[j] === q) {
        if (line[j + 1] === q) {
          j += 2; // doubled quote: an escaped quote inside the string
          continue;
        }
        return j + 1;
      }
      j++;
    }
    return line.length;
  }
  let j = i;
  while (j < line.length && !/[\s;,)>]/.test(line[j]!) && !(line[j] === '/' && line[j + 1] === '>')) j++;
  return j;
}

/** A masked line and the mapping of its columns (1-based) from the original line's. */
export interface MaskedLine {
  text: string;
  /** The column in `text` of what was at column `col` of the original (inside a mask: its start). */
  column(col: number): number;
}

/** Masks the values of password-like names in one line (see the module comment). */
export function maskSecretsInLine(line: string): MaskedLine {
  const cuts: Array<{ start: number; end: number; by: string }> = [];
  ASSIGNMENT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ASSIGNMENT.exec(line))) {
    if (!isSecretName(m[2]!)) continue;
    const start = m.index + m[0].length;
    if (start >= line.length) break;
    const end = valueEnd(line, start);
    if (end <= start) continue;
    const q = line[start] === '"' || line[start] === "'" ? line[start]! : '';
    const closed = q && end - start >= 2 && line[end - 1] === q;
    cuts.push({ start, end, by: `${q}****${closed ? q : ''}` });
    ASSIGNMENT.lastIndex = end;
  }
  if (!cuts.length) return { text: line, column: (c) => c };
  let text = '';
  let at = 0;
  for (const c of cuts) {
    text += line.slice(at, c.start) + c.by;
    at = c.end;
  }
  text += line.slice(at);
  return {
    text,
    column(col) {
      const i = col - 1;
      let shift = 0;
      for (const c of cuts) {
        if (i < c.start) break;
        if (i < c.end) return c.start + shift + 1;
        shift += c.by.length - (c.end - c.start);
      }
      return col + shift;
    },
  };
}

/** Masks every line of a text (error messages and details that quote source). */
export function maskSecrets(text: string): string {
  return text
    .split('\n')
    .map((l) => maskSecretsInLine(l).text)
    .join('\n');
}
