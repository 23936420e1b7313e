/**
 * A per-process cache of at most `size` entries that forgets the least recently used first.
 * Only for values that never change under their key (immutable rows, content-addressed
 * results): nothing here is ever invalidated, so every instance may keep its own.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly size: number) {
    if (!(size >= 1)) throw new RangeError("BoundedCache needs room for one entry");
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Map keeps insertion order: moving the key to the end marks it as the most recent.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): V {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value as K);
    return value;
  }

  /** The cached value, or `load()`'s, which is kept; concurrent misses share one load. */
  async through(key: K, load: () => Promise<V>): Promise<V> {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const pending = this.loading.get(key);
    if (pending) return pending;
    const promise = load().then(
      (value) => {
        this.loading.delete(key);
        return this.set(key, value);
      },
      (error: unknown) => {
        this.loading.delete(key);
        throw error;
      },
    );
    this.loading.set(key, promise);
    return promise;
  }

  get count() {
    return this.entries.size;
  }

  private readonly loading = new Map<K, Promise<V>>();
}
