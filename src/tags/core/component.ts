import { defineTag, type TagDef } from '../types.js';
import { CfmlError } from '../../runtime/errors.js';

/**
 * `<cfcomponent>` / `component { }` and `<cfinterface>` / `interface { }`: declarations that the
 * component loader reads (runtime/components/build.ts) when it loads a `.cfc`; the tags never
 * run. Written in a page, they are an error.
 */
function declaration(name: string): TagDef {
  return defineTag({
    name,
    body: 'required',
    anyAttrs: true,
    staticAttrs: true,
    attrs: [
      { name: 'extends' }, { name: 'implements' }, { name: 'accessors' }, { name: 'output' }, { name: 'hint' },
      { name: 'displayname' }, { name: 'persistent' }, { name: 'initmethod' }, { name: 'modifier' },
    ],
    compile(node) {
      throw new CfmlError(`a ${name} can only be declared in a .cfc file`, { type: 'Template', loc: node.loc, detail: `move the ${name} to its own file, e.g. Person.cfc, and create it with new Person()` });
    },
  });
}

export const componentTag = declaration('component');
export const interfaceTag = declaration('interface');

/** `<cfproperty>` / `property name="x" type="string" default="1";` / `property string x;`. */
export const propertyTag = defineTag({
  name: 'property',
  anyAttrs: true,
  staticAttrs: true,
  attrs: [
    { name: 'name' }, { name: 'type' }, { name: 'default' }, { name: 'getter' }, { name: 'setter' }, { name: 'hint' },
    { name: 'displayname' }, { name: 'required' }, { name: 'persistent' },
  ],
  compile(node) {
    throw new CfmlError('a property can only be declared directly inside a component', { type: 'Template', loc: node.loc });
  },
});
