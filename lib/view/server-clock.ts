// How far the browser's clock is from the server's. Run timestamps (created_at, expires_at) are the upstream's
// clock; a browser a few minutes off would otherwise show wrong countdowns and ages. Each answer's Date header gives
// a sample; these helpers turn samples into one offset and stay pure so they can be tested.

/** An HTTP Date header has whole seconds, and the answer took time to arrive: skews within this are noise. */
export const CLOCK_TOLERANCE_MS = 2_000;
/** A sample from a request slower than this says little about when the server wrote its Date. */
const MAX_ROUND_TRIP_MS = 5_000;

/**
 * Server time minus browser time, in ms, from one answer's Date header and when the request left and the answer
 * arrived (browser clock). Null when the header is missing or unreadable, or the round trip was too slow to tell.
 */
export function sampleClockOffset(dateHeader: string | null | undefined, sentMs: number, receivedMs: number): number | null {
  if (!dateHeader) return null;
  const serverMs = Date.parse(dateHeader);
  if (!Number.isFinite(serverMs)) return null;
  const roundTrip = receivedMs - sentMs;
  if (roundTrip < 0 || roundTrip > MAX_ROUND_TRIP_MS) return null;
  // The header truncates to the second: the server wrote it somewhere in [D, D + 1 s), best guessed as the middle,
  // at about the middle of the round trip.
  return serverMs + 500 - (sentMs + roundTrip / 2);
}

/**
 * The offset to use after a new sample: none while the clocks agree within the tolerance; otherwise the new sample,
 * unless it only moves the current offset by noise (so a countdown does not jump back and forth by a second).
 */
export function nextClockOffset(currentMs: number, sampleMs: number | null): number {
  if (sampleMs === null) return currentMs;
  if (Math.abs(sampleMs) < CLOCK_TOLERANCE_MS) return 0;
  if (Math.abs(sampleMs - currentMs) < CLOCK_TOLERANCE_MS) return currentMs;
  return Math.round(sampleMs);
}
