import { loadConnectionData, loadHomePageData } from '@/lib/server/page-data/pages';
import { Prefetched } from '@/lib/server/page-data/prefetched';
import { ConnectionBanner, ConnectionBannerPending } from '@/components/layout/connection-banner';
import { PageHeader } from '@/components/layout/page-header';
import { CreateThreadAndRunForm } from '@/components/forms/create-thread-and-run-form';
import { RecentThreadsList, RecentThreadsPending } from '@/components/threads/recent-threads-list';
import { HomeSearch } from '@/components/inbox/home-search';
import { WatchedThreads } from '@/components/inbox/watched-threads';
import { Card } from '@/components/ui/card';
import { RoleGate } from '@/components/layout/role-gate';
import { requireViewer } from '@/lib/auth/viewer';

// Home: find a thread or run from whatever the ticket holds, see what Runboard is connected to, pick up a recent
// thread, or start a new thread and run. Everything below is a client component reading through react-query.
export default async function HomePage() {
  await requireViewer('/');
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Runboard" subtitle="Inspect and operate Assistants API threads and runs." />
      {/* Each prefetched part streams in its own boundary behind a placeholder that reads no query. The connection
          check is cached for a few seconds on the server, so the header's and this one are one check. */}
      <Prefetched load={loadConnectionData} fallback={<ConnectionBannerPending />}>
        <ConnectionBanner />
      </Prefetched>
      <Card title="Open a thread or run" id="open">
        <HomeSearch />
      </Card>
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="flex min-w-0 flex-col gap-6">
          <WatchedThreads />
          <Prefetched load={loadHomePageData} fallback={<RecentThreadsPending />}>
            <RecentThreadsList />
          </Prefetched>
        </div>
        <Card title="Create thread and run" id="create-thread-and-run">
          <RoleGate ability="operate" action="create threads and runs">
            <CreateThreadAndRunForm />
          </RoleGate>
        </Card>
      </div>
    </div>
  );
}
