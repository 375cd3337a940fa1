'use client';

import { useQuery } from '@tanstack/react-query';
import { INBOX_FALLBACK_REFETCH_MS, inboxQueryOptions, type WatcherState } from '@/lib/queries/inbox';
import { useInboxStream } from '@/lib/queries/inbox-events';
import { inboxHref, isFiltered, type InboxFilters } from '@/lib/view/inbox-filters';
import { PageHeader } from '@/components/layout/page-header';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { CursorPagination } from '@/components/ui/pagination';
import { RelativeTime } from '@/components/ui/relative-time';
import { SkeletonRows } from '@/components/ui/spinner';
import { InboxFilterBar } from './inbox-filter-bar';
import { InboxTable } from './inbox-table';
import { StreamStatus } from './stream-status';

const WATCHER_TEXT: Record<string, string> = {
  running: 'The watcher is checking active runs',
  backing_off: 'The upstream asked Runboard to slow down; the watcher resumes',
  outage: 'The upstream is unreachable; the watcher retries',
  stopped: 'The watcher is stopped',
};

function WatcherLine({ watcher }: { watcher: WatcherState | null | undefined }) {
  if (!watcher) return null;
  return (
    <span data-testid="inbox-watcher" data-state={watcher.state}>
      {WATCHER_TEXT[watcher.state] ?? `Watcher: ${watcher.state}`}
      {watcher.retry_at ? (
        <>
          {' '}
          <RelativeTime value={watcher.retry_at} />
        </>
      ) : null}{' '}
      ({watcher.watched_runs} run{watcher.watched_runs === 1 ? '' : 's'} watched, up to {watcher.budget_rps} request{watcher.budget_rps === 1 ? '' : 's'}/s).
    </span>
  );
}

/** /inbox: stuck and ended-badly runs across every indexed thread, live by server push, filters in the URL. */
export function InboxView({ filters }: { filters: InboxFilters }) {
  const stream = useInboxStream();
  // While the stream is live it says when to refetch; the timer only covers a stream that cannot connect.
  const q = useQuery({ ...inboxQueryOptions(filters), refetchInterval: stream.status === 'live' ? false : INBOX_FALLBACK_REFETCH_MS });
  const items = q.data?.data ?? [];
  const counts = stream.counts ?? q.data?.counts;
  const filtered = isFiltered(filters);

  return (
    <div className="flex flex-col gap-5" data-testid="inbox">
      <PageHeader
        crumbs={[{ label: 'Runboard', href: '/' }, { label: 'Inbox' }]}
        title="Stuck runs"
        subtitle={
          <span className="flex flex-col gap-0.5">
            <span data-testid="inbox-counts">
              {counts ? `${counts.stuck} stuck, ${counts.unclaimed} unclaimed.` : 'Runs that need someone, longest stuck first.'}
            </span>
            {/* The stream pushes every change to this line and says hello with the current one on each (re)connect;
                the list answer's stands in until then. */}
            <WatcherLine watcher={stream.watcher ?? q.data?.watcher} />
          </span>
        }
        actions={<StreamStatus status={stream.status} />}
      />
      <Card title="Filters">
        <InboxFilterBar key={inboxHref(filters)} filters={filters} />
      </Card>
      <Card title={q.data ? `${items.length}${q.data.has_more ? '+' : ''} run${items.length === 1 ? '' : 's'}${filtered ? ' matching' : ''}` : 'Runs'} bodyClassName="p-0">
        {q.isPending ? (
          <SkeletonRows rows={5} label="stuck runs" className="p-4" />
        ) : q.error && items.length === 0 ? (
          <div className="p-4">
            <ErrorState error={q.error} title="Could not load the inbox" onRetry={() => q.refetch()} retrying={q.isFetching} />
          </div>
        ) : items.length === 0 ? (
          <div className="p-4">
            <EmptyState
              testId="inbox-empty"
              title={filtered ? 'No stuck runs match these filters' : 'Nothing is stuck'}
              description={
                filtered
                  ? 'Clear a filter to see the rest of the inbox.'
                  : 'Runs appear here when they stay queued, idle, waiting for tool outputs or cancelling too long, or end badly. The page updates by itself.'
              }
            />
          </div>
        ) : (
          <InboxTable items={items} />
        )}
        {filters.cursor || q.data?.has_more ? (
          <CursorPagination
            className="border-t border-border px-4 py-2"
            label="Inbox pages"
            first={{ href: filters.cursor ? inboxHref({ ...filters, cursor: undefined }) : undefined, disabled: !filters.cursor }}
            prev={{ disabled: true }}
            next={{ href: q.data?.next_cursor ? inboxHref({ ...filters, cursor: q.data.next_cursor }) : undefined, disabled: !q.data?.has_more }}
            prevLabel="← Previous"
            nextLabel="Next page →"
          />
        ) : null}
      </Card>
      <p className="text-xs text-muted">
        Keyboard: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>Enter</kbd> opens the run, <kbd>c</kbd> claims it.
      </p>
    </div>
  );
}
