/**
 * The reviewed skip list (skip.json): examples whose expected result cannot be checked here
 * (prose, time or randomness, Java/components/features out of scope). Each entry names the example
 * by name and 1-based occurrence among examples of that name, with the first 8 hex digits of the
 * SHA-1 of its code as a guard, and gives a reason. Expectations themselves are never edited.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';

export interface SkipEntry {
  name: string;
  nth: number;
  hash: string;
  reason: string;
}

export const MAX_SKIPS = 60;

export function codeHash(code: string): string {
  return createHash('sha1').update(code).digest('hex').slice(0, 8);
}

export function loadSkips(file: string): SkipEntry[] {
  if (!fs.existsSync(file)) return [];
  const list = JSON.parse(fs.readFileSync(file, 'utf8')) as SkipEntry[];
  for (const s of list) {
    if (!s.name || !s.nth || !s.hash || !s.reason?.trim()) throw new Error(`skip entry without name/nth/hash/reason: ${JSON.stringify(s)}`);
  }
  if (list.length > MAX_SKIPS) throw new Error(`skip.json has ${list.length} entries; at most ${MAX_SKIPS} are allowed`);
  return list;
}

export function matchSkip(list: SkipEntry[], name: string, nth: number, code: string): { entry: SkipEntry; index: number } | undefined {
  const h = codeHash(code);
  const index = list.findIndex((s) => s.name.toLowerCase() === name.toLowerCase() && s.nth === nth && s.hash === h);
  return index < 0 ? undefined : { entry: list[index]!, index };
}
