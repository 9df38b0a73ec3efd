import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as A from '../../parser/ast.js';
import { parser } from '../../parser/load.js';
import type { EngineCore } from '../engine-core.js';
import { CfmlError, ErrorCode, expressionError, type SourceLoc } from '../errors.js';
import { buildComponentClass } from './build.js';
import { BoundedMap } from '../bounded-map.js';
import type { ComponentClass } from './class.js';

interface Entry {
  mtimeMs: number;
  size: number;
  cls: ComponentClass;
}

/**
 * Virtual path prefixes and their directories, longest prefix first: `["/model", "/srv/app/model"]`
 * (prefix lower-case, without a trailing slash). Built by {@link normalizeMappings}.
 */
export type Mappings = ReadonlyArray<readonly [string, string]>;

/**
 * `{ "/lib": "/abs/lib" }` (Application.cfc's this.mappings, EngineOptions.mappings) as Mappings;
 * relative directories resolve from `baseDir` (default the working directory).
 */
export function normalizeMappings(mappings: Record<string, string>, baseDir?: string): Mappings {
  return Object.entries(mappings)
    .map(([k, v]): [string, string] => ['/' + k.replace(/^[/\\]+|[/\\]+$/g, '').replace(/\\/g, '/').toLowerCase(), baseDir ? path.resolve(baseDir, v) : path.resolve(v)])
    .sort((a, b) => b[0].length - a[0].length);
}

/**
 * The physical path of a `/virtual/path` under the longest matching mapping, or undefined when
 * none matches (Lucee's mapping lookup for cfinclude and expandPath; "/" itself is not a mapping here).
 */
export function mapVirtualPath(virtual: string, mappings: Mappings): string | undefined {
  const v = virtual.replace(/\\/g, '/');
  const lower = v.toLowerCase();
  for (const [prefix, dir] of mappings) {
    if (prefix === '/') continue;
    if (lower === prefix || lower.startsWith(prefix + '/')) {
      const rest = v.slice(prefix.length).split('/').filter(Boolean);
      // a mapping never reaches above its directory
      if (rest.includes('..')) return undefined;
      return path.join(dir, ...rest);
    }
  }
  return undefined;
}

/** Where a dotted component name is looked for, in order (for the not-found message). */
export interface SearchPlan {
  candidates: string[];
}

/**
 * Finds, parses, compiles and caches components. A dotted name (`model.Person`) resolves to
 * `model/Person.cfc` relative to the calling template's directory, then the application root,
 * then the Engine's mappings (`{ "/model": "/abs/dir" }`: the longest matching prefix wins).
 * A compiled class is cached by absolute path and reused while the file's mtime and size stay
 * the same (and so do its parent's and interfaces'). `extends` and `implements` resolve relative
 * to the component's own directory first. A circular `extends` is an error.
 */
export class ComponentLoader {
  /** Bounded like the template cache: paths can come from requests (`new "#url.x#"()`). */
  private readonly cache = new BoundedMap<string, Entry>(4096);
  /** Mappings as [virtual prefix without trailing slash, lower-cased; absolute directory], longest first. */
  readonly mappings: Mappings;

  constructor(
    private readonly engine: EngineCore,
    mappings: Record<string, string> = {},
  ) {
    this.mappings = normalizeMappings(mappings);
  }

  /** Drops every compiled class (tags or functions were registered). */
  clear(): void {
    this.cache.clear();
  }

  /** The application's mappings (Application.cfc's this.mappings) first, then the Engine's. */
  private all(appMappings: Mappings): Mappings {
    return appMappings.length ? [...appMappings, ...this.mappings] : this.mappings;
  }

  /**
   * The files a dotted name may be, in lookup order: beside the caller, the application root, the
   * mappings (`appMappings`, the application's this.mappings, before the Engine's).
   */
  candidates(dotted: string, fromDir: string, appRoot: string, appMappings: Mappings = []): string[] {
    const rel = dotted.trim().replace(/^[/\\]+/, '').replace(/\.cfc$/i, '').split(/[./\\]/).filter(Boolean);
    if (!rel.length) return [];
    const file = path.join(...rel) + '.cfc';
    const out = [path.resolve(fromDir, file)];
    if (path.resolve(appRoot) !== path.resolve(fromDir)) out.push(path.resolve(appRoot, file));
    const virtual = '/' + rel.join('/').toLowerCase();
    for (const [prefix, dir] of this.all(appMappings)) {
      if (virtual === prefix || virtual.startsWith(prefix + '/')) {
        const rest = rel.slice(prefix.split('/').length - 1);
        out.push(path.resolve(dir, ...rest.slice(0, -1), rest[rest.length - 1] + '.cfc'));
      }
    }
    return [...new Set(out)];
  }

  /**
   * The absolute path of a dotted name, or a clear error naming it and every place searched.
   * @param seen the render's inspected paths (Ctx.inspected), see EngineOptions.inspectTemplates
   */
  resolve(dotted: string, fromDir: string, appRoot: string, loc?: SourceLoc, appMappings: Mappings = [], seen?: Set<string>): string {
    const isFile = (f: string) => this.engine.inspector.isFile(f, seen);
    if (path.isAbsolute(dotted) && /\.cfc$/i.test(dotted) && isFile(dotted)) return dotted;
    const tried = this.candidates(dotted, fromDir, appRoot, appMappings);
    for (const f of tried) if (isFile(f)) return f;
    const dirs = tried.map((f) => path.dirname(f));
    throw new CfmlError(`invalid component definition, can't find component [${dotted}]`, {
      type: 'Expression',
      code: ErrorCode.Component,
      loc,
      detail: tried.length
        ? `looked for ${tried.map((f) => path.basename(f)).filter((v, i, a) => a.indexOf(v) === i).join(', ')} in [${[...new Set(dirs)].join(', ')}]${this.all(appMappings).length ? '' : ' (no mappings are set: see this.mappings in Application.cfc or EngineOptions.mappings)'}`
        : 'the component name is empty',
    });
  }

