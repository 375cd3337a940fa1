/**
 * Notes on a thread or a run (GET/POST /api/notes, PATCH/DELETE /api/notes/{id}). Plain text: the UI renders the body
 * as text, never as HTML or Markdown. Every change invalidates the thread's notes and the inbox (its "last note").
 */
import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiFetch, contractSchema, type ApiTransport } from './fetcher';
import { queryKeys } from './keys';

export const NOTE_MAX_CHARS = 4000;

/** `transport` is only given by the server's page prefetch (see ApiTransport). */
export function notesQueryOptions(threadId: string, runId?: string, transport?: ApiTransport) {
  return queryOptions({
    queryKey: queryKeys.notes(threadId, runId),
    queryFn: ({ signal }) => apiFetch('/api/notes', { schema: contractSchema('NoteList'), query: { thread_id: threadId, run_id: runId }, signal, transport }).then((a) => a.data),
    staleTime: 15_000,
  });
}

function refresh(queryClient: QueryClient, threadId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.notes(threadId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.inbox() }),
    queryClient.invalidateQueries({ queryKey: queryKeys.auditHistory(threadId) }),
  ]);
}

export function useAddNote(threadId: string, runId?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body }: { body: string }) =>
      apiFetch('/api/notes', { method: 'POST', body: { thread_id: threadId, ...(runId ? { run_id: runId } : {}), body }, schema: contractSchema('NoteAnswer') }),
    onSettled: () => refresh(queryClient, threadId),
  });
}

export function useEditNote(threadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ noteId, body }: { noteId: string; body: string }) =>
      apiFetch(`/api/notes/${encodeURIComponent(noteId)}`, { method: 'PATCH', body: { body }, schema: contractSchema('NoteAnswer') }),
    onSettled: () => refresh(queryClient, threadId),
  });
}

export function useDeleteNote(threadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ noteId }: { noteId: string }) => apiFetch(`/api/notes/${encodeURIComponent(noteId)}`, { method: 'DELETE', schema: contractSchema('NoContent') }),
    onSettled: () => refresh(queryClient, threadId),
  });
}
