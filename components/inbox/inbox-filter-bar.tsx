'use client';

import { useRouter } from 'next/navigation';
import { CLAIM_FILTERS, INBOX_STATUSES, REASON_CODES, REASON_LABEL, inboxHref, isFiltered, withFilter, type InboxFilters } from '@/lib/view/inbox-filters';
import { ButtonLink } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';

const CLAIM_LABEL = { unclaimed: 'Unclaimed', claimed: 'Claimed', mine: 'Claimed by me' } as const;

type SelectFilter = 'reason' | 'status' | 'claim';

/** One of the filters picked from a list; choosing applies it at once. */
function FilterSelect<T extends string>({
  name,
  label,
  value,
  anyLabel,
  options,
  optionLabel,
  onChange,
}: {
  name: SelectFilter;
  label: string;
  value: string | undefined;
  anyLabel: string;
  options: readonly T[];
  optionLabel: (option: T) => string;
  onChange: (name: SelectFilter, value: string) => void;
}) {
  const id = `inbox-${name}`;
  return (
    <Field id={id} label={label}>
      <Select id={id} value={value ?? ''} onChange={(e) => onChange(name, e.target.value)} data-testid={`inbox-filter-${name}`}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabel(option)}
          </option>
        ))}
      </Select>
    </Field>
  );
}

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
      <FilterSelect name="reason" label="Reason" value={filters.reason} anyLabel="Any reason" options={REASON_CODES} optionLabel={(code) => REASON_LABEL[code]} onChange={go} />
      <FilterSelect name="status" label="Status" value={filters.status} anyLabel="Any status" options={INBOX_STATUSES} optionLabel={(status) => status.replace('_', ' ')} onChange={go} />
      <FilterSelect name="claim" label="Claimed" value={filters.claim} anyLabel="Anyone or no one" options={CLAIM_FILTERS} optionLabel={(claim) => CLAIM_LABEL[claim]} onChange={go} />
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
