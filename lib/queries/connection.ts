/** What Runboard is connected to and whether it answers (GET /api/connection; lib/server/connection-check.ts). */
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch, contractSchema, type ApiTransport } from './fetcher';
import type { ConnectionInfo as ConnectionInfoSchema } from './schemas';
import { queryKeys } from './keys';

export type ConnectionInfo = z.infer<typeof ConnectionInfoSchema>;

export function connectionQueryOptions(transport?: ApiTransport) {
  return queryOptions({
    queryKey: queryKeys.connection(),
    queryFn: ({ signal }) => apiFetch('/api/connection', { schema: contractSchema('ConnectionInfo'), signal, transport }),
    staleTime: 15_000,
    // An unhealthy upstream is re-checked every 10 s so the banner clears by itself once it recovers.
    refetchInterval: (query) => (query.state.data?.check.status === 'ok' ? 60_000 : 10_000),
  });
}
