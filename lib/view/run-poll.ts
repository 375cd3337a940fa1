/**
 * How often the run page re-reads a run, by status. Fast while the backend is working (queued / in_progress) so
 * the timeline moves as it happens; slower while it waits on the user (requires_action) or on a cancel; never once
 * terminal (a terminal run can only change its metadata, and that comes from this page's own mutation).
 * Near the deadline of a waiting run we speed up again so the switch to `expired` shows within a second or two.
 * When the server sends `openai-poll-after-ms`, its advice wins (clamped so a bad value cannot hammer or stall).
 */
import { isTerminal } from './run-shapes';

export const POLL_MS = { working: 1_000, waiting: 5_000, cancelling: 2_000, unknown: 5_000, nearDeadline: 1_000 } as const;
const NEAR_DEADLINE_S = 15;

export function runPollInterval(
  run: { status: string; expires_at?: number | null } | undefined,
  opts: { nowSeconds: number; pollAfterMs?: number | null },
): number | false {
  if (!run) return false;
  if (isTerminal(run.status)) return false;
  if (opts.pollAfterMs != null && Number.isFinite(opts.pollAfterMs) && opts.pollAfterMs > 0) {
    return Math.min(30_000, Math.max(500, opts.pollAfterMs));
  }
  const nearDeadline = run.expires_at != null && run.expires_at - opts.nowSeconds <= NEAR_DEADLINE_S;
  switch (run.status) {
    case 'queued':
    case 'in_progress':
      return POLL_MS.working;
    case 'requires_action':
      return nearDeadline ? POLL_MS.nearDeadline : POLL_MS.waiting;
    case 'cancelling':
      return nearDeadline ? POLL_MS.nearDeadline : POLL_MS.cancelling;
    default:
      return POLL_MS.unknown;
  }
}
