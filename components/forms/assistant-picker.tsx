'use client';

import { useQuery } from '@tanstack/react-query';
import { assistantsQueryOptions } from '@/lib/queries/assistants';
import { Field, Input, Select } from '@/components/ui/field';

/**
 * Assistant choice: a list from the upstream fills the id field, which stays editable (facades without
 * GET /assistants, or more assistants than we list). The id field is what gets validated and sent.
 */
export function AssistantPicker({ prefix, value, onChange, error }: { prefix: string; value: string; onChange: (id: string) => void; error?: string | null }) {
  const { data, error: loadError, isPending } = useQuery(assistantsQueryOptions());
  const assistants = data?.assistants ?? [];
  const known = assistants.some((a) => a.id === value);
  const pickId = `${prefix}-assistant_pick`;
  const idField = `${prefix}-assistant_id`;
  const errorId = `${idField}-error`;
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <div className="flex flex-col gap-1">
        <label htmlFor={pickId} className="text-sm font-medium">
          Assistant
        </label>
        <Select
          id={pickId}
          value={known ? value : ''}
          onChange={(e) => onChange(e.target.value)}
          disabled={isPending || assistants.length === 0}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${pickId}-hint${error ? ` ${errorId}` : ''}`}
        >
          <option value="">{isPending ? 'Loading assistants…' : assistants.length ? 'Choose an assistant…' : 'No assistants listed'}</option>
          {assistants.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name ? `${a.name} — ${a.model ?? 'model ?'}` : a.id}
            </option>
          ))}
        </Select>
        <p id={`${pickId}-hint`} className="text-xs text-muted">
          {loadError ? 'Could not list assistants; type the id instead.' : data?.truncated ? 'Showing the newest 500; type any other id.' : 'From the upstream, newest first.'}
        </p>
        {/* The choice is one thing made two ways (list or typed id): its error sits under the list, read by both. */}
        {error ? (
          <p id={errorId} data-testid={`field-error-${idField}`} className="text-xs font-medium wrap-anywhere text-danger">
            {error}
          </p>
        ) : null}
      </div>
      <Field id={idField} label="Assistant id">
        <Input
          value={value}
          onChange={(e) => onChange(e.target.value)}
          placeholder="asst_…"
          className="font-mono"
          autoComplete="off"
          spellCheck={false}
          id={idField}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
      </Field>
    </div>
  );
}
