'use client';

import type { MessageRow } from '@/lib/view/thread-run-form';
import { Button } from '@/components/ui/button';
import { Select, Textarea } from '@/components/ui/field';

/** Messages inserted into the thread before the run starts (`additional_messages`). */
export function AdditionalMessagesField({ prefix, rows, onChange, error }: { prefix: string; rows: MessageRow[]; onChange: (rows: MessageRow[]) => void; error?: string }) {
  const id = `${prefix}-additional_messages`;
  const update = (i: number, patch: Partial<MessageRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset id={id} tabIndex={-1} className="flex flex-col gap-2" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium">
        Additional messages <span className="font-normal text-muted">(optional, added to the thread before the run)</span>
      </legend>
      {rows.map((row, i) => (
        <div key={i} className="flex flex-col gap-2 sm:flex-row sm:items-start">
          <label htmlFor={`${id}-role-${i}`} className="sr-only">Role of message {i + 1}</label>
          <Select id={`${id}-role-${i}`} value={row.role} onChange={(e) => update(i, { role: e.target.value as MessageRow['role'] })} className="sm:w-36">
            <option value="user">user</option>
            <option value="assistant">assistant</option>
          </Select>
          <label htmlFor={`${id}-${i}`} className="sr-only">Content of message {i + 1}</label>
          <Textarea id={`${id}-${i}`} rows={2} value={row.content} onChange={(e) => update(i, { content: e.target.value })} className="font-sans" aria-invalid={error ? true : undefined} />
          <Button size="sm" variant="ghost" onClick={() => onChange(rows.filter((_, j) => j !== i))} aria-label={`Remove message ${i + 1}`}>
            Remove
          </Button>
        </div>
      ))}
      <div>
        <Button size="sm" onClick={() => onChange([...rows, { role: 'user', content: '' }])}>
          + Add message
        </Button>
      </div>
      {error ? <p id={`${id}-error`} data-testid={`field-error-${id}`} className="text-xs font-medium text-danger">{error}</p> : null}
    </fieldset>
  );
}
