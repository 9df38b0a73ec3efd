import * as path from 'node:path';
import type * as A from '../../parser/ast.js';
import { Compiler } from '../compiler.js';
import type { EngineCore } from '../engine-core.js';
import { ParseError } from '../errors.js';
import type { UDF } from '../udf.js';
import { ComponentClass, isTrue, type Access, type PropertyDef } from './class.js';
import { docAnnotations } from './annotations.js';

const ACCESS = new Set(['private', 'package', 'public', 'remote']);

/** Names of a component's links to other components, resolved by the loader. */
export interface ClassLinks {
  extends?: string;
  implements: string[];
}

/**
 * Builds the class of a parsed `.cfc`: the one `component` / `interface` node (script
 * `component { }` and `<cfcomponent>` give the same node) is split into methods (script
 * functions and every tag with a hoistFunction hook), properties, static blocks and the
 * pseudo-constructor (everything else, in order). Implicit accessors are generated here as
 * ordinary methods. Throws a ParseError when the file holds no component, or more than that.
 */
export function buildComponentClass(engine: EngineCore, parsed: A.Template, fullName: string): { cls: ComponentClass; links: ClassLinks } {
  const node = componentNode(parsed);
  const c = new Compiler(engine, { file: parsed.file, source: parsed.source, body: [] });
  const attrs: Record<string, string> = { ...docAnnotations(parsed.source, node.loc.offset, !!node.fromScript) };
  for (const a of node.attrs) attrs[a.lower] = literal(a);
  const name = path.basename(parsed.file).replace(/\.cfc$/i, '');
  const cls = new ComponentClass(name, fullName, parsed.file, node.name === 'interface' ? 'interface' : 'component', attrs, c.template);
  cls.outputOff = attrs.output !== undefined && !isTrue(attrs.output);
  const pseudo: A.Stmt[] = [];
  const statics: A.Stmt[] = [];
  for (const s of node.body ?? []) {
    if (s.kind === 'funcdecl') addMethod(c, cls, s.func, parsed.source, true);
    else if (s.kind === 'staticblock') statics.push(...s.body);
    else if (s.kind === 'tag' && s.name === 'property') cls.ownProperties.push(property(c, s, parsed.source));
    else if (s.kind === 'tag' && engine.tags.get(s.name)?.hoistFunction) addMethod(c, cls, engine.tags.get(s.name)!.hoistFunction!(s), parsed.source, false);
    else if (s.kind === 'text' && !node.fromScript && s.text.trim() === '') continue; // layout between tags
    else pseudo.push(s);
  }
  // compiled like function bodies: createObject runs them synchronously (also in the test mode
  // where every tag answers through a promise)
  c.functionDepth++;
  if (pseudo.length) cls.pseudo = c.block(pseudo);
  if (statics.length) cls.staticInit = c.block(statics);
  c.functionDepth--;
  if (cls.kind === 'component' && (cls.accessors || cls.ownProperties.some((p) => p.attrs.persistent !== undefined && isTrue(p.attrs.persistent)))) {
    for (const p of cls.ownProperties) addAccessors(c, cls, p, node.loc);
  }
  const links: ClassLinks = { extends: attrs.extends?.trim() || undefined, implements: (attrs.implements ?? '').split(',').map((x) => x.trim()).filter(Boolean) };
  return { cls, links };
}

function componentNode(parsed: A.Template): A.TagNode {
  const nodes = unwrapScript(parsed.body.filter((s) => !(s.kind === 'text' && s.text.trim() === '')));
  const node = nodes.find((s): s is A.TagNode => s.kind === 'tag' && (s.name === 'component' || s.name === 'interface'));
  const loc = node?.loc ?? nodes[0]?.loc ?? { file: parsed.file, line: 1, col: 1 };
  if (!node) throw new ParseError(`the file [${parsed.file}] is not a component: it must hold one component { } or <cfcomponent> declaration`, loc);
  const other = nodes.find((s) => s !== node && !(s.kind === 'tag' && (s.name === 'import' || s.name === 'processingdirective')));
  if (other) throw new ParseError('a component file holds only the component declaration: code outside component { } is not allowed', other.loc);
  return node;
}

/**
 * A script component may sit inside one `<cfscript>` block (Lucee accepts
 * `<cfscript>component { }</cfscript>` in a .cfc, with comments around it): the block's
 * statements stand for the file's body.
 */
function unwrapScript(nodes: A.Stmt[]): A.Stmt[] {
  const only = nodes.length === 1 ? nodes[0] : undefined;
  if (only?.kind !== 'tag' || only.name !== 'script' || !only.body) return nodes;
  return only.body;
}

