'use client';

import { useQuery } from '@tanstack/react-query';
import { messageQueryOptions } from '@/lib/queries/run';
import { MessageContentPart } from '@/components/threads/message-content';
import { CopyableId } from '@/components/ui/copy-button';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/spinner';

/** The message a message_creation step wrote, fetched when the step is opened (re-read while it is being written). */
export function MessageCreationView({ threadId, messageId, stepRunning }: { threadId: string; messageId: string; stepRunning: boolean }) {
  const q = useQuery({ ...messageQueryOptions(threadId, messageId), refetchInterval: stepRunning ? 2_000 : false });
  return (
    <div className="flex flex-col gap-2" data-testid="message-creation">
      <div className="flex flex-wrap items-center gap-2 text-xs text-muted">
        Message <CopyableId value={messageId} label="Copy message id" />
        {q.data?.status ? <span>· {q.data.status}</span> : null}
        {q.data?.incomplete_details?.reason ? <span className="text-warning">· incomplete: {q.data.incomplete_details.reason}</span> : null}
      </div>
      {q.isPending ? <Skeleton className="h-16 w-full" /> : null}
      {q.error ? <ErrorState error={q.error} title="Could not load the message" compact onRetry={() => q.refetch()} retrying={q.isFetching} /> : null}
      {q.data ? (
        q.data.content.length === 0 ? (
          <p className="text-sm text-muted">The message has no content{stepRunning ? ' yet' : ''}.</p>
        ) : (
          <div className="flex flex-col gap-2" data-testid="message-content">
            {q.data.content.map((part, i) => (
              <MessageContentPart key={i} part={part} messageId={messageId} />
            ))}
          </div>
        )
      ) : null}
    </div>
  );
}
