'use client';

import { useIsMutating } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { RequiredActionToolCall, Run } from '@/lib/contract';
import { runMutationKeys, useSubmitToolOutputs } from '@/lib/queries/run-mutations';
import { validateToolOutputs } from '@/lib/queries/run-validation';
import { useSubmitToolOutputsStream } from '@/lib/queries/run-stream';
import { Checkbox } from '@/components/ui/field';
import { outputProblem } from '@/lib/view/run-output-hint';
import { plural } from '@/lib/view/diagnosis-format';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { runStatusLook } from '@/components/ui/run-status-badge';
import { toneText } from '@/components/ui/badge';
import { AuditNoteField, checkNote } from '@/components/forms/audit-note-field';
import { AnsweredElsewhere } from './answered-elsewhere';
import { ToolOutputField } from './tool-output-field';
import { useLeaveGuard, useToolOutputDrafts } from './use-tool-output-drafts';
import { useSecondClock } from './use-second-clock';

/**
 * Submit tool outputs: one box per pending call, all sent in one request (the API requires it). Validated with the
 * contract before sending; nothing is sent while any output is missing. Once the run leaves requires_action or its
 * deadline passes, the form stays visible (so typed outputs are not lost) but is disabled with the reason.
 * Mount it keyed by the pending call ids so a new round of calls starts with empty boxes.
 */
