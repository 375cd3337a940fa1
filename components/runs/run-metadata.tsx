'use client';

import { AuditNoteField, checkNote } from '@/components/forms/audit-note-field';
import { useState, type FormEvent } from 'react';
import { ModifyRunBody, type Run } from '@/lib/contract';
import { useModifyRunMetadata } from '@/lib/queries/run-mutations';
import { metadataFromRows, rowsFromMetadata, type FieldErrors, type MetadataRow } from '@/lib/view/thread-run-form';
import { contractErrors } from '@/components/forms/validate';
import { MetadataEditor } from '@/components/forms/metadata-editor';
import { Button } from '@/components/ui/button';
import { RoleGate } from '@/components/layout/role-gate';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';

/** The run's metadata, and "Edit metadata" (the one field of a run that can change, in any status). */
export function RunMetadata({ run }: { run: Run }) {
  const [editing, setEditing] = useState(false);
  const entries = Object.entries(run.metadata ?? {});
  return (
    <Card
      title="Metadata"
      id="run-metadata"
      testId="run-metadata"
      actions={
        editing ? null : (
          <RoleGate ability="operate" action="edit metadata">
            <Button size="sm" onClick={() => setEditing(true)} data-testid="edit-metadata">
              Edit metadata
            </Button>
          </RoleGate>
        )
      }
    >
      {editing ? (
        <MetadataForm run={run} onDone={() => setEditing(false)} />
      ) : entries.length === 0 ? (
        <p className="text-sm text-muted">No metadata.</p>
      ) : (
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]" data-testid="metadata-list">
          {entries.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="font-mono text-xs text-muted">{k}</dt>
              <dd className="break-words">{typeof v === 'string' ? v : JSON.stringify(v)}</dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  );
}

function MetadataForm({ run, onDone }: { run: Run; onDone: () => void }) {
  const [rows, setRows] = useState<MetadataRow[]>(() => {
    const initial = rowsFromMetadata(run.metadata as Record<string, unknown> | null | undefined);
    return initial.length ? initial : [{ key: '', value: '' }];
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [note, setNote] = useState('');
  const mutation = useModifyRunMetadata(run.thread_id, run.id);

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
      {mutation.error ? <ErrorState error={mutation.error} title="The server refused the metadata" compact /> : null}
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
