'use client';

import { tickingClock } from './ticking-clock';

// The clock for every relative time on the page ("7 min ago"): 10 s is as fine as that text gets. Null during SSR and
// hydration, so those render the stable absolute UTC form and the first client render after them switches to the
// viewer's zone and relative text — no hydration mismatch.
const useTenSecondClock = tickingClock(10_000);

/** Current time in ms, refreshed every 10 s; null during SSR and hydration. */
export function useNow(): number | null {
  return useTenSecondClock();
}
