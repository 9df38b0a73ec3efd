import * as fs from 'node:fs';
import * as path from 'node:path';
import { Struct } from './runtime/struct.js';
import { Ctx, AbortPage, type HttpRequestData, type ResponseMeta } from './runtime/context.js';
import { Compiler, runTemplate, type CompiledTemplate } from './runtime/compiler.js';
import type { EngineCore } from './runtime/engine-core.js';
import { CfmlError, ErrorCode, formatError, toCfmlError, type SourceLoc } from './runtime/errors.js';
import { FunctionRegistry } from './runtime/functions/registry.js';
import { builtinFunctions } from './runtime/functions/index.js';
import type { FunctionDef } from './runtime/functions/types.js';
import { TagRegistry } from './tags/registry.js';
import type { TagDef } from './tags/types.js';
import { coreTags } from './tags/core/index.js';
import { classicTags } from './tags/classic/index.js';
import { formErrorPage, formFieldErrors } from './tags/classic/form/server-check.js';
import { imapTag, imapFilterTag, type ImapTagOptions } from './tags/imap/tag.js';
import { fileTag, directoryTag } from './tags/file/index.js';
import { httpTag, httpParamTag } from './tags/http/index.js';
import { popTag } from './tags/pop/tag.js';
import { createMailTag, mailParamTag, mailPartTag, type MailServerSettings } from './tags/mail/index.js';
import { parser } from './parser/load.js';
import { parseVariableName } from './parser/variable-name.js';
import { compileExpr, compileSetter, type Setter } from './runtime/compile-expr.js';
import { isThenable } from './runtime/maybe.js';
import { dumpHtml, dumpText } from './runtime/dump.js';
import { toJsValue, toCfmlValue, structOf } from './runtime/js-values.js';
import { AstCache } from './runtime/ast-cache.js';
import { BoundedMap } from './runtime/bounded-map.js';
import type { DatasourceInput } from './db/config.js';
import type { DatasourceSettings } from './db/service.js';
import { ComponentLoader } from './runtime/components/loader.js';
import type { UploadedFiles } from './runtime/uploads.js';
import { ApplicationFileFinder, ApplicationRegistry } from './runtime/application.js';
import { DEFAULT_MAX_SESSIONS, MemorySessionStore, type SessionStore } from './runtime/session-store.js';
import { RedisSessionStore, type RedisSessionStoreOptions } from './runtime/redis-session-store.js';
import { SessionCodec } from './runtime/session-codec.js';
import { CookieScope } from './runtime/cookies.js';
import { TemplateInspector, inspectTemplatesOf, type InspectTemplates } from './runtime/inspect-templates.js';
import { runRequest, MissingTemplate, type RequestTarget } from './runtime/request.js';
import { runInZone } from './runtime/time-zone.js';
import { remoteCallOf } from './runtime/remote-cfc.js';
import { showErrorPage } from './runtime/error-pages.js';

