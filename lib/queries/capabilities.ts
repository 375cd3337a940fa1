/** What the upstream can do (GET/POST /api/connection/capabilities; lib/server/capabilities/). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { CAPABILITY_IDS, type CapabilityId, type CapabilityState } from '@/lib/view/capabilities';
import { isEndpointNotSupported } from './api-error';
import { apiFetch, contractSchema } from './fetcher';
import { capabilitiesQueryOptions } from './capabilities-query';
import type { CapabilitiesInfo as CapabilitiesInfoT } from './schemas';
import { queryKeys } from './keys';

export { capabilitiesQueryOptions } from './capabilities-query';

export type CapabilitiesInfo = CapabilitiesInfoT;

export function capabilityState(info: CapabilitiesInfo | undefined, id: CapabilityId): CapabilityState {
  return (info?.capabilities[id]?.state as CapabilityState | undefined) ?? 'unknown';
}

/**
 * The capabilities, and whether they are known yet. `ready` turns true once they loaded or failed to load (then
 * everything counts as unknown, i.e. tried), so a page never waits on them for ever.
 */
export function useCapabilities() {
  const query = useQuery(capabilitiesQueryOptions());
  const states = Object.fromEntries(CAPABILITY_IDS.map((id) => [id, capabilityState(query.data, id)])) as Record<CapabilityId, CapabilityState>;
  return { ...states, ready: !query.isPending, data: query.data, query };
}

/** "Check again": probes the upstream anew and refreshes everything that depends on what it can do. */
export function useReprobeCapabilities() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['connection', 'reprobe'],
    mutationFn: () => apiFetch('/api/connection/capabilities', { method: 'POST', schema: contractSchema('CapabilitiesInfo') }),
    onSuccess: (info) => {
      queryClient.setQueryData(queryKeys.capabilities(), info);
      return queryClient.invalidateQueries({ queryKey: queryKeys.threads() });
    },
  });
}

/** An answer said an endpoint is missing: re-read what the server learned, so every other page knows it too. */
export function useLearnFromError(error: unknown): void {
  const queryClient = useQueryClient();
  const missing = isEndpointNotSupported(error);
  useEffect(() => {
    if (missing) void queryClient.invalidateQueries({ queryKey: queryKeys.capabilities() });
  }, [missing, queryClient]);
}
