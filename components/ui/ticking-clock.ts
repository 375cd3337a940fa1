'use client';

import { useSyncExternalStore } from 'react';
import { serverNowMs } from '@/lib/queries/server-clock';

/**
 * A page-wide clock on the upstream's time that ticks every `periodMs`: one interval however many components read it
 * (not one per cell), running only while someone subscribes. The hook returns null during SSR and hydration, so the
 * server HTML and the hydration pass render the same thing and the first client render after it shows the live time.
 */
export function tickingClock(periodMs: number): () => number | null {
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
      }, periodMs);
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && timer) {
        clearInterval(timer);
        timer = undefined;
      }
    };
  }

  return function useTickingClock() {
    return useSyncExternalStore<number | null>(subscribe, () => nowMs, () => null);
  };
}
