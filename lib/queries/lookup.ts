/** Run id → thread id, from the runs Runboard has seen (GET /api/lookup; see lib/server/lookup.ts). */
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch, contractSchema } from './fetcher';
import type { LookupResult as LookupResultSchema } from './schemas';
import { queryKeys } from './keys';

export type LookupResult = z.infer<typeof LookupResultSchema>;

export function lookupRun(runId: string, signal?: AbortSignal): Promise<LookupResult> {
  return apiFetch('/api/lookup', { schema: contractSchema('LookupResult'), query: { run_id: runId }, signal });
}

export function lookupRunQueryOptions(runId: string) {
  return queryOptions({
    queryKey: queryKeys.lookup(runId),
    queryFn: ({ signal }) => lookupRun(runId, signal),
    retry: false,
    staleTime: 60_000,
  });
}
