/** The capabilities query alone (no hooks), so the server's page prefetch can use it too. */
import { queryOptions } from '@tanstack/react-query';
import { apiFetch, contractSchema, type ApiTransport } from './fetcher';
import { queryKeys } from './keys';

const CapabilitiesInfo = contractSchema('CapabilitiesInfo');

/** `transport` is only given by the server's page prefetch (see ApiTransport). */
export function capabilitiesQueryOptions(transport?: ApiTransport) {
  return queryOptions({
    queryKey: queryKeys.capabilities(),
    queryFn: ({ signal }) => apiFetch('/api/connection/capabilities', { schema: CapabilitiesInfo, signal, transport }),
    // Learned facts change only when an answer teaches something new; pages re-read them now and then.
    staleTime: 60_000,
  });
}

