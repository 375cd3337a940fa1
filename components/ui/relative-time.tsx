'use client';

import { formatRelative, formatTimeTooltip, formatUtc, isUnixSeconds, toIso } from '@/lib/view/format-time';
import { cn } from './cn';
import { useNow } from './use-now';

/**
 * "7 min ago", with the absolute time in the viewer's zone, UTC and Unix seconds in the tooltip.
 * `mode="absolute"` shows the local absolute time as text instead (tooltip unchanged).
 */
export function RelativeTime({ value, mode = 'relative', className }: { value: number | null | undefined; mode?: 'relative' | 'absolute'; className?: string }) {
  const now = useNow();
  if (!isUnixSeconds(value)) return <span className={cn('text-muted', className)}>—</span>;
  // Before hydration there is no "now" (server and browser would disagree), so the UTC time stands in.
  const tooltip = now === null ? formatUtc(value) : formatTimeTooltip(value);
  const text = now === null ? tooltip : mode === 'relative' ? formatRelative(value, now) : tooltip.split('\n')[0];
  return (
    <time dateTime={toIso(value)} title={tooltip} className={cn('whitespace-nowrap underline decoration-dotted decoration-muted/50 underline-offset-2', className)}>
      {text}
    </time>
  );
}
