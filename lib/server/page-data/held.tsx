import 'server-only';
import { HydrationBoundary, type DehydratedState } from '@tanstack/react-query';
import { Suspense, type ReactNode } from 'react';

/**
 * How long a page's first HTML waits for its data before it streams a placeholder instead. React reveals content
 * streamed behind a placeholder no sooner than 300 ms after the placeholder was painted (it batches reveals so they
 * do not flicker), so data that comes within about that long reaches the screen sooner inside the first HTML than
 * behind a skeleton; a slower upstream still gets the skeleton at once and its data streamed after it.
 */
export const PAGE_HOLD_MS = 300;

/** The page's data in its first HTML when it comes within PAGE_HOLD_MS, else `fallback` now and the data streamed. */
export async function HeldOrStreamed({ state, fallback, children }: { state: Promise<DehydratedState>; fallback: ReactNode; children: ReactNode }) {
  const held = await withinHold(state);
  if (held) return <HydrationBoundary state={held}>{children}</HydrationBoundary>;
  return (
    <Suspense fallback={fallback}>
      <Streamed state={state}>{children}</Streamed>
    </Suspense>
  );
}

/** The state if it settles within PAGE_HOLD_MS, else null (a failure is thrown as it would be when awaited). */
function withinHold(state: Promise<DehydratedState>): Promise<DehydratedState | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, PAGE_HOLD_MS, null);
    state.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });
}

async function Streamed({ state, children }: { state: Promise<DehydratedState>; children: ReactNode }) {
  return <HydrationBoundary state={await state}>{children}</HydrationBoundary>;
}
