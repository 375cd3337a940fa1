'use client';

import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { recentThreadsQueryOptions } from '@/lib/queries/recent-threads';
import { threadHref } from '@/lib/view/hrefs';
import { Card } from '@/components/ui/card';
import { CopyButton } from '@/components/ui/copy-button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { RelativeTime } from '@/components/ui/relative-time';
import { RunStatusBadge } from '@/components/ui/run-status-badge';
import { SkeletonRows } from '@/components/ui/spinner';

/**
 * The card before the list has loaded; reads no query, so it can stand in as a Suspense fallback. Its own id: while
 * React swaps the streamed list in, both are in the document for a moment, and two `recent-threads` ids would clash.
 */
export function RecentThreadsPending() {
  return (
    <Card id="recent-threads-pending" title="Recent threads" testId="recent-threads-pending" bodyClassName="p-0">
      <SkeletonRows rows={5} label="recent threads" className="p-4" />
    </Card>
  );
}

/** Threads seen through this Runboard, most recently seen first (the API itself cannot list threads). */
export function RecentThreadsList() {
  const { data, error, isPending, refetch, isFetching } = useQuery(recentThreadsQueryOptions());
  return (
    <Card
      id="recent-threads"
      title="Recent threads"
      testId="recent-threads"
      actions={data ? <span className="text-xs text-muted">seen through Runboard on {data.connection.name}</span> : null}
      bodyClassName="p-0"
    >
      {isPending ? (
        <SkeletonRows rows={5} label="recent threads" className="p-4" />
      ) : error ? (
        <ErrorState error={error} onRetry={() => refetch()} retrying={isFetching} className="m-4" />
      ) : data.data.length === 0 ? (
        <EmptyState
          className="m-4"
          title="No threads seen yet"
          description="The Assistants API cannot list threads, so Runboard lists the ones opened or created through it. Paste a thread id above, or create a thread and run."
        />
      ) : (
        <ul className="divide-y divide-border">
          {data.data.map((t) => (
            <li key={t.thread_id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3 hover:bg-surface-muted" data-testid="recent-thread">
              {/* At least 12rem: on a phone the run status and "seen" move below instead of squeezing the title. */}
              <div className="min-w-48 flex-1">
                {/* A title can be anything a customer typed: one line, cut, whole in the tooltip and on the thread page. */}
                <Link href={threadHref(t.thread_id)} title={t.title ?? t.thread_id} prefetch={false} className="block truncate font-medium text-accent hover:underline">
                  {t.title ?? t.thread_id}
                </Link>
                <div className="flex items-center font-mono text-xs text-muted">
                  <span className="min-w-0 break-all">{t.thread_id}</span>
                  <CopyButton value={t.thread_id} label={`Copy ${t.thread_id}`} />
                </div>
              </div>
              <div className="flex flex-wrap items-center gap-3 text-xs text-muted">
                {t.last_run?.status ? (
                  <span className="flex items-center gap-1">
                    latest run <RunStatusBadge status={t.last_run.status} />
                  </span>
                ) : null}
                <span>
                  seen <RelativeTime value={t.last_seen_at} />
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
