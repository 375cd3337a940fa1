/** Run id → thread id, from the runs Runboard has seen (GET /api/lookup; see lib/server/lookup.ts). */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from './fetcher';
import { queryKeys } from './keys';

export const LookupResult = z.looseObject({ run_id: z.string(), thread_id: z.string(), source: z.string() });
export type LookupResult = z.infer<typeof LookupResult>;

export function lookupRun(runId: string, signal?: AbortSignal): Promise<LookupResult> {
  return apiFetch('/api/lookup', { schema: LookupResult, query: { run_id: runId }, signal });
}

export function lookupRunQueryOptions(runId: string) {
  return queryOptions({
    queryKey: queryKeys.lookup(runId),
    queryFn: ({ signal }) => lookupRun(runId, signal),
    retry: false,
    staleTime: 60_000,
  });
}
