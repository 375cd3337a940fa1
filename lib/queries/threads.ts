/**
 * Thread reads and the "create thread and run" write. Browser-safe: everything goes through apiFetch to the proxy
 * at /api/v1, which mirrors the upstream's paths.
 */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { Run, Thread, type CreateThreadAndRunBody } from '@/lib/contract';
import { isApiRequestError } from './api-error';
import { apiFetch } from './fetcher';
import { queryKeys } from './keys';

const enc = encodeURIComponent;

export function threadPath(threadId: string): string {
  return `/api/v1/threads/${enc(threadId)}`;
}

/**
 * Poll interval while the upstream is down (network, 5xx, 429, timeout): after react-query's own retries give up,
 * keep trying every 10 s so the page heals by itself when the outage ends. Permanent errors (404, 400) stop.
 */
export function outageRefetchInterval(error: unknown): number | false {
  if (!isApiRequestError(error)) return false;
  return error.status === 0 || error.status >= 500 || error.status === 429 || error.status === 408 ? 10_000 : false;
}

export function threadQueryOptions(threadId: string) {
  return queryOptions({
    queryKey: queryKeys.threadDetail(threadId),
    queryFn: ({ signal }) => apiFetch(threadPath(threadId), { schema: Thread, signal }),
    staleTime: 60_000,
    refetchInterval: (query) => outageRefetchInterval(query.state.error),
  });
}

/** POST /threads/runs. The body must already be validated with CreateThreadAndRunBody (the form does it). */
export function useCreateThreadAndRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['thread-mutation', 'create-thread-and-run'],
    mutationFn: ({ body, note }: { body: CreateThreadAndRunBody; note?: string }) => apiFetch('/api/v1/threads/runs', { method: 'POST', body, schema: Run, reason: note }),
    onSuccess: (run) => {
      queryClient.setQueryData(queryKeys.run(run.thread_id, run.id), run);
      // The proxy recorded the new thread: the home list now has it.
      return queryClient.invalidateQueries({ queryKey: queryKeys.recentThreads() });
    },
  });
}
