/**
 * Lucee's isWddx and parameterExists:
 * - `isWddx(value)`: whether the value is the text of a WDDX packet (a `wddxPacket` root element
 *   holding a `data` element), as `<cfwddx action="wddx2cfml">` reads.
 * - `parameterExists(name)`: the old name of isDefined (Lucee keeps it): whether the variable
 *   (dotted or scoped name) exists.
 */
import type { FunctionDef } from './types.js';
import { simple } from '../cast.js';
import { tryParseXml } from '../xml/node.js';

interface DomEl {
  nodeType: number;
  nodeName: string;
  childNodes: ArrayLike<DomEl>;
}

export function isWddxPacket(v: unknown): boolean {
  const s = simple(v);
  if (typeof s !== 'string' || !/^\s*<(\?xml|wddxPacket)/.test(s)) return false;
  const doc = tryParseXml(s)?.node as unknown as { documentElement?: DomEl } | undefined;
  const root = doc?.documentElement;
  return !!root && root.nodeName === 'wddxPacket' && Array.from(root.childNodes).some((c) => c.nodeType === 1 && c.nodeName === 'data');
}

export const decisionExtraFunctions: FunctionDef[] = [
  { name: 'isWddx', params: [{ name: 'value', type: 'any', required: true }], impl: (_c, v: unknown) => isWddxPacket(v) },
  {
    name: 'parameterExists',
    params: [{ name: 'parameter', type: 'string', required: true }],
    impl: (ctx, name: string) => ctx.isDefined(name.trim()),
  },
];