export interface EngineOptions {
  /** 'cli' dumps as text, 'web' as HTML. Default 'cli'. */
  mode?: 'cli' | 'web';
  /** Where cflog and writeLog go; default stderr. */
  logger?: (line: string) => void;
  /** Extra tags and functions, registered after the core ones. */
  tags?: TagDef[];
  functions?: FunctionDef[];
  /**
   * When a compiled template, component or custom tag is checked against its file (Lucee's
   * inspect-template setting): `"always"` on every use (development), `"once"` at most once per
   * render (the default: a changed file is picked up by the next render), `"never"` after the
   * first load (production; `cfml serve --production`). See InspectTemplates.
   */
  inspectTemplates?: InspectTemplates;
  /**
   * Lucee's "full null support" (the administrator setting; an application overrides it with
   * `this.nullSupport` in Application.cfc or `<cfapplication nullSupport>`). Off by default, as
   * in Lucee. When on, a database NULL reads as null (isNull(q.col[1]) is true) instead of "",
   * and structKeyExists() is true for a key that holds null. See Ctx.fullNullSupport.
   */
  nullSupport?: boolean;
  /** @deprecated use inspectTemplates: `false` is `"never"`, `true` is `"once"`. */
  checkModified?: boolean;
  /**
   * A directory where parsed templates are kept between processes (the CLI uses one under the
   * system temp dir). Off by default for embedding: the in-memory cache serves a long-lived Engine.
   * Used only when it is a real directory owned by this user with mode 0700 (created so when
   * missing); otherwise the Engine warns on stderr and parses without it.
   */
  astCacheDir?: string;
  /**
   * Makes every tag return a promise. Only for testing: the golden suite runs once plain and
   * once like this, so every continuation after an async tag is exercised.
   */
  asyncTags?: boolean;
  /** Seconds a render may run before open-ended loops end it (cfsetting requesttimeout overrides); default none. */
  timeout?: number;
  /** Largest page output in characters; a page printing more fails with an error (default 64 Mi). */
  maxOutput?: number;
  /**
   * The secret that signs what the engine stores in browsers (the cflogin cookie, cookie-stored
   * client variables). Give the same one to every process of a site so each accepts the others'
   * cookies; without it each Engine makes a random one (cookies then end with the process).
   */
  secret?: string;
  /**
   * Directories searched for custom tags (`<cf_name>` as name.cfm, `<cfmodule name="a.b">` as
   * a/b.cfm) after the calling template's directory and the application's this.customTagPaths.
   * Relative paths are resolved from the working directory.
   */
  customTagPaths?: string[];
  /**
   * Component mappings: a dotted name whose first parts match a mapping resolves inside its
   * directory, e.g. `{ "/model": "/srv/app/model" }` makes `new model.Person()` load
   * `/srv/app/model/Person.cfc` from any page. Tried after the calling template's directory and
   * the application root; the longest matching prefix wins.
   */
  mappings?: Record<string, string>;
  /** `<cfimap>` settings: idle named connections are logged out after idleTimeoutMs (default 60 s). */
  imap?: ImapTagOptions;
  /**
   * Datasources for `<cfquery datasource="name">` and queryExecute, by name: an object
   * (`{ driver: "sqlite", database: "data/app.db" }`, `{ driver: "postgresql", host, port,
   * database, username, password }`, mysql likewise) or a connection string
   * (`postgresql://user:pass@host:5432/db`, `mysql://...`, `sqlite:data/app.db`). Drivers load on
   * the first query; engine.close() ends the pools.
   */
  datasources?: Record<string, DatasourceInput>;
  /** The default datasource: a name of `datasources` or a definition of its own. */
  datasource?: string | DatasourceInput;
  /** Default SMTP settings of `<cfmail>` (its attributes and Application.cfc's this.smtpServerSettings win). */
  mail?: MailServerSettings;
  /**
   * The top directory of the site: Application.cfc / Application.cfm are looked up from a page's
   * directory up to here (default: the current directory when the Engine is created).
   */
  root?: string;
  /**
   * Where session scopes are kept between requests: in this process's memory (the default), in
   * Redis, shared by every process and machine using it (`{ type: "redis", url:
   * "redis://127.0.0.1:6379" }`, see RedisSessionStore), or a SessionStore of your own. An
   * application can still choose with `this.sessionStorage = "memory"` / `"redis"`.
   */
  sessionStore?: SessionStore | SessionStoreConfig;
  /**
   * Live sessions the default in-memory store keeps at most (default 100,000); past it the
   * session idle the longest ends first (onSessionEnd runs). Also bounds the session scopes of
   * renders outside an application (RenderInput.cgi.session_id). The store's own limit applies
   * with `sessionStore`.
   */
  maxSessions?: number;
}

/** A session store by configuration (EngineOptions.sessionStore). */
export type SessionStoreConfig = { type: 'memory' } | ({ type: 'redis' } & Omit<RedisSessionStoreOptions, 'onError'>);

