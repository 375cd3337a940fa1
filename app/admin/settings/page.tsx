import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { StuckRulesForm } from '@/components/admin/stuck-rules-form';
import { Card } from '@/components/ui/card';
import { requireViewer } from '@/lib/auth/viewer';

export const metadata: Metadata = { title: 'Stuck rules' };
export const dynamic = 'force-dynamic';

// Everyone may read the rules (they explain the inbox); the form lets only admins save (the API checks again).
export default async function AdminSettingsPage() {
  await requireViewer('/admin/settings');
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Runboard', href: '/' }, { label: 'Stuck rules' }]}
        title="Stuck rules"
        subtitle="When a run counts as stuck and shows in the inbox. Changes are recorded in the audit log."
      />
      <Card title="Thresholds">
        <StuckRulesForm />
      </Card>
    </>
  );
}
