import 'server-only';

// The upstream's clock as last seen in its answers' Date headers. Run timestamps are the upstream's clock, which can
// differ from this server's (a sped-up or moved emulator, a skewed host): pages hand it to the browser so relative
// times and countdowns are computed against it from the first paint (components/layout/server-clock-seed.tsx).

const state = globalThis as typeof globalThis & { runboardUpstreamOffsetMs?: number };

/** Records an answer's Date header (whole seconds, so the middle of that second is assumed). */
export function noteUpstreamDate(dateHeader: string | null, receivedMs = Date.now()): void {
  if (!dateHeader) return;
  const upstreamMs = Date.parse(dateHeader);
  if (Number.isFinite(upstreamMs)) state.runboardUpstreamOffsetMs = upstreamMs + 500 - receivedMs;
}

/** The upstream's "now" in ms, or null before any answer has been seen. */
export function upstreamNowMs(): number | null {
  return state.runboardUpstreamOffsetMs === undefined ? null : Date.now() + state.runboardUpstreamOffsetMs;
}
