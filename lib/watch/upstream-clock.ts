// The upstream's clock, as offset from ours, learned from the Date header of its answers. Run timestamps are on
// the upstream's clock (an emulator's clock can be moved), so "queued for 3 min" must be measured on it too.
// Per connection, in memory; the Date header has 1 s resolution, which is what the rules need.

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
