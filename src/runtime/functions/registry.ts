import type { FunctionDef, MemberReceiver, MemberSpec } from './types.js';

export interface MemberEntry {
  def: FunctionDef;
  spec: MemberSpec;
}

/**
 * Built-in functions by lower-case name, plus the member-call table keyed by receiver type and
 * method name. Calls are bound to their definition when a template is compiled, not per call.
 */
export class FunctionRegistry {
  private readonly byName = new Map<string, FunctionDef>();
  private readonly members = new Map<string, MemberEntry>();

  private readonly memberOnly: FunctionDef[] = [];

  register(def: FunctionDef, opts: { override?: boolean } = {}): void {
    if (def.memberOnly) {
      // a member-only method never shadows a built-in's member of the same name
      this.memberOnly.push(def);
      for (const m of def.members ?? []) {
        const key = `${m.type}.${m.name.toLowerCase()}`;
        if (!this.members.has(key)) this.members.set(key, { def, spec: m });
      }
      return;
    }
    const key = def.name.toLowerCase();
    if (this.byName.has(key) && !opts.override) throw new Error(`function [${def.name}] is already registered`);
    this.byName.set(key, def);
    for (const m of def.members ?? []) this.members.set(`${m.type}.${m.name.toLowerCase()}`, { def, spec: m });
  }

  registerAll(defs: readonly FunctionDef[], opts: { override?: boolean } = {}): void {
    for (const d of defs) this.register(d, opts);
  }

  get(name: string): FunctionDef | undefined {
    return this.byName.get(name.toLowerCase());
  }

  getLower(lower: string): FunctionDef | undefined {
    return this.byName.get(lower);
  }

  member(type: MemberReceiver, lowerName: string): MemberEntry | undefined {
    return this.members.get(`${type}.${lowerName}`);
  }

  names(): string[] {
    return [...this.byName.values()].map((d) => d.name);
  }

  clone(): FunctionRegistry {
    const r = new FunctionRegistry();
    for (const d of this.byName.values()) r.register(d);
    for (const d of this.memberOnly) r.register(d);
    return r;
  }
}
