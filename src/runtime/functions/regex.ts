/**
 * Regular-expression functions (CFML flavour, see regex-translate.ts): reFind, reFindNoCase,
 * reMatch, reMatchNoCase, reReplace, reReplaceNoCase, reEscape.
 */
import { expressionError } from '../errors.js';
import { Struct } from '../struct.js';
import type { FunctionDef, ParamSpec } from './types.js';
import { compileRegex, escapeRegex, expandReplacement } from './regex-translate.js';

const s = (name: string): ParamSpec => ({ name, type: 'string', required: true });
const scope: ParamSpec = { name: 'scope', type: 'string', default: 'one' };
const multiline: ParamSpec = { name: 'multiline', type: 'boolean', default: false };

function isAll(fn: string, sc: string): boolean {
  const v = sc.trim().toLowerCase();
  if (v === 'all') return true;
  if (v === 'one') return false;
  throw expressionError(`Invalid value [${sc}] for argument [scope] of function [${fn}], valid values are [one, all]`);
}

function matchStruct(m: RegExpExecArray | null): Struct {
  const len: number[] = [];
  const match: string[] = [];
  const pos: number[] = [];
  if (!m) {
    len.push(0);
    match.push('');
    pos.push(0);
  } else {
    for (let g = 0; g < m.length; g++) {
      const text = m[g];
      if (text === undefined) {
        len.push(0);
        match.push('');
        pos.push(0);
        continue;
      }
      const start = g === 0 ? m.index : (m.indices?.[g]?.[0] ?? m.index);
      len.push(text.length);
      match.push(text);
      pos.push(start + 1);
    }
  }
  const st = new Struct();
  st.set('len', len);
  st.set('match', match);
  st.set('pos', pos);
  return st;
}

function reFind(fn: string, noCase: boolean) {
  return (_c: unknown, pattern: string, str: string, start: number, sub: boolean, sc: string, ml: boolean): unknown => {
    const all = isAll(fn, sc);
    const re = compileRegex(fn, pattern, { noCase, multiline: ml });
    // Sub-expression positions need the 'd' (indices) flag, read at each match found (see compileRegex)
    const withIndices = sub ? compileRegex(fn, pattern, { noCase, multiline: ml, indices: true }) : undefined;
    const from = Math.max(1, Math.trunc(start)) - 1;
    const results: RegExpExecArray[] = [];
    if (from <= str.length) {
      re.lastIndex = from;
      for (let m = re.exec(str); m; m = re.exec(str)) {
        if (withIndices) {
          withIndices.lastIndex = m.index;
          m = withIndices.exec(str) ?? m;
        }
        results.push(m);
        if (!all) break;
        if (m[0] === '') re.lastIndex++;
      }
    }
    if (!sub) {
      if (!all) return results.length ? results[0]!.index + 1 : 0;
      return results.length ? results.map((m) => m.index + 1) : 0;
    }
    if (!all) return matchStruct(results[0] ?? null);
    return results.length ? results.map((m) => matchStruct(m)) : [matchStruct(null)];
  };
}

function reMatch(fn: string, noCase: boolean) {
  return (_c: unknown, pattern: string, str: string, ml: boolean): string[] => {
    const re = compileRegex(fn, pattern, { noCase, multiline: ml });
    const out: string[] = [];
    for (let m = re.exec(str); m; m = re.exec(str)) {
      out.push(m[0]);
      if (m[0] === '') re.lastIndex++;
    }
    return out;
  };
}

function reReplace(fn: string, noCase: boolean) {
  return (_c: unknown, str: string, pattern: string, rep: string, sc: string, ml: boolean): string => {
    const all = isAll(fn, sc);
    const re = compileRegex(fn, pattern, { noCase, multiline: ml });
    let out = '';
    let last = 0;
    for (let m = re.exec(str); m; m = re.exec(str)) {
      out += str.slice(last, m.index) + expandReplacement(rep, m);
      last = m.index + m[0].length;
      if (!all) break;
      if (m[0] === '') {
        // An empty match: copy one character and move on so the loop advances.
        if (re.lastIndex < str.length) out += str[re.lastIndex];
        re.lastIndex++;
        last = re.lastIndex;
      }
    }
    return out + str.slice(Math.min(last, str.length));
  };
}

export const regexFunctions: FunctionDef[] = [
  {
    name: 'reFind',
    params: [s('reg_expression'), s('string'), { name: 'start', type: 'numeric', default: 1 }, { name: 'returnsubexpressions', type: 'boolean', default: false }, scope, multiline],
    members: [{ type: 'string', name: 'reFind', receiverArg: 1 }],
    impl: reFind('reFind', false),
  },
  {
    name: 'reFindNoCase',
    params: [s('reg_expression'), s('string'), { name: 'start', type: 'numeric', default: 1 }, { name: 'returnsubexpressions', type: 'boolean', default: false }, scope, multiline],
    members: [{ type: 'string', name: 'reFindNoCase', receiverArg: 1 }],
    impl: reFind('reFindNoCase', true),
  },
  {
    name: 'reMatch',
    params: [s('reg_expression'), s('string'), multiline],
    members: [{ type: 'string', name: 'reMatch', receiverArg: 1 }],
    impl: reMatch('reMatch', false),
  },
  {
    name: 'reMatchNoCase',
    params: [s('reg_expression'), s('string'), multiline],
    members: [{ type: 'string', name: 'reMatchNoCase', receiverArg: 1 }],
    impl: reMatch('reMatchNoCase', true),
  },
  {
    name: 'reReplace',
    params: [s('string'), s('regex'), s('substring'), scope, multiline],
    members: [{ type: 'string', name: 'reReplace' }],
    impl: reReplace('reReplace', false),
  },
  {
    name: 'reReplaceNoCase',
    params: [s('string'), s('reg_expression'), s('substring'), scope, multiline],
    members: [{ type: 'string', name: 'reReplaceNoCase' }],
    impl: reReplace('reReplaceNoCase', true),
  },
  {
    name: 'reEscape',
    params: [s('string')],
    members: [{ type: 'string', name: 'reEscape' }],
    impl: (_c, str: string) => escapeRegex(str),
  },
];
