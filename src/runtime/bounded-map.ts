/**
 * A Map that holds at most `max` entries: adding a new key to a full map first drops the oldest
 * one (first inserted). For the caches that live as long as an Engine (or the process) and are
 * keyed by names a request can choose: `setVariable("v_" & url.k, 1)` must not grow memory
 * without end (issue 8, item 10). Reads cost the same as a Map's; eviction is FIFO, which keeps
 * the hot path free of bookkeeping (a hit does not reorder).
 */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(readonly max: number) {
    super();
  }

  override set(key: K, value: V): this {
    if (this.size >= this.max && !this.has(key)) {
      const oldest = this.keys().next();
      if (!oldest.done) this.delete(oldest.value);
    }
    return super.set(key, value);
  }
}
