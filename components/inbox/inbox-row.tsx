'use client';

import Link from 'next/link';
import type { InboxItem } from '@/lib/queries/inbox';
import { REASON_LABEL, type ReasonCode } from '@/lib/view/inbox-filters';
import { formatRelative, formatTimeTooltip, formatUtc, toIso } from '@/lib/view/format-time';
import { countdown, timeInState } from '@/lib/view/inbox-time';
import { runHref } from '@/lib/view/hrefs';
import { Badge, type Tone } from '@/components/ui/badge';
import { RelativeTime } from '@/components/ui/relative-time';
import { RunStatusBadge } from '@/components/ui/run-status-badge';
import { cn } from '@/components/ui/cn';
import { ClaimControl, ClaimHolder } from './claim-control';

const COUNTDOWN_TONE: Record<string, Tone> = { expired: 'danger', urgent: 'danger', soon: 'warning', calm: 'neutral' };

/** One stuck run: what, why, for how long, whose, and the last word on it. `now` is on the upstream's clock (ms). */
export function InboxRow({ item, now, selected, onSelect }: { item: InboxItem; now: number | null; selected: boolean; onSelect: () => void }) {
  const inState = now === null ? null : timeInState(item.state_since, item.state_since_is_lower_bound, now);
  const left = now === null ? null : countdown(item.expires_at, now);
  const label = REASON_LABEL[item.reason_code as ReasonCode] ?? item.reason_code;
  return (
    <tr
      tabIndex={-1}
      aria-selected={selected}
      onClick={onSelect}
      onFocus={onSelect}
      data-testid="inbox-row"
      data-run-id={item.run_id}
      data-reason={item.reason_code}
      className={cn('border-b border-border align-top last:border-b-0 focus:outline-none max-md:flex max-md:flex-col max-md:py-2', selected ? 'bg-accent/10 outline-2 -outline-offset-2 outline-accent' : 'hover:bg-surface-muted')}
    >
      <td className="px-3 py-2 max-md:py-1">
        <div className="flex flex-col items-start gap-1">
          <RunStatusBadge status={item.status} />
          <Badge tone={item.reason_code === 'ended_badly' ? 'danger' : 'warning'}>
            <span data-testid="inbox-reason-label">{label}</span>
          </Badge>
        </div>
      </td>
      <td className="px-3 py-2 max-md:py-1 md:max-w-md">
        <Link href={runHref(item.thread_id, item.run_id)} className="font-medium break-words text-accent hover:underline" data-testid="inbox-run-link">
          {item.thread_title ?? <span className="font-mono text-sm">{item.thread_id}</span>}
        </Link>
        <p className="text-sm break-words" data-testid="inbox-reason">
          {item.reason}
        </p>
        <p className="mt-1 flex flex-wrap gap-x-3 text-xs text-muted">
          <span className="font-mono">{item.run_id}</span>
          {item.customer_ref ? <span data-testid="inbox-customer-ref">Customer {item.customer_ref}</span> : null}
          {item.assistant_id ? <span className="font-mono">{item.assistant_id}</span> : null}
        </p>
      </td>
      <td className="px-3 py-2 text-sm max-md:py-1 md:whitespace-nowrap">
        <span className="font-medium tabular-nums" data-testid="inbox-time-in-state">
          {inState?.text ?? '—'}
        </span>
        <span className="block text-xs text-muted">
          since <RelativeTime value={item.state_since} mode="absolute" />
        </span>
        {left ? (
          <Badge tone={COUNTDOWN_TONE[left.tone]} className="mt-1">
            <span data-testid="inbox-countdown">{left.text}</span>
          </Badge>
        ) : item.ended_at ? (
          <span className="block text-xs text-muted">
            ended{' '}
            <time dateTime={toIso(item.ended_at)} title={formatTimeTooltip(item.ended_at)}>
              {now === null ? formatUtc(item.ended_at) : formatRelative(item.ended_at, now)}
            </time>
          </span>
        ) : null}
      </td>
      <td className="px-3 py-2 text-sm max-md:py-1">
        <div className="flex flex-col gap-1">
          <ClaimHolder claim={item.claim} />
          <ClaimControl runId={item.run_id} threadId={item.thread_id} claim={item.claim} compact />
        </div>
      </td>
      <td className="px-3 py-2 text-sm max-md:py-1 md:max-w-xs">
        {item.last_note ? (
          <p className="line-clamp-3 break-words whitespace-pre-wrap" data-testid="inbox-last-note">
            <span className="font-medium">{item.last_note.author_name}:</span> {item.last_note.body}
          </p>
        ) : (
          <span className="text-muted">—</span>
        )}
      </td>
    </tr>
  );
}
