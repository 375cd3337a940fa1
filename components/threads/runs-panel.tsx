'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { RUN_STATUSES } from '@/lib/contract/kinds';
import { isApiRequestError, isEndpointNotSupported } from '@/lib/queries/api-error';
import { assistantNameMap, assistantsQueryOptions } from '@/lib/queries/assistants';
import { useCapabilities, useLearnFromError } from '@/lib/queries/capabilities';
import { useRunboardReachability } from '@/lib/queries/use-reachability';
import { runListQueryOptions } from '@/lib/queries/runs-list';
import { formatUtc } from '@/lib/view/format-time';
import { describeStatusFilter, RUN_PAGE_SIZES, serializeThreadPageParams, type ThreadPageParams } from '@/lib/view/thread-page-params';
import { threadHref } from '@/lib/view/hrefs';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Select } from '@/components/ui/field';
import { CursorPagination } from '@/components/ui/pagination';
import { Spinner, SkeletonRows } from '@/components/ui/spinner';
import { useHydrated } from '@/components/ui/use-hydrated';
import { RunsSeenList } from './runs-seen-list';
import { RunsTable } from './runs-table';
import { toneText } from '@/components/ui/badge';

/** The upstream refused the page cursor itself (400/404 naming after/before): the URL is wrong, not the server. */
function cursorRefused(error: unknown, params: ThreadPageParams): boolean {
  if (!params.after && !params.before) return false;
  if (!isApiRequestError(error) || (error.status !== 400 && error.status !== 404)) return false;
  return error.param === 'after' || error.param === 'before' || error.status === 404;
}

function RunsUrlProblem({ title, message, href, action }: { title: string; message: string; href: string; action: string }) {
  return (
    <div role="alert" data-testid="runs-url-problem" className="m-4 rounded-md border border-warning/50 border-l-4 border-l-warning bg-warning/5 p-3 text-sm">
      <p className="font-semibold">{title}</p>
      <p className="mt-1 break-words">{message}</p>
      <ButtonLink href={href} size="sm" className="mt-2">
        {action}
      </ButtonLink>
    </div>
  );
}