export interface RenderInput {
  variables?: Record<string, unknown>;
  url?: Record<string, unknown>;
  form?: Record<string, unknown>;
  /** cgi variables over the defaults; a function is called only when the page first reads cgi. */
  cgi?: Record<string, unknown> | (() => Record<string, unknown>);
  /**
   * Owner of the render's named `<cfimap>` connections: renders with the same owner share them,
   * others never see them. Set it to the session id (or the application name when there are no
   * sessions); leave it out and each render owns its own, logged out when the render ends.
   * See Ctx.connectionOwner and Engine.releaseConnections().
   */
  connectionOwner?: string;
  /** The cookie scope: plain values, or a `Cookie` request header to parse. */
  cookie?: Record<string, unknown> | string;
  /** Files uploaded with the request, by form field (lower-case); see UploadedFile. */
  files?: UploadedFiles;
  /** The HTTP request as received, for getHttpRequestData (set by the HTTP handler). */
  httpRequest?: HttpRequestData;
  /**
   * Set by the HTTP handler: the session scope then needs session management (no shared
   * fallback session), and cookies written by the page come back as Set-Cookie lines.
   */
  web?: boolean;
  /** Site root for the Application.cfc/cfm lookup of this render (default EngineOptions.root). */
  root?: string;
  /**
   * Streaming: `<cfflush>` hands the output so far to this function, to be written to the client
   * now. The first call also gets `head` (status, headers, content type and cookies as set so
   * far); later calls only the chunk. The RenderResult at the end holds the output after the
   * last flush. Without it, cfflush does nothing (the whole output comes at the end).
   */
  onFlush?: (chunk: string, head?: RenderResult) => void;
}

export interface RenderResult {
  output: string;
  status: number;
  statusText?: string;
  headers: Record<string, string>;
  location?: string;
  contentType?: string;
  /** The page's variables scope after the run, as plain JS values. */
  variables: Record<string, unknown>;
  /** Set-Cookie header lines (cfcookie, cookie.x = v, the session cookie). */
  cookies: string[];
  /** A binary body (cfcontent variable= with binary data) to send instead of output. */
  body?: Uint8Array;
  /** A file to send as the body (cfcontent file=), deleted afterwards when deleteAfter. */
  file?: { path: string; deleteAfter: boolean };
}

interface CacheEntry {
  mtimeMs: number;
  size: number;
  template: CompiledTemplate;
}

const VERSION = '0.1.0';
/** How long the Application.cfc/cfm (and OnRequestEnd.cfm) found for a directory is trusted, per inspectTemplates (ms). */
const APPLICATION_LOOKUP_TTL = { always: 0, once: 2000, never: Infinity } as const;
/** Compiled pages kept per Engine (a page evicted is read and compiled again when next run). */
const TEMPLATE_CACHE_MAX = 4096;
/** Compiled accessors of dynamic variable names (setVariable, cfparam, isDefined...). */
const NAME_CACHE_MAX = 4096;
/** Compiled evaluate()/iif() expressions. */
const EXPR_CACHE_MAX = 1024;
/** Set by the build (scripts/build.mjs): parsed templates cached on disk by another build are not reused. */
declare const __CFML_BUILD_ID__: string | undefined;
const BUILD_ID = typeof __CFML_BUILD_ID__ === 'string' ? __CFML_BUILD_ID__ : 'source';

/**
 * The public entry point. One Engine holds the registries, the template cache and the shared
 * services (the IMAP pool); every render gets scopes of its own.
 */
export class Engine implements EngineCore {
  readonly functions = new FunctionRegistry();
  readonly tags = new TagRegistry();
  readonly server = new Struct();
  readonly application = new Struct();
  readonly mode: 'cli' | 'web';
  readonly asyncTags: boolean;
  readonly maxOutput: number;
  readonly customTagPaths: readonly string[];
  readonly databaseSettings: DatasourceSettings;
  readonly nullSupport: boolean;
  readonly secret?: string;
  private readonly timeout: number;
  // Engine-wide caches are bounded (issue 8, item 10): their keys (paths, names given to
  // setVariable/cfparam/isDefined, evaluate strings) can come from requests.
  private readonly cache = new BoundedMap<string, CacheEntry>(TEMPLATE_CACHE_MAX);
  private readonly setters = new BoundedMap<string, Setter>(NAME_CACHE_MAX);
  private readonly getters = new BoundedMap<string, (ctx: Ctx) => unknown>(NAME_CACHE_MAX);
  private readonly exprCache = new BoundedMap<string, (ctx: Ctx) => unknown>(EXPR_CACHE_MAX);
  readonly components: ComponentLoader;
  private readonly services = new Map<string, { close?(): unknown }>();
  /**
   * Session scopes of renders outside an application (RenderInput.cgi.session_id, the CLI), at
   * most `maxSessions` of them: the one unused the longest is dropped first (issue 8).
   */
  private readonly sessions: BoundedMap<string, Struct>;
  /** Applications (cfapplication, Application.cfc/cfm), their sessions and locks. */
  readonly applications: ApplicationRegistry;
  /** Site root for the Application.cfc/cfm lookup (EngineOptions.root). */
  readonly root: string;
  private readonly appFiles: ApplicationFileFinder;
  private readonly logger: (line: string) => void;
  /** Template, component and custom-tag file look-ups (EngineOptions.inspectTemplates). */
  readonly inspector: TemplateInspector;
  readonly imapOptions: ImapTagOptions;
  private readonly astCacheDir?: string;
  /** undefined: not opened yet; null: refused (see AstCache.open) or off. */
  private astCache?: AstCache | null;

