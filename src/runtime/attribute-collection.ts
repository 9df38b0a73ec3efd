import type * as A from '../parser/ast.js';
import type { TagDef } from '../tags/types.js';
import type { Exec } from './exec.js';
import { ATTRIBUTE_COLLECTION, validateTag } from '../parser/tag-check.js';
import type { Compiler } from './compiler.js';
import { Struct } from './struct.js';
import { applicationError, toCfmlError } from './errors.js';
import { typeName } from './cast.js';

/** How many merged attribute sets one tag keeps compiled before it starts over. */
const CACHE_LIMIT = 64;

/**
 * `attributeCollection="#struct#"` on any tag (built-in or custom, tag or script syntax), as in
 * Lucee and Adobe CF: at run time the struct's entries join the tag's literal attributes (a
 * literal attribute wins over an entry of the same name, aliases included), the merged tag is
 * validated with the same rules and messages as literal attributes (unknown attribute, invalid
 * value, missing required attribute, the tag's own check), then compiled and run. A simple value
 * becomes a literal attribute, so the merged tag behaves exactly as if it had been written out;
 * a struct/array/query becomes a constant. Merged tags whose entries are all simple are cached by
 * their entries (up to CACHE_LIMIT per tag). Errors are thrown when the tag runs, so cftry
 * catches them; they point at the `attributeCollection` attribute.
 *
 * @param compileTag compiles the merged node as the Compiler compiles a written tag
 */
export function compileAttributeCollection(c: Compiler, node: A.TagNode, def: TagDef, compileTag: (merged: A.TagNode) => Exec): Exec {
  const coll = node.attrs.find((a) => a.lower === ATTRIBUTE_COLLECTION)!;
  const collection = c.expr(coll.value);
  const literal = node.attrs.filter((a) => a !== coll);
  const canonical = (lower: string) => def.attrs?.find((s) => s.name === lower || s.aliases?.includes(lower))?.name ?? lower;
  const written = new Set(literal.map((a) => canonical(a.lower)));
  const cache = new Map<string, Exec>();
  const loc = coll.loc;
  return (ctx) => {
    let exec: Exec;
    try {
      const value = collection(ctx);
      if (!(value instanceof Struct)) {
        throw applicationError(`Attribute [attributeCollection] of tag [cf${node.name}] must be a struct, not a ${typeName(value)}`, { loc });
      }
      const attrs = [...literal];
      let key: string | undefined = '';
      for (const [name, v] of value.entries()) {
        const lower = name.toLowerCase();
        if (v === undefined || v === null || written.has(canonical(lower))) continue;
        let expr: A.Expr;
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
          expr = { kind: 'lit', value: v, loc };
          if (key !== undefined) key += JSON.stringify([name, v]);
        } else {
          expr = { kind: 'const', value: v, loc };
          key = undefined;
        }
        attrs.push({ name, lower, value: expr, loc });
      }
      const hit = key === undefined ? undefined : cache.get(key);
      if (hit) exec = hit;
      else {
        const merged: A.TagNode = { ...node, attrs };
        validateTag(merged, def);
        exec = compileTag(merged);
        if (key !== undefined) {
          if (cache.size >= CACHE_LIMIT) cache.clear();
          cache.set(key, exec);
        }
      }
    } catch (e) {
      throw toCfmlError(e, loc);
    }
    return exec(ctx);
  };
}
