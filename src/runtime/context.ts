import type { ZoneHolder } from './time-zone.js';
import { Struct } from './struct.js';
import { Query } from './query.js';
import { isBooleanLike, toBool } from './cast.js';
import { CfmlError, ControlSignal, ErrorCode, expressionError, type SourceLoc, type TagContextEntry } from './errors.js';
import type { ScopeName } from '../parser/ast.js';
import type { EngineCore } from './engine-core.js';
import type { CompiledTemplate } from './compiler.js';
import type { CustomTagFrame } from './custom-tags.js';
import type { DatasourceSettings } from '../db/service.js';
import type { ComponentClass } from './components/class.js';
import type { Mappings } from './components/loader.js';
import type { ErrorPage } from './error-pages.js';
import type { ComponentInstance } from './components/instance.js';
import { CookieScope } from './cookies.js';
import type { Application, SessionRef } from './application.js';
import type { UploadedFiles } from './uploads.js';

/** What getHttpRequestData reports of an HTTP request: its method, protocol, headers and raw body text. */
export interface HttpRequestData {
  method: string;
  /** `HTTP/1.1` */
  protocol: string;
  /** Header name (as Node gives it, lower-case) -> value; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The request body as text ("" for none, and for multipart bodies, whose parts are the form scope). */
  content: string;
}
import { clientScope } from './client-scope.js';

/** Ctx.applicationSettings outside an application (nothing writes to it). */
const NO_SETTINGS = new Struct();

/** Response metadata recorded by cflocation / cfheader / cfcontent. */
export interface ResponseMeta {
  status: number;
  statusText?: string;
  headers: Record<string, string>;
  location?: string;
  contentType?: string;
  /** A binary body (`<cfcontent variable=>` with binary data) sent instead of the page output. */
  body?: Uint8Array;
  /** A file sent as the body (`<cfcontent file=>`); deleted after sending when deleteAfter. */
  file?: { path: string; deleteAfter: boolean };
}

/** A function call's own scopes. */
export interface FunctionFrame {
  local: Struct;
  args: Struct;
  /** Positional arguments, for `arguments[1]`. */
  name: string;
  /** Output suppressed (cffunction output="false"). */
  outputOff: boolean;
  /** For closures: the frame they were created in. */
  parent: FunctionFrame | null;
  /** The component class declaring the running method (what `super` is relative to), or null. */
  owner: ComponentClass | null;
}

/** Thrown to stop the page (cfabort / abort;); the engine treats it as a normal end. */
export class AbortPage extends ControlSignal {
  constructor(readonly loc?: SourceLoc) {
    super();
  }
}

/** The state of one render. Never shared between renders. */
export class Ctx {
  variables = new Struct();
  request = new Struct();
  url: Struct;
  form: Struct;
  /** Built on first use (most pages never read cgi): see {@link cgi}. */
  private cgiScope: Struct | undefined;
  private cgiInit: (() => Struct) | undefined;
  cookie: CookieScope;
  /** The application this request runs in (cfapplication / Application.cfc), if any. */
  app?: Application;
  /** The request's session when its application has session management. */
  sessionRef?: SessionRef;

