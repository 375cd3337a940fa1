/**
 * Run page reads: the run itself (polled adaptively until terminal), the assistant that ran it, and the message a
 * message_creation step wrote. Browser-safe: every request goes through apiFetch to /api/v1.
 */
import { queryOptions } from '@tanstack/react-query';
import { runPollInterval } from '@/lib/view/run-poll';
import { apiFetch, contractSchema, type ApiTransport } from './fetcher';
import { queryKeys } from './keys';
import { serverNowMs } from './server-clock';

const enc = encodeURIComponent;

export function runPath(threadId: string, runId: string): string {
  return `/api/v1/threads/${enc(threadId)}/runs/${enc(runId)}`;
}

/** URL of a file's bytes through the proxy (code-interpreter images, citations). Used by <img src>, not fetch. */
export function fileContentUrl(fileId: string): string {
  return `/api/v1/files/${enc(fileId)}/content`;
}

export function runQueryOptions(threadId: string, runId: string, transport?: ApiTransport) {
  return queryOptions({
    queryKey: queryKeys.run(threadId, runId),
    queryFn: ({ signal }) => apiFetch(runPath(threadId, runId), { schema: contractSchema('Run'), signal, transport }),
    // Re-evaluated after every fetch: fast while working, slower while waiting on the user, off once terminal.
    refetchInterval: (query) => runPollInterval(query.state.data, { nowSeconds: serverNowMs() / 1000 }),
    // A stuck run is exactly when people leave the tab open; keep it fresh only while visible.
    refetchIntervalInBackground: false,
  });
}

export function assistantQueryOptions(assistantId: string, transport?: ApiTransport) {
  return queryOptions({
    queryKey: queryKeys.assistant(assistantId),
    queryFn: ({ signal }) => apiFetch(`/api/v1/assistants/${enc(assistantId)}`, { schema: contractSchema('Assistant'), signal, transport }),
    staleTime: 5 * 60_000,
  });
}

export function messageQueryOptions(threadId: string, messageId: string) {
  return queryOptions({
    queryKey: queryKeys.message(threadId, messageId),
    queryFn: ({ signal }) => apiFetch(`/api/v1/threads/${enc(threadId)}/messages/${enc(messageId)}`, { schema: contractSchema('Message'), signal }),
    // An in-progress message grows; the step list refetch invalidates it when its step completes.
    staleTime: 2_000,
  });
}
