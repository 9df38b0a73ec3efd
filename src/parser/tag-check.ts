/**
 * The checks of a tag's attributes that both the parser and the runtime make (a tag written in
 * script, attributeCollection merged at run time). Kept apart from the parser so that running a
 * page whose parse is cached does not load the parser.
 */
import type * as A from './ast.js';
import { ParseError, type SourceLoc } from '../runtime/errors.js';
import type { TagDef } from '../tags/types.js';

/** Checks a tag's attributes against its TagDef (also for tags written as script statements). */
export function validateTag(node: A.TagNode, def: TagDef): void {
  // with attributeCollection, the required attributes and the tag's own check wait for the
  // merged attributes at run time (runtime/attribute-collection.ts)
  const collection = def.expression ? undefined : node.attrs.find((a) => a.lower === ATTRIBUTE_COLLECTION);
  if (collection && def.staticAttrs) {
    throw new ParseError(`Attribute [${collection.name}] is not allowed for tag [cf${node.name}]: its attributes must be literal`, collection.loc, {
      detail: `the attributes of cf${node.name} are read when the template is compiled`,
    });
  }
  if (def.attrs && !def.expression) {
    for (const a of node.attrs) {
      if (a === collection) continue;
      const spec = def.attrs.find((s) => s.name === a.lower || s.aliases?.includes(a.lower));
      if (!spec) {
        if (def.anyAttrs) continue;
        throw new ParseError(`Attribute [${a.name}] is not allowed for tag [cf${node.name}]`, a.loc, {
          detail: `the tag accepts the attributes [${def.attrs.map((s) => s.name).join(', ')}]`,
        });
      }
      a.lower = spec.name;
      if (spec.values && a.value.kind === 'lit') {
        const v = String(a.value.value).toLowerCase();
        const hit = spec.values.find((x) => x.toLowerCase() === v);
        if (!hit) throw new ParseError(`Invalid value [${a.value.value}] for attribute [${a.name}] of tag [cf${node.name}], valid values are [${spec.values.join(', ')}]`, a.loc);
        a.value = { ...a.value, value: hit };
      }
    }
    for (const spec of def.attrs) {
      if (collection) break;
      if (spec.required && !node.attrs.some((a) => a.lower === spec.name)) {
        throw new ParseError(`Attribute [${spec.name}] is required for tag [cf${node.name}]`, node.loc);
      }
    }
  }
  if (!collection) def.check?.(node, { error: (message, loc) => new ParseError(message, loc ?? node.loc) });
}

/** The lower-case name of the attribute that passes a struct of attributes to any tag. */
export const ATTRIBUTE_COLLECTION = 'attributecollection';

/** The named arguments of `cfX(name=value, ...)` as the attributes of tag X. */
export function tagCallAttrs(args: A.Arg[], name: string, loc: SourceLoc): A.AttrNode[] {
  return args.map((a) => {
    if (a.name === undefined) {
      throw new ParseError(`the tag [${name}] called from script takes named attributes only (${name}(name=value, ...))`, a.value.loc ?? loc);
    }
    return { name: a.name, lower: a.lower ?? a.name.toLowerCase(), value: a.value, loc: a.value.loc ?? loc };
  });
}
