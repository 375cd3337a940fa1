'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { watchedThreadsQueryOptions } from '@/lib/queries/thread-index';
import { threadHref } from '@/lib/view/hrefs';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { CursorPagination } from '@/components/ui/pagination';
import { RelativeTime } from '@/components/ui/relative-time';
import { RunStatusBadge } from '@/components/ui/run-status-badge';
import { SkeletonRows } from '@/components/ui/spinner';

/** Home's "Watched threads": the threads I watch, with their newest run's status (kept fresh by the watcher). */
export function WatchedThreads() {
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const q = useQuery(watchedThreadsQueryOptions(cursor));
  return (
    <Card id="watched-threads" title="Watched threads" testId="watched-threads" bodyClassName="p-0">
      {q.isPending ? (
        <SkeletonRows rows={3} label="watched threads" className="p-4" />
      ) : q.error ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} retrying={q.isFetching} className="m-4" />
      ) : q.data.data.length === 0 ? (
        <EmptyState className="m-4" title="No watched threads" description="Open a thread and press “Watch thread”: Runboard then looks for its new runs and puts the stuck ones in the inbox." testId="watched-empty" />
      ) : (
        <ul className="divide-y divide-border">
          {q.data.data.map((t) => (
            <li key={t.thread_id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3" data-testid="watched-thread">
              <div className="min-w-0 flex-1">
                <Link href={threadHref(t.thread_id)} className="font-medium break-words text-accent hover:underline">
                  {t.title ?? t.thread_id}
                </Link>
                <div className="font-mono text-xs break-all text-muted">{t.thread_id}</div>
              </div>
              <div className="flex items-center gap-3 text-xs text-muted">
                {t.customer_ref ? <span>Customer {t.customer_ref}</span> : null}
                {t.gone_at ? <span>gone upstream</span> : t.latest_run?.status ? <RunStatusBadge status={t.latest_run.status} /> : null}
                {t.last_checked_at ? (
                  <span>
                    checked <RelativeTime value={t.last_checked_at} />
                  </span>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      {cursor || q.data?.has_more ? (
        <CursorPagination
          className="border-t border-border px-4 py-2"
          label="Watched threads pages"
          prev={{ onClick: () => setCursors((c) => c.slice(0, -1)), disabled: !cursor }}
          next={{ onClick: () => q.data?.next_cursor && setCursors((c) => [...c, q.data!.next_cursor!]), disabled: !q.data?.has_more }}
          prevLabel="← Previous"
          nextLabel="Next →"
        />
      ) : null}
    </Card>
  );
}