  constructor(options: EngineOptions = {}) {
    this.mode = options.mode ?? 'cli';
    this.asyncTags = options.asyncTags ?? false;
    this.maxOutput = options.maxOutput ?? 64 * 1024 * 1024;
    this.secret = options.secret;
    this.timeout = options.timeout ?? 0;
    this.logger = options.logger ?? ((line) => process.stderr.write(line + '\n'));
    this.inspector = new TemplateInspector(inspectTemplatesOf(options.inspectTemplates ?? (options.checkModified === false ? 'never' : 'once')));
    this.imapOptions = options.imap ?? {};
    this.astCacheDir = options.astCacheDir;
    this.customTagPaths = (options.customTagPaths ?? []).map((p) => path.resolve(p));
    this.databaseSettings = { datasources: options.datasources, datasource: options.datasource };
    this.nullSupport = options.nullSupport ?? false;
    this.components = new ComponentLoader(this, options.mappings);
    for (const t of [...coreTags, ...classicTags, imapTag, imapFilterTag, fileTag, directoryTag, httpTag, httpParamTag, createMailTag(options.mail), mailParamTag, mailPartTag, popTag]) this.registerTag(t);
    this.root = path.resolve(options.root ?? process.cwd());
    this.sessions = new BoundedMap(options.maxSessions ?? DEFAULT_MAX_SESSIONS);
    this.applications = new ApplicationRegistry(this.sessionStoreOf(options.sessionStore, options.maxSessions), (t) => this.log(t, { type: 'error' }), (owner) => this.releaseConnections(owner));
    this.appFiles = new ApplicationFileFinder(APPLICATION_LOOKUP_TTL[this.inspector.mode]);
    this.functions.registerAll(builtinFunctions);
    for (const t of options.tags ?? []) this.registerTag(t);
    for (const f of options.functions ?? []) this.registerFunction(f);
    const cf = new Struct();
    cf.set('productname', 'cfml-engine');
    cf.set('productversion', VERSION);
    this.server.set('coldfusion', cf);
    const lucee = new Struct();
    lucee.set('version', VERSION);
    this.server.set('lucee', lucee);
    const os = new Struct();
    os.set('name', process.platform);
    this.server.set('os', os);
    // Lucee's server.separator: the separators of the platform (path lists, file paths, lines)
    const separator = new Struct();
    separator.set('path', path.delimiter);
    separator.set('file', path.sep);
    separator.set('line', os.get('name') === 'win32' ? '\r\n' : '\n');
    this.server.set('separator', separator);
  }

  static readonly version = VERSION;

  private sessionStoreOf(given: SessionStore | SessionStoreConfig | undefined, maxSessions: number | undefined): SessionStore {
    if (!given) return new MemorySessionStore({ maxSessions });
    if (typeof (given as Partial<SessionStore>).get === 'function') return given as SessionStore;
    given = given as SessionStoreConfig;
    if (given.type === 'memory') return new MemorySessionStore({ maxSessions });
    if (given.type === 'redis') {
      const { type: _t, ...o } = given;
      return new RedisSessionStore({ ...o, onError: (e) => this.log(`session storage [redis]: ${e.message}`, { type: 'error' }) }, new SessionCodec(this));
    }
    throw new Error(`sessionStore: unknown type ${(given as { type: unknown }).type}`);
  }

  registerTag(def: TagDef, opts?: { override?: boolean }): void {
    this.tags.register(def, opts);
    this.cache.clear();
    this.components?.clear();
    this.astCache = undefined;
  }

