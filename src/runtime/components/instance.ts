import { Struct } from '../struct.js';
import type { ComponentClass } from './class.js';

/**
 * A component instance. The struct itself is the `this` scope (public members, what `obj.x`,
 * `structKeyExists(obj, "x")` and `for (k in obj)` see); methods are not copied into each
 * instance but read from the class's tables when the instance has no own key of that name.
 * `variables` is the private scope shared by the whole inheritance chain.
 */
export class ComponentInstance extends Struct {
  readonly variables: ComponentVariables;

  constructor(readonly cls: ComponentClass) {
    super();
    this.variables = new ComponentVariables(this);
  }

  /** A key of `this`, else a public method, bound to this instance (`f = obj.m; f()` keeps obj, as Lucee). */
  override getLower(lower: string): unknown {
    const v = super.getLower(lower);
    if (v !== undefined) return v;
    return this.cls.publicMethods.get(lower)?.withReceiver(this);
  }

  override get(key: string): unknown {
    return this.getLower(key.toLowerCase());
  }

  override hasLower(lower: string): boolean {
    return super.hasLower(lower) || this.cls.publicMethods.has(lower);
  }

  override has(key: string): boolean {
    return this.hasLower(key.toLowerCase());
  }

  /** Own keys, then the public methods not shadowed by one. */
  override keys(): string[] {
    const out = super.keys();
    for (const [k, f] of this.cls.publicMethods) if (!super.hasLower(k)) out.push(f.name);
    return out;
  }

  override entries(): [string, unknown][] {
    return this.keys().map((k) => [k, this.get(k)]);
  }

  override values(): unknown[] {
    return this.keys().map((k) => this.get(k));
  }

  override get size(): number {
    return this.keys().length;
  }

  /** A key set on `this` itself (not a method of the class). */
  ownLower(lower: string): unknown {
    return super.getLower(lower);
  }

  /** The keys set on `this` (no methods). */
  ownKeys(): string[] {
    return super.keys();
  }
}

/**
 * The variables scope of an instance: its own keys, then `this`, `static` and the methods of
 * the whole chain (private ones included, the most derived definition winning).
 */
export class ComponentVariables extends Struct {
  constructor(readonly owner: ComponentInstance) {
    super();
  }

  override getLower(lower: string): unknown {
    const v = super.getLower(lower);
    if (v !== undefined) return v;
    if (lower === 'this') return this.owner;
    if (lower === 'static') return this.owner.cls.staticScope;
    return this.owner.cls.methods.get(lower);
  }

  override get(key: string): unknown {
    return this.getLower(key.toLowerCase());
  }

  override hasLower(lower: string): boolean {
    return super.hasLower(lower) || lower === 'this' || this.owner.cls.methods.has(lower);
  }

  override has(key: string): boolean {
    return this.hasLower(key.toLowerCase());
  }

  override keys(): string[] {
    const out = super.keys();
    if (!super.hasLower('this')) out.push('this');
    for (const [k, f] of this.owner.cls.methods) if (!super.hasLower(k)) out.push(f.name);
    return out;
  }

  override entries(): [string, unknown][] {
    return this.keys().map((k) => [k, this.get(k)]);
  }
}

/** The properties of an instance with their values (null when unset): what serializeJSON and cfdump show. */
export function propertyValues(inst: ComponentInstance): Struct {
  const out = new Struct();
  for (const p of inst.cls.properties) {
    const v = Struct.prototype.getLower.call(inst.variables, p.lower);
    out.set(p.name, v === undefined ? null : v);
  }
  return out;
}

/** The public view cfdump prints: the keys set on `this`, then the properties. */
export function dumpView(inst: ComponentInstance): Struct {
  const out = new Struct();
  for (const k of inst.ownKeys()) out.set(k, inst.ownLower(k.toLowerCase()));
  for (const [k, v] of propertyValues(inst).entries()) if (!out.has(k)) out.set(k, v);
  return out;
}

/**
 * duplicate(): a new instance of the same class with copies of the this and variables scopes
 * (`copy` copies each value: deep or not, as the caller decides).
 */
export function duplicateInstance(inst: ComponentInstance, copy: (v: unknown) => unknown): ComponentInstance {
  const out = new ComponentInstance(inst.cls);
  for (const [k, v] of Struct.prototype.entries.call(inst)) out.set(k, v === inst ? out : copy(v));
  for (const [k, v] of Struct.prototype.entries.call(inst.variables)) out.variables.set(k, v === inst ? out : copy(v));
  return out;
}
