'use client';

import { useRouter } from 'next/navigation';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { CreateThreadAndRunBody } from '@/lib/contract';
import { assistantsQueryOptions } from '@/lib/queries/assistants';
import { useCreateThreadAndRun } from '@/lib/queries/threads';
import { runHref } from '@/lib/view/hrefs';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { Field, Textarea, fieldAria } from '@/components/ui/field';
import { AssistantPicker } from './assistant-picker';
import { MetadataEditor } from './metadata-editor';
import { RunOptionsFields } from './run-options-fields';
import { AuditNoteField, checkNote } from './audit-note-field';
import { useRunForm } from './use-run-form';

const P = 'ctr';
const ORDER = ['assistant_id', 'first_message', 'model', 'tool_choice', 'instructions', 'tools', 'parallel_tool_calls', 'temperature', 'top_p', 'max_prompt_tokens', 'max_completion_tokens', 'truncation_strategy', 'metadata', 'form'];

/**
 * "Create thread and run" (POST /threads/runs): a new thread with the first user message, and a run on it.
 * Metadata goes on the run (where the emulator reads `scenario`). Validated with CreateThreadAndRunBody first.
 */
export function CreateThreadAndRunForm() {
  const router = useRouter();
  const form = useRunForm({ prefix: P, mode: 'thread-and-run', schema: CreateThreadAndRunBody, fieldOrder: ORDER });
  const { state, set, errors } = form;
  const mutation = useCreateThreadAndRun();
  const { data: assistants } = useQuery(assistantsQueryOptions());
  const chosen = assistants?.assistants.find((a) => a.id === state.assistant_id);
  const msgId = `${P}-first_message`;
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

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (mutation.isPending) return;
    const body = form.validate();
    const noted = checkNote(note, false);
    setNoteError(noted.ok ? null : noted.message);
    if (!body || !noted.ok) return;
    mutation.mutate({ body, note: noted.note }, { onSuccess: (run) => router.push(runHref(run.thread_id, run.id)) });
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Create thread and run" className="grid gap-5" data-testid="create-thread-and-run-form">
      <AssistantPicker prefix={P} value={state.assistant_id} onChange={(v) => set('assistant_id', v)} error={errors.assistant_id} />
      <Field id={msgId} label="First user message" error={errors.first_message}>
        <Textarea rows={3} value={state.first_message} onChange={(e) => set('first_message', e.target.value)} className="font-sans" placeholder="What the user asks…" {...fieldAria(msgId, { error: errors.first_message })} />
      </Field>
      <details className="rounded-md border border-border p-3">
        <summary className="cursor-pointer text-sm font-medium">Overrides: model, instructions, tools, sampling, limits, truncation</summary>
        <div className="mt-4">
          <RunOptionsFields prefix={P} state={state} set={set} errors={errors} assistantToolsJson={chosen?.tools ? JSON.stringify(chosen.tools, null, 2) : undefined} />
        </div>
      </details>
      <MetadataEditor id={`${P}-metadata`} label="Run metadata" rows={state.metadata} onChange={(rows) => set('metadata', rows)} errors={errors} />
      <AuditNoteField id={`${P}-note`} value={note} onChange={onNoteChange} error={noteError} />
      {errors.form ? <p className="text-sm font-medium text-danger">{errors.form}</p> : null}
      {mutation.error ? <ErrorState error={mutation.error} title="The upstream refused to create the thread and run" compact /> : null}
      <div>
        <Button type="submit" variant="primary" busy={mutation.isPending}>
          {mutation.isPending ? 'Creating…' : 'Create thread and run'}
        </Button>
      </div>
    </form>
  );
}
