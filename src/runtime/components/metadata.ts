import { Struct } from '../struct.js';
import type { UDF } from '../udf.js';
import type { ComponentClass } from './class.js';

/**
 * getMetadata(obj) / getComponentMetadata(path), in Lucee's shape: name and fullname (the
 * dotted name), path, type (component or interface), extends (the parent's metadata),
 * implements (a struct of interface metadata by name), functions (array of function metadata),
 * properties (array of property attribute structs), accessors, and every declaration attribute
 * and doc-comment annotation (hint, displayname, custom ones).
 */
export function classMetadata(cls: ComponentClass): Struct {
  const s = new Struct();
  for (const [k, v] of Object.entries(cls.attrs)) if (k !== 'extends' && k !== 'implements') s.set(k, v);
  s.set('name', cls.fullName);
  s.set('fullname', cls.fullName);
  s.set('path', cls.path);
  s.set('type', cls.kind);
  s.set('accessors', cls.accessors);
  s.set('hint', cls.attrs.hint ?? '');
  s.set('functions', [...cls.own].filter(([k]) => !cls.generated.has(k)).map(([, f]) => functionMetadata(f)));
  s.set(
    'properties',
    cls.ownProperties.map((p) => {
      const ps = new Struct();
      ps.set('name', p.name);
      ps.set('type', p.attrs.type ?? 'any');
      for (const [k, v] of Object.entries(p.attrs)) if (k !== 'name' && k !== 'type') ps.set(k, v);
      return ps;
    }),
  );
  if (cls.parent) s.set('extends', classMetadata(cls.parent));
  if (cls.interfaces.length) {
    const impl = new Struct();
    for (const i of cls.interfaces) impl.set(i.fullName, classMetadata(i));
    s.set('implements', impl);
  }
  return s;
}

/** A method's metadata: name, access, returntype, output, static, modifier, parameters, hint and annotations. */
export function functionMetadata(f: UDF): Struct {
  const s = new Struct();
  const attrs = f.decl.attrs ?? {};
  for (const [k, v] of Object.entries(attrs)) s.set(k, v);
  s.set('name', f.name);
  s.set('access', f.access);
  s.set('returntype', f.returnType ?? 'any');
  s.set('output', attrs.output === undefined ? true : /^(true|yes|1)$/i.test(attrs.output));
  s.set('static', f.isStatic);
  // "final" or "abstract" as declared ("" for none)
  const modifier = (attrs.modifier ?? '').toLowerCase();
  s.set('modifier', modifier === 'final' || modifier === 'abstract' ? modifier : '');
  s.set('closure', f.isClosure);
  s.set(
    'parameters',
    f.decl.params.map((p) => {
      const ps = new Struct();
      ps.set('name', p.name);
      ps.set('required', p.required);
      ps.set('type', p.type ?? 'any');
      if (p.default?.kind === 'lit') ps.set('default', p.default.value === null ? '' : String(p.default.value));
      return ps;
    }),
  );
  return s;
}