/** A literal attribute value as text (metadata); expressions keep their source-less kind name. */
function literal(a: A.AttrNode): string {
  return a.value.kind === 'lit' ? (a.value.value === null ? '' : String(a.value.value)) : '';
}

function addMethod(c: Compiler, cls: ComponentClass, f: A.FuncExpr, source: string, fromScript: boolean): void {
  const attrs: Record<string, string> = { ...docAnnotations(source, f.loc.offset, fromScript), ...(f.attrs ?? {}) };
  const decl: A.FuncExpr = { ...f, attrs };
  const udf = c.buildUDF(decl, false);
  const access = (f.access ?? attrs.access ?? 'public').toLowerCase();
  if (!ACCESS.has(access)) throw new ParseError(`invalid access [${access}] for function [${f.name}], valid values are [private, package, public, remote]`, f.loc);
  udf.access = access as Access;
  udf.owner = cls;
  udf.isStatic = !!f.isStatic || (attrs.modifier ?? '').toLowerCase() === 'static';
  const lower = udf.name.toLowerCase();
  // a second declaration of the same name replaces the first (Lucee keeps the last one)
  if (cls.own.has(lower)) cls.own.delete(lower);
  cls.own.set(lower, udf);
}

/** `property name="x" type="string" default="1";`, `property string x;`, `<cfproperty name="x">`. */
function property(c: Compiler, node: A.TagNode, source: string): PropertyDef {
  const attrs: Record<string, string> = { ...docAnnotations(source, node.loc.offset, !!node.fromScript) };
  const bare: string[] = [];
  let def: A.Expr | undefined;
  for (const a of node.attrs) {
    // `property string x;`: words without a value are the type and the name
    if (node.fromScript && a.value.kind === 'lit' && a.value.value === true && !/^(name|type|default)$/.test(a.lower)) {
      bare.push(a.name);
      continue;
    }
    if (a.lower === 'default') def = a.value;
    attrs[a.lower] = literal(a);
  }
  if (bare.length) {
    attrs.name ??= bare[bare.length - 1]!;
    if (bare.length > 1) attrs.type ??= bare[bare.length - 2]!;
  }
  const name = attrs.name;
  if (!name) throw new ParseError('a property needs a name: property name="x"; or property type x;', node.loc);
  return {
    name,
    lower: name.toLowerCase(),
    type: (attrs.type || 'any').toLowerCase(),
    default: def ? c.expr(def) : undefined,
    getter: attrs.getter === undefined || isTrue(attrs.getter),
    setter: attrs.setter === undefined || isTrue(attrs.setter),
    attrs,
  };
}

/**
 * `getX()` returns `variables.x` (null when unset), `setX(x)` sets it and returns the component
 * (so setters chain). A method of the same name declared in the component wins.
 */
function addAccessors(c: Compiler, cls: ComponentClass, p: PropertyDef, at: A.SourceLoc): void {
  const loc = at;
  const variablesX: A.Member = { kind: 'member', object: { kind: 'scope', scope: 'variables', name: 'variables', loc }, name: p.name, lower: p.lower, loc };
  const make = (name: string, params: A.Param[], body: A.Stmt[], returnType?: string): void => {
    if (cls.own.has(name.toLowerCase())) return;
    const f: A.FuncExpr = { kind: 'func', name, params, body, arrow: false, access: 'public', returnType, attrs: { output: 'false' }, loc };
    const udf: UDF = c.buildUDF(f, false);
    udf.owner = cls;
    cls.own.set(name.toLowerCase(), udf);
    cls.generated.add(name.toLowerCase());
  };
  const cap = p.name[0]!.toUpperCase() + p.name.slice(1);
  if (p.getter) {
    make(`get${cap}`, [], [{ kind: 'return', value: { kind: 'elvis', left: variablesX, right: { kind: 'lit', value: null, loc }, loc }, loc }]);
  }
  if (p.setter) {
    const arg: A.Member = { kind: 'member', object: { kind: 'scope', scope: 'arguments', name: 'arguments', loc }, name: p.name, lower: p.lower, loc };
    make(`set${cap}`, [{ name: p.name, lower: p.lower, type: p.type === 'any' ? undefined : p.type, required: true }], [
      { kind: 'expr', expr: { kind: 'assign', op: '=', target: variablesX, value: arg, loc }, loc },
      { kind: 'return', value: { kind: 'scope', scope: 'this', name: 'this', loc }, loc },
    ]);
  }
}
