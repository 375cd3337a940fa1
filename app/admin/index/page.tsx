import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { ThreadIndexImport } from '@/components/admin/thread-index-import';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { requireViewer } from '@/lib/auth/viewer';
import { can } from '@/lib/view/roles';

export const metadata: Metadata = { title: 'Thread index' };
export const dynamic = 'force-dynamic';

export default async function AdminIndexPage() {
  const viewer = await requireViewer('/admin/index');
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Runboard', href: '/' }, { label: 'Thread index' }]}
        title="Thread index"
        subtitle="Add threads Runboard has not seen yet, so the watcher finds their stuck runs. Applications can do the same with POST /api/index/threads and a token."
      />
      {can(viewer, 'admin') ? (
        <Card title="Add threads">
          <ThreadIndexImport />
        </Card>
      ) : (
        <EmptyState title="Admins only" description="Only admins can import thread ids here. Operators can register threads with an API token." testId="admins-only" />
      )}
    </>
  );
}
