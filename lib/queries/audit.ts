/** The audit log (GET /api/audit, /api/audit/history; shapes set by lib/server/audit-format.ts and audit-api.ts). */
import { infiniteQueryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch, apiUrl } from './fetcher';
import { queryKeys } from './keys';

const Outcome = z.enum(['success', 'failure', 'unknown']);

export const AuditRecord = z.looseObject({
  id: z.string(),
  at: z.number(),
  category: z.enum(['mutation', 'security']),
  action: z.string(),
  actor: z
    .looseObject({ kind: z.string(), id: z.string().nullable(), name: z.string().nullable(), email: z.string().nullable(), role: z.string().nullable(), token_id: z.string().nullable() })
    .nullable(),
  connection_id: z.string().nullable(),
  thread_id: z.string().nullable(),
  run_id: z.string().nullable(),
  step_id: z.string().nullable(),
  reason: z.string().nullable(),
  outcome: Outcome,
  status: z.number().nullable(),
  request_id: z.string().nullable(),
  upstream_request_id: z.string().nullable(),
  address: z.string().nullable(),
  user_agent: z.string().nullable(),
  subject: z.record(z.string(), z.unknown()).nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditRecord = z.infer<typeof AuditRecord>;

const AuditPage = z.looseObject({ data: z.array(AuditRecord), has_more: z.boolean(), next_cursor: z.string().nullable(), scope: z.enum(['all', 'own']) });

export const AuditHistoryEntry = z.looseObject({
  id: z.string(),
  at: z.number(),
  action: z.string(),
  actor: z.looseObject({ kind: z.string(), name: z.string().nullable(), role: z.string().nullable() }).nullable(),
  run_id: z.string().nullable(),
  reason: z.string().nullable(),
  outcome: Outcome,
  status: z.number().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditHistoryEntry = z.infer<typeof AuditHistoryEntry>;

const AuditHistoryPage = z.looseObject({ data: z.array(AuditHistoryEntry), has_more: z.boolean(), next_cursor: z.string().nullable() });

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

export function auditHistoryQueryOptions(threadId: string, runId?: string, pageSize = 5) {
  return infiniteQueryOptions({
    queryKey: queryKeys.auditHistory(threadId, runId),
    queryFn: ({ signal, pageParam }) =>
      apiFetch('/api/audit/history', { schema: AuditHistoryPage, query: { thread_id: threadId, run_id: runId, limit: pageSize, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    staleTime: 5_000,
  });
}
