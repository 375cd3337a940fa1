'use client';

import { useQuery } from '@tanstack/react-query';
import { messagesQueryOptions } from '@/lib/queries/messages';
import { MESSAGE_PAGE_SIZE, serializeThreadPageParams, type ThreadPageParams } from '@/lib/view/thread-page-params';
import { threadHref } from '@/lib/view/hrefs';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { CursorPagination } from '@/components/ui/pagination';
import { SkeletonRows } from '@/components/ui/spinner';
import { MessageItem } from './message-item';

/**
 * The thread as a conversation. Pages come newest first from the API (so the latest exchange is what opens);
 * each page is shown oldest → newest so it reads top to bottom. Cursor in the URL (mafter/mbefore).
 */
export function MessagesPanel({ threadId, params, live }: { threadId: string; params: ThreadPageParams; live: boolean }) {
  const query = useQuery(messagesQueryOptions(threadId, { limit: MESSAGE_PAGE_SIZE, after: params.mafter, before: params.mbefore }, { live }));
  const href = (patch: Partial<ThreadPageParams>) => `${threadHref(threadId)}${serializeThreadPageParams({ ...params, ...patch })}#messages`;
  const data = query.data;
  const chronological = data ? data.data.toReversed() : [];
  const atNewest = !params.mafter && !params.mbefore;
  const travelledBack = Boolean(params.mbefore);
  const olderExists = data ? (travelledBack ? true : data.has_more) : false;
  const newerExists = data ? (travelledBack ? data.has_more : !atNewest) : false;
  const pagination = data && (olderExists || newerExists) ? (
    <CursorPagination
      className="border-b border-border px-4 py-2"
      label="Messages pages"
      summary={atNewest ? 'Latest messages' : 'Earlier messages'}
      prevLabel="↑ Older"
      nextLabel="Newer ↓"
      prev={olderExists && data.last_id ? { href: href({ mafter: data.last_id, mbefore: undefined }) } : { disabled: true }}
      next={newerExists && data.first_id ? { href: href({ mbefore: data.first_id, mafter: undefined }) } : { disabled: true }}
    />
  ) : null;

  return (
    <Card id="messages" title="Messages" testId="messages-panel" bodyClassName="p-0">
      {query.isPending ? (
        <SkeletonRows rows={4} label="messages" className="p-4" />
      ) : query.error && !data ? (
        <ErrorState error={query.error} onRetry={() => query.refetch()} retrying={query.isFetching} className="m-4" />
      ) : data && chronological.length === 0 ? (
        <EmptyState className="m-4" title={atNewest ? 'No messages on this thread' : 'No messages on this page'} />
      ) : data ? (
        <>
          {pagination}
          <ol className="flex flex-col gap-3 p-4" aria-label="Conversation, oldest first">
            {chronological.map((m) => (
              <MessageItem key={m.id} message={m} threadId={threadId} />
            ))}
          </ol>
        </>
      ) : null}
    </Card>
  );
}