  registerFunction(def: FunctionDef, opts?: { override?: boolean }): void {
    this.functions.register(def, opts);
    this.cache.clear();
    this.components.clear();
  }

  /** Renders a file and resolves to its output (no scope is converted back to JS). */
  async renderFile(file: string, input: RenderInput = {}): Promise<string> {
    return (await this.renderFileCtx(file, input)).out;
  }

  /**
   * Renders a file and returns the output with the response metadata (status, headers, location).
   * `variables` is converted to JS values when first read.
   */
  async renderFileWithMeta(file: string, input: RenderInput = {}): Promise<RenderResult> {
    return resultOf(await this.renderFileCtx(file, input));
  }

  private async renderFileCtx(file: string, input: RenderInput): Promise<Ctx> {
    const abs = this.resolved(file);
    const inspected = new Set<string>();
    let t: CompiledTemplate;
    try {
      t = this.loadTemplate(abs, inspected);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new CfmlError(`Page [${file}] [${abs}] not found`, { type: 'MissingInclude', code: ErrorCode.MissingInclude });
      throw this.finish(e);
    }
    return this.run(t, input, this.appFiles.find(t.dir, this.rootOf(input)), { kind: 'page', page: t }, inspected);
  }

  private readonly onRequestEnd = (dir: string) => this.appFiles.onRequestEnd(dir);

  private rootOf(input: RenderInput): string {
    return input.root === undefined ? this.root : this.resolved(input.root);
  }

  /** path.resolve answers for absolute paths (they do not depend on the working directory): a server resolves the same few on every request. */
  private readonly absolute = new BoundedMap<string, string>(TEMPLATE_CACHE_MAX);

  /** path.resolve(p), remembered when p is absolute. */
  private resolved(p: string): string {
    let r = this.absolute.get(p);
    if (r === undefined) {
      r = path.resolve(p);
      if (path.isAbsolute(p)) this.absolute.set(p, r);
    }
    return r;
  }

  /** The Application.cfc/cfm governing a path that may not exist: looked up from its nearest existing directory. */
  private appFileFor(file: string, root: string): string | null {
    let dir = path.dirname(file);
    while (!fs.existsSync(dir) && dir.startsWith(root) && dir !== root) dir = path.dirname(dir);
    return this.appFiles.find(dir, root);
  }

  /**
   * A request for a page (or component) that does not exist: its Application.cfc's
   * onMissingTemplate(targetPage) answers (after onApplicationStart, onSessionStart and
   * onRequestStart, as in Lucee). Resolves to null when nothing answered it (no Application.cfc,
   * no onMissingTemplate, or it returned false): the host sends its 404.
   * @param file the absolute path the request names (cgi.script_name in input.cgi gives targetPage)
   */
  async renderMissingWithMeta(file: string, input: RenderInput = {}): Promise<RenderResult | null> {
    const abs = path.resolve(file);
    const appFile = this.appFileFor(abs, this.rootOf(input));
    if (!appFile || !/\.cfc$/i.test(appFile)) return null;
    try {
      return resultOf(await this.run(this.compile('', abs), input, appFile, { kind: 'missing' }));
    } catch (e) {
      if (e instanceof MissingTemplate) return null;
      throw e;
    }
  }

  /**
   * A remote call on a component: `x.cfc?method=name&arg=value` (GET or POST). The method comes
   * from the url or form scope of `input`, the other fields are its named arguments (see
   * RemoteCall). Runs inside the component's application (Application.cfc's onCFCRequest when
   * defined); only `access="remote"` methods answer (else a RemoteCallError with status 403).
   * The result is serialized by `returnFormat` (json by default, or plain) into the output.
   */
  async invokeRemoteWithMeta(file: string, input: RenderInput = {}): Promise<RenderResult> {
    const abs = path.resolve(file);
    const placeholder = this.compile('', abs);
    const call = remoteCallOf(abs, toScope(input.url), toScope(input.form));
    return resultOf(await this.run(placeholder, input, this.appFiles.find(placeholder.dir, this.rootOf(input)), { kind: 'remote', call }));
  }

  /** Renders CFML source (`file` names it in errors and is where relative paths start) and resolves to its output. */
  async renderString(source: string, input: RenderInput & { file?: string } = {}): Promise<string> {
    return (await this.renderStringCtx(source, input)).out;
  }

