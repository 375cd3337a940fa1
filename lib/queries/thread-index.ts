/**
 * The team's thread index: search (GET /api/index/threads), watched threads, watch/unwatch
 * (PUT/DELETE /api/threads/{id}/watch), and registering threads (POST /api/index/threads, /csv for admins).
 */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch, contractSchema, type ApiTransport } from './fetcher';
import { queryKeys } from './keys';
import type { IndexAnswer as IndexAnswerSchema, IndexedThread as IndexedThreadSchema } from './schemas';

export type IndexedThread = z.infer<typeof IndexedThreadSchema>;
export type IndexAnswer = z.infer<typeof IndexAnswerSchema>;
export type ThreadIndexQuery = { q?: string; status?: string; assistant_id?: string; watched?: 'me'; limit?: number; cursor?: string };

export function threadIndexQueryOptions(params: ThreadIndexQuery, transport?: ApiTransport) {
  return queryOptions({
    queryKey: queryKeys.threadIndex(params),
    queryFn: ({ signal }) => apiFetch('/api/index/threads', { schema: contractSchema('IndexedThreadList'), query: params, signal, transport }),
    staleTime: 10_000,
    placeholderData: (previous) => previous,
  });
}

export const WATCHED_PAGE_SIZE = 10;

export function watchedThreadsQueryOptions(cursor?: string, transport?: ApiTransport) {
  return threadIndexQueryOptions({ watched: 'me', limit: WATCHED_PAGE_SIZE, cursor }, transport);
}

export function useWatchThread(threadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ watch }: { watch: boolean }) =>
      apiFetch(`/api/threads/${encodeURIComponent(threadId)}/watch`, { method: watch ? 'PUT' : 'DELETE', schema: contractSchema('WatchAnswer') }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.threadIndexAll() }),
  });
}

export type ThreadRegistration = { id: string; customer_ref?: string; labels?: string[] };

/** Registers threads by id (JSON, up to 1,000) or by CSV text (admins). */
export function useRegisterThreads() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { threads: ThreadRegistration[] } | { csv: string }) =>
      'csv' in input
        ? apiFetch('/api/index/threads/csv', { method: 'POST', rawBody: { text: input.csv, contentType: 'text/csv' }, schema: contractSchema('IndexAnswer') })
        : apiFetch('/api/index/threads', { method: 'POST', body: { threads: input.threads }, schema: contractSchema('IndexAnswer') }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.threadIndexAll() }),
  });
}
