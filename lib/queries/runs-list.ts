/**
 * The thread page's runs: one (optionally status-filtered) page of runs, the thread's newest run for the lock
 * banner, and the "create run" write. Filtering scans upstream pages in the browser because the API has no status
 * filter; see lib/view/thread-run-scan.ts for the decision and the cursor rules.
 */
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { ListOf, Run, type CreateRunBody } from '@/lib/contract';
import { isActiveStatus } from '@/lib/view/thread-run-row';
import { scanRuns, type ScanQuery, type ScanResult } from '@/lib/view/thread-run-scan';
import { statusMatcher } from '@/lib/view/thread-page-params';
import { apiFetch } from './fetcher';
import { outageRefetchInterval } from './threads';
import { queryKeys } from './keys';

const RunList = ListOf(Run);
const enc = encodeURIComponent;

export type RunListParams = { status: string; limit: number; after?: string; before?: string };
export type RunListResult = ScanResult<Run> & { filtered: boolean };

/** Poll while anything shown is active (the user is watching it move); stop once everything is terminal. */
const LIVE_INTERVAL_MS = 3_000;
const LIVE_INTERVAL_FILTERED_MS = 6_000;

export function runsPath(threadId: string): string {
  return `/api/v1/threads/${enc(threadId)}/runs`;
}

function fetchRunPage(threadId: string, signal: AbortSignal) {
  return (query: ScanQuery) => apiFetch(runsPath(threadId), { schema: RunList, query, signal });
}

export function runListQueryOptions(threadId: string, params: RunListParams) {
  const filters = { status: params.status, limit: params.limit, after: params.after, before: params.before };
  return queryOptions({
    queryKey: queryKeys.runList(threadId, filters),
    queryFn: async ({ signal }): Promise<RunListResult> => {
      const matches = statusMatcher(params.status);
      const result = await scanRuns<Run>({
        fetchPage: fetchRunPage(threadId, signal),
        cursor: { after: params.after, before: params.before },
        pageSize: params.limit,
        matches,
      });
      return { ...result, filtered: matches !== null };
    },
    placeholderData: keepPreviousData,
    refetchInterval: (query) => {
      const data = query.state.data;
      if (query.state.status === 'error') return outageRefetchInterval(query.state.error);
      if (!data || !data.rows.some((r) => isActiveStatus(r.status))) return false;
      return data.filtered ? LIVE_INTERVAL_FILTERED_MS : LIVE_INTERVAL_MS;
    },
    refetchIntervalInBackground: false,
  });
}

/** The newest run of the thread (one request, limit 1). At most one run is active and it is always the newest. */
export function latestRunQueryOptions(threadId: string) {
  return queryOptions({
    queryKey: queryKeys.latestRun(threadId),
    queryFn: async ({ signal }) => {
      const list = await apiFetch(runsPath(threadId), { schema: RunList, query: { limit: 1, order: 'desc' }, signal });
      return list.data[0] ?? null;
    },
    // Fast while the thread is locked; slow otherwise, to notice runs started elsewhere.
    refetchInterval: (query) => (query.state.data && isActiveStatus(query.state.data.status) ? LIVE_INTERVAL_MS : 15_000),
    refetchIntervalInBackground: false,
  });
}

/** POST /threads/{thread_id}/runs. The body must already be validated with CreateRunBody (the form does it). */
export function useCreateRun(threadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['thread-mutation', 'create-run', threadId],
    mutationFn: ({ body, note }: { body: CreateRunBody; note?: string }) => apiFetch(runsPath(threadId), { method: 'POST', body, schema: Run, reason: note }),
    onSuccess: (run) => {
      queryClient.setQueryData(queryKeys.run(threadId, run.id), run);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.runs(threadId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.messages(threadId).slice(0, 3) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditHistory(threadId) }),
      ]);
    },
  });
}
