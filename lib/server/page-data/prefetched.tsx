import 'server-only';
import { HydrationBoundary, type DehydratedState } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { currentPageRequest, type PageRequest } from './context';

/**
 * Runs a page-data loader for the current request and hands its cache to the client components inside. Put it in a
 * <Suspense> whose fallback is the same components (their own loading state), so the rest of the page streams at
 * once. Every component reading these queries must be inside: one outside would render "loading" on the server but
 * data while hydrating, a hydration mismatch.
 */
export async function Prefetched({ load, children }: { load: (request: PageRequest) => Promise<DehydratedState>; children: ReactNode }) {
  const state = await load(await currentPageRequest());
  return <HydrationBoundary state={state}>{children}</HydrationBoundary>;
}
