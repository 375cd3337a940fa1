'use client';

import type { InboxStreamStatus } from '@/lib/queries/inbox-events';
import { cn } from '@/components/ui/cn';

const LOOK: Record<InboxStreamStatus, { label: string; dot: string; hint: string }> = {
  live: { label: 'Live', dot: 'bg-success', hint: 'Updates arrive as the watcher finds them.' },
  connecting: { label: 'Connecting…', dot: 'bg-muted', hint: 'Opening the live update stream.' },
  reconnecting: { label: 'Reconnecting…', dot: 'bg-warning animate-pulse', hint: 'The live update stream dropped; the list may be out of date until it is back.' },
};

/** Whether the inbox is live or reconnecting (announced politely to screen readers when it changes). */
export function StreamStatus({ status, className }: { status: InboxStreamStatus; className?: string }) {
  const look = LOOK[status];
  return (
    <output title={look.hint} data-testid="inbox-stream-status" data-status={status} className={cn('inline-flex items-center gap-1.5 text-sm text-muted', className)}>
      <span aria-hidden className={cn('size-2 rounded-full', look.dot)} />
      {look.label}
    </output>
  );
}
