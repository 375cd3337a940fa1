/**
 * Run page writes: submit tool outputs, cancel, edit metadata. Each body is validated with the contract before
 * anything is sent (the caller shows field errors from run-validation.ts), writes the server's answer into the run's
 * cache entry and invalidates the thread's runs subtree (list + this run + its steps) through the key factory.
 * Mutation keys identify the run so the UI can dedupe (useIsMutating) and so the cancel moment survives the
 * dialog unmounting (useMutationState): the API itself never records when cancel was requested.
 */
import { useMutation, useMutationState, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ModifyRunBody, Run, SubmitToolOutputsBody } from '@/lib/contract';
import { apiFetch, contractSchema } from './fetcher';
import { queryKeys } from './keys';
import { runPath } from './run';

export const runMutationKeys = {
  submitToolOutputs: (threadId: string, runId: string) => ['run-mutation', 'submit-tool-outputs', threadId, runId] as const,
  cancel: (threadId: string, runId: string) => ['run-mutation', 'cancel', threadId, runId] as const,
  modify: (threadId: string, runId: string) => ['run-mutation', 'modify', threadId, runId] as const,
};

function settle(queryClient: QueryClient, threadId: string, runId: string, run: Run | undefined) {
  if (run) queryClient.setQueryData(queryKeys.run(threadId, runId), run);
  // The runs subtree: the thread's run list, this run and its steps.
  return queryClient.invalidateQueries({ queryKey: queryKeys.runs(threadId) });
}

export function useSubmitToolOutputs(threadId: string, runId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: runMutationKeys.submitToolOutputs(threadId, runId),
    mutationFn: ({ body, note }: { body: SubmitToolOutputsBody; note?: string }) =>
      apiFetch(`${runPath(threadId, runId)}/submit_tool_outputs`, { method: 'POST', body, schema: contractSchema('Run'), reason: note }),
    onSuccess: (run) => settle(queryClient, threadId, runId, run),
    // Refused, usually because someone answered first: re-read the run so the form can say so.
    onError: () => queryClient.invalidateQueries({ queryKey: queryKeys.run(threadId, runId) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.auditHistory(threadId) }),
  });
}

export function useCancelRun(threadId: string, runId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: runMutationKeys.cancel(threadId, runId),
    // The reason is required by the dialog (the audit log shows it on the run page), not by the API.
    mutationFn: ({ reason }: { reason: string }) => apiFetch(`${runPath(threadId, runId)}/cancel`, { method: 'POST', schema: contractSchema('Run'), reason }),
    onSuccess: (run) => settle(queryClient, threadId, runId, run),
    onError: () => queryClient.invalidateQueries({ queryKey: queryKeys.run(threadId, runId) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.auditHistory(threadId) }),
    // Kept for the page's lifetime: it is the only record of when cancel was requested.
    gcTime: Number.POSITIVE_INFINITY,
  });
}

/** When this browser successfully requested cancellation of the run (Unix seconds), or null. */
export function useCancelRequestedAt(threadId: string, runId: string): number | null {
  const times = useMutationState({
    filters: { mutationKey: runMutationKeys.cancel(threadId, runId), status: 'success' },
    select: (m) => m.state.submittedAt,
  });
  const latest = times.length ? Math.max(...times) : 0;
  return latest > 0 ? Math.floor(latest / 1000) : null;
}

export function useModifyRunMetadata(threadId: string, runId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: runMutationKeys.modify(threadId, runId),
    mutationFn: ({ body, note }: { body: ModifyRunBody; note?: string }) => apiFetch(runPath(threadId, runId), { method: 'POST', body, schema: contractSchema('Run'), reason: note }),
    onSuccess: (run) => settle(queryClient, threadId, runId, run),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.auditHistory(threadId) }),
  });
}
