/**
 * structKeyTranslate(struct, deepTranslation=false, leaveOriginalKey=false), as Lucee's: every key
 * with dots (`"a.b.c"`) becomes nested structs (`a: {b: {c: value}}`), merged into structs
 * already there; with deepTranslation the structs inside (also inside arrays) are translated
 * too; with leaveOriginalKey the dotted key stays as well. Returns how many keys were translated.
 */
import type { FunctionDef } from './types.js';
import { simple } from '../cast.js';
import { Struct } from '../struct.js';

function translateValue(v: unknown, leave: boolean, seen: Set<object>): number {
  const x = simple(v);
  if (x instanceof Struct) return translateStruct(x, true, leave, seen);
  if (Array.isArray(x) && !seen.has(x)) {
    seen.add(x);
    return x.reduce((n: number, item) => n + translateValue(item, leave, seen), 0);
  }
  return 0;
}

export function translateStruct(s: Struct, deep: boolean, leave: boolean, seen: Set<object> = new Set()): number {
  if (seen.has(s)) return 0;
  seen.add(s);
  let count = 0;
  for (const key of s.keys()) {
    const value = s.get(key);
    if (deep) count += translateValue(value, leave, seen);
    if (!key.includes('.')) continue;
    count++;
    if (!leave) s.delete(key);
    const parts = key.split('.');
    const last = parts.pop()!;
    let target = s;
    for (const p of parts) {
      const inner = simple(target.get(p));
      if (inner instanceof Struct) target = inner;
      else {
        const created = new Struct();
        target.set(p, created);
        target = created;
      }
    }
    target.set(last, value);
  }
  return count;
}

export const structKeyTranslateFunctions: FunctionDef[] = [
  {
    name: 'structKeyTranslate',
    params: [
      { name: 'struct', type: 'struct', required: true },
      { name: 'deepTranslation', type: 'boolean', default: false },
      { name: 'leaveOriginalKey', type: 'boolean', default: false },
    ],
    members: [{ type: 'struct', name: 'keyTranslate' }],
    impl: (_c, s: Struct, deep: boolean, leave: boolean) => translateStruct(s, deep, leave),
  },
];
