// The watcher's request budget per connection. What it guarantees: never more than floor(rps) request starts in
// any window of one second (B = max(1, floor(rps)) starts per B/rps seconds for fractional budgets), and no two
// starts closer than 90% of 1/rps (no burst, also after an idle spell). The rule is "start i is at least one window
// after start i−B", not "each start 1/rps after the last", so a timer that fired a few ms late is made up by the
// next start instead of slowing the whole pace (500 runs at 2 req/s really are read every ~250 s). A 4 ms margin
// absorbs network jitter between our clock and the upstream's log. The last start is stored (watcher_state), so a
// restarted server keeps the pace too. Also holds the back-off: no request before `retryAtMs`. Pure.

const WINDOW_MARGIN_MS = 4;
const MIN_GAP_SHARE = 0.9;

export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 60_000;

/** Exponential back-off for the n-th consecutive failure, capped; the server's Retry-After wins when longer. */
export function backoffMs(failures: number, retryAfterMs: number | null): number {
  const exponential = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.max(exponential, Math.min(retryAfterMs ?? 0, 10 * BACKOFF_CAP_MS));
}

export class Budget {
  readonly gapMs: number;
  private readonly perWindow: number;
  private readonly windowMs: number;
  private starts: number[] = [];
  retryAtMs: number | null;

  constructor(readonly rps: number, opts: { lastStartMs?: number | null; retryAtMs?: number | null } = {}) {
    this.gapMs = 1000 / rps;
    this.perWindow = Math.max(1, Math.floor(rps));
    this.windowMs = (this.perWindow * 1000) / rps + WINDOW_MARGIN_MS;
    this.retryAtMs = opts.retryAtMs ?? null;
    // After a restart only the last start is known: assume the ones before it came at the full pace.
    if (opts.lastStartMs != null) {
      const last = opts.lastStartMs;
      this.starts = Array.from({ length: this.perWindow }, (_, i) => last - (this.perWindow - 1 - i) * this.gapMs);
    }
  }

  get lastStartMs(): number | null {
    return this.starts.length > 0 ? this.starts[this.starts.length - 1]! : null;
  }

  /** When the next request may start (never before now). */
  nextStartMs(nowMs: number): number {
    const last = this.lastStartMs;
    const spaced = last === null ? nowMs : last + this.gapMs * MIN_GAP_SHARE;
    const windowed = this.starts.length >= this.perWindow ? this.starts[this.starts.length - this.perWindow]! + this.windowMs : nowMs;
    return Math.ceil(Math.max(nowMs, spaced, windowed, this.retryAtMs ?? 0));
  }

  /** Records a request start (the caller waited until nextStartMs). */
  spend(nowMs: number): void {
    this.starts.push(nowMs);
    if (this.starts.length > this.perWindow) this.starts.shift();
  }
}
