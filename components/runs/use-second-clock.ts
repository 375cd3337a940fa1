'use client';

import { tickingClock } from '@/components/ui/ticking-clock';

// A 1-second clock for the run page's live countdown and ongoing phase durations. Separate from the kit's 10-second
// useNow because "expires in 2 min 40 s" must visibly tick; only the few components that show seconds subscribe,
// so the step list (hundreds of rows) never re-renders on the tick.
const useOneSecondClock = tickingClock(1_000);

/** Current time in whole Unix seconds, ticking every second; null before hydration. */
export function useSecondClock(): number | null {
  const ms = useOneSecondClock();
  return ms === null ? null : Math.floor(ms / 1000);
}
