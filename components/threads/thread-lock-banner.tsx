'use client';

import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { latestRunQueryOptions } from '@/lib/queries/runs-list';
import { isActiveStatus } from '@/lib/view/thread-run-row';
import { runHref } from '@/lib/view/thread-search';
import { RelativeTime } from '@/components/ui/relative-time';
import { RunStatusBadge } from '@/components/ui/run-status-badge';
import { toneText } from '@/components/ui/badge';

/**
 * "Locked by run_… since …": while a run is active the API refuses new runs and messages on the thread (§5.4).
 * Reads the thread's newest run (the only one that can be active), independent of the page or filter shown.
 */
export function ThreadLockBanner({ threadId }: { threadId: string }) {
  const { data: run } = useQuery(latestRunQueryOptions(threadId));
  if (!run || !isActiveStatus(run.status)) return null;
  return (
    <section aria-label="Thread lock" aria-live="polite" data-testid="thread-lock-banner" className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-warning/50 bg-warning/10 p-4 text-sm">
      <div className="min-w-0">
        <p className={`font-semibold ${toneText.warning}`}>This thread is locked by an active run</p>
        <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1">
          <span className="font-mono break-all">{run.id}</span>
          <RunStatusBadge status={run.status} />
          <span>
            since <RelativeTime value={run.created_at} />.
          </span>
          <span className="text-muted">New runs and messages are refused until it ends (or is cancelled).</span>
        </p>
      </div>
      <Link href={runHref(threadId, run.id)} className="rounded-md bg-warning px-3 py-2 font-medium text-white hover:opacity-90 dark:text-background">
        Open the run →
      </Link>
    </section>
  );
}