  /**
   * The request's session scope for code that reads or writes it (the session scope, a login kept
   * in the session, a named connection owned by the session): marks the session used, since a new
   * session is kept (and its cookie sent) only when used (ApplicationRegistry.save). Undefined
   * without session management.
   */
  useSession(): Struct | undefined {
    if (!this.sessionRef) return undefined;
    this.sessionRef.used = true;
    return this.sessionRef.scope;
  }
  /** Set for HTTP requests (createHandler, cfml serve): the session scope needs session management. */
  web = false;
  /** Files uploaded with this request, by form field (see uploads.ts). */
  files: UploadedFiles = {};
  /** The HTTP request as received (getHttpRequestData), when the render answers one. */
  httpRequest: HttpRequestData | undefined = undefined;
  frame: FunctionFrame | null = null;
  /** The component whose method (or pseudo-constructor) is running: the `this` scope; null on a page. */
  component: ComponentInstance | null = null;
  /**
   * The application's root directory: dotted component paths that are not found beside the
   * calling template are looked up here (then in the Engine's mappings). Defaults to the
   * directory of the requested page; the web layer sets it to the Application.cfc's directory.
   */
  appRoot: string;
  /**
   * The application's `this.mappings` (virtual prefix -> directory), searched before
   * EngineOptions.mappings by component names, `<cfinclude template="/lib/x.cfm">` and expandPath.
   */
  appMappings: Mappings = [];
  /** The web root: what `/x.cfm` in cfinclude and expandPath("/x") start from when no mapping matches. */
  siteRoot: string;
  /** Error templates registered by `<cferror>` for this request (see error-pages.ts). */
  errorPages: ErrorPage[] = [];
  /** Active query loops, innermost last: bare names resolve to their columns. */
  queries: Query[] = [];
  out = '';
  /** cfsetting enablecfoutputonly nesting counter, and how many cfoutputs are open. */
  outputOnly = 0;
  outputDepth = 0;
  /** Grouped cfoutput state (see tags/core/query-source.ts); kept here to stay off the hot path. */
  outputGroups: unknown[] = [];
  returnValue: unknown = undefined;
  /** Results of the user-function calls of the statement being run, for its replay after one went async. */
  replay: { values: unknown[]; i: number } | null = null;
  /** The errors being handled by enclosing catch blocks, for rethrow. */
  catching: unknown[] = [];
  /** Tag and function frames, innermost last, for tagContext. */
  callStack: TagContextEntry[] = [];
  response: ResponseMeta = { status: 200, headers: {} };
  /** The custom tags running, outermost first (getBaseTagList, getBaseTagData, cfassociate). */
  customTags: CustomTagFrame[] = [];
  /** The custom tag whose own template is running now (null in pages and in tag bodies): cfexit ends it. */
  tagTemplate: CustomTagFrame | null = null;
  /**
   * Directories searched for `<cf_name>` and `<cfmodule name=>` after the calling template's
   * directory and before EngineOptions.customTagPaths: the application's `this.customTagPaths`.
   * Application.cfc support fills it (absolute paths) before the page runs.
   */
  customTagPaths: readonly string[] = [];
  readonly locals = new Map<string, unknown>();
  /** The request's time zone (setTimeZone, the application's `timezone`); see time-zone.ts. */
  readonly timeZone: ZoneHolder = {};
  /**
   * The hook for Application.cfc: `this.datasources` / `this.datasource` of the application the
   * render belongs to. Whatever runs Application.cfc sets it before the page runs; cfquery and
   * queryExecute look names up here first, then in EngineOptions.datasources. `baseDir` is where
   * relative SQLite paths start (the Application.cfc's directory).
   */
  appDatasources?: DatasourceSettings;
  template: CompiledTemplate;
  readonly baseTemplate: CompiledTemplate;
  /**
   * The template, component and custom-tag paths already looked at in this render: with
   * inspectTemplates "once" a path is checked on the file system at most once per render.
   */
  readonly inspected: Set<string>;

  constructor(
    readonly engine: EngineCore,
    template: CompiledTemplate,
    init: { url?: Struct; form?: Struct; cgi?: Struct | (() => Struct); variables?: Struct; files?: UploadedFiles; cookie?: CookieScope; inspected?: Set<string> },
  ) {
    this.inspected = init.inspected ?? new Set();
    this.template = template;
    this.baseTemplate = template;
    this.appRoot = template.dir;
    this.siteRoot = engine.root;
    this.url = init.url ?? new Struct();
    this.form = init.form ?? new Struct();
    if (typeof init.cgi === 'function') this.cgiInit = init.cgi;
    else this.cgiScope = init.cgi;
    this.cookie = init.cookie ?? CookieScope.fromHeader(undefined);
    if (init.variables) this.variables = init.variables;
    this.files = init.files ?? {};
  }

  /**
   * Who the render's named connections (`<cfimap connection="x">`) belong to. The host sets it:
   * RenderInput.connectionOwner, or web-application code setting it to the session (when there is
   * one) or the application before the page runs. Undefined: the render itself owns them, and they
   * are logged out when it ends. Renders with different owners never share a named connection.
   */
  connectionOwner: string | undefined = undefined;
  private readonly endHooks: Array<() => unknown> = [];

  /** Registers work to run when the render ends (success or error), e.g. releasing its connections. */
  onEnd(fn: () => unknown): void {
    this.endHooks.push(fn);
  }

  /** Runs the onEnd hooks (once, in order; a failing hook does not stop the others). */
  async runEndHooks(): Promise<void> {
    const hooks = this.endHooks.splice(0);
    for (const h of hooks) {
      try {
        await h();
      } catch {
        /* a cleanup failure must not replace the render's result or error */
      }
    }
  }


  /**
   * Application.cfc's `this.*` settings (or cfapplication's attributes) for this render, as given
   * (keys case-insensitive; read only): `smtpServerSettings` gives `<cfmail>` its default SMTP
   * server. The application's own struct (ApplicationSettings.given), set when the request
   * enters its application; empty outside one.
   */
  applicationSettings: Struct = NO_SETTINGS;

