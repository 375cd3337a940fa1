/** The audit log (GET /api/audit, /api/audit/history; shapes set by lib/server/audit-format.ts and audit-api.ts). */
import { infiniteQueryOptions } from '@tanstack/react-query';
import { apiFetch, apiUrl, contractSchema, type ApiTransport } from './fetcher';
import { queryKeys } from './keys';

const AuditPage = contractSchema('AuditPage');
const AuditHistoryPage = contractSchema('AuditHistoryPage');
export type { AuditHistoryEntry, AuditRecord } from './schemas';

/** The /audit page's filters, as URL query parameters (the same for the list and its export). */
export type AuditFilters = { actor?: string; action?: string; thread_id?: string; run_id?: string; outcome?: string; from?: string; to?: string };

export function auditQueryOptions(filters: AuditFilters, pageSize = 50) {
  return infiniteQueryOptions({
    queryKey: queryKeys.audit({ ...filters, pageSize: String(pageSize) }),
    queryFn: ({ signal, pageParam }) => apiFetch('/api/audit', { schema: AuditPage, query: { ...filters, limit: pageSize, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    staleTime: 5_000,
  });
}

/** Download link for the filtered set; the browser streams it to a file (no fetch from a component). */
export function auditExportHref(filters: AuditFilters, format: 'csv' | 'jsonl'): string {
  return apiUrl('/api/audit/export', { ...filters, format });
}

/** `transport` is only given by the server's page prefetch (see ApiTransport). */
export function auditHistoryQueryOptions(threadId: string, runId?: string, pageSize = 5, transport?: ApiTransport) {
  return infiniteQueryOptions({
    queryKey: queryKeys.auditHistory(threadId, runId),
    queryFn: ({ signal, pageParam }) =>
      apiFetch('/api/audit/history', { schema: AuditHistoryPage, query: { thread_id: threadId, run_id: runId, limit: pageSize, cursor: pageParam }, signal, transport }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    staleTime: 5_000,
  });
}
