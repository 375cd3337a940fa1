/** Runs Runboard has seen on a thread (GET /api/threads/{id}/runs-seen): its own record, not the upstream's list. */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from './fetcher';
import { queryKeys } from './keys';

export const RunSeen = z.looseObject({
  id: z.string(),
  thread_id: z.string(),
  last_status: z.string().nullable(),
  created_at: z.number().nullable(),
  seen_at: z.number(),
});
export type RunSeen = z.infer<typeof RunSeen>;
const RunsSeenList = z.looseObject({ data: z.array(RunSeen), has_more: z.boolean() });

export function runsSeenQueryOptions(threadId: string) {
  return queryOptions({
    queryKey: queryKeys.runsSeen(threadId),
    queryFn: ({ signal }) => apiFetch(`/api/threads/${encodeURIComponent(threadId)}/runs-seen`, { schema: RunsSeenList, query: { limit: 50 }, signal }),
    // Runboard's record grows as runs are opened or created here; re-read it now and then, not on every render.
    refetchInterval: 15_000,
    refetchIntervalInBackground: false,
  });
}
