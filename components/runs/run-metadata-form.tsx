'use client';

import { useState, type FormEvent } from 'react';
import { ModifyRunBody, type Run } from '@/lib/contract';
import { isEndpointNotSupported } from '@/lib/queries/api-error';
import { useLearnFromError } from '@/lib/queries/capabilities';
import { useModifyRunMetadata } from '@/lib/queries/run-mutations';
import { metadataFromRows, rowsFromMetadata, type FieldErrors, type MetadataRow } from '@/lib/view/thread-run-form';
import { AuditNoteField, checkNote } from '@/components/forms/audit-note-field';
import { contractErrors } from '@/components/forms/validate';
import { MetadataEditor } from '@/components/forms/metadata-editor';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';

/** "Edit metadata" on the run page: the whole map, checked against the contract before it is sent. */
export function RunMetadataForm({ run, onDone }: { run: Run; onDone: () => void }) {
  const [rows, setRows] = useState<MetadataRow[]>(() => {
    const initial = rowsFromMetadata(run.metadata as Record<string, unknown> | null | undefined);
    return initial.length ? initial : [{ key: '', value: '' }];
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [note, setNote] = useState('');
  const mutation = useModifyRunMetadata(run.thread_id, run.id);
  useLearnFromError(mutation.error);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (mutation.isPending) return;
    const local: FieldErrors = {};
    const metadata = metadataFromRows(rows, local) ?? {};
    if (Object.keys(local).length > 0) {
      setErrors(local);
      return;
    }
    const checked = contractErrors(ModifyRunBody, { metadata }, rows);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    const noted = checkNote(note, false);
    if (!noted.ok) {
      setErrors({ 'run-metadata-note': noted.message });
      return;
    }
    setErrors({});
    mutation.mutate({ body: checked.data, note: noted.note }, { onSuccess: onDone });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" data-testid="metadata-form">
      <MetadataEditor id="run-metadata-editor" rows={rows} onChange={setRows} errors={errors} hint="Saving replaces the run's whole metadata map." />
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
