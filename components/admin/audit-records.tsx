'use client';

import Link from 'next/link';
import type { AuditRecord } from '@/lib/queries/audit';
import { actionLabel, actorLabel, outcomeNote } from '@/lib/view/audit-sentence';
import { runHref } from '@/lib/view/hrefs';
import { Badge } from '@/components/ui/badge';
import { Time } from '@/components/runs/time';

/** Audit records as a list of rows: a grid on wide screens, stacked cards on phones (same markup, no table scroll). */
export function AuditRecords({ records }: { records: AuditRecord[] }) {
  return (
    <ol className="flex flex-col divide-y divide-border" data-testid="audit-records" aria-label="Audit records, newest first">
      {records.map((r) => (
        <AuditRow key={r.id} record={r} />
      ))}
    </ol>
  );
}

function AuditRow({ record: r }: { record: AuditRecord }) {
  const note = outcomeNote(r);
  const details = detailText(r);
  return (
    <li className="grid grid-cols-1 gap-x-4 gap-y-1 py-3 text-sm md:grid-cols-[9rem_minmax(0,12rem)_minmax(0,1fr)_8rem]" data-testid="audit-record" data-action={r.action}>
      <div className="text-muted">
        <Time value={Math.floor(r.at / 1000)} />
      </div>
      <div className="min-w-0">
        <p className="truncate font-medium" title={r.actor?.email ?? undefined}>
          {actorLabel(r.actor)}
        </p>
        <p className="truncate text-xs text-muted">
          {r.actor?.kind === 'anonymous'
            ? 'no sign-in'
            : [r.actor?.email, r.actor?.role, r.actor?.token_id ? `token ${r.actor.token_id}` : null].filter(Boolean).join(' · ') || '—'}
        </p>
      </div>
      <div className="min-w-0">
        <p>
          <span className="font-medium">{actionLabel(r.action)}</span>
          {r.thread_id ? (
            <>
              {' '}
              <span className="text-muted">on</span>{' '}
              <Link prefetch={false} className="font-mono text-xs underline" href={r.run_id ? runHref(r.thread_id, r.run_id) : `/threads/${encodeURIComponent(r.thread_id)}`}>
                {r.run_id ?? r.thread_id}
              </Link>
            </>
          ) : null}
        </p>
        {r.reason ? <p className="break-words italic">“{r.reason}”</p> : null}
        {details ? <p className="text-xs break-words text-muted">{details}</p> : null}
        <p className="text-xs break-all text-muted">
          {[r.address, r.user_agent, r.request_id ? `request ${r.request_id}` : null].filter(Boolean).join(' · ')}
        </p>
      </div>
      <div>
        {note ? (
          <Badge tone={r.outcome === 'unknown' ? 'warning' : 'danger'}>{note}</Badge>
        ) : (
          <Badge tone="success">{r.status ? `ok (${r.status})` : 'ok'}</Badge>
        )}
      </div>
    </li>
  );
}

/** Counts and keys recorded with the action (never bodies), and whom a security event was about. */
function detailText(r: AuditRecord): string | null {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(r.subject ?? {})) parts.push(`${key.replace(/Id$/, ' id')}: ${String(value)}`);
  for (const [key, value] of Object.entries(r.detail ?? {})) {
    if (Array.isArray(value)) parts.push(`${key.replace(/_/g, ' ')}: ${value.length ? value.join(', ') : 'none'}`);
    else if (value !== null && value !== undefined && typeof value !== 'object') parts.push(`${key.replace(/_/g, ' ')}: ${String(value)}`);
  }
  return parts.length ? parts.join(' · ') : null;
}
