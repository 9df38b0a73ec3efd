import type * as A from '../parser/ast.js';
import type { TagCall, TagDef } from '../tags/types.js';
import { Signal, type Exec, type MaybePromise } from './exec.js';
import type { Ctx } from './context.js';
import { AbortPage } from './context.js';
import type { Compiler } from './compiler.js';
import { CfmlError, toCfmlError } from './errors.js';
import { isThenable } from './maybe.js';
import { toBool, toNum, toStr } from './cast.js';
import { ATTRIBUTE_COLLECTION, validateTag } from '../parser/tag-check.js';
import { compileAttributeCollection } from './attribute-collection.js';

/**
 * The tag host: how a tag node becomes a statement. A TagDef with `compile` builds its own Exec;
 * one with `run` gets its attributes evaluated, cast and defaulted per its AttrSpecs (values
 * listed in `values` are matched case-insensitively) and is handed a TagCall; `attributeCollection`
 * is merged in when the tag runs (attribute-collection.ts). Errors a tag
 * throws get the tag's location; AbortPage (cflocation, cfabort) passes unchanged.
 */
export function compileTag(c: Compiler, node: A.TagNode): Exec {
  const def = c.engine.tags.get(node.name);
  if (!def) throw new CfmlError(`Unknown tag [cf${node.name}]`, { type: 'Template', loc: node.loc });
  // tags in templates were checked by the template parser; script statements are checked here
  if (node.fromScript) validateTag(node, def);
  if (!def.expression && node.attrs.some((a) => a.lower === ATTRIBUTE_COLLECTION)) {
    const depth = c.functionDepth;
    return compileAttributeCollection(c, node, def, (merged) => {
      // compiled when the tag runs: at the function depth of where it is written
      const saved = c.functionDepth;
      c.functionDepth = depth;
      try {
        return compileWrittenTag(c, merged, def);
      } finally {
        c.functionDepth = saved;
      }
    });
  }
  return compileWrittenTag(c, node, def);
}

/** A tag whose attributes are all written (or merged from attributeCollection) and validated. */
function compileWrittenTag(c: Compiler, node: A.TagNode, def: TagDef): Exec {
  if (def.compile) return def.compile(node, c);
  if (!def.run) return () => Signal.Normal;
  const attrs = node.attrs.map((a) => {
    const spec = def.attrs?.find((s) => s.name === a.lower || s.aliases?.includes(a.lower));
    // the allowed values by lower case, for a case-insensitive match without a scan per call
    const allowed = spec?.values ? new Map(spec.values.map((x) => [x.toLowerCase(), x] as const)) : undefined;
    return { name: spec?.name ?? a.lower, spec, type: spec?.type, allowed, value: c.expr(a.value, { ref: true }) };
  });
  // which attributes a call has is fixed by the tag as written: the given names and the defaults
  // of the others are known now (TagCall.given is read-only, so one set serves every call)
  const given = new Set(attrs.map((a) => a.name));
  const defaults = (def.attrs ?? []).filter((s) => !given.has(s.name) && s.default !== undefined).map((s) => [s.name, s.default] as const);
  const body = def.sqlBody ? c.sqlBlock(node.body) : c.block(node.body);
  const run = def.run;
  const loc = node.loc;
  return (ctx) => {
    const values: Record<string, unknown> = {};
    try {
      for (const a of attrs) {
        let v = a.value(ctx);
        if (a.type === 'number') v = toNum(v);
        else if (a.type === 'boolean') v = toBool(v);
        else if (a.type === 'string') v = toStr(v);
        if (a.allowed) {
          const hit = a.allowed.get(toStr(v).toLowerCase());
          if (hit === undefined) throw new CfmlError(`Invalid value [${toStr(v)}] for attribute [${a.name}] of tag [cf${node.name}], valid values are [${a.spec!.values!.join(', ')}]`, { type: 'Application' });
          v = hit;
        }
        values[a.name] = v;
      }
    } catch (e) {
      throw toCfmlError(e, loc);
    }
    for (const [name, v] of defaults) values[name] = v;
    const call = makeTagCall(c, ctx, node, values, given, body);
    let r: MaybePromise<Signal | void>;
    try {
      r = run(call);
    } catch (e) {
      // cflocation / cfcontent variable= / cfdump abort end the page: not an error
      throw e instanceof AbortPage ? e : toCfmlError(e, loc);
    }
    if (isThenable(r)) return (r as Promise<Signal | void>).then((s) => s ?? Signal.Normal, (e) => Promise.reject(e instanceof AbortPage ? e : toCfmlError(e, loc)));
    return (r as Signal | undefined) ?? Signal.Normal;
  };
}

/**
 * The TagCall a `run` tag receives: its attributes, body runners and helpers bound to this render.
 * A class, so a call costs one object and no closures (a tag in a loop makes one per iteration).
 */
class HostTagCall implements TagCall {
  constructor(
    readonly attrs: Record<string, unknown>,
    readonly given: Set<string>,
    readonly node: A.TagNode,
    readonly ctx: Ctx,
    private readonly engine: Compiler['engine'],
    private readonly bodyExec: Exec,
  ) {}

  body(): MaybePromise<Signal> {
    return this.bodyExec(this.ctx);
  }

  capture(): MaybePromise<string> {
    const ctx = this.ctx;
    const saved = ctx.out;
    ctx.out = '';
    ctx.captureDepth++;
    let r: MaybePromise<Signal>;
    try {
      r = this.bodyExec(ctx);
    } catch (e) {
      ctx.out = saved;
      ctx.captureDepth--;
      throw e;
    }
    if (isThenable(r)) {
      const restore = () => {
        const captured = ctx.out;
        ctx.out = saved;
        ctx.captureDepth--;
        return captured;
      };
      return (r as Promise<Signal>).then(restore, (e) => {
        restore();
        throw e;
      });
    }
    const captured = ctx.out;
    ctx.out = saved;
    ctx.captureDepth--;
    return captured;
  }

  write(t: string): void {
    this.ctx.write(t);
  }

  setVariable(name: string, value: unknown): void {
    this.engine.setterFor(name, this.node.loc)(this.ctx, value);
  }

  error(message: string, init?: { type?: string; detail?: string; errorCode?: string }): CfmlError {
    return new CfmlError(message, { type: 'Application', ...init, loc: this.node.loc });
  }
}

/** The TagCall a `run` tag receives: its attributes, body runners and helpers bound to this render. */
export function makeTagCall(c: Compiler, ctx: Ctx, node: A.TagNode, attrs: Record<string, unknown>, given: Set<string>, body: Exec): TagCall {
  return new HostTagCall(attrs, given, node, ctx, c.engine, body);
}