/** Runs of the thread: status filter, page size, cursor pagination (all in the URL), live while anything is active. */
export function RunsPanel({ threadId, params }: { threadId: string; params: ThreadPageParams }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const reach = useRunboardReachability();
  const caps = useCapabilities();
  const query = useQuery({ ...runListQueryOptions(threadId, params), enabled: caps.listRuns !== 'unsupported' && !params.statusProblem });
  // Learned from the probe, or from this very answer: either way the page says it once and stops asking.
  const unsupported = caps.listRuns === 'unsupported' || isEndpointNotSupported(query.error);
  useLearnFromError(query.error);
  const { data: assistants } = useQuery(assistantsQueryOptions());
  const names = assistantNameMap(assistants?.assistants);
  const base = threadHref(threadId);
  const go = (patch: Partial<ThreadPageParams>) => router.push(`${base}${serializeThreadPageParams({ ...params, ...patch })}`, { scroll: false });
  const hrefWith = (patch: Partial<ThreadPageParams>) => `${base}${serializeThreadPageParams({ ...params, ...patch })}`;
  const data = query.data;
  const live = data?.rows.some((r) => ['queued', 'in_progress', 'requires_action', 'cancelling'].includes(r.status));
  const atStart = !params.after && !params.before;

  return (
    <Card
      id="runs"
      title="Runs"
      testId="runs-panel"
      bodyClassName="p-0"
      actions={
        unsupported ? (
          <span className="text-xs text-muted" data-testid="runs-source">From Runboard&apos;s record</span>
        ) : (
        <>
          {live && reach.reachable ? <span className={`text-xs ${toneText.info}`} data-testid="live-indicator">● live</span> : null}
          {live && !reach.reachable ? (
            <span className="text-xs font-medium text-danger" data-testid="live-indicator" data-state="stale">
              ● not live: Runboard is not answering
            </span>
          ) : null}
          {hydrated && query.isFetching && !query.isPending ? <Spinner label="Refreshing" className="text-xs" /> : null}
          <label htmlFor="runs-status" className="text-xs text-muted">Status</label>
          <Select id="runs-status" disabled={!hydrated} value={params.statusProblem ? '' : params.status} onChange={(e) => go({ status: e.target.value, after: undefined, before: undefined })} className="h-8! w-auto! py-1 text-xs">
            <option value="all">All</option>
            <option value="active">Active (locking the thread)</option>
            <option value="problems">Problems (failed, expired, incomplete, cancelled)</option>
            {RUN_STATUSES.map((s) => (
              <option key={s} value={s}>{s.replace(/_/g, ' ')}</option>
            ))}
            {params.statusProblem ? (
              <option value="" disabled>
                Not a status
              </option>
            ) : !['all', 'active', 'problems', ...RUN_STATUSES].includes(params.status) ? (
              <option value={params.status}>{params.status.replace(/_/g, ' ').replace(/,/g, ', ')}</option>
            ) : null}
          </Select>
          <label htmlFor="runs-limit" className="text-xs text-muted">Per page</label>
          <Select id="runs-limit" disabled={!hydrated} value={String(params.limit)} onChange={(e) => go({ limit: Number(e.target.value), after: undefined, before: undefined })} className="h-8! w-auto! py-1 text-xs">
            {RUN_PAGE_SIZES.map((n) => (
              <option key={n} value={n}>{n}</option>
            ))}
          </Select>
        </>
        )
      }
    >
      {params.statusProblem ? (
        <RunsUrlProblem title="This status filter cannot match any run" message={params.statusProblem} href={hrefWith({ status: 'all', after: undefined, before: undefined })} action="Show all runs" />
      ) : unsupported ? (
        <RunsSeenList threadId={threadId} host={caps.data?.connection.host ?? null} />
      ) : query.isPending ? (
        <SkeletonRows rows={8} label="runs" className="p-4" />
      ) : query.error && !data && cursorRefused(query.error, params) ? (
        <RunsUrlProblem
          title="This page of runs does not exist"
          message={`The link asks for the runs ${params.after ? 'older' : 'newer'} than ${params.after ?? params.before}, which is not a run of this thread (the link was edited, or points at another thread). Retrying cannot help.`}
          href={hrefWith({ after: undefined, before: undefined })}
          action="Newest runs"
        />
      ) : query.error && !data ? (
        <ErrorState error={query.error} onRetry={() => query.refetch()} retrying={query.isFetching} className="m-4" />
      ) : data ? (
        <>
          {data.filtered ? (
            <p className="border-b border-border px-4 py-2 text-xs text-muted" data-testid="filter-summary">
              The API cannot filter runs by status, so Runboard pages through them here: scanned {data.scanned.toLocaleString('en-US')} run
              {data.scanned === 1 ? '' : 's'}
              {data.scannedRange ? ` (created ${formatUtc(data.scannedRange.oldest)} to ${formatUtc(data.scannedRange.newest)})` : ''} and found{' '}
              {data.rows.length} {describeStatusFilter(params.status)}.
              {data.budgetSpent ? ' The scan stopped at its limit; “Older” continues from there.' : ''}
            </p>
          ) : null}
          {query.error ? <ErrorState error={query.error} title="Refresh failed; showing the last answer" compact className="m-4" /> : null}
          {data.rows.length === 0 ? (
            <EmptyState
              className="m-4"
              title={data.filtered ? `No ${describeStatusFilter(params.status)} runs here` : atStart ? 'No runs on this thread yet' : 'No runs on this page'}
              description={data.filtered && data.olderCursor ? 'Older runs may still match: use “Older”.' : undefined}
            />
          ) : (
            <RunsTable threadId={threadId} runs={data.rows} assistantNames={names} />
          )}
          <CursorPagination
            className="border-t border-border px-4 py-2"
            label="Runs pages"
            summary={atStart ? 'Newest runs' : 'Older runs'}
            first={atStart ? { disabled: true } : { href: hrefWith({ after: undefined, before: undefined }) }}
            prev={data.newerCursor ? { href: hrefWith({ before: data.newerCursor, after: undefined }) } : { disabled: true }}
            next={data.olderCursor ? { href: hrefWith({ after: data.olderCursor, before: undefined }) } : { disabled: true }}
          />
        </>
      ) : null}
    </Card>
  );
}
