import { resolveVirtual } from './virtual-path.js';
import * as path from 'node:path';
import type { FnContext } from './functions/types.js';
import type { Ctx } from './context.js';
import type { EngineCore } from './engine-core.js';
import type { CfFunction } from './function-value.js';
import { expressionError, type SourceLoc } from './errors.js';
import { runTemplate } from './compiler.js';
import { isThenable } from './maybe.js';
import { baseTags, findBaseTag } from './custom-tags.js';
import { componentClass, instantiate } from './components/dispatch.js';
import { classMetadata } from './components/metadata.js';

/** The FnContext of one render: one object, its `loc` moved to each call site. */
export class FnContextImpl implements FnContext {
  loc?: SourceLoc;

  constructor(
    readonly ctx: Ctx,
    private readonly engine: EngineCore,
    private readonly invoke: (fn: CfFunction, args: unknown[]) => unknown,
  ) {}

  call(fn: CfFunction, args: unknown[]): unknown {
    return this.invoke(fn, args);
  }

  write(text: string): void {
    this.ctx.write(text);
  }

  checkTime(): void {
    this.ctx.checkTime(this.loc);
  }

  timeLeft(): number {
    return this.ctx.timeLeft();
  }

  timeoutError(): Error {
    return this.ctx.timeoutError(this.loc);
  }

  dump(value: unknown, opts?: { label?: string; top?: number }): void {
    this.ctx.write(this.engine.dump(this.ctx, value, opts));
  }

  evaluate(expr: string): unknown {
    return this.engine.evaluate(this.ctx, expr, this.loc);
  }

  renderSource(source: string): void {
    const t = this.engine.compile(source, `${this.ctx.template.file} (render)`);
    const saved = this.ctx.template;
    this.ctx.template = t;
    let r;
    try {
      r = runTemplate(this.ctx, t);
    } finally {
      this.ctx.template = saved;
    }
    if (isThenable(r)) {
      r.catch(() => {});
      throw expressionError('render(): the CFML ran a tag that waits (such as cfimap); render() can only run code that completes at once', { loc: this.loc });
    }
  }

  isDefined(name: string): boolean {
    try {
      return this.engine.getterFor(name, this.loc)(this.ctx) !== undefined;
    } catch {
      return false;
    }
  }

  getVariable(name: string): unknown {
    return this.engine.getterFor(name, this.loc)(this.ctx);
  }

  setVariable(name: string, value: unknown): void {
    this.engine.setterFor(name, this.loc)(this.ctx, value);
  }

  get templatePath(): string {
    return this.ctx.template.file;
  }

  get baseTemplatePath(): string {
    return this.ctx.baseTemplate.file;
  }

  expandPath(p: string): string {
    // "/lib/x": the mappings (this.mappings, then the Engine's), else the web root (Lucee)
    const virtual = resolveVirtual(this.ctx, p, false);
    if (virtual !== undefined) return virtual;
    if (path.isAbsolute(p)) return p;
    return path.resolve(this.ctx.baseTemplate.dir, p);
  }

  log(text: string, opts?: { type?: string; file?: string }): void {
    this.engine.log(text, opts);
  }

  baseTagList(): string[] {
    return baseTags(this.ctx).map((f) => f.name);
  }

  baseTagData(name: string, instance: number): unknown {
    return findBaseTag(this.ctx, name, instance)?.variables;
  }

  get locals(): Map<string, unknown> {
    return this.ctx.locals;
  }

  createComponent(dotted: string): unknown {
    const r = instantiate(this.ctx, componentClass(this.ctx, dotted, this.loc), this.loc);
    if (isThenable(r)) {
      r.catch(() => {});
      throw expressionError(`createObject(): the pseudo-constructor of [${dotted}] ran a tag that waits (such as cfimap); use new instead`, { loc: this.loc });
    }
    return r;
  }

  componentMetadata(dotted: string): unknown {
    return classMetadata(componentClass(this.ctx, dotted, this.loc));
  }

  service<T>(key: string, create: () => T): T {
    return this.engine.service(key, create as () => T & { close?(): unknown });
  }
}
