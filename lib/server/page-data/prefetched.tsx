import 'server-only';
import { HydrationBoundary, type DehydratedState } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { currentPageRequest, type PageRequest } from './context';

/**
 * Runs a page-data loader for the current request and hands its cache to the client components inside. Put it in a
 * <Suspense> so the rest of the page streams at once. Every component reading these queries must be inside, and the
 * fallback must read none of them: a query created (pending) in the server's cache before this boundary hydrates is
 * not overwritten during the server render, so the HTML would say "loading" while the browser hydrates with data.
 */
export async function Prefetched({ load, children }: { load: (request: PageRequest) => Promise<DehydratedState>; children: ReactNode }) {
  const state = await load(await currentPageRequest());
  return <HydrationBoundary state={state}>{children}</HydrationBoundary>;
}
