import 'server-only';

// Identical concurrent GETs share one upstream request. The key must include the connection id so two connections
// never share an answer. The shared result is immutable buffered data (a Response body can only be read once).

export class SingleFlight<T> {
  private readonly inFlight = new Map<string, Promise<T>>();

  /** Runs `work` unless a call with the same key is already running, in which case its promise is shared. */
  run(key: string, work: () => Promise<T>): { promise: Promise<T>; shared: boolean } {
    const existing = this.inFlight.get(key);
    if (existing) return { promise: existing, shared: true };
    const promise = work().finally(() => {
      if (this.inFlight.get(key) === promise) this.inFlight.delete(key);
    });
    this.inFlight.set(key, promise);
    return { promise, shared: false };
  }

  get size(): number {
    return this.inFlight.size;
  }
}
