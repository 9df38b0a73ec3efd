import type { Struct } from './struct.js';
import type { FunctionRegistry } from './functions/registry.js';
import type { TagRegistry } from '../tags/registry.js';
import type { CompiledTemplate } from './compiler.js';
import type { Setter } from './compile-expr.js';
import type { Ctx } from './context.js';
import type { SourceLoc } from './errors.js';
import type { DatasourceSettings } from '../db/service.js';
import type { ComponentLoader } from './components/loader.js';
import type { ApplicationRegistry } from './application.js';
import type { TemplateInspector } from './inspect-templates.js';

/** What compiled templates need from the Engine; keeps the runtime free of the public class. */
export interface EngineCore {
  readonly functions: FunctionRegistry;
  readonly tags: TagRegistry;
  readonly server: Struct;
  readonly application: Struct;
  readonly mode: 'cli' | 'web';
  /** Testing aid: every tag returns a promise (EngineOptions.asyncTags). */
  readonly asyncTags: boolean;
  /** Largest page output, in characters, before the render fails (EngineOptions.maxOutput). */
  readonly maxOutput: number;
  /** Directories searched for custom tags after the calling template's and the application's (EngineOptions.customTagPaths), absolute. */
  readonly customTagPaths: readonly string[];
  /** Datasources from EngineOptions (datasources, datasource); a render's Ctx.appDatasources is searched first. */
  readonly databaseSettings?: DatasourceSettings;
  /** EngineOptions.nullSupport: Lucee's full null support for renders whose application does not set it. */
  readonly nullSupport: boolean;
  /** EngineOptions.secret: signs values stored in browsers (see runtime/signed-values.ts); random per Engine when absent. */
  readonly secret?: string;
  /** Finds, compiles and caches components (`.cfc`), with the Engine's mappings. */
  readonly components: ComponentLoader;
  sessionFor(ctx: Ctx): Struct;
  /** Applications, their sessions and cflock's locks. */
  readonly applications: ApplicationRegistry;
  /** Site root for the Application.cfc/cfm lookup. */
  readonly root: string;
  /** Parses and compiles CFML source without running it (render()). */
  compile(source: string, file: string): CompiledTemplate;
  /**
   * Compiled template for an absolute path, from the cache when the file has not changed (as far
   * as EngineOptions.inspectTemplates lets it look: pass the render's Ctx.inspected).
   * @throws Error with code ENOENT when no file is there
   */
  loadTemplate(absPath: string, seen?: Set<string>): CompiledTemplate;
  /** Template, component and custom-tag file look-ups, cached per EngineOptions.inspectTemplates. */
  readonly inspector: TemplateInspector;
  /** A setter for a variable named by a string (`name="session.mail.msgs"`), cached by name. */
  setterFor(name: string, loc?: SourceLoc): Setter;
  /** A reader for a variable named by a string; returns undefined when missing. */
  getterFor(name: string, loc?: SourceLoc): (ctx: Ctx) => unknown;
  /** Runs a CFML expression given as a string (evaluate, iif, cfloop condition). */
  evaluate(ctx: Ctx, expr: string, loc?: SourceLoc): unknown;
  log(text: string, opts?: { type?: string; file?: string }): void;
  dump(ctx: Ctx, value: unknown, opts?: { label?: string; top?: number; format?: string }): string;
  /** Services for tags (the IMAP connection pool...), created on first use, closed by engine.close(). */
  service<T>(key: string, create: () => T & { close?(): unknown }): T;
}
