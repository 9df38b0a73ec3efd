import { expressionError } from '../runtime/errors.js';
import type * as A from './ast.js';
import { SCOPE_NAMES } from './ast.js';
import type { LocBase } from './expr-parser.js';

/**
 * A variable name given as a string (`name="session.mail.msgs"`, `setVariable("a.b[2]", v)`,
 * `<cfset "#n#" = v>`): identifiers joined by dots, with subscripts that are literal numbers or
 * quoted keys (`x[1]`, `st["a b"]`). Built directly, never through the expression parser: the
 * name can come from a request, and `setVariable(url.k, 1)` must not run `x[fileDelete(...)]`.
 * @throws Expression error naming the text when it is not such a name.
 */
export function parseVariableName(text: string, base: LocBase): A.Expr {
  const loc = { file: base.file, line: base.line, col: base.col };
  const invalid = () =>
    expressionError(`[${text}] is not a valid variable name`, {
      loc,
      detail: 'a variable name is identifiers joined by dots, with [number] or ["key"] subscripts',
    });
  const ident = /[A-Za-z_$\u00c0-\uffff][\w$\u00c0-\uffff]*/y;
  const ws = /\s*/y;
  let i = 0;
  const skip = () => {
    ws.lastIndex = i;
    ws.exec(text);
    i = ws.lastIndex;
  };
  const name = (): string => {
    skip();
    ident.lastIndex = i;
    const m = ident.exec(text);
    if (!m) throw invalid();
    i = ident.lastIndex;
    return m[0];
  };
  const first = name();
  const lower = first.toLowerCase();
  let e: A.Expr = SCOPE_NAMES.has(lower) ? { kind: 'scope', scope: lower as A.ScopeName, name: first, loc } : { kind: 'var', lower, name: first, loc };
  for (skip(); i < text.length; skip()) {
    const c = text[i];
    if (c === '.') {
      i++;
      const p = name();
      e = { kind: 'member', object: e, name: p, lower: p.toLowerCase(), loc };
    } else if (c === '[') {
      i++;
      skip();
      const q = text[i];
      let key: string | number;
      if (q === '"' || q === "'") {
        let k = '';
        for (i++; ; i++) {
          if (i >= text.length) throw invalid();
          if (text[i] === q) {
            if (text[i + 1] !== q) break;
            i++;
          }
          k += text[i];
        }
        i++;
        key = k;
      } else {
        const m = /-?\d+(?:\.\d+)?/y;
        m.lastIndex = i;
        const n = m.exec(text);
        if (!n) throw invalid();
        i = m.lastIndex;
        key = Number(n[0]);
      }
      skip();
      if (text[i] !== ']') throw invalid();
      i++;
      e = { kind: 'index', object: e, index: { kind: 'lit', value: key, loc }, loc };
    } else throw invalid();
  }
  return e;
}