  /**
   * Lucee's full null support for this render: the application's `nullSupport` setting
   * (Application.cfc `this.nullSupport`, cfapplication) when given, else EngineOptions.nullSupport.
   * On: a database NULL reads as null, and a struct key holding null exists (structKeyExists).
   */
  get fullNullSupport(): boolean {
    const v = this.applicationSettings.get('nullSupport');
    return v === undefined || v === null || v === '' || !isBooleanLike(v) ? this.engine.nullSupport : toBool(v);
  }

  /** When the render must end (cfsetting requesttimeout, EngineOptions.timeout); Infinity = never. */
  deadline = Infinity;
  readonly startedAt = Date.now();
  private ticks = 0;

  /**
   * Called by every loop iteration and every user-function call: ends a render that ran past its
   * time. The clock is read every 64th tick (reading it costs more than a loop step); what can
   * take long inside one step (sleep, regular expressions) calls {@link checkTime} itself.
   * @throws CfmlError of type RequestTimeout (CF2011).
   */
  tick(loc?: SourceLoc): void {
    if ((++this.ticks & 63) === 0 && this.deadline !== Infinity) this.checkTime(loc);
  }

  /**
   * Reads the clock now and ends the render when it is past its deadline.
   * @throws CfmlError of type RequestTimeout (CF2011), Lucee's message.
   */
  checkTime(loc?: SourceLoc): void {
    if (this.deadline !== Infinity && Date.now() > this.deadline) throw this.timeoutError(loc);
  }

  /** Milliseconds left before the deadline (Infinity without a time limit; 0 when past it). */
  timeLeft(): number {
    return this.deadline === Infinity ? Infinity : Math.max(0, this.deadline - Date.now());
  }

  /** The RequestTimeout error, for code that learns of the deadline itself (sleep). */
  timeoutError(loc?: SourceLoc): CfmlError {
    const limit = Math.round((this.deadline - this.startedAt) / 1000);
    return new CfmlError(`The request has exceeded the allowable time limit of ${limit} seconds`, { type: 'RequestTimeout', loc, code: ErrorCode.RequestTimeout });
  }

  /** The cgi scope, built from the render's input when first read. */
  get cgi(): Struct {
    if (this.cgiScope === undefined) {
      this.cgiScope = this.cgiInit ? this.cgiInit() : new Struct();
      this.cgiInit = undefined;
    }
    return this.cgiScope;
  }

  /**
   * Set by the host when the response can be streamed (the HTTP handler): writes a chunk of output
   * to the client now; the first call also sends the status, headers and cookies.
   */
  flushHook?: (chunk: string) => void;
  /** `<cfflush>` has sent the status and headers: they can no longer change. */
  flushed = false;
  /** `<cfflush interval="n">`: flush whenever this many characters are buffered (0 = off). */
  flushInterval = 0;
  /**
   * Above 0 while a tag takes its body's output for itself (cfquery's SQL, cfsavecontent, cfsilent,
   * a custom tag's generated content...): ctx.out is then that text, not the page's, so the
   * cfflush interval must not send it to the client.
   */
  captureDepth = 0;

  /**
   * `<cfflush>`: sends the output buffered so far to the client (status, headers and cookies with
   * the first flush). Without a streaming host (the CLI, renderString) it does nothing.
   */
  flush(): void {
    if (!this.flushHook) return;
    const chunk = this.out;
    this.out = '';
    // the hook sees flushed = false on the first call (it then sends the head)
    this.flushHook(chunk);
    this.flushed = true;
  }

  /**
   * Throws when the response has been flushed: `what` (cfheader, cflocation, cfcookie, cfcontent)
   * would change the status or headers that are already sent.
   * @throws CfmlError (type Application)
   */
  checkNotFlushed(what: string, loc?: SourceLoc): void {
    if (!this.flushed) return;
    throw new CfmlError(`[${what}] cannot be used after the response has been flushed`, {
      type: 'Application',
      loc,
      detail: 'cfflush has already sent the status code and the headers to the client; set headers, cookies and redirects before the first cfflush',
    });
  }

  /**
   * cflocation / location(): records a redirect (302 unless `status` is given) and ends the page.
   * @throws AbortPage always (the page ends); CfmlError after a cfflush or for a status outside 300-399
   */
  relocate(url: string, status: number | undefined, loc?: SourceLoc): never {
    this.checkNotFlushed('cflocation', loc);
    if (status !== undefined && !(Number.isInteger(status) && status >= 300 && status <= 399)) {
      throw new CfmlError(`invalid statusCode [${status}] for a redirect`, { type: 'Application', loc, detail: 'a redirect takes a status code from 300 to 399 (301, 302, 303, 307, 308)' });
    }
    const r = this.response;
    r.location = url;
    r.status = status ?? 302;
    r.headers['Location'] = url;
    throw new AbortPage(loc);
  }

