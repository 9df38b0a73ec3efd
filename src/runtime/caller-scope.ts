import { Struct, type Entry } from './struct.js';
import type { Ctx, FunctionFrame } from './context.js';
import type { ScopeName } from '../parser/ast.js';

/** Scope names `caller.<name>` resolves to the caller's scope of that name (`caller.url.x`). */
const CALLER_SCOPES: ReadonlySet<string> = new Set([
  'variables', 'local', 'arguments', 'url', 'form', 'cgi', 'cookie', 'request', 'server', 'application', 'session',
]);

/**
 * The `caller` variable of a custom tag: reads and writes the variables of the page (or function)
 * that called the tag, as Lucee's Caller scope does. Reads cascade like an unscoped name in the
 * caller (its function's local and arguments, then variables, cgi, url, form, cookie); a key
 * that names a scope gives that scope (`caller.variables`, `caller.url`). Writes go where an
 * unscoped assignment in the caller would: an existing local or argument, else variables. Keys,
 * size and iteration are those of the caller's variables scope.
 */
export class CallerScope extends Struct {
  constructor(
    private readonly ctx: Ctx,
    private readonly vars: Struct,
    private readonly frame: FunctionFrame | null,
  ) {
    super();
  }

  private scopeOf(lower: string): Struct | undefined {
    if (!CALLER_SCOPES.has(lower)) return undefined;
    if (lower === 'variables') return this.vars;
    if (lower === 'local') return this.frame ? this.frame.local : this.vars;
    if (lower === 'arguments') return this.frame?.args;
    return this.ctx.scope(lower as ScopeName);
  }

  private target(lower: string): Struct {
    for (let f = this.frame; f; f = f.parent) {
      if (f.local.hasLower(lower)) return f.local;
      if (f.args.hasLower(lower)) return f.args;
    }
    return this.vars;
  }

  override getLower(lower: string): unknown {
    for (let f = this.frame; f; f = f.parent) {
      const l = f.local.getLower(lower);
      if (l !== undefined) return l;
      const a = f.args.getLower(lower);
      if (a !== undefined) return a;
    }
    const v = this.vars.getLower(lower);
    if (v !== undefined) return v;
    const scope = this.scopeOf(lower);
    if (scope) return scope;
    for (const s of [this.ctx.cgi, this.ctx.url, this.ctx.form, this.ctx.cookie]) {
      const x = s.getLower(lower);
      if (x !== undefined) return x;
    }
    return undefined;
  }

  override get(key: string): unknown {
    return this.getLower(key.toLowerCase());
  }

  override hasLower(lower: string): boolean {
    return this.getLower(lower) !== undefined;
  }

  override has(key: string): boolean {
    return this.hasLower(key.toLowerCase());
  }

  override entryLower(lower: string): Entry | undefined {
    return this.target(lower).entryLower(lower);
  }

  override setLower(lower: string, key: string, value: unknown): void {
    this.target(lower).setLower(lower, key, value);
  }

  override set(key: string, value: unknown): void {
    this.setLower(key.toLowerCase(), key, value);
  }

  override delete(key: string): boolean {
    return this.target(key.toLowerCase()).delete(key);
  }

  override clear(): void {
    this.vars.clear();
  }

  override get size(): number {
    return this.vars.size;
  }

  override keys(): string[] {
    return this.vars.keys();
  }

  override keyCase(key: string): string | undefined {
    return this.vars.keyCase(key);
  }

  override values(): unknown[] {
    return this.vars.values();
  }

  override entries(): [string, unknown][] {
    return this.vars.entries();
  }

  override toObject(): Record<string, unknown> {
    return this.vars.toObject();
  }
}
