/** A thread's messages, one cursor page at a time (newest first, as the API defaults). */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiFetch, contractSchema, type ApiTransport } from './fetcher';
import { outageRefetchInterval } from './threads';
import { queryKeys, type PageParams } from './keys';

const MessageList = contractSchema('MessageList');

export function messagesQueryOptions(threadId: string, params: PageParams & { run_id?: string }, opts: { live?: boolean; transport?: ApiTransport } = {}) {
  const query = { limit: params.limit ?? 20, order: params.order ?? 'desc', after: params.after, before: params.before, run_id: params.run_id };
  return queryOptions({
    queryKey: queryKeys.messages(threadId, query),
    queryFn: ({ signal }) => apiFetch(`/api/v1/threads/${encodeURIComponent(threadId)}/messages`, { schema: MessageList, query, signal, transport: opts.transport }),
    placeholderData: keepPreviousData,
    // While a run is active, new assistant messages appear on the newest page.
    refetchInterval: (q) =>
      q.state.status === 'error' ? outageRefetchInterval(q.state.error) : opts.live && !params.after && !params.before ? 4_000 : false,
  });
}

/** The run's newest messages, where the run page's summary finds its final answer (its newest assistant message). */
export function finalAnswerQueryOptions(run: { id: string; thread_id: string }, transport?: ApiTransport) {
  return messagesQueryOptions(run.thread_id, { run_id: run.id, limit: 10, order: 'desc' }, { transport });
}
