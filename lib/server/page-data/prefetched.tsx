import 'server-only';
import { HydrationBoundary, type DehydratedState } from '@tanstack/react-query';
import { Suspense, type ReactNode } from 'react';
import { currentPageRequest, type PageRequest } from './context';

type Load = (request: PageRequest) => Promise<DehydratedState>;

/**
 * Runs a page-data loader for the current request and hands its cache to the client components inside, in its own
 * Suspense boundary so the rest of the page streams at once. Every component reading these queries must be inside,
 * and `fallback` must read none of them: a query created (pending) in the server's cache before this boundary
 * hydrates is not overwritten during the server render, so the HTML would say "loading" while the browser hydrates
 * with data.
 */
export function Prefetched({ load, fallback, children }: { load: Load; fallback: ReactNode; children: ReactNode }) {
  return (
    <Suspense fallback={fallback}>
      <Loaded load={load}>{children}</Loaded>
    </Suspense>
  );
}

async function Loaded({ load, children }: { load: Load; children: ReactNode }) {
  const state = await load(await currentPageRequest());
  return <HydrationBoundary state={state}>{children}</HydrationBoundary>;
}
