/**
 * "I'm on it": claim and release a run (PUT/DELETE /api/runs/{id}/claim), and read the live claims. A 409 names who
 * holds the run (`claimHolder`). Every change invalidates the inbox, the run's and the thread's claims.
 */
import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { isApiRequestError } from './api-error';
import { apiFetch, contractSchema, type ApiTransport } from './fetcher';
import type { Claim } from './inbox';
import { queryKeys } from './keys';

const claimPath = (runId: string) => `/api/runs/${encodeURIComponent(runId)}/claim`;

/** `transport` is only given by the server's page prefetch (see ApiTransport). */
export function runClaimQueryOptions(runId: string, transport?: ApiTransport) {
  return queryOptions({
    queryKey: queryKeys.runClaim(runId),
    queryFn: ({ signal }) => apiFetch(claimPath(runId), { schema: contractSchema('ClaimAnswer'), signal, transport }).then((a) => a.claim),
    staleTime: 15_000,
  });
}

export function threadClaimsQueryOptions(threadId: string, transport?: ApiTransport) {
  return queryOptions({
    queryKey: queryKeys.threadClaims(threadId),
    queryFn: ({ signal }) => apiFetch(`/api/threads/${encodeURIComponent(threadId)}/claims`, { schema: contractSchema('ClaimList'), signal, transport }).then((a) => a.data),
    staleTime: 15_000,
  });
}

function refresh(queryClient: QueryClient, runId: string, threadId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.inbox() }),
    queryClient.invalidateQueries({ queryKey: queryKeys.runClaim(runId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.threadClaims(threadId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.auditHistory(threadId) }),
  ]);
}

export function useClaimRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['claim'],
    mutationFn: ({ runId, threadId }: { runId: string; threadId: string }) =>
      apiFetch(claimPath(runId), { method: 'PUT', body: { thread_id: threadId }, schema: contractSchema('ClaimAnswer') }),
    onSuccess: (answer, { runId }) => queryClient.setQueryData(queryKeys.runClaim(runId), answer.claim),
    onSettled: (_a, _e, { runId, threadId }) => refresh(queryClient, runId, threadId),
  });
}

export function useReleaseClaim() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['claim-release'],
    mutationFn: ({ runId }: { runId: string; threadId: string }) => apiFetch(claimPath(runId), { method: 'DELETE', schema: contractSchema('ClaimAnswer') }),
    onSuccess: (_answer, { runId }) => queryClient.setQueryData(queryKeys.runClaim(runId), null),
    onSettled: (_a, _e, { runId, threadId }) => refresh(queryClient, runId, threadId),
  });
}

/** Who holds the run, from a 409 `already_claimed` answer (null for any other error). */
export function claimHolder(error: unknown): Claim | null {
  if (!isApiRequestError(error) || error.status !== 409) return null;
  const claim = error.detail?.claim as Partial<Claim> | undefined;
  return claim && typeof claim.user_name === 'string' && typeof claim.claimed_at === 'number' ? (claim as Claim) : null;
}
