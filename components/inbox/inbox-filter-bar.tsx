'use client';

import { useRouter } from 'next/navigation';
import { CLAIM_FILTERS, INBOX_STATUSES, REASON_CODES, REASON_LABEL, inboxHref, isFiltered, withFilter, type InboxFilters } from '@/lib/view/inbox-filters';
import { ButtonLink } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';

const CLAIM_LABEL = { unclaimed: 'Unclaimed', claimed: 'Claimed', mine: 'Claimed by me' } as const;

/** The inbox's filters: each change is a new URL (shareable; back button), starting again at the first page. */
export function InboxFilterBar({ filters }: { filters: InboxFilters }) {
  const router = useRouter();
  const go = (key: Exclude<keyof InboxFilters, 'cursor'>, value: string) => router.push(inboxHref(withFilter(filters, key, value || undefined)), { scroll: false });
  return (
    <form
      className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-[repeat(5,minmax(0,1fr))_auto] lg:items-end"
      aria-label="Inbox filters"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        let next = withFilter(filters, 'assistant_id', String(data.get('assistant_id') ?? '').trim() || undefined);
        next = withFilter(next, 'connection', String(data.get('connection') ?? '').trim() || undefined);
        router.push(inboxHref(next), { scroll: false });
      }}
    >
      <Field id="inbox-reason" label="Reason">
        <Select id="inbox-reason" value={filters.reason ?? ''} onChange={(e) => go('reason', e.target.value)} data-testid="inbox-filter-reason">
          <option value="">Any reason</option>
          {REASON_CODES.map((code) => (
            <option key={code} value={code}>
              {REASON_LABEL[code]}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="inbox-status" label="Status">
        <Select id="inbox-status" value={filters.status ?? ''} onChange={(e) => go('status', e.target.value)} data-testid="inbox-filter-status">
          <option value="">Any status</option>
          {INBOX_STATUSES.map((status) => (
            <option key={status} value={status}>
              {status.replace('_', ' ')}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="inbox-claim" label="Claimed">
        <Select id="inbox-claim" value={filters.claim ?? ''} onChange={(e) => go('claim', e.target.value)} data-testid="inbox-filter-claim">
          <option value="">Anyone or no one</option>
          {CLAIM_FILTERS.map((claim) => (
            <option key={claim} value={claim}>
              {CLAIM_LABEL[claim]}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="inbox-assistant" label="Assistant id">
        <Input id="inbox-assistant" name="assistant_id" defaultValue={filters.assistant_id ?? ''} placeholder="asst_…" autoComplete="off" />
      </Field>
      <Field id="inbox-connection" label="Connection id">
        <Input id="inbox-connection" name="connection" defaultValue={filters.connection ?? ''} placeholder="any" autoComplete="off" />
      </Field>
      <div className="flex gap-2">
        <button type="submit" className="sr-only focus:not-sr-only">
          Apply
        </button>
        {isFiltered(filters) ? (
          <ButtonLink href="/inbox" size="md" data-testid="inbox-clear-filters">
            Clear
          </ButtonLink>
        ) : null}
      </div>
    </form>
  );
}
