// The watcher's request budget per connection: a token bucket of capacity one refilled at `rps`, i.e. request
// starts at least 1/rps apart, so no window of one second ever holds more than `rps` of them. Never a burst: a
// bucket that could hold more than one token would let a second's worth of requests out at once after an idle
// spell or a restart. Timers only fire late, so the pace never exceeds the budget (and falls short by ~0.2%). The
// last start is stored (watcher_state), so a restarted server waits out the gap too. Also holds the back-off:
// no request before `retryAtMs`. Pure apart from the injectable clock.

export type BackoffKind = 'rate_limited' | 'outage';

export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 60_000;

/** Exponential back-off for the n-th consecutive failure, capped; the server's Retry-After wins when longer. */
export function backoffMs(failures: number, retryAfterMs: number | null): number {
  const exponential = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.max(exponential, Math.min(retryAfterMs ?? 0, 10 * BACKOFF_CAP_MS));
}

export class Budget {
  readonly gapMs: number;
  lastStartMs: number | null;
  retryAtMs: number | null;

  constructor(readonly rps: number, opts: { lastStartMs?: number | null; retryAtMs?: number | null } = {}) {
    this.gapMs = Math.ceil(1000 / rps);
    this.lastStartMs = opts.lastStartMs ?? null;
    this.retryAtMs = opts.retryAtMs ?? null;
  }

  /** When the next request may start (never before now). */
  nextStartMs(nowMs: number): number {
    const paced = this.lastStartMs === null ? nowMs : this.lastStartMs + this.gapMs;
    return Math.max(nowMs, paced, this.retryAtMs ?? 0);
  }

  /** Records a request start (the caller waited until nextStartMs). */
  spend(nowMs: number): void {
    this.lastStartMs = nowMs;
  }
}
