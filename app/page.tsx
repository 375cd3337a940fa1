import { Suspense } from 'react';
import { HydrationBoundary } from '@tanstack/react-query';
import { currentPageRequest } from '@/lib/server/page-data/context';
import { loadHomePageData } from '@/lib/server/page-data/pages';
import { ConnectionBanner } from '@/components/layout/connection-banner';
import { PageHeader } from '@/components/layout/page-header';
import { CreateThreadAndRunForm } from '@/components/forms/create-thread-and-run-form';
import { RecentThreadsList } from '@/components/threads/recent-threads-list';
import { ThreadSearchBox } from '@/components/threads/thread-search-box';
import { Card } from '@/components/ui/card';

/** The recent threads, prefetched on the server; streamed in its own Suspense boundary so the rest never waits. */
async function PrefetchedRecentThreads() {
  const state = await loadHomePageData(await currentPageRequest());
  return (
    <HydrationBoundary state={state}>
      <RecentThreadsList />
    </HydrationBoundary>
  );
}

// Home: find a thread or run from whatever the ticket holds, see what Runboard is connected to, pick up a recent
// thread, or start a new thread and run. Everything below is a client component reading through react-query.
export default function HomePage() {
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Runboard" subtitle="Inspect and operate Assistants API threads and runs." />
      <ConnectionBanner />
      <Card title="Open a thread or run" id="open">
        <ThreadSearchBox />
      </Card>
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        {/* The fallback is the list itself with an empty cache: its own skeleton, fetching in the browser if need be. */}
        <Suspense fallback={<RecentThreadsList />}>
          <PrefetchedRecentThreads />
        </Suspense>
        <Card title="Create thread and run" id="create-thread-and-run">
          <CreateThreadAndRunForm />
        </Card>
      </div>
    </div>
  );
}
