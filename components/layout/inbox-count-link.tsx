'use client';

import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { inboxCountQueryOptions } from '@/lib/queries/inbox';
import { useInboxStream } from '@/lib/queries/inbox-events';
import { cn } from '@/components/ui/cn';

/** The header's "Inbox" link with the number of unclaimed stuck runs, kept current by the tab's inbox stream. */
export function InboxCountLink() {
  const stream = useInboxStream();
  // The stream's hello carries the counts; the query (prefetched by the layout) covers the moment before it and a
  // stream that cannot connect.
  const fallback = useQuery({ ...inboxCountQueryOptions(), enabled: stream.counts === null });
  return <InboxLink unclaimed={stream.counts?.unclaimed ?? fallback.data?.unclaimed ?? null} />;
}

/** The link before its count has come (reads no query, so it can stand in as a Suspense fallback). */
export function InboxLinkPending() {
  return <InboxLink unclaimed={null} />;
}

function InboxLink({ unclaimed }: { unclaimed: number | null }) {
  const label = unclaimed === null ? 'Inbox' : `Inbox: ${unclaimed} unclaimed stuck run${unclaimed === 1 ? '' : 's'}`;
  return (
    <Link
      href="/inbox"
      aria-label={label}
      title={label}
      data-testid="header-inbox-link"
      className="inline-flex shrink-0 items-center gap-1.5 text-sm whitespace-nowrap text-muted hover:text-foreground hover:underline focus-visible:outline-2 focus-visible:outline-accent"
    >
      Inbox
      {unclaimed !== null ? (
        <span
          data-testid="header-unclaimed-count"
          className={cn(
            'min-w-5 rounded-full px-1.5 py-0.5 text-center text-xs font-semibold tabular-nums',
            unclaimed > 0 ? 'bg-danger text-white dark:text-background' : 'bg-surface-muted text-muted',
          )}
        >
          {unclaimed}
        </span>
      ) : null}
    </Link>
  );
}

const menuLink = 'rounded px-1 py-0.5 hover:bg-surface-muted focus-visible:outline-2 focus-visible:outline-accent';

/** The admin menu's entries for the inbox's settings and the thread index. */
export function AdminInboxLinks() {
  return (
    <>
      <Link href="/admin/settings" className={menuLink}>
        Stuck rules
      </Link>
      <Link href="/admin/index" className={menuLink}>
        Thread index
      </Link>
    </>
  );
}
