'use client';

import { useState, type FormEvent } from 'react';
import { ModifyRunBody, type Run } from '@/lib/contract';
import { isEndpointNotSupported } from '@/lib/queries/api-error';
import { useLearnFromError } from '@/lib/queries/capabilities';
import { useModifyRunMetadata } from '@/lib/queries/run-mutations';
import { metadataFromRows, metadataOverLimit, rowsFromMetadata, type FieldErrors, type MetadataRow } from '@/lib/view/thread-run-form';
import { AuditNoteField, checkNote } from '@/components/forms/audit-note-field';
import { contractErrors } from '@/components/forms/validate';
import { MetadataEditor } from '@/components/forms/metadata-editor';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';

/** Every problem of the edit at once: the pairs (duplicates, limits), the contract, and the audit note. */
function checkMetadataForm(rows: readonly MetadataRow[], note: string) {
  const errors: FieldErrors = {};
  const metadata = metadataFromRows(rows, errors) ?? {};
  const contract = contractErrors(ModifyRunBody, { metadata }, rows);
  if (!contract.ok) for (const [field, message] of Object.entries(contract.errors)) errors[field] ??= message;
  const noted = checkNote(note, false);
  if (!noted.ok) errors['run-metadata-note'] = noted.message;
  if (!contract.ok || !noted.ok || Object.keys(errors).length > 0) return { ok: false as const, errors };
  return { ok: true as const, errors, body: contract.data, note: noted.note };
}

/** "Edit metadata" on the run page: the whole map, checked against the contract before it is sent. */
export function RunMetadataForm({ run, onDone }: { run: Run; onDone: () => void }) {
  const [rows, setRows] = useState<MetadataRow[]>(() => {
    const initial = rowsFromMetadata(run.metadata as Record<string, unknown> | null | undefined);
    return initial.length ? initial : [{ key: '', value: '' }];
  });
  const [attempted, setAttempted] = useState(false);
  const [note, setNote] = useState('');
  const mutation = useModifyRunMetadata(run.thread_id, run.id);
  useLearnFromError(mutation.error);
  const checked = checkMetadataForm(rows, note);
  // Before the first save only live problems (over-limit text) show; after it, every problem, re-checked per edit.
  const errors = attempted ? checked.errors : {};
  const overLimit = metadataOverLimit(rows);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (mutation.isPending) return;
    setAttempted(true);
    if (!checked.ok) return;
    mutation.mutate({ body: checked.body, note: checked.note }, { onSuccess: onDone });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" data-testid="metadata-form">
      <MetadataEditor
        id="run-metadata-editor"
        rows={rows}
        onChange={setRows}
        errors={errors}
        hint={`Saving replaces the run's whole metadata map.${overLimit ? ' Shorten the marked pairs to save.' : ''}`}
      />
      <AuditNoteField id="run-metadata-note" value={note} onChange={setNote} error={errors['run-metadata-note']} />
      {mutation.error ? (
        isEndpointNotSupported(mutation.error) ? (
          <p role="alert" className="text-sm font-medium text-danger" data-testid="metadata-unsupported">
            This server cannot update runs: the metadata was not saved. The run itself is fine.
          </p>
        ) : (
          <ErrorState error={mutation.error} title="The server refused the metadata" compact />
        )
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" busy={mutation.isPending} data-testid="save-metadata">
          Save metadata
        </Button>
        <Button onClick={onDone} disabled={mutation.isPending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
