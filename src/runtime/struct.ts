export interface Entry {
  key: string;
  value: unknown;
}

/**
 * CFML struct: keys are case-insensitive for lookup but keep the case they were first written
 * with. Callers that know the key at parse time pass it lower-cased already (getLower/setLower),
 * so the hot path is a single Map lookup.
 */
export class Struct {
  private readonly map = new Map<string, Entry>();
  /** Bumped when entries leave the map, so a cached entry is known to be stale. */
  version = 0;
  /** "ordered" structs keep insertion order, like every struct here; the flag is kept for dumps. */
  kind: 'normal' | 'ordered' | 'casesensitive' = 'normal';

  static from(obj: Record<string, unknown>): Struct {
    const s = new Struct();
    for (const k of Object.keys(obj)) s.set(k, obj[k]);
    return s;
  }

  get size(): number {
    return this.map.size;
  }

  get(key: string): unknown {
    return this.map.get(key.toLowerCase())?.value;
  }

  getLower(lower: string): unknown {
    return this.map.get(lower)?.value;
  }

  /** The live entry of a key (for inline caches; valid while `version` is unchanged). */
  entryLower(lower: string): Entry | undefined {
    return this.map.get(lower);
  }

  has(key: string): boolean {
    return this.map.has(key.toLowerCase());
  }

  hasLower(lower: string): boolean {
    return this.map.has(lower);
  }

  /** Sets a value; an existing key keeps its original case. */
  set(key: string, value: unknown): void {
    this.setLower(key.toLowerCase(), key, value);
  }

  setLower(lower: string, key: string, value: unknown): void {
    const e = this.map.get(lower);
    if (e) e.value = value;
    else this.map.set(lower, { key, value });
  }

  delete(key: string): boolean {
    this.version++;
    return this.map.delete(key.toLowerCase());
  }

  clear(): void {
    this.version++;
    this.map.clear();
  }

  /** Keys with their stored case, in insertion order. */
  keys(): string[] {
    const out: string[] = [];
    for (const e of this.map.values()) out.push(e.key);
    return out;
  }

  /** The stored spelling of a key, or undefined. */
  keyCase(key: string): string | undefined {
    return this.map.get(key.toLowerCase())?.key;
  }

  values(): unknown[] {
    const out: unknown[] = [];
    for (const e of this.map.values()) out.push(e.value);
    return out;
  }

  entries(): [string, unknown][] {
    const out: [string, unknown][] = [];
    for (const e of this.map.values()) out.push([e.key, e.value]);
    return out;
  }

  toObject(): Record<string, unknown> {
    const o: Record<string, unknown> = {};
    for (const e of this.map.values()) o[e.key] = e.value;
    return o;
  }
}
