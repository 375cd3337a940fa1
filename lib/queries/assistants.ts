/** Assistants for pickers and for naming a run's assistant. Lists change rarely: cached for minutes. */
import { queryOptions } from '@tanstack/react-query';
import type { Assistant } from '@/lib/contract';
import { apiFetch, contractSchema, type ApiTransport } from './fetcher';
import { queryKeys } from './keys';

const AssistantList = contractSchema('AssistantList');
/** Pages followed at most for the picker (5 × 100); beyond that the id field is still free text. */
const MAX_PAGES = 5;

export function assistantsQueryOptions(transport?: ApiTransport) {
  const params = { limit: 100, order: 'desc' as const };
  return queryOptions({
    queryKey: queryKeys.assistants(params),
    queryFn: async ({ signal }) => {
      const all: Assistant[] = [];
      let after: string | undefined;
      let truncated = false;
      for (let page = 0; page < MAX_PAGES; page++) {
        const list = await apiFetch('/api/v1/assistants', { schema: AssistantList, query: { ...params, after }, signal, transport });
        all.push(...list.data);
        if (!list.has_more || list.data.length === 0) break;
        after = list.data[list.data.length - 1]?.id;
        truncated = page === MAX_PAGES - 1;
      }
      return { assistants: all, truncated };
    },
    staleTime: 5 * 60_000,
  });
}

/** id → display name, for tables (falls back to the id). */
export function assistantNameMap(assistants: readonly Assistant[] | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const a of assistants ?? []) if (a.name) map.set(a.id, a.name);
  return map;
}
