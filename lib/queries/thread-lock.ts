/**
 * Which runs lock a thread. The API allows one active run per thread and it is always the newest, so one request
 * (limit 1) usually answers; but some facades let several runs be active at once, so when the newest is active the
 * first page is read to find them all. A server that cannot list runs is asked about the runs Runboard has seen
 * active on the thread instead, one retrieve each (their current status, not the remembered one).
 */
import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { isActiveStatus } from '@/lib/view/thread-run-row';
import { isEndpointNotSupported } from './api-error';
import { useCapabilities } from './capabilities';
import { apiFetch, contractSchema } from './fetcher';
import { queryKeys } from './keys';
import { runQueryOptions } from './run';
import { latestRunQueryOptions, runsPath } from './runs-list';
import { runsSeenQueryOptions } from './runs-seen';

export type ActiveRun = { id: string; status: string; created_at: number | null };
export type ThreadLock = { runs: ActiveRun[]; source: 'upstream' | 'runboard' };

const RunList = contractSchema('RunList');

function activeRunsPageQueryOptions(threadId: string) {
  return queryOptions({
    queryKey: queryKeys.activeRunsPage(threadId),
    queryFn: async ({ signal }) => (await apiFetch(runsPath(threadId), { schema: RunList, query: { limit: 20, order: 'desc' }, signal })).data,
    refetchInterval: 3_000,
    refetchIntervalInBackground: false,
  });
}

export function useThreadLock(threadId: string): ThreadLock {
  const caps = useCapabilities();
  const latest = useQuery({ ...latestRunQueryOptions(threadId), enabled: caps.ready && caps.listRuns !== 'unsupported' });
  const listable = caps.listRuns !== 'unsupported' && !isEndpointNotSupported(latest.error);
  const newestActive = Boolean(latest.data && isActiveStatus(latest.data.status));
  const page = useQuery({ ...activeRunsPageQueryOptions(threadId), enabled: listable && newestActive });

  const seen = useQuery({ ...runsSeenQueryOptions(threadId), enabled: caps.ready && !listable });
  const candidates = listable ? [] : (seen.data?.data ?? []).filter((r) => r.last_status !== null && isActiveStatus(r.last_status));
  const current = useQueries({ queries: candidates.map((r) => runQueryOptions(threadId, r.id)) });

  if (!listable) {
    const runs = candidates
      .map((r, i) => {
        const now = current[i]?.data;
        return { id: r.id, status: now?.status ?? r.last_status ?? 'unknown', created_at: now?.created_at ?? r.created_at };
      })
      .filter((r) => isActiveStatus(r.status));
    return { runs, source: 'runboard' };
  }
  if (!latest.data || !newestActive) return { runs: [], source: 'upstream' };
  const fromPage = (page.data ?? []).filter((r) => isActiveStatus(r.status));
  const runs = fromPage.length > 0 ? fromPage : [latest.data];
  return { runs: runs.map((r) => ({ id: r.id, status: r.status, created_at: r.created_at })), source: 'upstream' };
}
