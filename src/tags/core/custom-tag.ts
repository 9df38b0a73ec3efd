/**
 * Custom tags: `<cf_name>`, `<cfmodule>`, `<cfimport prefix taglib>` with `<prefix:name>`, and
 * `<cfassociate>`. The run itself (modes, caller, thisTag, cfexit) is runtime/custom-tags.ts.
 */
import * as path from 'node:path';
import { defineTag, Signal, type Exec } from '../types.js';
import type { TagNode } from '../../parser/ast.js';
import type { Compiler } from '../../runtime/compiler.js';
import type { Ctx } from '../../runtime/context.js';
import { CUSTOM_TAG } from '../registry.js';
import { Struct } from '../../runtime/struct.js';
import { CfmlError, ErrorCode, toCfmlError } from '../../runtime/errors.js';
import { toStr } from '../../runtime/cast.js';
import { customTagDirs, findBaseTag, findCustomTag, runCustomTag } from '../../runtime/custom-tags.js';
import { runCfcCustomTag } from '../../runtime/cfc-custom-tags.js';

/**
 * The Exec of a custom tag call: evaluates the attributes (keys as written, without `skip`:
 * cfmodule's template/name), finds the template with `locate` and runs it (runCustomTag).
 * @param names the tag's name for getBaseTagList and its key for getBaseTagData, from the file found
 */
function compileCall(node: TagNode, c: Compiler, skip: readonly string[], locate: (ctx: Ctx) => string, names: (file: string) => { name: string; key: string }): Exec {
  const attrs = node.attrs.filter((a) => !skip.includes(a.lower)).map((a) => ({ name: a.name, value: c.expr(a.value) }));
  const body = node.body ? c.block(node.body) : undefined;
  const hasEndTag = node.body !== undefined || !!node.selfClosed;
  const { loc } = node;
  return (ctx) => {
    let file: string;
    try {
      file = locate(ctx);
    } catch (e) {
      throw toCfmlError(e, loc);
    }
    const attributes = new Struct();
    for (const a of attrs) attributes.set(a.name, a.value(ctx));
    if (file.toLowerCase().endsWith('.cfc')) return runCfcCustomTag(ctx, { ...names(file), file, attributes, body, hasEndTag, loc });
    return runCustomTag(ctx, { ...names(file), template: c.engine.loadTemplate(file, ctx.inspected), attributes, body, hasEndTag, loc });
  };
}

/**
 * `<cf_name>` (registry name `_name`) runs name.cfc (a CFC-based tag) or name.cfm from the calling template's directory, the
 * application's this.customTagPaths or EngineOptions.customTagPaths; `<ui:name>` after
 * `<cfimport prefix="ui" taglib="dir">` runs dir/name.cfm, dir relative to the importing template.
 */
export const customTag = defineTag({
  name: CUSTOM_TAG,
  body: 'optional',
  anyAttrs: true,
  compile(node, c) {
    const colon = node.name.indexOf(':');
    const rel = colon >= 0 ? node.name.slice(colon + 1) : node.name.slice(1);
    const shown = colon >= 0 ? node.name : 'cf' + node.name;
    const taglibDir = node.taglib !== undefined ? path.resolve(c.template.dir, node.taglib) : undefined;
    const here = c.template.dir;
    const names = { name: shown.toUpperCase(), key: colon >= 0 ? node.name : rel.toLowerCase() };
    return compileCall(node, c, [], (ctx) => findCustomTag(ctx, taglibDir !== undefined ? [taglibDir] : customTagDirs(ctx, here), rel, shown, node.loc), () => names);
  },
});

/**
 * `<cfmodule template="rel/path.cfm">` (relative to the calling template, as cfinclude) or
 * `<cfmodule name="dotted.name">` (dotted.name -> dotted/name.cfm in the custom tag directories);
 * every other attribute goes to the tag's `attributes`.
 */
