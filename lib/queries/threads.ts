/**
 * Thread reads and the "create thread and run" write. Browser-safe: everything goes through apiFetch to the proxy
 * at /api/v1, which mirrors the upstream's paths.
 */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { Run, Thread, type CreateThreadAndRunBody } from '@/lib/contract';
import { apiFetch } from './fetcher';
import { queryKeys } from './keys';

const enc = encodeURIComponent;

export function threadPath(threadId: string): string {
  return `/api/v1/threads/${enc(threadId)}`;
}

export function threadQueryOptions(threadId: string) {
  return queryOptions({
    queryKey: queryKeys.threadDetail(threadId),
    queryFn: ({ signal }) => apiFetch(threadPath(threadId), { schema: Thread, signal }),
    staleTime: 60_000,
  });
}

/** POST /threads/runs. The body must already be validated with CreateThreadAndRunBody (the form does it). */
export function useCreateThreadAndRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['thread-mutation', 'create-thread-and-run'],
    mutationFn: (body: CreateThreadAndRunBody) => apiFetch('/api/v1/threads/runs', { method: 'POST', body, schema: Run }),
    onSuccess: (run) => {
      queryClient.setQueryData(queryKeys.run(run.thread_id, run.id), run);
      // The proxy recorded the new thread: the home list now has it.
      return queryClient.invalidateQueries({ queryKey: queryKeys.recentThreads() });
    },
  });
}
