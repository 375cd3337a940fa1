import type { Metadata } from 'next';
import { loadInboxPageData } from '@/lib/server/page-data/inbox';
import { Prefetched } from '@/lib/server/page-data/prefetched';
import { InboxView } from '@/components/inbox/inbox-view';
import { InboxPending } from '@/components/inbox/inbox-pending';
import { requireViewer } from '@/lib/auth/viewer';
import { inboxFiltersFromSearchParams, inboxHref } from '@/lib/view/inbox-filters';

export const metadata: Metadata = { title: 'Inbox' };

// Thin: filters live in the URL; the first HTML holds the rows (prefetched on the server), then the tab's inbox
// stream keeps them current.
export default async function InboxPage({ searchParams }: PageProps<'/inbox'>) {
  const filters = inboxFiltersFromSearchParams(await searchParams);
  await requireViewer(inboxHref(filters));
  return (
    <Prefetched load={(request) => loadInboxPageData(request, filters)} fallback={<InboxPending />}>
      <InboxView filters={filters} />
    </Prefetched>
  );
}
