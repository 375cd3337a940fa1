import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { UsersView } from '@/components/admin/users-view';
import { EmptyState } from '@/components/ui/empty-state';
import { requireViewer } from '@/lib/auth/viewer';
import { can } from '@/lib/view/roles';

export const metadata: Metadata = { title: 'People' };
export const dynamic = 'force-dynamic';

export default async function AdminUsersPage() {
  const viewer = await requireViewer('/admin/users');
  return (
    <>
      <PageHeader title="People" subtitle="Who can sign in, at which role, and their API tokens." />
      {can(viewer, 'admin') ? (
        <UsersView />
      ) : (
        <EmptyState title="Admins only" description="Only admins can manage people. Ask an admin to change your role." testId="admins-only" />
      )}
    </>
  );
}
