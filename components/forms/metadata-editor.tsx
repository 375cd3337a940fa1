'use client';

import { METADATA_LIMITS } from '@/lib/contract/kinds';
import { metadataOverLimit, metadataRowProblems, type FieldErrors, type MetadataRow } from '@/lib/view/thread-run-form';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Input } from '@/components/ui/field';

export type { MetadataRow };

/**
 * Key/value editor for metadata with the API's limits in view (16 pairs, keys ≤ 64 chars, values ≤ 512 chars).
 * Errors come from the caller (contract validation): `errors[field]` for the whole map, `errors[`${field}.${i}`]`
 * for row i. Used by create run, create thread and run, and the run page's "edit metadata".
 */
export function MetadataEditor({
  id,
  rows,
  onChange,
  errors = {},
  field = 'metadata',
  label = 'Metadata',
  hint,
}: {
  id: string;
  rows: MetadataRow[];
  onChange: (rows: MetadataRow[]) => void;
  errors?: FieldErrors;
  field?: string;
  label?: string;
  hint?: string;
}) {
  const { maxKeys, maxKeyLength, maxValueLength } = METADATA_LIMITS;
  const filled = rows.filter((r) => r.key !== '' || r.value !== '').length;
  const update = (i: number, patch: Partial<MetadataRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const groupError = errors[field];

  return (
    <fieldset id={id} className="flex flex-col gap-2" aria-describedby={`${id}-limits${groupError ? ` ${id}-error` : ''}`}>
      <legend className="text-sm font-medium">{label}</legend>
      <p id={`${id}-limits`} className="text-xs text-muted">
        {filled}/{maxKeys} pairs · keys up to {maxKeyLength} characters, values up to {maxValueLength}.{hint ? ` ${hint}` : ''}
      </p>
      {rows.map((row, i) => {
        // Over-limit text is flagged while typing (the counter alone is easy to miss); other problems on submit.
        const rowError = errors[`${field}.${i}`] ?? (metadataOverLimit([row]) ? metadataRowProblems(row).join(' ') : undefined);
        const keyId = `${id}-key-${i}`;
        const valueId = `${id}-value-${i}`;
        return (
          <div key={i} className="flex flex-col gap-1" data-testid="metadata-row">
            <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
              <MetadataCell
                id={keyId}
                label={`Key ${i + 1}`}
                value={row.key}
                max={maxKeyLength}
                onChange={(key) => update(i, { key })}
                errorId={rowError ? `${id}-row-${i}-error` : undefined}
                placeholder="key"
                className="min-w-0 sm:flex-[7]"
                mono
              />
              <MetadataCell
                id={valueId}
                label={`Value ${i + 1}`}
                value={row.value}
                max={maxValueLength}
                onChange={(value) => update(i, { value })}
                errorId={rowError ? `${id}-row-${i}-error` : undefined}
                placeholder="value"
                className="min-w-0 sm:flex-[6]"
              />
              <Button size="sm" variant="ghost" className="self-start sm:mt-1" onClick={() => onChange(rows.filter((_, j) => j !== i))} aria-label={`Remove pair ${i + 1}`}>
                Remove
              </Button>
            </div>
            {rowError ? (
              <p id={`${id}-row-${i}-error`} data-testid={`field-error-${id}-row-${i}`} className="text-xs font-medium wrap-anywhere text-danger">
                {rowError}
              </p>
            ) : null}
          </div>
        );
      })}
      <div>
        <Button size="sm" onClick={() => onChange([...rows, { key: '', value: '' }])} disabled={rows.length >= maxKeys}>
          + Add pair
        </Button>
      </div>
      {groupError ? (
        <p id={`${id}-error`} data-testid={`field-error-${id}`} className="text-xs font-medium wrap-anywhere text-danger">
          {groupError}
        </p>
      ) : null}
    </fieldset>
  );
}

/** One key or value input: visually unlabelled (the table reads as pairs), with a length counter near the limit. */
function MetadataCell({
  id,
  label,
  value,
  max,
  onChange,
  errorId,
  placeholder,
  className,
  mono = false,
}: {
  id: string;
  label: string;
  value: string;
  max: number;
  onChange: (value: string) => void;
  errorId: string | undefined;
  placeholder: string;
  className: string;
  mono?: boolean;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <Input
        id={id}
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
        className={mono ? 'font-mono' : undefined}
      />
      <Counter length={value.length} max={max} />
    </div>
  );
}

function Counter({ length, max }: { length: number; max: number }) {
  if (length < max * 0.8) return null;
  return <p className={cn('mt-0.5 text-right text-xs', length > max ? 'font-medium text-danger' : 'text-muted')}>{length}/{max}</p>;
}