  /** renderString with the response metadata, as renderFileWithMeta. */
  async renderStringWithMeta(source: string, input: RenderInput & { file?: string } = {}): Promise<RenderResult> {
    return resultOf(await this.renderStringCtx(source, input));
  }

  private async renderStringCtx(source: string, input: RenderInput & { file?: string }): Promise<Ctx> {
    let t: CompiledTemplate;
    const file = input.file && !input.file.startsWith('<') ? path.resolve(input.file) : input.file ?? '<string>';
    try {
      t = this.compile(source, file);
    } catch (e) {
      throw this.withSource(this.finish(e), file, source);
    }
    try {
      return await this.run(t, input, null, { kind: 'page', page: t });
    } catch (e) {
      throw this.withSource(e as CfmlError, file, source);
    }
  }

  private compileCached(source: string, file: string): CompiledTemplate {
    if (!this.astCacheDir) return this.compile(source, file);
    if (this.astCache === undefined) {
      const salt = `${VERSION}|${BUILD_ID}|${this.tags.names().sort().join(',')}`;
      this.astCache = AstCache.open(this.astCacheDir, salt, (m) => process.stderr.write(m + '\n')) ?? null;
    }
    if (!this.astCache) return this.compile(source, file);
    let parsed = this.astCache.get(file, source);
    if (!parsed) {
      parsed = parser().parseTemplate(source, file, this.tags);
      this.astCache.set(file, source, parsed);
    }
    return new Compiler(this, parsed).template;
  }

  /** Parses and compiles without running: the parse errors a page would give. */
  compile(source: string, file: string): CompiledTemplate {
    const parsed = parser().parseTemplate(source, file, this.tags);
    return new Compiler(this, parsed).template;
  }

  /** Runs a request in a new context (`t` is its base template), inside its application when `appFile` governs it. */
  private async run(t: CompiledTemplate, input: RenderInput, appFile: string | null, target: RequestTarget, inspected?: Set<string>): Promise<Ctx> {
    const ctx = new Ctx(this, t, {
      inspected,
      url: toScope(input.url),
      form: toScope(input.form),
      cgi: () => cgiScope(t.file, typeof input.cgi === 'function' ? input.cgi() : input.cgi),
      variables: input.variables ? toScope(input.variables) : undefined,
      files: input.files,
      cookie: cookieScope(input.cookie),
    });
    ctx.web = input.web === true;
    if (input.files) ctx.files = input.files;
    if (input.httpRequest) ctx.httpRequest = input.httpRequest;
    if (this.timeout > 0) ctx.deadline = ctx.startedAt + this.timeout * 1000;
    if (input.connectionOwner !== undefined) ctx.connectionOwner = input.connectionOwner;
    ctx.siteRoot = this.rootOf(input);
    const onFlush = input.onFlush;
    if (onFlush) {
      ctx.flushHook = (chunk) => {
        if (ctx.flushed) return onFlush(chunk, undefined);
        // the headers go now: a new session's cookie must go with them
        if (ctx.sessionRef) this.applications.keepPending(ctx.sessionRef, ctx.cookie);
        return onFlush(chunk, resultOf(ctx));
      };
    }
    // the server-side checks of a submitted cfform (NAME_required, NAME_integer... fields)
    const formErrors = ctx.form.size ? formFieldErrors(ctx.form) : [];
    if (formErrors.length) {
      ctx.out = formErrorPage(formErrors);
      ctx.response.status = 400;
      return ctx;
    }
    try {
      const r = runInZone(ctx.timeZone, () => (appFile || target.kind !== 'page' ? runRequest(ctx, target, appFile, this.onRequestEnd) : runTemplate(ctx, t)));
      if (isThenable(r)) await r;
    } catch (e) {
      if (e instanceof MissingTemplate) throw e;
      if (!(e instanceof AbortPage)) {
        const err = this.finish(e);
        // <cferror> takes over when no onError did (Lucee's order)
        // the error page formats dates in the request's zone too
        if (!ctx.errorPages.length || !(await runInZone(ctx.timeZone, () => showErrorPage(ctx, err)))) throw err;
      }
    } finally {
      try {
        // a shared store writes the session as data: a value it cannot keep fails the request here
        if (ctx.sessionRef) {
          try {
            const saved = this.applications.save(ctx.sessionRef, ctx.cookie);
            if (saved) await saved;
          } catch (e) {
            throw this.finish(e);
          }
        }
      } finally {
        await ctx.runEndHooks();
      }
    }
    return ctx;
  }

