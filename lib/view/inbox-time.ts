// Time in a stuck state and the countdown to a run's expiry, as the inbox shows them. Pure: "now" is passed in (ms)
// so the server HTML, the hydration pass and tests agree. Unit-tested.
import { formatDuration } from './format-duration';

/** "12 min" in the state; "≥ 12 min" when Runboard only knows a lower bound (it saw the state late). */
export function timeInState(stateSince: number, isLowerBound: boolean, nowMs: number): { seconds: number; text: string } {
  const seconds = Math.max(0, Math.floor(nowMs / 1000 - stateSince));
  return { seconds, text: `${isLowerBound ? '≥ ' : ''}${formatDuration(seconds)}` };
}

export type Countdown = { text: string; tone: 'expired' | 'urgent' | 'soon' | 'calm'; seconds: number };

/**
 * Time left before `expires_at`: "expires in 2 min 10 s" (urgent under the margin the stuck rules use, 3 min by
 * default), "expired 40 s ago". Null when the run has no deadline.
 */
export function countdown(expiresAt: number | null | undefined, nowMs: number, urgentSeconds = 180): Countdown | null {
  if (expiresAt == null) return null;
  const left = Math.floor(expiresAt - nowMs / 1000);
  if (left <= 0) return { text: `expired ${formatDuration(-left)} ago`, tone: 'expired', seconds: left };
  const tone = left <= urgentSeconds ? 'urgent' : left <= urgentSeconds * 3 ? 'soon' : 'calm';
  return { text: `expires in ${formatDuration(left)}`, tone, seconds: left };
}

/** The inbox order: longest in its state first; ties by run id so the order is stable between refreshes. */
export function byLongestStuck<T extends { state_since: number; run_id: string }>(a: T, b: T): number {
  return a.state_since - b.state_since || (a.run_id < b.run_id ? -1 : a.run_id > b.run_id ? 1 : 0);
}
