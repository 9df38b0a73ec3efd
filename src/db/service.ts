/**
 * The per-Engine database service: one pool per datasource definition, the cachedWithin cache, and
 * the lookup of datasource names (the render's Application.cfc settings first, then the Engine's).
 * Created on the first query; engine.close() ends every pool.
 */
import { CfmlError, ErrorCode } from '../runtime/errors.js';
import { Struct } from '../runtime/struct.js';
import type { Query } from '../runtime/query.js';
import { toStr } from '../runtime/cast.js';
import { resolveDatasource, type DatasourceInput, type ResolvedDatasource } from './config.js';
import type { DbPool } from './types.js';
import { SqlitePool } from './drivers/sqlite.js';
import { PostgresPool } from './drivers/postgres.js';
import { MysqlPool } from './drivers/mysql.js';

/**
 * Datasources as a settings object: EngineOptions.datasources/datasource, or what an
 * Application.cfc declares (this.datasources / this.datasource). `datasource` is the default: a
 * name of one of `datasources`, or a definition of its own.
 */
export interface DatasourceSettings {
  datasources?: Record<string, DatasourceInput> | Struct;
  datasource?: string | DatasourceInput;
  /** Where relative SQLite paths start (the Application.cfc's directory); default the current directory. */
  baseDir?: string;
}

/** A cached result: the query is copied on every hit, so one render's changes never reach another's. */
export interface CachedResult {
  query: Query;
  expires: number;
}

export class DatabaseService {
  private readonly pools = new Map<string, DbPool>();
  private readonly resolved = new WeakMap<object, Map<string, ResolvedDatasource>>();
  /** Names as written to what they resolved to, per settings (the Engine's, or an Application.cfc's). */
  private readonly byName = new WeakMap<DatasourceSettings, Map<string, ResolvedDatasource>>();
  readonly cache = new Map<string, CachedResult>();

  constructor(private readonly engineSettings: DatasourceSettings = {}) {}

  /**
   * The datasource a query uses: `ds` is a name, an inline definition, a connection string
   * (used when no datasource has that name), or undefined for the default.
   * `app` is the render's Application.cfc settings (Ctx.appDatasources), searched first.
   */
  datasource(ds: unknown, app: DatasourceSettings | undefined): ResolvedDatasource {
    // a name as written: looked up once per settings (the definitions themselves are memoised below)
    if (typeof ds === 'string' && ds !== '') {
      const owner = app ?? this.engineSettings;
      let names = this.byName.get(owner);
      const hit = names?.get(ds);
      if (hit) return hit;
      const found = this.lookup(ds, app);
      if (!names) this.byName.set(owner, (names = new Map()));
      if (names.size < 256) names.set(ds, found);
      return found;
    }
    return this.lookup(ds, app);
  }

  private lookup(ds: unknown, app: DatasourceSettings | undefined): ResolvedDatasource {
    if (ds !== undefined && ds !== null && ds !== '' && typeof ds !== 'string') {
      if (ds instanceof Struct || typeof ds === 'object') return this.memo(ds as object, '', () => resolveDatasource('(inline)', ds as DatasourceInput, app?.baseDir));
      ds = toStr(ds);
    }
    const name = (ds as string | undefined) || undefined;
    for (const s of app ? [app, this.engineSettings] : [this.engineSettings]) {
      const hit = name !== undefined ? this.named(s, name) : this.defaultOf(s);
      if (hit) return hit;
    }
    // a connection string given where a name goes (`datasource="#dsn#"` with dsn = "postgresql://...")
    if (name !== undefined && /^(jdbc:)?[a-z0-9]+:/i.test(name) && (name.includes('://') || /^(jdbc:)?sqlite:/i.test(name))) {
      return this.memo(this, name, () => resolveDatasource(name.replace(/\/\/[^@/]*@/, '//'), name, app?.baseDir));
    }
    if (name === undefined) {
      throw new CfmlError('no datasource given and no default datasource is defined', {
        type: 'Database',
        code: ErrorCode.NoDatasource,
        detail: 'give the tag a datasource attribute, or define a default: EngineOptions.datasource, or this.datasource in Application.cfc',
      });
    }
    const known = [...(app ? this.names(app) : []), ...this.names(this.engineSettings)];
    throw new CfmlError(`datasource [${name}] doesn't exist`, {
      type: 'Database',
      code: ErrorCode.UnknownDatasource,
      detail: known.length ? `defined datasources are [${known.join(', ')}]` : 'no datasources are defined (EngineOptions.datasources, or this.datasources in Application.cfc)',
    });
  }

  private names(s: DatasourceSettings): string[] {
    const d = s.datasources;
    return d ? (d instanceof Struct ? d.keys() : Object.keys(d)) : [];
  }

  private named(s: DatasourceSettings, name: string): ResolvedDatasource | undefined {
    const d = s.datasources;
    if (!d) return undefined;
    const lower = name.toLowerCase();
    const key = d instanceof Struct ? (d.hasLower(lower) ? d.keyCase(name) ?? name : undefined) : Object.keys(d).find((k) => k.toLowerCase() === lower);
    if (key === undefined) return undefined;
    const def = d instanceof Struct ? d.get(key) : d[key];
    if (def === undefined || def === null) return undefined;
    return this.memo(s, lower, () => resolveDatasource(key, def as DatasourceInput, s.baseDir));
  }

  private defaultOf(s: DatasourceSettings): ResolvedDatasource | undefined {
    const dflt = s.datasource;
    if (dflt === undefined || dflt === null || dflt === '') return undefined;
    if (typeof dflt === 'string') {
      const hit = this.named(s, dflt);
      if (hit) return hit;
      throw new CfmlError(`the default datasource [${dflt}] doesn't exist`, { type: 'Database', code: ErrorCode.UnknownDatasource, detail: `defined datasources are [${this.names(s).join(', ')}]` });
    }
    return this.memo(s, '\0default', () => resolveDatasource('default', dflt, s.baseDir));
  }

  private memo(owner: object, key: string, make: () => ResolvedDatasource): ResolvedDatasource {
    let m = this.resolved.get(owner);
    if (!m) this.resolved.set(owner, (m = new Map()));
    let r = m.get(key);
    if (!r) m.set(key, (r = make()));
    return r;
  }

  /** The pool of a datasource, made on first use (the driver module loads then). */
  pool(ds: ResolvedDatasource): DbPool {
    let p = this.pools.get(ds.key);
    if (!p) {
      p = ds.driver === 'sqlite' ? new SqlitePool(ds) : ds.driver === 'postgresql' ? new PostgresPool(ds) : new MysqlPool(ds);
      this.pools.set(ds.key, p);
    }
    return p;
  }

  /** Ends every pool and empties the cache. */
  async close(): Promise<void> {
    const all = [...this.pools.values()];
    this.pools.clear();
    this.cache.clear();
    await Promise.all(all.map((p) => p.close()));
  }
}
