'use client';

import { useQuery } from '@tanstack/react-query';
import { connectionQueryOptions } from '@/lib/queries/connection';
import { cn } from '@/components/ui/cn';

const DOT: Record<string, string> = { ok: 'bg-success', unknown: 'bg-muted' };

/** Compact "● Embedded emulator" in the header; the dot is green when the upstream answered the last check. */
export function ConnectionIndicator() {
  const { data, isError } = useQuery(connectionQueryOptions());
  const status = isError ? 'error' : (data?.check.status ?? 'unknown');
  const label = data ? `${data.connection.name} (${data.connection.host})` : isError ? 'Connection unknown' : 'Checking connection';
  const stateText = status === 'ok' ? 'healthy' : status === 'unknown' ? 'checking' : 'not healthy';
  return (
    <span className="flex min-w-0 items-center gap-2 text-xs text-muted" title={data?.check.message ?? undefined} data-testid="connection-indicator">
      <span aria-hidden className={cn('size-2 shrink-0 rounded-full', DOT[status] ?? 'bg-danger')} />
      {/* relative: the sr-only state is absolutely placed; without it, it escapes the truncation and widens the page. */}
      <span className="relative truncate">
        {label}
        <span className="sr-only">: {stateText}</span>
      </span>
    </span>
  );
}
