'use client';

import { useEffect } from 'react';
import { seedServerClock } from '@/lib/queries/server-clock';

/**
 * Hands the upstream's time, as the server knew it while rendering this page, to the browser's clock offset: pages
 * whose data came with the HTML (nothing polled) still count from the right "now". Renders nothing.
 */
export function ServerClockSeed({ upstreamNowMs }: { upstreamNowMs: number | null }) {
  useEffect(() => {
    if (upstreamNowMs === null) return;
    // The server wrote the time just before the response started: compare it with that moment on the browser's clock
    // (now, less the time since; Date and performance can disagree, e.g. under a test's fake clock, hence the bounds).
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const since = nav ? performance.now() - nav.responseStart : 0;
    seedServerClock(upstreamNowMs, Date.now() - (since >= 0 && since < 30_000 ? since : 0));
  }, [upstreamNowMs]);
  return null;
}
