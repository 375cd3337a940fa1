import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { UsersView } from '@/components/admin/users-view';

export const metadata: Metadata = { title: 'People' };

export default function AdminUsersPage() {
  return (
    <>
      <PageHeader title="People" subtitle="Who can sign in, at which role, and their API tokens." />
      <UsersView />
    </>
  );
}
