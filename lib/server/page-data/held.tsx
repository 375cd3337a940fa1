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

type Data = { state: DehydratedState };

/**
 * The page's data in its first HTML when it comes within PAGE_HOLD_MS, else `fallback` now and the data streamed.
 * `children` renders the page from its data (its cache goes to the HydrationBoundary).
 */
export async function HeldOrStreamed<T extends Data>({ data, fallback, children }: { data: Promise<T>; fallback: ReactNode; children: (data: T) => ReactNode }) {
  const held = await withinHold(data);
  if (held) return <HydrationBoundary state={held.state}>{children(held)}</HydrationBoundary>;
  return (
    <Suspense fallback={fallback}>
      <Streamed data={data}>{children}</Streamed>
    </Suspense>
  );
}

/** The data if it settles within PAGE_HOLD_MS, else null (a failure is thrown as it would be when awaited). */
function withinHold<T>(data: Promise<T>): Promise<T | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, PAGE_HOLD_MS, null);
    data.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });
}

async function Streamed<T extends Data>({ data, children }: { data: Promise<T>; children: (data: T) => ReactNode }) {
  const loaded = await data;
  return <HydrationBoundary state={loaded.state}>{children(loaded)}</HydrationBoundary>;
}
