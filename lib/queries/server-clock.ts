import { nextClockOffset, sampleClockOffset } from '@/lib/view/server-clock';

// The browser's view of the upstream's clock (the clock that wrote every run timestamp). Seeded from the page's
// HTML (the server's last view of the upstream, components/layout/server-clock-seed.tsx), then refined by each
// proxied answer's X-Upstream-Date, which apiFetch passes here. Runboard's own Date is not used: with a sped-up or
// moved emulator it is not the clock the runs were written with.

let offsetMs = 0;

/** Records one answer's clock sample; `sentMs`/`receivedMs` are the browser's clock around the request. */
export function noteServerClock(headers: Headers, sentMs: number, receivedMs: number): void {
  if (typeof window === 'undefined') return;
  offsetMs = nextClockOffset(offsetMs, sampleClockOffset(headers.get('x-upstream-date'), sentMs, receivedMs));
}

/** Records the upstream time the server put in the page, against when the page's response started arriving. */
export function seedServerClock(upstreamMs: number, pageResponseStartMs: number): void {
  offsetMs = nextClockOffset(offsetMs, upstreamMs - pageResponseStartMs);
}

/** The upstream's "now" in ms as well as the browser can tell: use it wherever a time is shown relative to now. */
export function serverNowMs(): number {
  return Date.now() + offsetMs;
}

/** A moment taken on the browser's clock (e.g. react-query's dataUpdatedAt), on the upstream's clock. */
export function toServerMs(browserMs: number): number {
  return browserMs + offsetMs;
}
