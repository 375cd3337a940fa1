/** What Runboard is connected to and whether it answers (GET /api/connection; lib/server/connection-check.ts). */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from './fetcher';
import { queryKeys } from './keys';

export const ConnectionInfo = z.looseObject({
  connection: z.looseObject({
    id: z.string(),
    name: z.string(),
    mode: z.string(),
    host: z.string(),
    authStyle: z.string().nullish(),
    maskedKey: z.string().nullish(),
  }),
  check: z.looseObject({
    status: z.string(),
    message: z.string(),
    httpStatus: z.number().nullable().optional(),
    latencyMs: z.number().optional(),
    checkedAt: z.string().optional(),
  }),
});
export type ConnectionInfo = z.infer<typeof ConnectionInfo>;

export function connectionQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.connection(),
    queryFn: ({ signal }) => apiFetch('/api/connection', { schema: ConnectionInfo, signal }),
    staleTime: 15_000,
    // An unhealthy upstream is re-checked every 10 s so the banner clears by itself once it recovers.
    refetchInterval: (query) => (query.state.data?.check.status === 'ok' ? 60_000 : 10_000),
  });
}
