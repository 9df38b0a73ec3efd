import type { TagDef } from './types.js';

/** Tags by lower-case name. Core tags are registered through the same call users make. */
export class TagRegistry {
  private readonly defs = new Map<string, TagDef>();

  register(def: TagDef, opts: { override?: boolean } = {}): void {
    const name = def.name.toLowerCase().replace(/^cf/, '');
    if (this.defs.has(name) && !opts.override) throw new Error(`tag [cf${name}] is already registered`);
    this.defs.set(name, { ...def, name });
  }

  /**
   * The definition of a tag by lower-case name without `cf`. Custom tags (`_layout` for
   * `<cf_layout>`, `ui:box` for an imported `<ui:box>`) are handled by the definition
   * registered under the name CUSTOM_TAG.
   */
  get(name: string): TagDef | undefined {
    return this.defs.get(name) ?? (isCustomTagName(name) ? this.defs.get(CUSTOM_TAG) : undefined);
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  names(): string[] {
    return [...this.defs.keys()];
  }
}

/** The registry name of the definition that runs custom tags (`<cf_name>`, `<prefix:name>`). */
export const CUSTOM_TAG = '_';

/** `_name` (from `<cf_name>`) or `prefix:name` (a tag imported with cfimport). */
export const isCustomTagName = (name: string): boolean => name.startsWith('_') || name.includes(':');
