'use client';

import { useSyncExternalStore } from 'react';
import { serverNowMs } from '@/lib/queries/server-clock';

// One shared clock for every relative time on the page (one interval, not one per cell). The server snapshot is
// null, so server HTML and the hydration pass render the stable absolute UTC form, and the first client render after
// hydration switches to the viewer's zone and relative text — no hydration mismatch.
const TICK_MS = 10_000;
let now = serverNowMs();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    now = serverNowMs();
    timer = setInterval(() => {
      now = serverNowMs();
      for (const l of listeners) l();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** Current time in ms, refreshed every 10 s; null during SSR and hydration. */
export function useNow(): number | null {
  return useSyncExternalStore<number | null>(subscribe, () => now, () => null);
}
