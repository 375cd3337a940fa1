import 'server-only';

// The upstream's clock, as an offset from ours, learned from the Date header of every answer the upstream client
// receives. Run timestamps are on the upstream's clock (an emulator's clock can be moved, a host can be skewed), so
// "queued for 3 min" is measured on it (watcher, stuck rules, inbox) and pages hand it to the browser so relative
// times and countdowns count from it from the first paint (components/layout/server-clock-seed.tsx).
// Per connection, in memory; the Date header has 1 s resolution, which is what its users need.

const holder = globalThis as typeof globalThis & { runboardUpstreamClock?: Map<string, number> };
const offsets = () => (holder.runboardUpstreamClock ??= new Map());

/** Records the upstream's time from an answer's Date header (ignored when absent or unparsable). */
export function noteUpstreamDate(connectionId: string, dateHeader: string | null | undefined, localMs = Date.now()): void {
  if (!dateHeader) return;
  const upstreamMs = Date.parse(dateHeader);
  if (!Number.isFinite(upstreamMs)) return;
  // The header is truncated to the second: add half a second so the estimate is centred.
  offsets().set(connectionId, upstreamMs + 500 - localMs);
}

/** Restores an offset learned earlier (the watcher keeps it across restarts). */
export function setUpstreamOffset(connectionId: string, offsetMs: number): void {
  offsets().set(connectionId, offsetMs);
}

export function upstreamOffsetMs(connectionId: string): number {
  return offsets().get(connectionId) ?? 0;
}

/** Unix seconds on the upstream's clock (ours until an answer says otherwise). */
export function upstreamNow(connectionId: string, localMs = Date.now()): number {
  return Math.floor((localMs + upstreamOffsetMs(connectionId)) / 1000);
}

/** The upstream's "now" in ms, or null while nothing is known of its clock (the browser then keeps its own). */
export function upstreamNowMs(connectionId: string, localMs = Date.now()): number | null {
  const offset = offsets().get(connectionId);
  return offset === undefined ? null : localMs + offset;
}
