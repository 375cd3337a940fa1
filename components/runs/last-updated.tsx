'use client';

import { useRunboardReachability } from '@/lib/queries/use-reachability';
import { formatDuration } from '@/lib/view/format-duration';
import { errorFacts } from '@/components/ui/error-state';
import { cn } from '@/components/ui/cn';
import { toServerMs } from '@/lib/queries/server-clock';
import { useSecondClock } from './use-second-clock';

/** "Updated 3 s ago · live, every 1 s" / "Final state · not polling", plus a note when the last refresh failed. */
export function LastUpdated({
  updatedAtMs,
  intervalMs,
  fetching,
  error,
  onRefresh,
}: {
  updatedAtMs: number;
  intervalMs: number | false;
  fetching: boolean;
  error: unknown;
  onRefresh: () => void;
}) {
  const now = useSecondClock();
  const reach = useRunboardReachability();
  const down = !reach.reachable;
  // The clock is the upstream's; when the data arrived was taken on the browser's: compare on one clock.
  const age = now === null || !updatedAtMs ? null : Math.max(0, now - Math.floor(toServerMs(updatedAtMs) / 1000));
  const facts = error ? errorFacts(error) : null;
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs text-muted" data-testid="last-updated">
      <span className="inline-flex items-center gap-1.5">
        <span
          aria-hidden
          className={cn('size-2 rounded-full', facts || down ? 'bg-danger' : intervalMs ? 'bg-success' : 'bg-muted', intervalMs !== false && !facts && !down && 'animate-pulse')}
        />
        {age === null ? 'Loading…' : `Updated ${age < 2 ? 'just now' : `${formatDuration(age)} ago`}`}
        {' · '}
        {down ? 'not live: Runboard is not answering' : intervalMs ? `live, every ${formatDuration(Math.round(intervalMs / 1000))}` : 'final state, not polling'}
      </span>
      {facts ? (
        <output className="text-danger">
          Last refresh failed{facts.status ? ` (HTTP ${facts.status})` : ''}; retrying.
        </output>
      ) : null}
      <button type="button" onClick={onRefresh} disabled={fetching} className="rounded px-1.5 py-0.5 text-accent hover:bg-surface-muted disabled:opacity-50">
        {fetching ? 'Refreshing…' : 'Refresh'}
      </button>
    </div>
  );
}
