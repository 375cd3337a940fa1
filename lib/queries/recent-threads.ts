/** Threads seen through this Runboard (GET /api/threads/recent; shape set by lib/server/recent-threads.ts). */
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch, contractSchema, type ApiTransport } from './fetcher';
import type { RecentThreads as RecentThreadsSchema } from './schemas';
import { outageRefetchInterval } from './threads';
import { queryKeys } from './keys';

export type RecentThreads = z.infer<typeof RecentThreadsSchema>;
export type RecentThread = RecentThreads['data'][number];

export function recentThreadsQueryOptions(limit = 25, transport?: ApiTransport) {
  return queryOptions({
    queryKey: [...queryKeys.recentThreads(), limit] as const,
    queryFn: ({ signal }) => apiFetch('/api/threads/recent', { schema: contractSchema('RecentThreads'), query: { limit }, signal, transport }),
    staleTime: 10_000,
    refetchInterval: (query) => outageRefetchInterval(query.state.error),
  });
}