  private withSource(err: CfmlError, file: string, source: string): CfmlError {
    if (err.loc?.file === file) err.source = source;
    return err;
  }

  /** Attaches the source for the code frame and a first tag-context entry. */
  private finish(e: unknown): CfmlError {
    const err = toCfmlError(e);
    if (err.loc && err.source === undefined && !err.loc.file.startsWith('<')) err.source = this.sourceOf(err.loc.file);
    if (err.tagContext.length === 0 && err.loc) err.tagContext.push({ template: err.loc.file, line: err.loc.line, column: err.loc.col });
    return err;
  }

  private sourceOf(file: string): string | undefined {
    const c = this.cache.get(file);
    if (c) return c.template.source;
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  }

  /** `file:line:col: message` with a code frame, for printing an error. */
  formatError(e: unknown): string {
    return formatError(this.finish(e));
  }

  loadTemplate(absPath: string, seen?: Set<string>): CompiledTemplate {
    const st = this.inspector.stat(absPath, seen);
    if (!st.isFile) throw Object.assign(new Error(`ENOENT: no such file, ${absPath}`), { code: 'ENOENT' });
    const cached = this.cache.get(absPath);
    if (cached && cached.mtimeMs === st.mtimeMs && cached.size === st.size) return cached.template;
    const source = fs.readFileSync(absPath, 'utf8').replace(/^\uFEFF/, '');
    const template = this.compileCached(source, absPath);
    this.cache.set(absPath, { mtimeMs: st.mtimeMs, size: st.size, template });
    return template;
  }

  setterFor(name: string, loc?: SourceLoc): Setter {
    let s = this.setters.get(name);
    if (!s) {
      const expr = parseVariableName(name, { file: loc?.file ?? '', line: loc?.line ?? 1, col: loc?.col ?? 1 });
      s = compileSetter(this.exprCompiler(), expr);
      this.setters.set(name, s);
    }
    return s;
  }

  getterFor(name: string, loc?: SourceLoc): (ctx: Ctx) => unknown {
    let g = this.getters.get(name);
    if (!g) {
      const expr = parseVariableName(name, { file: loc?.file ?? '', line: loc?.line ?? 1, col: loc?.col ?? 1 });
      g = compileExpr(this.exprCompiler(), expr, { soft: true });
      this.getters.set(name, g);
    }
    return g;
  }

  evaluate(ctx: Ctx, expr: string, loc?: SourceLoc): unknown {
    let f = this.exprCache.get(expr);
    if (!f) {
      f = compileExpr(this.exprCompiler(), parser().parseExpression(expr, { file: loc?.file ?? 'evaluate', line: loc?.line ?? 1, col: loc?.col ?? 1 }));
      this.exprCache.set(expr, f);
    }
    return f(ctx);
  }

  private compilerForExprs?: Compiler;
  private exprCompiler(): Compiler {
    return (this.compilerForExprs ??= new Compiler(this, { file: 'expression', source: '', body: [] }));
  }

  sessionFor(ctx: Ctx): Struct {
    const id = String(ctx.cgi.get('session_id') ?? 'default');
    let s = this.sessions.get(id);
    if (s) this.sessions.delete(id); // re-added last: the map's order is the order of use
    else s = new Struct();
    this.sessions.set(id, s);
    return s;
  }

  log(text: string, opts?: { type?: string; file?: string }): void {
    this.logger(`[${(opts?.type ?? 'information').toUpperCase()}]${opts?.file ? ' ' + opts.file + ':' : ''} ${text}`);
  }

  dump(_ctx: Ctx, value: unknown, opts?: { label?: string; top?: number; format?: string }): string {
    const fmt = opts?.format?.toLowerCase() ?? (this.mode === 'web' ? 'html' : 'text');
    return fmt === 'html' ? dumpHtml(value, opts) : dumpText(value, opts);
  }

  service<T>(key: string, create: () => T & { close?(): unknown }): T {
    let s = this.services.get(key);
    if (!s) this.services.set(key, (s = create() as { close?(): unknown }));
    return s as T;
  }

