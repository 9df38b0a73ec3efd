import type { Eval, Exec } from '../exec.js';
import type { CompiledTemplate } from '../compiler.js';
import type { UDF } from '../udf.js';
import { Struct } from '../struct.js';

/** Function access levels, narrowest first (Lucee's private < package < public < remote). */
export type Access = 'private' | 'package' | 'public' | 'remote';
export const ACCESS_RANK: Record<Access, number> = { private: 0, package: 1, public: 2, remote: 3 };

/** A `property` / `<cfproperty>` declaration. */
export interface PropertyDef {
  name: string;
  lower: string;
  /** Declared type, lower-case; 'any' when not given. */
  type: string;
  /** The `default` value, evaluated into the variables scope of each new instance. */
  default?: Eval;
  /** Implicit accessors are generated unless `getter="false"` / `setter="false"`. */
  getter: boolean;
  setter: boolean;
  /** Every attribute as written (lower-case names, literal values), for metadata. */
  attrs: Record<string, string>;
}

/**
 * A compiled component or interface (one `.cfc` file), shared by all its instances and cached
 * by the loader (path and mtime). Methods are compiled once; `methods` is the whole inheritance
 * chain with the most derived definition winning (what unscoped calls inside a method find, so
 * a base class calling `m()` reaches a subclass override), `publicMethods` what `obj.m` sees from
 * outside (everything but private).
 */
export class ComponentClass {
  parent: ComponentClass | null = null;
  interfaces: ComponentClass[] = [];
  /** Methods declared in this file (instance and static), by lower-case name. */
  readonly own = new Map<string, UDF>();
  methods = new Map<string, UDF>();
  publicMethods = new Map<string, UDF>();
  /** Names (lower-case) of the implicit accessors generated here: not listed in metadata. */
  readonly generated = new Set<string>();
  /** Declared here, in order. */
  readonly ownProperties: PropertyDef[] = [];
  /** With the inherited ones, base class first. */
  properties: PropertyDef[] = [];
  /** The pseudo-constructor: the component body outside functions, run by each new instance. */
  pseudo: Exec | null = null;
  /** `output="false"`: the pseudo-constructor prints nothing. */
  outputOff = false;
  /** `static { }` blocks, run once before the first use. */
  staticInit: Exec | null = null;
  /** The static scope (`static.x`, `Name::x`), shared by every instance in this Engine. */
  readonly staticScope = new Struct();
  staticReady = false;
  /** Variables of static functions: they see the static scope and the static methods only. */
  readonly staticVariables: Struct;

  constructor(
    /** The file name without `.cfc`: `Person`. */
    readonly name: string,
    /** The dotted name from the application root or mapping: `model.Person`. */
    readonly fullName: string,
    /** Absolute path of the `.cfc` file. */
    readonly path: string,
    readonly kind: 'component' | 'interface',
    /** Declaration attributes and annotations (lower-case names), e.g. extends, accessors, hint. */
    readonly attrs: Record<string, string>,
    readonly template: CompiledTemplate,
  ) {
    this.staticVariables = new StaticVariables(this);
  }

  get accessors(): boolean {
    return isTrue(this.attrs.accessors) || isTrue(this.attrs.persistent);
  }

  /** The classes of the chain, base first. */
  chain: ComponentClass[] = [this];
  /** The classes of the chain that have a pseudo-constructor or property defaults, base first (what `new` runs). */
  constructing: ComponentClass[] = [];
  /** The method `new` calls: the `initmethod` attribute's, else `init`. */
  init: UDF | undefined;
  /** `modifier="abstract"` / `abstract`: no instances. */
  abstract = false;

  /** Fills the inherited tables once the parent and interfaces are linked. */
  link(parent: ComponentClass | null, interfaces: ComponentClass[]): void {
    this.parent = parent;
    this.interfaces = interfaces;
    this.chain = [...(parent?.chain ?? []), this];
    this.constructing = this.chain.filter((c) => c.pseudo || c.ownProperties.some((p) => p.default));
    this.methods = new Map(parent?.methods);
    for (const [k, f] of this.own) this.methods.set(k, f);
    this.publicMethods = new Map();
    for (const [k, f] of this.methods) if (f.access !== 'private') this.publicMethods.set(k, f);
    this.properties = [...(parent?.properties ?? []), ...this.ownProperties];
    this.abstract = (this.attrs.modifier ?? '').toLowerCase() === 'abstract' || this.attrs.abstract !== undefined;
    const initName = [...this.chain].reverse().find((c) => c.attrs.initmethod)?.attrs.initmethod;
    this.init = this.methods.get((initName ?? 'init').toLowerCase());
  }

  /** Whether this class is `other` or extends or implements it (isInstanceOf, typed arguments). */
  isA(other: ComponentClass): boolean {
    for (let c: ComponentClass | null = this; c; c = c.parent) {
      if (c === other) return true;
      for (const i of c.interfaces) if (i.isA(other)) return true;
    }
    return false;
  }

  /** Whether the chain has a class or interface called `name` (short or full dotted name, case-insensitive). */
  isNamed(name: string): boolean {
    const n = name.toLowerCase();
    for (let c: ComponentClass | null = this; c; c = c.parent) {
      if (c.name.toLowerCase() === n || c.fullName.toLowerCase() === n) return true;
      for (const i of c.interfaces) if (i.isNamed(name)) return true;
    }
    return false;
  }
}

/** The variables scope of static functions: the static scope's keys and the static methods. */
class StaticVariables extends Struct {
  constructor(private readonly cls: ComponentClass) {
    super();
  }

  override getLower(lower: string): unknown {
    const v = super.getLower(lower);
    if (v !== undefined) return v;
    if (lower === 'static') return this.cls.staticScope;
    const f = this.cls.methods.get(lower);
    return f?.isStatic ? f : this.cls.staticScope.getLower(lower);
  }
}

export const isTrue = (v: string | undefined): boolean => v !== undefined && /^(true|yes|1)$/i.test(v.trim());