export const moduleTag = defineTag({
  name: 'module',
  body: 'optional',
  anyAttrs: true,
  attrs: [{ name: 'template' }, { name: 'name' }],
  check(node, api) {
    const given = ['template', 'name'].filter((n) => node.attrs.some((a) => a.lower === n));
    if (given.length !== 1) throw api.error('cfmodule needs exactly one of the attributes [template] or [name]');
  },
  compile(node, c) {
    const tpl = node.attrs.find((a) => a.lower === 'template');
    const target = c.expr((tpl ?? node.attrs.find((a) => a.lower === 'name'))!.value);
    const here = c.template.dir;
    const { loc } = node;
    const locate = (ctx: Ctx) => (tpl ? moduleTemplate(ctx, here, toStr(target(ctx)), loc) : moduleByName(ctx, here, toStr(target(ctx)), loc));
    return compileCall(node, c, ['template', 'name'], locate, (file) => ({ name: 'CFMODULE', key: path.basename(file, path.extname(file)).toLowerCase() }));
  },
});

function moduleTemplate(ctx: Ctx, dir: string, rel: string, loc: TagNode['loc']): string {
  const abs = path.resolve(dir, rel);
  if (!ctx.engine.inspector.isFile(abs, ctx.inspected)) {
    throw new CfmlError(`Page [${rel}] [${abs}] not found`, { type: 'MissingInclude', loc, code: ErrorCode.MissingInclude, detail: `cfmodule template= is resolved from the directory of the calling template (${dir})` });
  }
  return abs;
}

function moduleByName(ctx: Ctx, here: string, name: string, loc: TagNode['loc']): string {
  const parts = name.split('.');
  if (parts.some((p) => !/^[\w-]+$/.test(p))) {
    throw new CfmlError(`Invalid custom tag name [${name}] for cfmodule: use dot-separated names of letters, digits, _ and -`, { type: 'Application', loc });
  }
  return findCustomTag(ctx, customTagDirs(ctx, here), parts.join('/'), `cfmodule name="${name}"`, loc);
}

/**
 * `<cfimport prefix="ui" taglib="dir">`: the template parser reads it (the prefix must be
 * known before the page is parsed, so the attributes are literal); nothing happens at run time.
 */
export const importTag = defineTag({
  name: 'import',
  staticAttrs: true,
  attrs: [{ name: 'prefix' }, { name: 'taglib' }, { name: 'path' }],
  check(node, api) {
    const lit = (n: string) => {
      const a = node.attrs.find((x) => x.lower === n);
      if (a && a.value.kind !== 'lit') throw api.error(`the attribute [${n}] of cfimport must be a literal value`, a.loc);
      return a ? String((a.value as { value: unknown }).value) : undefined;
    };
    const prefix = lit('prefix');
    const taglib = lit('taglib');
    if (taglib !== undefined && !prefix) throw api.error('cfimport with taglib needs a non-empty prefix (<cfimport prefix="ui" taglib="tags">)');
    if (taglib === undefined && lit('path') === undefined) throw api.error('cfimport needs the attributes [prefix] and [taglib]');
    if (prefix && !/^[a-zA-Z_][\w-]*$/.test(prefix)) throw api.error(`Invalid cfimport prefix [${prefix}]: use letters, digits, _ and -`);
  },
  compile: (): Exec => () => Signal.Normal,
});

/**
 * `<cfassociate basetag="cf_outer" datacollection="AssocAttribs">` in a custom tag's template:
 * appends this tag's `attributes` to the array `thisTag[datacollection]` of the enclosing
 * custom tag, which reads it in its end mode.
 */
export const associateTag = defineTag({
  name: 'associate',
  attrs: [{ name: 'basetag', required: true }, { name: 'datacollection' }],
  run(call) {
    const ctx = call.ctx;
    const self = ctx.tagTemplate;
    if (!self) throw call.error('cfassociate is only valid in the template of a custom tag');
    const baseName = toStr(call.attrs.basetag);
    const base = findBaseTag(ctx, baseName);
    if (!base) throw call.error(`can't find base tag with name [${baseName}]`, { detail: `cfassociate in [${self.name}] looks for an enclosing custom tag of that name` });
    const key = call.attrs.datacollection === undefined ? 'AssocAttribs' : toStr(call.attrs.datacollection);
    let list = base.thisTag.get(key);
    if (!Array.isArray(list)) base.thisTag.set(key, (list = []));
    (list as unknown[]).push(self.attributes);
    return Signal.Normal;
  },
});
