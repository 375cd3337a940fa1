'use client';

import { useQuery } from '@tanstack/react-query';
import { threadIndexQueryOptions, useWatchThread } from '@/lib/queries/thread-index';
import { Button } from '@/components/ui/button';

/** Watch / unwatch a thread (anyone signed in): the watcher then looks for its new runs; home lists it. */
export function WatchThreadButton({ threadId }: { threadId: string }) {
  const indexed = useQuery(threadIndexQueryOptions({ q: threadId, limit: 1 }));
  const watch = useWatchThread(threadId);
  const entry = indexed.data?.data.find((t) => t.thread_id === threadId);
  const watching = watch.data?.watching ?? entry?.watched_by_me ?? false;
  const watchers = watch.data?.watchers ?? entry?.watchers ?? 0;
  const others = watchers - (watching ? 1 : 0);
  return (
    <span className="inline-flex flex-col items-end gap-0.5">
      <Button
        size="sm"
        variant={watching ? 'secondary' : 'primary'}
        busy={watch.isPending}
        disabled={indexed.isPending}
        aria-pressed={watching}
        onClick={() => watch.mutate({ watch: !watching })}
        data-testid="watch-button"
      >
        {watching ? 'Watching' : 'Watch thread'}
      </Button>
      <span className="text-xs text-muted" data-testid="watchers">
        {watch.error ? <span role="alert" className="text-danger">{watch.error.message}</span> : others > 0 ? `${others} other${others === 1 ? '' : 's'} watching` : null}
      </span>
    </span>
  );
}
