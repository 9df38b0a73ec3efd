/**
 * Lucee's trimWhitespace and listQualifiedToArray:
 * - `trimWhitespace(s)` (member `s.trimWhitespace()`): every run of white space (space, tab, CR,
 *   LF, form feed, backspace) becomes one character, a line feed when the run holds one, else the
 *   run's first character; the ends are not removed, only shortened.
 * - `listQualifiedToArray(list, delimiter=",", qualifier='"', qualifierRequired=false,
 *   includeEmptyFields=false)`: the items of a list whose items may be quoted by the qualifier
 *   (a doubled qualifier inside stands for one); white space around items is dropped and an
 *   unquoted item ends at white space. A quote left open reads the item unquoted, unless
 *   qualifierRequired (then it is an error, as is an unquoted item).
 */
import type { FunctionDef } from './types.js';
import { expressionError } from '../errors.js';

const WS = new Set([' ', '\t', '\r', '\n', '\f', '\b']);

export function trimWhitespace(s: string): string {
  let out = '';
  let pending = '';
  for (const c of s) {
    if (WS.has(c)) {
      if (c === '\n') pending = '\n';
      else if (pending === '') pending = c;
      continue;
    }
    out += pending + c;
    pending = '';
  }
  return out + pending;
}

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

/**
 * The items of a qualified list.
 * @throws Expression error for a syntax error (text after a closing quote, or a missing quote when required).
 */
export function parseQualifiedList(list: string, del: string, qual: string, required: boolean, keepEmpty: boolean): string[] {
  const out: string[] = [];
  let pos = 0;
  const len = list.length;
  const fail = (why: string): never => {
    throw expressionError(`invalid argument [list] for function [listQualifiedToArray]: invalid syntax at [${pos + 1}]: ${why}`);
  };
  const skipSpace = () => {
    while (pos < len && isSpace(list[pos])) pos++;
  };
  const delimiters = () => {
    skipSpace();
    while (pos < len && list[pos] === del) {
      pos++;
      if (keepEmpty) out.push('');
      skipSpace();
    }
    if (pos === len && keepEmpty) out.push('');
  };
  const unquoted = () => {
    const start = pos++;
    while (pos < len && list[pos] !== del && !isSpace(list[pos])) pos++;
    out.push(list.slice(start, pos));
  };
  const quoted = () => {
    const start = pos++;
    let text = '';
    for (;;) {
      if (pos >= len) {
        if (required) fail(`missing ending quote [${qual}]`);
        pos = start;
        return unquoted();
      }
      const c = list[pos]!;
      if (c === qual) {
        if (list[pos + 1] === qual) pos++;
        else {
          pos++;
          break;
        }
      }
      text += c;
      pos++;
    }
    out.push(text);
  };
  delimiters();
  while (pos < len) {
    if (list[pos] === qual) quoted();
    else if (required) fail('all values must be between quotes');
    else unquoted();
    skipSpace();
    if (pos >= len) break;
    if (list[pos] !== del) fail('unexpected text after an item');
    pos++;
    delimiters();
  }
  return out;
}

function oneChar(arg: string, v: string, fallback: string): string {
  if (v === '') return fallback;
  if (v.length !== 1) throw expressionError(`invalid argument [${arg}] for function [listQualifiedToArray]: it can only be a single character, not [${v}]`);
  return v;
}

export const textExtraFunctions: FunctionDef[] = [
  {
    name: 'trimWhitespace',
    params: [{ name: 'input', type: 'string', required: true }],
    members: [{ type: 'string', name: 'trimWhitespace' }],
    impl: (_c, s: string) => trimWhitespace(s),
  },
  {
    name: 'listQualifiedToArray',
    params: [
      { name: 'list', type: 'string', required: true },
      { name: 'delimiter', type: 'string', default: ',' },
      { name: 'qualifier', type: 'string', default: '"' },
      { name: 'qualifierRequired', type: 'boolean', default: false },
      { name: 'includeEmptyFields', type: 'boolean', default: false },
    ],
    members: [{ type: 'string', name: 'listQualifiedToArray' }],
    impl: (_c, list: string, del: string, qual: string, required: boolean, keepEmpty: boolean) =>
      parseQualifiedList(list, oneChar('delimiter', del, ','), oneChar('qualifier', qual, '"'), required, keepEmpty),
  },
];
