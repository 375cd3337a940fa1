'use client';

import { formatRelative, formatTimeTooltip, formatUtc, isUnixSeconds, toIso } from '@/lib/view/format-time';
import { cn } from './cn';
import { useNow } from './use-now';
import { useTimeZoneChoice } from './time-zone';

/**
 * "7 min ago", with the absolute time in the chosen zone (the viewer's by default, or UTC: the header's toggle), the
 * other zone and Unix seconds in the tooltip. `mode="absolute"` shows that absolute time as text instead.
 */
export function RelativeTime({ value, mode = 'relative', className }: { value: number | null | undefined; mode?: 'relative' | 'absolute'; className?: string }) {
  const now = useNow();
  const zone = useTimeZoneChoice();
  if (!isUnixSeconds(value)) return <span className={cn('text-muted', className)}>—</span>;
  // Before hydration there is no "now" nor zone choice (server and browser would disagree): the UTC time stands in.
  const hydrated = now !== null && zone !== null;
  const tooltip = hydrated ? formatTimeTooltip(value, undefined, zone === 'utc') : formatUtc(value);
  const text = hydrated && mode === 'relative' ? formatRelative(value, now) : tooltip.split('\n')[0];
  return (
    <time dateTime={toIso(value)} title={tooltip} className={cn('whitespace-nowrap underline decoration-dotted decoration-muted/50 underline-offset-2', className)}>
      {text}
    </time>
  );
}