  /**
   * Logs out the named connections of one owner (see RenderInput.connectionOwner), e.g. when a
   * session ends. Other owners' connections stay open.
   */
  async releaseConnections(owner: string): Promise<void> {
    await Promise.all([...this.services.values()].map((s) => (s as { releaseOwner?(o: string): unknown }).releaseOwner?.(owner)));
  }

  /**
   * An Express view engine: `app.engine('cfm', engine.express())`, then `res.render('page', { x: 1 })`
   * runs views/page.cfm with the locals in its variables scope (Express's own `settings`,
   * `_locals` and `cache` are left out). A CFML error goes to Express's error handling.
   */
  express(): (file: string, options: Record<string, unknown>, callback: (err: unknown, html?: string) => void) => void {
    return (file, options, callback) => {
      const { settings: _s, _locals: _l, cache: _c, ...locals } = options ?? {};
      this.renderFile(file, { variables: locals }).then((html) => callback(null, html), (e) => callback(e));
    };
  }

  /**
   * Ends every application (waiting for their onApplicationEnd), then closes shared services (logs
   * out IMAP connections, ends database pools). The Engine can be used again afterwards.
   */
  async close(): Promise<void> {
    // applications first: onApplicationEnd may still query a datasource or send mail
    await this.applications.close();
    const all = [...this.services.values()];
    this.services.clear();
    await Promise.all(all.map((s) => s.close?.()));
  }
}

function toScope(obj: Record<string, unknown> | undefined): Struct {
  return obj ? structOf(obj) : new Struct();
}

/** CGI reads "" for unknown keys; the known ones describe the request (or the CLI run). */
function cgiScope(file: string, given?: Record<string, unknown>): Struct {
  const s = toScope({
    script_name: '/' + path.basename(file),
    path_translated: file,
    cf_template_path: file,
    request_method: 'GET',
    server_name: 'localhost',
    query_string: '',
    http_user_agent: '',
    remote_addr: '127.0.0.1',
    ...given,
  });
  Object.defineProperty(s, 'isCgi', { value: true });
  return s;
}

function cookieScope(c: Record<string, unknown> | string | undefined): CookieScope {
  if (typeof c === 'string' || c === undefined) return CookieScope.fromHeader(c);
  const s = CookieScope.fromHeader(undefined);
  for (const [k, v] of Object.entries(c)) Struct.prototype.setLower.call(s, k.toLowerCase(), k, toCfmlValue(v));
  return s;
}

/**
 * The result of a finished render; `variables` is converted to JS when first read. A class with
 * the getter on its prototype, not an object literal with a `get variables()` closure: V8 gives
 * every such literal a hidden class of its own in old space, which kept each request's Ctx alive
 * past the young-generation GC (every render's objects were promoted; measured by --trace-gc on a
 * served hello page, 4 MB promoted per 8 MB scavenged).
 */
// the fields are RenderResult's (declaration merging), set in the constructor
interface PageResult extends Omit<RenderResult, 'variables'> {}
class PageResult implements RenderResult {
  #ctx: Ctx | undefined;
  #vars: Record<string, unknown> | undefined;

  constructor(ctx: Ctx) {
    const r: ResponseMeta = ctx.response;
    this.output = ctx.out;
    this.status = r.status;
    this.statusText = r.statusText;
    this.headers = { ...r.headers };
    this.location = r.location;
    this.contentType = r.contentType;
    this.cookies = ctx.cookie.setCookieHeaders();
    this.body = r.body;
    this.file = r.file;
    this.#ctx = ctx;
  }

  get variables(): Record<string, unknown> {
    if (this.#vars === undefined) {
      const vars: Record<string, unknown> = {};
      for (const [k, v] of this.#ctx!.variables.entries()) vars[k] = toJsValue(v);
      this.#vars = vars;
      this.#ctx = undefined;
    }
    return this.#vars;
  }

  /** JSON.stringify sees `variables` as it sees the other fields. */
  toJSON(): RenderResult {
    const { output, status, statusText, headers, location, contentType, cookies, body, file } = this;
    return { output, status, statusText, headers, location, contentType, cookies, body, file, variables: this.variables };
  }
}

function resultOf(ctx: Ctx): RenderResult {
  return new PageResult(ctx);
}
