'use client';

import Link from 'next/link';
import { useInfiniteQuery } from '@tanstack/react-query';
import { auditHistoryQueryOptions, type AuditHistoryEntry } from '@/lib/queries/audit';
import { actorLabel, auditPhrase, outcomeNote } from '@/lib/view/audit-sentence';
import { runHref } from '@/lib/view/hrefs';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { SkeletonRows } from '@/components/ui/spinner';
import { Time } from './time';

/**
 * "Olga cancelled this run 4 min ago — customer asked": what people did to this run (or, without runId, to every
 * run of the thread) through Runboard, newest first, from the audit log.
 */
export function ActivityHistory({ threadId, runId }: { threadId: string; runId?: string }) {
  const q = useInfiniteQuery(auditHistoryQueryOptions(threadId, runId));
  const entries = q.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <Card title="History" id={runId ? 'run-history' : 'thread-history'} testId="activity-history">
      {q.isPending ? (
        <SkeletonRows rows={2} label="history" />
      ) : q.error && entries.length === 0 ? (
        <ErrorState error={q.error} title="Could not load the history" onRetry={() => q.refetch()} retrying={q.isFetching} compact />
      ) : entries.length === 0 ? (
        <p className="text-sm text-muted" data-testid="activity-history-empty">
          Nobody has changed {runId ? 'this run' : 'this thread’s runs'} through Runboard yet.
        </p>
      ) : (
        <ol className="flex flex-col gap-3">
          {entries.map((entry) => (
            <HistoryLine key={entry.id} entry={entry} threadId={threadId} runId={runId} />
          ))}
        </ol>
      )}
      {q.hasNextPage ? (
        <Button size="sm" className="mt-3" onClick={() => q.fetchNextPage()} busy={q.isFetchingNextPage}>
          Show earlier
        </Button>
      ) : null}
    </Card>
  );
}

function HistoryLine({ entry, threadId, runId }: { entry: AuditHistoryEntry; threadId: string; runId?: string }) {
  const note = outcomeNote(entry);
  return (
    <li className="text-sm" data-testid="activity-history-entry" data-action={entry.action}>
      <p className="break-words">
        <span className="font-medium">{actorLabel(entry.actor)}</span>{' '}
        {auditPhrase(entry, { runId }).map((part, i) =>
          typeof part === 'string' ? (
            <span key={i}>{part}</span>
          ) : (
            <Link prefetch={false} key={i} href={runHref(threadId, part.run)} className="font-mono text-xs underline">
              {part.run}
            </Link>
          ),
        )}{' '}
        <Time value={Math.floor(entry.at / 1000)} className="text-muted" />
        {entry.reason ? <span className="text-muted"> — </span> : null}
        {entry.reason ? <q className="italic">{entry.reason}</q> : null}
        {note ? (
          <Badge tone={entry.outcome === 'unknown' ? 'warning' : 'danger'} className="ml-2">
            {note}
          </Badge>
        ) : null}
      </p>
    </li>
  );
}
