import { ConnectionBanner } from '@/components/layout/connection-banner';
import { PageHeader } from '@/components/layout/page-header';
import { CreateThreadAndRunForm } from '@/components/forms/create-thread-and-run-form';
import { RecentThreadsList } from '@/components/threads/recent-threads-list';
import { ThreadSearchBox } from '@/components/threads/thread-search-box';
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
      <ConnectionBanner />
      <Card title="Open a thread or run" id="open">
        <ThreadSearchBox />
      </Card>
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <RecentThreadsList />
        <Card title="Create thread and run" id="create-thread-and-run">
          <RoleGate ability="operate" action="create threads and runs">
            <CreateThreadAndRunForm />
          </RoleGate>
        </Card>
      </div>
    </div>
  );
}
