'use client';

import Link from 'next/link';
import { useRunboardReachability } from '@/lib/queries/use-reachability';
import { useThreadLock } from '@/lib/queries/thread-lock';
import { runHref } from '@/lib/view/hrefs';
import { RelativeTime } from '@/components/ui/relative-time';
import { RunStatusBadge } from '@/components/ui/run-status-badge';
import { toneText } from '@/components/ui/badge';

/**
 * "Locked by run_… since …": while a run is active the API refuses new runs and messages on the thread (§5.4).
 * Some facades let several runs be active at once; then every one of them is listed, and the deviation named.
 */
export function ThreadLockBanner({ threadId }: { threadId: string }) {
  const { runs, source } = useThreadLock(threadId);
  const reach = useRunboardReachability();
  if (runs.length === 0) return null;
  const [first] = runs;
  const several = runs.length > 1;
  return (
    <section aria-label="Thread lock" aria-live="polite" data-testid="thread-lock-banner" data-active-runs={runs.length} className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-warning/50 bg-warning/10 p-4 text-sm">
      <div className="min-w-0">
        <p className={`font-semibold ${toneText.warning}`}>
          {reach.reachable
            ? several
              ? `This thread is locked by ${runs.length} active runs`
              : 'This thread is locked by an active run'
            : several
              ? `This thread was locked by ${runs.length} active runs when last checked`
              : 'This thread was locked by an active run when last checked'}
        </p>
        {!reach.reachable ? (
          <p className="mt-1 font-medium text-danger" data-testid="lock-stale">
            Runboard is not answering (since <RelativeTime value={Math.floor(reach.sinceMs / 1000)} />): this may have changed.
          </p>
        ) : null}
        <ul className="mt-1 flex flex-col gap-1">
          {runs.map((run) => (
            <li key={run.id} className="flex flex-wrap items-center gap-x-2 gap-y-1" data-testid="lock-run">
              {several ? (
                <Link prefetch={false} href={runHref(threadId, run.id)} className="font-mono break-all text-accent hover:underline">{run.id}</Link>
              ) : (
                <span className="font-mono break-all">{run.id}</span>
              )}
              <RunStatusBadge status={run.status} />
              {run.created_at ? (
                <span>
                  since <RelativeTime value={run.created_at} />.
                </span>
              ) : null}
            </li>
          ))}
        </ul>
        <p className="mt-1 text-muted">
          New runs and messages are refused until {several ? 'they end' : 'it ends'} (or {several ? 'are' : 'is'} cancelled).
          {several ? ' The Assistants API allows one active run per thread; this server reports several.' : ''}
          {source === 'runboard' ? ' This server cannot list runs: these are the runs Runboard has seen active here, re-checked one by one.' : ''}
        </p>
      </div>
      {first ? (
        <Link prefetch={false} href={runHref(threadId, first.id)} className="rounded-md bg-warning px-3 py-2 font-medium text-white hover:opacity-90 dark:text-background">
          {several ? 'Open the newest →' : 'Open the run →'}
        </Link>
      ) : null}
    </section>
  );
}
