// The least-recently-used maps of template-cache.ts. They were lru-cache's LRUCache, whose module,
// on loading, reads the global `performance` (which makes Node load node:perf_hooks) and opens
// diagnostics channels: a tenth of what `vtpl preview` and `check` spend in their own modules'
// start-up, for two maps that need none of its options beyond a bound.
//
// A hit is on every render pass of every template, an eviction only when a process renders more
// distinct templates than the bound: each entry records when it was last used (a counter), so
// a hit is one lookup and one write, and an eviction scans the entries (at most `max`) for the
// least recently used. Moving the key to the end of the Map on each hit instead (delete, set)
// made a vault-db-creds render pass 1.4x slower.

interface Entry<V> {
  readonly value: V;
  readonly size: number;
  used: number;
}

/** A map that keeps at most `max` entries and, when sizes are given, at most `maxSize` in total. */
export class LRUMap<K, V> {
  readonly #entries = new Map<K, Entry<V>>();
  #total = 0;
  #clock = 0;

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
    e.used = ++this.#clock;
    return e.value;
  }

  /** Sets the value, the most recently used, after dropping the least recently used ones it has no room for. */
  set(key: K, value: V): void {
    this.delete(key);
    const size = this.size(value, key);
    if (size > this.maxSize) return;
    while (this.#entries.size > 0 && (this.#entries.size >= this.max || this.#total + size > this.maxSize)) this.delete(this.#oldest() as K);
    this.#entries.set(key, { value, size, used: ++this.#clock });
    this.#total += size;
  }

  delete(key: K): void {
    const e = this.#entries.get(key);
    if (e === undefined) return;
    this.#entries.delete(key);
    this.#total -= e.size;
  }

  /** The keys, least recently used first. */
  keys(): K[] {
    return [...this.#entries].sort((a, b) => a[1].used - b[1].used).map(([k]) => k);
  }

  #oldest(): K | undefined {
    let oldest: K | undefined;
    let used = Number.POSITIVE_INFINITY;
    for (const [k, e] of this.#entries) {
      if (e.used < used) {
        used = e.used;
        oldest = k;
      }
    }
    return oldest;
  }
}
