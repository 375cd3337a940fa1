'use client';

import { useSyncExternalStore } from 'react';
import { serverNowMs } from '@/lib/queries/server-clock';

// A 1-second clock for the run page's live countdown and ongoing phase durations. Separate from the kit's 10-second
// useNow because "expires in 2 min 40 s" must visibly tick; only the few components that show seconds subscribe,
// so the step list (hundreds of rows) never re-renders on the tick. Null during SSR/hydration (no mismatch).
let nowMs = serverNowMs();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    nowMs = serverNowMs();
    timer = setInterval(() => {
      nowMs = serverNowMs();
      for (const l of listeners) l();
    }, 1_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** Current time in whole Unix seconds, ticking every second; null before hydration. */
export function useSecondClock(): number | null {
  const ms = useSyncExternalStore<number | null>(subscribe, () => nowMs, () => null);
  return ms === null ? null : Math.floor(ms / 1000);
}
