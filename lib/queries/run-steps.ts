/**
 * All steps of a run, oldest first, read 100 at a time by following the API's cursors (a run with hundreds of
 * steps costs a handful of requests, and the Gantt needs every step). File-search result content is requested
 * with include[] so the viewer can show what was retrieved.
 */
import { queryOptions } from '@tanstack/react-query';
import type { RunStep } from '@/lib/contract';
import { FILE_SEARCH_CONTENT_INCLUDE } from '@/lib/contract/kinds';
import { apiFetch, contractSchema, type ApiTransport } from './fetcher';
import { queryKeys } from './keys';
import { runPath } from './run';

export const STEP_PAGE_SIZE = 100;
/** Safety cap: beyond this the list says it is truncated instead of issuing hundreds of requests. */
export const MAX_STEP_PAGES = 50;

const StepList = contractSchema('StepList');

export type RunStepsResult = { steps: RunStep[]; pages: number; truncated: boolean };

export async function fetchAllRunSteps(threadId: string, runId: string, signal?: AbortSignal, transport?: ApiTransport): Promise<RunStepsResult> {
  const steps: RunStep[] = [];
  let after: string | undefined;
  for (let page = 1; page <= MAX_STEP_PAGES; page++) {
    const list = await apiFetch(`${runPath(threadId, runId)}/steps`, {
      schema: StepList,
      signal,
      transport,
      query: { limit: STEP_PAGE_SIZE, order: 'asc', after, include: [FILE_SEARCH_CONTENT_INCLUDE] },
    });
    steps.push(...list.data);
    const last = list.data.at(-1)?.id ?? list.last_id ?? undefined;
    if (!list.has_more || !last || last === after) return { steps, pages: page, truncated: false };
    after = last;
  }
  return { steps, pages: MAX_STEP_PAGES, truncated: true };
}

export function runStepsQueryOptions(threadId: string, runId: string, transport?: ApiTransport) {
  return queryOptions({
    queryKey: queryKeys.runSteps(threadId, runId, { limit: STEP_PAGE_SIZE, order: 'asc' }),
    queryFn: ({ signal }) => fetchAllRunSteps(threadId, runId, signal, transport),
  });
}
