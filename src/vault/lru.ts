// The least-recently-used maps of template-cache.ts. They were lru-cache's LRUCache, whose module,
// on loading, reads the global `performance` (which makes Node load node:perf_hooks) and opens
// diagnostics channels: a tenth of what `vtpl preview` and `check` spend in their own modules'
// start-up, for two maps that need none of its options beyond a bound. A Map keeps its keys in
// insertion order, so moving a key to the end on each use makes its first key the least
// recently used.

/** A map that keeps at most `max` entries and, when sizes are given, at most `maxSize` in total. */
export class LRUMap<K, V> {
  readonly #entries = new Map<K, { readonly value: V; readonly size: number }>();
  #total = 0;

  /**
   * `size` gives an entry's size (a positive number); an entry larger than `maxSize` is not kept.
   * Without it, entries have no size and only `max` bounds them.
   */
  constructor(
    readonly max: number,
    readonly maxSize = Number.POSITIVE_INFINITY,
    readonly size: (value: V, key: K) => number = () => 0,
  ) {}

  /** The value, which becomes the most recently used. */
  get(key: K): V | undefined {
    const e = this.#entries.get(key);
    if (e === undefined) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, e);
    return e.value;
  }

  /** Sets the value, the most recently used, after dropping the least recently used ones it has no room for. */
  set(key: K, value: V): void {
    this.delete(key);
    const size = this.size(value, key);
    if (size > this.maxSize) return;
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size < this.max && this.#total + size <= this.maxSize) break;
      this.delete(oldest);
    }
    this.#entries.set(key, { value, size });
    this.#total += size;
  }

  delete(key: K): void {
    const e = this.#entries.get(key);
    if (e === undefined) return;
    this.#entries.delete(key);
    this.#total -= e.size;
  }

  /** The keys, least recently used first. */
  keys(): IterableIterator<K> {
    return this.#entries.keys();
  }
}
