import type { TagDef } from './types.js';

/** Tags by lower-case name. Core tags are registered through the same call users make. */
export class TagRegistry {
  private readonly defs = new Map<string, TagDef>();

  register(def: TagDef, opts: { override?: boolean } = {}): void {
    const name = def.name.toLowerCase().replace(/^cf/, '');
    if (this.defs.has(name) && !opts.override) throw new Error(`tag [cf${name}] is already registered`);
    this.defs.set(name, { ...def, name });
  }

  get(name: string): TagDef | undefined {
    return this.defs.get(name);
  }

  has(name: string): boolean {
    return this.defs.has(name);
  }

  names(): string[] {
    return [...this.defs.keys()];
  }
}