export function ToolOutputsForm({ run, calls }: { run: Run; calls: readonly RequiredActionToolCall[] }) {
  const drafts = useToolOutputDrafts(run.id, calls.map((c) => c.id));
  const { outputs } = drafts;
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [serverFieldErrors, setServerFieldErrors] = useState<Record<string, string>>({});
  const [live, setLive] = useState(true);
  const [sent, setSent] = useState(false);
  const [streamEvents, setStreamEvents] = useState(0);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const plain = useSubmitToolOutputs(run.thread_id, run.id);
  const streamed = useSubmitToolOutputsStream(run.thread_id, run.id, () => setStreamEvents((n) => n + 1));
  const mutation = live ? streamed : plain;
  const inFlight = useIsMutating({ mutationKey: runMutationKeys.submitToolOutputs(run.thread_id, run.id) }) > 0;
  const clock = useSecondClock();

  const waiting = run.status === 'requires_action';
  const deadlinePassed = waiting && run.expires_at != null && clock !== null && clock >= run.expires_at;
  const problems = Object.fromEntries(calls.map((c) => [c.id, outputProblem(outputs[c.id] ?? '', c.function.name)]));
  const missing = calls.filter((c) => problems[c.id]);
  // Sent and not refused: with streaming the run moves on while the request is still open.
  const submitted = sent && !mutation.isError;
  const locked = !waiting || deadlinePassed || submitted;
  const canSubmit = !locked && missing.length === 0 && !inFlight;
  const typed = calls.some((c) => (outputs[c.id] ?? '').trim() !== '');
  useLeaveGuard(waiting && !deadlinePassed && !submitted && typed, 'The tool outputs you typed are not sent yet. Leave this page? (They stay saved in this tab.)');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(Object.fromEntries(calls.map((c) => [c.id, true])));
    if (!canSubmit || plain.isPending || streamed.isPending) return;
    const body = { tool_outputs: calls.map((c) => ({ tool_call_id: c.id, output: outputs[c.id] ?? '' })) };
    const checked = validateToolOutputs(body);
    if (!checked.ok) {
      // Map contract errors (`tool_outputs[1].output`) back to the call boxes.
      const byCall: Record<string, string> = {};
      for (const [path, message] of Object.entries(checked.errors)) {
        const index = Number(/^tool_outputs\[(\d+)\]/.exec(path)?.[1] ?? -1);
        const call = calls[index];
        if (call) byCall[call.id] = message;
      }
      setServerFieldErrors(byCall);
      return;
    }
    setServerFieldErrors({});
    const noted = checkNote(note, false);
    if (!noted.ok) {
      setNoteError(noted.message);
      return;
    }
    setNoteError(null);
    setSent(true);
    mutation.mutate({ body: checked.body, note: noted.note }, { onError: () => setSent(false), onSuccess: () => drafts.clearDrafts() });
  }

  let lockReason: string | null = null;
  if (submitted) {
    lockReason = `Outputs submitted. The run moved on (${runStatusLook(run.status).label}).`;
    if (live && streamed.isPending) lockReason += ` Streaming the continuation live (${plural(streamEvents, 'event')} so far)…`;
    else if (live && streamed.isSuccess) lockReason += ` Live stream finished after ${plural(streamEvents, 'event')}.`;
  }
  else if (!waiting) lockReason = `The run is now ${runStatusLook(run.status).label}; it no longer accepts tool outputs.`;
  else if (deadlinePassed) lockReason = 'The deadline (expires_at) has passed: the server will refuse outputs and mark the run expired.';

  const fields = calls.map((call, i) => (
    <ToolOutputField
      key={call.id}
      call={call}
      index={i}
      value={outputs[call.id] ?? ''}
      disabled={locked || inFlight}
      error={serverFieldErrors[call.id] ?? (touched[call.id] ? problems[call.id] ?? null : null)}
      onChange={(v) => {
        drafts.setOutput(call.id, v);
        setServerFieldErrors((prev) => {
          const { [call.id]: _drop, ...rest } = prev;
          return rest;
        });
      }}
      onBlur={() => setTouched((prev) => ({ ...prev, [call.id]: true }))}
    />
  ));

  if (!waiting) {
    // The run moved on: a one-line outcome, with the boxes folded away (typed text is kept, not lost).
    return (
      <Card title="Tool outputs" id="tool-outputs" testId="tool-outputs-form">
        <output data-testid="tool-outputs-locked" className={submitted ? 'block text-sm text-success' : 'block text-sm font-medium text-warning'}>
          {lockReason}
        </output>
        {!submitted ? <AnsweredElsewhere threadId={run.thread_id} runId={run.id} /> : null}
        <details className="mt-2">
          <summary className="cursor-pointer text-sm text-muted">{submitted ? 'Outputs sent' : 'Outputs as typed'} ({plural(calls.length, 'call')})</summary>
          <div className="mt-2 flex flex-col gap-3">{fields}</div>
        </details>
      </Card>
    );
  }

  return (
    <Card title={`Submit tool outputs (${plural(calls.length, 'pending call')})`} id="tool-outputs" testId="tool-outputs-form" className="border-warning/50">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-describedby="tool-outputs-help">
        <p id="tool-outputs-help" className="text-sm text-muted">
          The API takes every output in one request. Outputs are strings: JSON is sent as written, plain text is allowed. What you type is kept in this
          tab until it is sent, so a reload does not lose it.
        </p>
        {drafts.restored > 0 ? (
          <output className={`block text-sm ${toneText.info}`} data-testid="tool-outputs-restored">
            Restored {plural(drafts.restored, 'typed output')} from before the page was reloaded (not sent yet).
          </output>
        ) : null}
        {fields}
        <AuditNoteField id="tool-outputs-note" value={note} onChange={setNote} error={noteError} />
        {mutation.error ? (
          <>
            <ErrorState error={mutation.error} title="The server refused the tool outputs" compact />
            <AnsweredElsewhere threadId={run.thread_id} runId={run.id} />
          </>
        ) : null}
        {lockReason ? (
          <output data-testid="tool-outputs-locked" className={submitted ? 'block text-sm text-success' : 'block text-sm font-medium text-warning'}>
            {lockReason}
          </output>
        ) : null}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="primary" disabled={!canSubmit} busy={inFlight} data-testid="submit-tool-outputs">
            {inFlight ? 'Submitting…' : `Submit ${plural(calls.length, 'output')}`}
          </Button>
          {!locked && missing.length > 0 ? (
            <span className="text-sm text-muted" data-testid="tool-outputs-missing">
              {missing.length === calls.length ? 'Every call needs an output.' : `Missing: ${missing.map((c) => c.function.name).join(', ')}.`}
            </span>
          ) : null}
          <Checkbox
            id="tool-outputs-live"
            label="Watch the continuation live (stream)"
            checked={live}
            disabled={locked || inFlight}
            onChange={(e) => setLive(e.target.checked)}
            className="sm:ml-auto"
          />
        </div>
      </form>
    </Card>
  );
}