  write(s: string): void {
    if (this.frame?.outputOff) return;
    this.out += s;
    if (this.flushInterval !== 0 && this.captureDepth === 0 && this.out.length >= this.flushInterval) this.flush();
    // a runaway page (an endless loop that prints) ends with an error, not an exhausted heap
    if (this.out.length > this.engine.maxOutput) {
      this.out = this.out.slice(0, 1000);
      throw expressionError(`the page output exceeded the limit of ${this.engine.maxOutput} characters`, { detail: 'see EngineOptions.maxOutput', code: ErrorCode.OutputLimit });
    }
  }

  scope(name: ScopeName, loc?: SourceLoc): Struct {
    switch (name) {
      case 'variables':
        return this.variables;
      case 'request':
        return this.request;
      case 'url':
        return this.url;
      case 'form':
        return this.form;
      case 'cgi':
        return this.cgi;
      case 'cookie':
        return this.cookie;
      case 'server':
        return this.engine.server;
      case 'application':
        return this.app ? this.app.scope : this.engine.application;
      case 'session':
        if (this.sessionRef) return this.useSession()!;
        if (this.app || this.web) {
          throw expressionError('the session scope is not enabled', {
            loc,
            detail: 'turn session management on: this.sessionManagement = true in Application.cfc, or <cfapplication name="..." sessionmanagement="true">',
          });
        }
        return this.engine.sessionFor(this);
      case 'client':
        return clientScope(this, loc);
      case 'local':
        if (!this.frame) return this.variables;
        return this.frame.local;
      case 'arguments':
        if (!this.frame) throw expressionError('the arguments scope is only available inside a function', { loc });
        return this.frame.args;
      case 'this':
        if (!this.component) throw expressionError('the this scope is only available inside a component', { loc });
        return this.component;
      default:
        throw expressionError(`scope [${name}] is not supported`, { loc });
    }
  }

  /**
   * Unscoped read in Lucee's order: local, arguments, columns of the active query loops,
   * variables, cgi (keys it has), url, form, cookie. Returns undefined when nowhere.
   */
  lookup(lower: string): unknown {
    for (let f = this.frame; f; f = f.parent) {
      const l = f.local.getLower(lower);
      if (l !== undefined) return l;
      const a = f.args.getLower(lower);
      if (a !== undefined) return a;
    }
    const qs = this.queries;
    for (let i = qs.length - 1; i >= 0; i--) {
      const q = qs[i]!;
      const col = q.columnLower(lower);
      if (col) return q.recordCount ? col[q.currentRow - 1] : '';
    }
    // bare currentRow / recordCount / columnList inside a query loop read the innermost query's
    if (qs.length && (lower === 'currentrow' || lower === 'recordcount' || lower === 'columnlist')) {
      const q = qs[qs.length - 1]!;
      return lower === 'currentrow' ? q.currentRow : lower === 'recordcount' ? q.recordCount : q.columnList.toUpperCase();
    }
    const v = this.variables.getLower(lower);
    if (v !== undefined) return v;
    if (this.cgi.hasLower(lower)) return this.cgi.getLower(lower);
    const u = this.url.getLower(lower);
    if (u !== undefined) return u;
    const fm = this.form.getLower(lower);
    if (fm !== undefined) return fm;
    const c = this.cookie.getLower(lower);
    if (c !== undefined) return c;
    return undefined;
  }

  /**
   * Whether an unscoped name is a variable that holds null (for full null support, where such a
   * variable reads as null instead of being undefined): a key of a local, arguments or variables
   * scope, or a column of an active query loop, in lookup()'s order.
   */
  holdsNull(lower: string): boolean {
    for (let f = this.frame; f; f = f.parent) if (f.local.hasLower(lower) || f.args.hasLower(lower)) return true;
    for (const q of this.queries) if (q.columnLower(lower)) return true;
    return this.variables.hasLower(lower);
  }

  /** Where an unscoped assignment goes: an existing local or argument inside a function, else variables. */
  assignTarget(lower: string): Struct {
    for (let f = this.frame; f; f = f.parent) {
      if (f.local.hasLower(lower)) return f.local;
      if (f.args.hasLower(lower)) return f.args;
    }
    return this.variables;
  }
}
