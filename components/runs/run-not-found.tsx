'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { connectionQueryOptions } from '@/lib/queries/connection';
import { PageHeader, type Crumb } from '@/components/layout/page-header';
import { ErrorState } from '@/components/ui/error-state';

/** 404 from the upstream: says which connection was asked, since a run only exists in one project/server. */
export function RunNotFound({ threadId, runId, error, crumbs }: { threadId: string; runId: string; error: unknown; crumbs: Crumb[] }) {
  const connection = useQuery(connectionQueryOptions());
  const where = connection.data ? `${connection.data.connection.name} (${connection.data.connection.host})` : 'the current connection';
  return (
    <div className="flex min-w-0 flex-col gap-4 wrap-anywhere" data-testid="run-not-found">
      <PageHeader crumbs={crumbs} title="Run not found" />
      <ErrorState
        error={error}
        title={`Run ${runId} was not found on ${where}`}
        hint={
          <p>
            A run is looked up inside its thread: check that <span className="font-mono">{runId}</span> belongs to{' '}
            <Link prefetch={false} className="font-mono text-accent underline" href={`/threads/${encodeURIComponent(threadId)}`}>
              {threadId}
            </Link>
            , and that Runboard points at the project or server that created it.
          </p>
        }
      />
    </div>
  );
}
