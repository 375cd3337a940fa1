'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { CreateRunBody, type Run } from '@/lib/contract';
import { assistantsQueryOptions } from '@/lib/queries/assistants';
import { useCreateRun } from '@/lib/queries/runs-list';
import type { RunFormState } from '@/lib/view/thread-run-form';
import { runHref } from '@/lib/view/hrefs';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { Checkbox } from '@/components/ui/field';
import { AdditionalMessagesField } from './additional-messages-field';
import { AssistantPicker } from './assistant-picker';
import { MetadataEditor } from './metadata-editor';
import { RunOptionsFields } from './run-options-fields';
import { AuditNoteField, checkNote } from './audit-note-field';
import { useRunForm } from './use-run-form';
import { toneText } from '@/components/ui/badge';

const P = 'cr';
const ORDER = ['assistant_id', 'model', 'tool_choice', 'instructions', 'tools', 'parallel_tool_calls', 'temperature', 'top_p', 'max_prompt_tokens', 'max_completion_tokens', 'truncation_strategy', 'additional_instructions', 'additional_messages', 'metadata', 'form'];

/**
 * "Create run" on a thread. Validated with the contract's CreateRunBody before anything is sent (errors inline,
 * focus moves to the first); the upstream's refusal is shown verbatim with status and request id. On success the
 * new run opens (watch live) or the thread's table refreshes with a link to it.
 */
export function CreateRunForm({ threadId, onDone, initial }: { threadId: string; onDone?: () => void; initial?: Partial<RunFormState> }) {
  const router = useRouter();
  const form = useRunForm({ prefix: P, mode: 'run', schema: CreateRunBody, fieldOrder: ORDER, initial });
  const { state, set, errors } = form;
  const [watch, setWatch] = useState(true);
  const [created, setCreated] = useState<Run | null>(null);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const onNoteChange = (value: string) => {
    setNote(value);
    // A shown error is re-checked as the note is edited, so it leaves once fixed.
    if (noteError !== null) {
      const noted = checkNote(value, false);
      setNoteError(noted.ok ? null : noted.message);
    }
  };
  const mutation = useCreateRun(threadId);
  const { data: assistants } = useQuery(assistantsQueryOptions());
  const chosen = assistants?.assistants.find((a) => a.id === state.assistant_id);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (mutation.isPending) return;
    setCreated(null);
    const body = form.validate();
    const noted = checkNote(note, false);
    setNoteError(noted.ok ? null : noted.message);
    if (!body || !noted.ok) return;
    mutation.mutate({ body, note: noted.note }, {
      onSuccess: (run) => {
        if (watch) router.push(runHref(threadId, run.id));
        else {
          setCreated(run);
          onDone?.();
        }
      },
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Create run" className="grid max-w-4xl gap-5" data-testid="create-run-form">
      <AssistantPicker prefix={P} value={state.assistant_id} onChange={(v) => set('assistant_id', v)} error={errors.assistant_id} />
      <AdditionalInstructions prefix={P} value={state.additional_instructions} onChange={(v) => set('additional_instructions', v)} error={errors.additional_instructions} />
      <AdditionalMessagesField prefix={P} rows={state.additional_messages} onChange={(rows) => set('additional_messages', rows)} error={errors.additional_messages} />
      <details className="rounded-md border border-border p-3">
        <summary className="cursor-pointer text-sm font-medium">Overrides: model, instructions, tools, sampling, limits, truncation</summary>
        <div className="mt-4">
          <RunOptionsFields prefix={P} state={state} set={set} errors={errors} assistantToolsJson={chosen?.tools ? JSON.stringify(chosen.tools, null, 2) : undefined} />
        </div>
      </details>
      <MetadataEditor
        id={`${P}-metadata`}
        rows={state.metadata}
        onChange={(rows) => set('metadata', rows)}
        errors={errors}
        hint="With the emulator, metadata.scenario picks the run's course (e.g. fail_rate_limit, stuck_queued, expire)."
      />
      <AuditNoteField id={`${P}-note`} value={note} onChange={onNoteChange} error={noteError} />
      {errors.form ? <p className="text-sm font-medium text-danger" data-testid="field-error-form">{errors.form}</p> : null}
      <Checkbox id={`${P}-watch`} label="Open the new run and watch it live" checked={watch} onChange={(e) => setWatch(e.target.checked)} />
      {mutation.error ? <ErrorState error={mutation.error} title="The upstream refused to create the run" compact /> : null}
      {created ? (
        <output className={`block text-sm ${toneText.success}`}>
          Created <Link prefetch={false} className="font-mono underline" href={runHref(threadId, created.id)}>{created.id}</Link> ({created.status}).
        </output>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" busy={mutation.isPending}>
          {mutation.isPending ? 'Creating…' : 'Create run'}
        </Button>
      </div>
    </form>
  );
}

function AdditionalInstructions({ prefix, value, onChange, error }: { prefix: string; value: string; onChange: (v: string) => void; error?: string }) {
  const id = `${prefix}-additional_instructions`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        Additional instructions <span className="font-normal text-muted">(optional)</span>
      </label>
      <textarea
        id={id}
        rows={2}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        className="w-full rounded-md border border-border bg-surface px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-accent"
      />
      <p id={`${id}-hint`} className="text-xs text-muted">Appended after the instructions for this run only.</p>
      {error ? <p id={`${id}-error`} data-testid={`field-error-${id}`} className="text-xs font-medium text-danger">{error}</p> : null}
    </div>
  );
}
