/** Runs Runboard has seen on a thread (GET /api/threads/{id}/runs-seen): its own record, not the upstream's list. */
import { queryOptions } from '@tanstack/react-query';
import { apiFetch, contractSchema } from './fetcher';
import { queryKeys } from './keys';

export type { RunSeen } from './schemas';
const RunsSeenList = contractSchema('RunsSeenList');

export function runsSeenQueryOptions(threadId: string) {
  return queryOptions({
    queryKey: queryKeys.runsSeen(threadId),
    queryFn: ({ signal }) => apiFetch(`/api/threads/${encodeURIComponent(threadId)}/runs-seen`, { schema: RunsSeenList, query: { limit: 50 }, signal }),
    // Runboard's record grows as runs are opened or created here; re-read it now and then, not on every render.
    refetchInterval: 15_000,
    refetchIntervalInBackground: false,
  });
}
