/**
 * Phonetic codes: soundEx (American Soundex, 4 characters) and metaphone (Lawrence Philips'
 * original Metaphone, codes of at most 4 characters as Lucee returns them).
 */
import type { FunctionDef } from './types.js';

const SOUNDEX_CODES: Record<string, string> = {};
for (const [code, letters] of [['1', 'BFPV'], ['2', 'CGJKQSXZ'], ['3', 'DT'], ['4', 'L'], ['5', 'MN'], ['6', 'R']] as const) {
  for (const l of letters) SOUNDEX_CODES[l] = code;
}

export function soundex(input: string): string {
  const s = input.toUpperCase().replace(/[^A-Z]/g, '');
  if (!s) return '';
  let out = s[0]!;
  let last = SOUNDEX_CODES[s[0]!] ?? '';
  for (let i = 1; i < s.length && out.length < 4; i++) {
    const c = s[i]!;
    const code = SOUNDEX_CODES[c] ?? '';
    if (c === 'H' || c === 'W') continue; // H and W do not separate equal codes
    if (code && code !== last) out += code;
    last = code;
  }
  return out.padEnd(4, '0');
}

const VOWELS = 'AEIOU';
const FRONT = 'EIY';

export function metaphone(input: string, maxLen = 4): string {
  const w = input.toUpperCase().replace(/[^A-Z]/g, '');
  if (!w) return '';
  if (w.length === 1) return w;
  let s = w;
  // Initial letter exceptions.
  if (/^(KN|GN|PN|AE|WR)/.test(s)) s = s.slice(1);
  else if (s[0] === 'X') s = 'S' + s.slice(1);
  else if (s.startsWith('WH')) s = 'W' + s.slice(2);
  const at = (i: number) => s[i] ?? '';
  const isVowel = (c: string) => c !== '' && VOWELS.includes(c);
  let out = '';
  for (let i = 0; i < s.length && out.length < maxLen; i++) {
    const c = s[i]!;
    if (c !== 'C' && i > 0 && at(i - 1) === c) continue;
    const next = at(i + 1);
    switch (c) {
      case 'A': case 'E': case 'I': case 'O': case 'U':
        if (i === 0) out += c;
        break;
      case 'B':
        if (!(at(i - 1) === 'M' && i === s.length - 1)) out += 'B';
        break;
      case 'C':
        if (at(i - 1) === 'S' && FRONT.includes(next) && next !== '') break;
        if (next === 'I' && at(i + 2) === 'A') out += 'X';
        else if (FRONT.includes(next) && next !== '') out += 'S';
        else if (next === 'H') {
          out += at(i - 1) === 'S' ? 'K' : 'X';
          i++;
        } else out += 'K';
        break;
      case 'D':
        if (next === 'G' && FRONT.includes(at(i + 2)) && at(i + 2) !== '') {
          out += 'J';
          i += 2;
        } else out += 'T';
        break;
      case 'G':
        if (next === 'H' && !(i + 2 >= s.length || isVowel(at(i + 2)))) break;
        if (next === 'N' && (i + 2 === s.length || (at(i + 2) === 'E' && at(i + 3) === 'D' && i + 4 === s.length))) break;
        if (FRONT.includes(next) && next !== '' && at(i - 1) !== 'G') out += 'J';
        else out += 'K';
        break;
      case 'H':
        if (i === s.length - 1) break;
        if ('CSPTG'.includes(at(i - 1)) && at(i - 1) !== '') break;
        if (isVowel(next)) out += 'H';
        break;
      case 'K':
        if (at(i - 1) !== 'C') out += 'K';
        break;
      case 'P':
        out += next === 'H' ? 'F' : 'P';
        break;
      case 'Q':
        out += 'K';
        break;
      case 'S':
        if (next === 'H') {
          out += 'X';
          i++;
        } else if (next === 'I' && (at(i + 2) === 'O' || at(i + 2) === 'A')) out += 'X';
        else out += 'S';
        break;
      case 'T':
        if (next === 'I' && (at(i + 2) === 'O' || at(i + 2) === 'A')) out += 'X';
        else if (next === 'H') {
          out += '0';
          i++;
        } else if (!(next === 'C' && at(i + 2) === 'H')) out += 'T';
        break;
      case 'V':
        out += 'F';
        break;
      case 'W':
      case 'Y':
        if (isVowel(next)) out += c;
        break;
      case 'X':
        out += 'KS';
        break;
      case 'Z':
        out += 'S';
        break;
      default:
        out += c; // F J L M N R
    }
  }
  return out.slice(0, maxLen);
}

export const phoneticFunctions: FunctionDef[] = [
  { name: 'soundEx', params: [{ name: 'string', type: 'string', required: true }], members: [{ type: 'string', name: 'soundEx' }], impl: (_c, s: string) => soundex(s) },
  { name: 'metaphone', params: [{ name: 'string', type: 'string', required: true }], members: [{ type: 'string', name: 'metaphone' }], impl: (_c, s: string) => metaphone(s) },
];
