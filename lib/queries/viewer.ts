/** Who is signed in (GET /api/me), and the sign-in, sign-out and first-admin setup calls. */
import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import type { Viewer } from '@/lib/view/roles';
import { ApiRequestError } from './api-error';
import { apiFetch, contractSchema } from './fetcher';
import { queryKeys } from './keys';

const ViewerSchema = contractSchema('Viewer');

export function viewerQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.viewer(),
    queryFn: ({ signal }) => apiFetch('/api/me', { schema: ViewerSchema, signal }),
    // Re-read now and then: it keeps an active session alive and notices a role change or a revoked session.
    staleTime: 60_000,
    refetchInterval: 5 * 60_000,
  });
}

/** The signed-in user, or null (signed out, or not known yet). */
export function useViewer(): Viewer | null {
  const { data } = useQuery(viewerQueryOptions());
  return data ?? null;
}

/** better-auth answers errors as {message, code}; Runboard's routes as {error:{…}}. Both become ApiRequestError. */
async function postJson(path: string, body: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) });
  } catch {
    throw new ApiRequestError({ status: 0, message: 'Runboard could not be reached. Check your network connection.', code: 'network_error' });
  }
  const json = (await response.json().catch(() => null)) as { message?: unknown; code?: unknown; error?: { message?: unknown; code?: unknown; param?: unknown } } | null;
  if (response.ok) return json;
  const retryAfter = Number(response.headers.get('x-retry-after') ?? response.headers.get('retry-after') ?? '');
  const message = json?.error?.message ?? json?.message;
  const code = json?.error?.code ?? json?.code;
  throw new ApiRequestError({
    status: response.status,
    message:
      response.status === 429 && code !== 'ACCOUNT_SIGN_IN_LIMIT'
        ? `Too many sign-in attempts from this address. Try again in ${Number.isFinite(retryAfter) && retryAfter > 0 ? `${Math.ceil(retryAfter)} seconds` : 'a few minutes'}.`
        : typeof message === 'string' && message
          ? message
          : `Request failed with status ${response.status}`,
    code: code == null ? null : String(code),
    param: typeof json?.error?.param === 'string' ? json.error.param : null,
  });
}

export function useSignIn() {
  return useMutation({ mutationFn: (input: { email: string; password: string }) => postJson('/api/auth/sign-in/email', { ...input, rememberMe: true }) });
}

export function useCompleteSetup() {
  return useMutation({ mutationFn: (input: { token: string; name: string; email: string; password: string }) => postJson('/api/setup', input) });
}

/** Ends this session, or with `everywhere` every session of this user (other browsers, other devices). */
export function useSignOut() {
  return useMutation({ mutationFn: ({ everywhere }: { everywhere: boolean }) => postJson(everywhere ? '/api/auth/revoke-sessions' : '/api/auth/sign-out', {}) });
}
