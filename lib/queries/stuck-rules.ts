/** The stuck rules admins tune on /admin/settings (GET/PUT /api/admin/stuck-rules). */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch, contractSchema, type ApiTransport } from './fetcher';
import { queryKeys } from './keys';
import type { StuckRules as StuckRulesSchema } from './schemas';

export type StuckRules = z.infer<typeof StuckRulesSchema>;

export function stuckRulesQueryOptions(transport?: ApiTransport) {
  return queryOptions({
    queryKey: queryKeys.stuckRules(),
    queryFn: ({ signal }) => apiFetch('/api/admin/stuck-rules', { schema: contractSchema('StuckRules'), signal, transport }),
    staleTime: 30_000,
  });
}

export function useSaveStuckRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rules: StuckRules) => apiFetch('/api/admin/stuck-rules', { method: 'PUT', body: rules, schema: contractSchema('StuckRules') }),
    onSuccess: (rules) => queryClient.setQueryData(queryKeys.stuckRules(), rules),
    // New thresholds change what is stuck.
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.inbox() }),
  });
}
