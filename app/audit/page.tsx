import type { Metadata } from 'next';
import { filtersFromSearchParams } from '@/lib/view/audit-filters';
import { AuditView } from '@/components/admin/audit-view';
import { requireViewer } from '@/lib/auth/viewer';

export const metadata: Metadata = { title: 'Audit log' };

// Thin: the filters live in the URL (shareable, back button); the client view reads the records through react-query.
// Who sees what is decided by the API (admins all, operators their own).
export default async function AuditPage({ searchParams }: PageProps<'/audit'>) {
  await requireViewer('/audit');
  const filters = filtersFromSearchParams(await searchParams);
  return <AuditView filters={filters} />;
}
