import 'server-only';

// A very short cache for polling of objects that are still changing (active runs, in-progress steps). Many people
// watching one stuck run then cost about one upstream call per TTL instead of one per viewer. Terminal objects are
// not cached here (they do not change, and browsers cache them via react-query); keys carry the connection id.

export type CacheEntry<T> = { value: T; expiresAt: number };

export class PollCache<T> {
  private readonly entries = new Map<string, CacheEntry<T>>();
  private setsSinceSweep = 0;

  constructor(private readonly maxEntries = 5_000, private readonly now: () => number = Date.now) {}

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: T, ttlMs: number): void {
    if (ttlMs <= 0) return;
    // Expired entries are otherwise only dropped when read again; sweep now and then so memory follows the TTL.
    this.setsSinceSweep += 1;
    if (this.setsSinceSweep >= 256 || this.entries.size >= this.maxEntries) {
      this.setsSinceSweep = 0;
      this.evictExpiredOrOldest();
    }
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs });
  }

  /** Drops every entry whose key starts with `prefix` (a mutation on a thread invalidates its cached polls). */
  deletePrefix(prefix: string): number {
    let removed = 0;
    for (const key of this.entries.keys()) {
      if (key.startsWith(prefix)) {
        this.entries.delete(key);
        removed += 1;
      }
    }
    return removed;
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private evictExpiredOrOldest(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
    // Map iteration is insertion order, so the first key is the oldest.
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }
}
