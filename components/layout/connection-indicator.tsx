'use client';

import { useQuery } from '@tanstack/react-query';
import { connectionQueryOptions, type ConnectionInfo } from '@/lib/queries/connection';
import { useRunboardReachability } from '@/lib/queries/use-reachability';
import { cn } from '@/components/ui/cn';

const DOT: Record<string, string> = { ok: 'bg-success', unknown: 'bg-muted' };

/** Compact "● Embedded emulator" in the header; the dot is green when the upstream answered the last check. */
export function ConnectionIndicator() {
  const { data, isError } = useQuery(connectionQueryOptions());
  const reach = useRunboardReachability();
  return <ConnectionIndicatorView data={data} isError={isError} runboardDown={!reach.reachable} />;
}

/**
 * The indicator before the check has answered; reads no query, so it can stand in as a Suspense fallback (a fallback
 * that read the query would create it pending in the server's cache, and the streamed data would then not be used
 * for the server HTML: a hydration mismatch).
 */
export function ConnectionIndicatorPending() {
  return <ConnectionIndicatorView data={undefined} isError={false} />;
}

function ConnectionIndicatorView({ data, isError, runboardDown = false }: { data: ConnectionInfo | undefined; isError: boolean; runboardDown?: boolean }) {
  // Runboard itself not answering trumps the last upstream check: that check is as stale as everything else.
  const status = runboardDown ? 'down' : isError ? 'error' : (data?.check.status ?? 'unknown');
  const label = runboardDown ? 'Runboard is not answering' : data ? `${data.connection.name} (${data.connection.host})` : isError ? 'Connection unknown' : 'Checking connection';
  const stateText = runboardDown ? 'nothing shown is current' : status === 'ok' ? 'healthy' : status === 'unknown' ? 'checking' : 'not healthy';
  return (
    <span
      className={cn('flex min-w-0 items-center gap-2 text-xs', runboardDown ? 'font-medium text-danger' : 'text-muted')}
      title={runboardDown ? "Runboard's server did not answer the last request; retrying every 5 s." : (data?.check.message ?? undefined)}
      data-testid="connection-indicator"
      data-state={status}
    >
      <span aria-hidden className={cn('size-2 shrink-0 rounded-full', DOT[status] ?? 'bg-danger')} />
      {/* relative: the sr-only state is absolutely placed; without it, it escapes the truncation and widens the page. */}
      <span className="relative truncate">
        {label}
        <span className="sr-only">: {stateText}</span>
      </span>
    </span>
  );
}
