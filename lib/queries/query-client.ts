import { MutationCache, QueryCache, QueryClient, environmentManager } from '@tanstack/react-query';
import { isApiRequestError } from './api-error';

/** A 401 means the session ended (signed out elsewhere, expired, revoked): go to the sign-in page, then come back. */
function onAuthError(error: unknown): void {
  if (environmentManager.isServer() || !isApiRequestError(error) || error.status !== 401) return;
  const { pathname, search } = window.location;
  // Pages for people who are not signed in (yet): a 401 there is expected.
  if (pathname === '/sign-in' || pathname === '/setup' || pathname === '/invite') return;
  window.location.assign(`/sign-in?next=${encodeURIComponent(`${pathname}${search}`)}`);
}

function makeQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: onAuthError }),
    mutationCache: new MutationCache({ onError: onAuthError }),
    defaultOptions: {
      queries: {
        // Above zero so data prefetched on the server is not refetched immediately after hydration.
        staleTime: 5_000,
        // A 4xx (bad id, not found, signed out, forbidden) will not heal by retrying; outages (5xx, network, 429) might.
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
