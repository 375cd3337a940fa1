/** The stuck-run inbox (GET /api/inbox, /api/inbox/count; shapes set by lib/server/inbox). */
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { InboxFilters } from '@/lib/view/inbox-filters';
import { apiFetch, contractSchema, type ApiTransport } from './fetcher';
import { queryKeys } from './keys';
import type { Claim as ClaimSchema, InboxCounts as InboxCountsSchema, InboxItem as InboxItemSchema, InboxPage as InboxPageSchema, Note as NoteSchema, WatcherState as WatcherStateSchema } from './schemas';

export type InboxPage = z.infer<typeof InboxPageSchema>;
export type InboxItem = z.infer<typeof InboxItemSchema>;
export type InboxCounts = z.infer<typeof InboxCountsSchema>;
export type WatcherState = z.infer<typeof WatcherStateSchema>;
export type Claim = z.infer<typeof ClaimSchema>;
export type Note = z.infer<typeof NoteSchema>;

export const INBOX_PAGE_SIZE = 50;
/** How often a page refetches on its own while the inbox stream is not live (the stream's events say when otherwise). */
export const INBOX_FALLBACK_REFETCH_MS = 60_000;

export function inboxQueryOptions(filters: InboxFilters, transport?: ApiTransport) {
  const { cursor, ...rest } = filters;
  return queryOptions({
    queryKey: queryKeys.inboxList({ ...rest, cursor }),
    queryFn: ({ signal }) => apiFetch('/api/inbox', { schema: contractSchema('InboxPage'), query: { ...rest, cursor, limit: INBOX_PAGE_SIZE }, signal, transport }),
    // The server pushes every change (the inbox stream invalidates); the page adds a timer while it is not live.
    staleTime: 15_000,
    placeholderData: (previous) => previous,
  });
}

export function inboxCountQueryOptions(transport?: ApiTransport) {
  return queryOptions({
    queryKey: queryKeys.inboxCount(),
    queryFn: ({ signal }) => apiFetch('/api/inbox/count', { schema: contractSchema('InboxCounts'), signal, transport }),
    staleTime: 15_000,
    refetchInterval: INBOX_FALLBACK_REFETCH_MS,
  });
}
