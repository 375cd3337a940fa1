'use client';

import { useRouter } from 'next/navigation';
import { useInfiniteQuery } from '@tanstack/react-query';
import { auditExportHref, auditQueryOptions } from '@/lib/queries/audit';
import { filtersToQueryString, type AuditFilterValues } from '@/lib/view/audit-filters';
import { PageHeader } from '@/components/layout/page-header';
import { buttonClasses } from '@/components/ui/button';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { SkeletonRows } from '@/components/ui/spinner';
import { AuditFilterForm } from './audit-filter-form';
import { AuditRecords } from './audit-records';

/** The audit log: filters (in the URL), newest records first with "Load older", export of the filtered set. */
export function AuditView({ filters }: { filters: AuditFilterValues }) {
  const router = useRouter();
  const q = useInfiniteQuery(auditQueryOptions(filters));
  const records = q.data?.pages.flatMap((p) => p.data) ?? [];
  const scope = q.data?.pages[0]?.scope;
  const filtered = Object.keys(filters).length > 0;
  const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;

  return (
    <div className="flex flex-col gap-5">
      <PageHeader
        crumbs={[{ label: 'Runboard', href: '/' }, { label: 'Audit log' }]}
        title="Audit log"
        subtitle={
          <span className="text-sm text-muted">
            Every change made through Runboard and every security event, newest first. Times are in {zone}; hover one to see it in UTC too.
          </span>
        }
        actions={
          <>
            <a className={buttonClasses('secondary', 'sm')} href={auditExportHref(filters, 'csv')} download data-testid="audit-export-csv">
              Export CSV
            </a>
            <a className={buttonClasses('secondary', 'sm')} href={auditExportHref(filters, 'jsonl')} download data-testid="audit-export-jsonl">
              Export JSON Lines
            </a>
          </>
        }
      />
      <Card title="Filters">
        <AuditFilterForm key={filtersToQueryString(filters)} filters={filters} onApply={(next) => router.push(`/audit${filtersToQueryString(next) ? `?${filtersToQueryString(next)}` : ''}`)} />
      </Card>
      {scope === 'own' ? (
        <p className="text-sm text-muted" data-testid="audit-scope-own">
          You see your own actions; admins see everyone’s.
        </p>
      ) : null}
      <Card title={q.data ? `${records.length}${q.hasNextPage ? '+' : ''} record${records.length === 1 ? '' : 's'}${filtered ? ' matching' : ''}` : 'Records'}>
        {q.isPending ? (
          <SkeletonRows rows={5} label="audit records" />
        ) : q.error && records.length === 0 ? (
          <ErrorState error={q.error} title="Could not load the audit log" onRetry={() => q.refetch()} retrying={q.isFetching} />
        ) : records.length === 0 ? (
          <EmptyState
            title={filtered ? 'No records match these filters' : 'Nothing recorded yet'}
            description={filtered ? 'Widen the time range or clear a filter.' : 'Cancelling a run, submitting tool outputs or changing metadata through Runboard is recorded here.'}
          />
        ) : (
          <AuditRecords records={records} />
        )}
        {q.hasNextPage ? (
          <Button className="mt-3" onClick={() => q.fetchNextPage()} busy={q.isFetchingNextPage} data-testid="audit-load-older">
            Load older records
          </Button>
        ) : null}
      </Card>
    </div>
  );
}