  /** The dotted name of a file: from the application root, else from a mapping, else its base name. */
  fullNameOf(abs: string, appRoot: string, appMappings: Mappings = []): string {
    const dotted = (rel: string) => rel.replace(/\.cfc$/i, '').split(path.sep).join('.');
    const r = path.relative(appRoot, abs);
    if (r && !r.startsWith('..') && !path.isAbsolute(r)) return dotted(r);
    for (const [prefix, dir] of this.all(appMappings)) {
      const m = path.relative(dir, abs);
      if (m && !m.startsWith('..') && !path.isAbsolute(m)) return [...prefix.split('/').filter(Boolean), dotted(m)].join('.');
    }
    return path.basename(abs).replace(/\.cfc$/i, '');
  }

  /**
   * The compiled class of an absolute `.cfc` path, linked to its parent and interfaces.
   * @param loading the chain of files being loaded (for the circular-extends error)
   * @param appMappings the application's this.mappings, for `extends` / `implements` names
   * @param seen the render's inspected paths (Ctx.inspected), see EngineOptions.inspectTemplates
   * @throws CfmlError when the file is missing, does not parse or its chain is circular
   */
  load(abs: string, appRoot: string, loading: string[] = [], loc?: SourceLoc, appMappings: Mappings = [], seen?: Set<string>): ComponentClass {
    if (loading.includes(abs)) {
      const chain = [...loading.slice(loading.indexOf(abs)), abs].map((f) => path.basename(f, '.cfc')).join(' -> ');
      throw new CfmlError(`circular component inheritance: ${chain}`, { type: 'Expression', code: ErrorCode.Component, loc, detail: 'a component cannot extend itself, directly or through its parents' });
    }
    const cached = this.cache.get(abs);
    const st = this.engine.inspector.stat(abs, seen);
    if (!st.isFile) throw new CfmlError(`invalid component definition, can't find component [${abs}]`, { type: 'Expression', code: ErrorCode.Component, loc });
    if (cached && cached.mtimeMs === st.mtimeMs && cached.size === st.size && this.linksFresh(cached.cls, appRoot, [...loading, abs], appMappings, seen)) return cached.cls;
    const source = fs.readFileSync(abs, 'utf8').replace(/^\uFEFF/, '');
    const parsed = parseComponentSource(source, abs, this.engine);
    const { cls, links } = buildComponentClass(this.engine, parsed, this.fullNameOf(abs, appRoot, appMappings));
    const dir = path.dirname(abs);
    const chain = [...loading, abs];
    const declLoc = cls.template ? { file: abs, line: 1, col: 1 } : loc;
    const parent = links.extends ? this.load(this.resolve(links.extends, dir, appRoot, declLoc, appMappings, seen), appRoot, chain, declLoc, appMappings, seen) : null;
    const interfaces = links.implements.map((n) => this.load(this.resolve(n, dir, appRoot, declLoc, appMappings, seen), appRoot, chain, declLoc, appMappings, seen));
    if (parent && parent.kind !== cls.kind) {
      throw expressionError(`the ${cls.kind} [${cls.name}] can't extend the ${parent.kind} [${parent.name}]`, { loc: declLoc });
    }
    for (const i of interfaces) if (i.kind !== 'interface') throw expressionError(`[${i.name}] is not an interface: a component implements interfaces and extends components`, { loc: declLoc });
    cls.link(parent, interfaces);
    if (cls.kind === 'component') checkImplements(cls, declLoc);
    this.cache.set(abs, { mtimeMs: st.mtimeMs, size: st.size, cls });
    return cls;
  }

  /** Whether a cached class still links to the current classes of its parent and interfaces. */
  private linksFresh(cls: ComponentClass, appRoot: string, chain: string[], appMappings: Mappings, seen: Set<string> | undefined): boolean {
    for (const dep of [...(cls.parent ? [cls.parent] : []), ...cls.interfaces]) {
      if (this.load(dep.path, appRoot, chain, undefined, appMappings, seen) !== dep) return false;
    }
    return true;
  }
}

/** Every function an implemented interface declares must exist in the component (Lucee checks at load). */
function checkImplements(cls: ComponentClass, loc: SourceLoc | undefined): void {
  const all = (i: ComponentClass): ComponentClass[] => [i, ...(i.parent ? all(i.parent) : []), ...i.interfaces.flatMap(all)];
  for (let c: ComponentClass | null = cls; c; c = c.parent) {
    for (const iface of c.interfaces.flatMap(all)) {
      for (const [k, f] of iface.own) {
        if (!cls.methods.has(k)) {
          throw expressionError(`component [${cls.fullName}] does not implement the function [${f.name}] of the interface [${iface.fullName}]`, { loc });
        }
      }
    }
  }
}

/** A tag-based component starts with `<cf...>` (after comments); anything else is script. */
const TAG_BASED = /^\s*(?:(?:<!---[\s\S]*?--->|\/\*[\s\S]*?\*\/|\/\/[^\n]*)\s*)*<cf/i;

/** Parses a `.cfc` file's source, tag-based or script, into a template whose body is the declaration. */
export function parseComponentSource(source: string, file: string, engine: EngineCore): A.Template {
  if (TAG_BASED.test(source)) return parser().parseTemplate(source, file, engine.tags);
  return { file, source, body: parser().parseScript(source, { file, line: 1, col: 1 }, engine.tags) };
}
