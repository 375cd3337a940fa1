import { QueryClient, environmentManager } from '@tanstack/react-query';
import { isApiRequestError } from './api-error';

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Above zero so data prefetched on the server is not refetched immediately after hydration.
        staleTime: 5_000,
        // A 4xx (bad id, not found) will not heal by retrying; outages (5xx, network, 429) might.
        retry: (failureCount, error) => !environmentManager.isServer() && !(isApiRequestError(error) && error.isPermanent) && failureCount < 3,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

/** Server: a fresh client per request (no data shared between users). Browser: one client for the tab's lifetime. */
export function getQueryClient(): QueryClient {
  if (environmentManager.isServer()) return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}
