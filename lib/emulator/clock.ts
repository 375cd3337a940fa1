/**
 * The emulator's clock. Every run's observable state is derived from this clock (never from
 * timers), so tests can move time instead of sleeping and every answer is reproducible.
 *
 * emulator time = base + (real elapsed × speed) + manual offset
 *
 * `speed: 0` freezes real time (tests), `speed: 60` makes a 10-minute expiry pass in 10 s.
 */
export interface ClockOptions {
  /** Emulator start time in Unix seconds (default: the real time now). */
  now?: number;
  /** Emulator seconds per real second (default 1). */
  speed?: number;
  /** Real-time source in milliseconds; injectable so the clock itself is testable. */
  realNowMs?: () => number;
}

export class EmulatorClock {
  readonly speed: number;
  private readonly base: number;
  private readonly realStartMs: number;
  private readonly realNowMs: () => number;
  private offset = 0;

  constructor(opts: ClockOptions = {}) {
    this.realNowMs = opts.realNowMs ?? Date.now;
    this.realStartMs = this.realNowMs();
    this.base = opts.now ?? this.realStartMs / 1000;
    this.speed = opts.speed ?? 1;
    if (!Number.isFinite(this.speed) || this.speed < 0) throw new Error('clock speed must be a number >= 0');
  }

  /** Exact emulator time in (fractional) seconds. */
  nowExact(): number {
    return this.base + ((this.realNowMs() - this.realStartMs) / 1000) * this.speed + this.offset;
  }

  /** Emulator time as the API shows it: integer Unix seconds. */
  now(): number {
    return Math.floor(this.nowExact());
  }

  /** Moves time forward (negative values are refused: runs never rewind). */
  advance(seconds: number): number {
    if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError('advance_seconds must be a number >= 0');
    this.offset += seconds;
    return this.now();
  }

  /**
   * Jumps to an absolute time. Going backwards is allowed for the clock itself, but state that
   * has already been materialised stays (a completed run does not become queued again).
   */
  set(unixSeconds: number): number {
    if (!Number.isFinite(unixSeconds) || unixSeconds < 0) throw new RangeError('now must be Unix seconds >= 0');
    this.offset += unixSeconds - this.nowExact();
    return this.now();
  }

  toJSON(): { now: number; now_exact: number; speed: number; offset_seconds: number } {
    return { now: this.now(), now_exact: this.nowExact(), speed: this.speed, offset_seconds: this.offset };
  }
}
