import { PageHeader } from '@/components/layout/page-header';
import { Card } from '@/components/ui/card';
import { SkeletonRows } from '@/components/ui/spinner';

/** The inbox's placeholder while the server loads its rows (reads no query). */
export function InboxPending() {
  return (
    <div className="flex flex-col gap-5">
      <PageHeader crumbs={[{ label: 'Runboard', href: '/' }, { label: 'Inbox' }]} title="Stuck runs" />
      <Card title="Runs">
        <SkeletonRows rows={5} label="stuck runs" />
      </Card>
    </div>
  );
}
