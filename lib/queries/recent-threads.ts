/** Threads seen through this Runboard (GET /api/threads/recent; shape set by lib/server/recent-threads.ts). */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch, type ApiTransport } from './fetcher';
import { outageRefetchInterval } from './threads';
import { queryKeys } from './keys';

export const RecentThread = z.looseObject({
  thread_id: z.string(),
  title: z.string().nullable(),
  created_at: z.number().nullable(),
  first_seen_at: z.number(),
  last_seen_at: z.number(),
  last_run: z.looseObject({ id: z.string(), status: z.string().nullable(), created_at: z.number().nullable() }).nullable(),
});
export type RecentThread = z.infer<typeof RecentThread>;

export const RecentThreads = z.looseObject({
  data: z.array(RecentThread),
  has_more: z.boolean(),
  connection: z.looseObject({ id: z.string(), name: z.string(), mode: z.string() }),
});
export type RecentThreads = z.infer<typeof RecentThreads>;

export function recentThreadsQueryOptions(limit = 25, transport?: ApiTransport) {
  return queryOptions({
    queryKey: [...queryKeys.recentThreads(), limit] as const,
    queryFn: ({ signal }) => apiFetch('/api/threads/recent', { schema: RecentThreads, query: { limit }, signal, transport }),
    staleTime: 10_000,
    refetchInterval: (query) => outageRefetchInterval(query.state.error),
  });
}
