'use client';

import { useState, type FormEvent } from 'react';
import { ACTION_LABELS } from '@/lib/view/audit-sentence';
import { isoToLocalInput, localInputToIso, type AuditFilterValues } from '@/lib/view/audit-filters';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';

/** Filters for the audit log; applying them changes the URL (the page re-reads from there). */
export function AuditFilterForm({ filters, onApply }: { filters: AuditFilterValues; onApply: (next: AuditFilterValues) => void }) {
  const [draft, setDraft] = useState(() => ({ ...filters, from: isoToLocalInput(filters.from), to: isoToLocalInput(filters.to) }));
  const set = (key: keyof AuditFilterValues) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply({
      actor: draft.actor?.trim() || undefined,
      action: draft.action || undefined,
      thread_id: draft.thread_id?.trim() || undefined,
      run_id: draft.run_id?.trim() || undefined,
      outcome: draft.outcome || undefined,
      from: localInputToIso(draft.from ?? ''),
      to: localInputToIso(draft.to ?? ''),
    });
  }

  return (
    <form onSubmit={submit} aria-label="Filter the audit log" className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="audit-filters">
      <Field id="audit-actor" label="Actor" hint="User id, email or name">
        <Input id="audit-actor" value={draft.actor ?? ''} onChange={set('actor')} placeholder="olga@example.com" aria-describedby="audit-actor-hint" />
      </Field>
      <Field id="audit-action" label="Action">
        <Select id="audit-action" value={draft.action ?? ''} onChange={set('action')}>
          <option value="">Any action</option>
          {Object.entries(ACTION_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="audit-thread" label="Thread id">
        <Input id="audit-thread" value={draft.thread_id ?? ''} onChange={set('thread_id')} placeholder="thread_…" className="font-mono" />
      </Field>
      <Field id="audit-run" label="Run id">
        <Input id="audit-run" value={draft.run_id ?? ''} onChange={set('run_id')} placeholder="run_…" className="font-mono" />
      </Field>
      <Field id="audit-outcome" label="Outcome">
        <Select id="audit-outcome" value={draft.outcome ?? ''} onChange={set('outcome')}>
          <option value="">Any outcome</option>
          <option value="success">Succeeded</option>
          <option value="failure">Failed</option>
          <option value="unknown">Outcome unknown</option>
        </Select>
      </Field>
      <Field id="audit-from" label="From" hint="Your local time">
        <Input id="audit-from" type="datetime-local" value={draft.from ?? ''} onChange={set('from')} aria-describedby="audit-from-hint" />
      </Field>
      <Field id="audit-to" label="Until" hint="Your local time">
        <Input id="audit-to" type="datetime-local" value={draft.to ?? ''} onChange={set('to')} aria-describedby="audit-to-hint" />
      </Field>
      <div className="flex items-end gap-2">
        <Button type="submit" variant="primary" data-testid="audit-apply">
          Apply filters
        </Button>
        <Button
          onClick={() => {
            setDraft({ from: '', to: '' });
            onApply({});
          }}
        >
          Clear
        </Button>
      </div>
    </form>
  );
}
