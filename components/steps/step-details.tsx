'use client';

import type { RunStep, ToolCall } from '@/lib/contract';
import { isKnownStepDetails, isKnownToolCall } from '@/lib/contract/kinds';
import { formatTokens } from '@/lib/view/format-tokens';
import { JsonView } from '@/components/ui/json-view';
import { Time } from '@/components/runs/time';
import { stepEndedAt } from '@/lib/view/run-shapes';
import { CodeInterpreterView } from './code-interpreter-view';
import { FileSearchView } from './file-search-view';
import { FunctionCallView } from './function-call-view';
import { MessageCreationView } from './message-creation-view';

/** Everything about one step: timestamps, usage, error, the type-specific view, and its raw JSON. */
export function StepDetails({ step, threadId }: { step: RunStep; threadId: string }) {
  const ended = stepEndedAt(step);
  return (
    <div className="flex flex-col gap-3 text-sm">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-xs sm:grid-cols-[max-content_1fr_max-content_1fr]">
        <dt className="text-muted">Created</dt>
        <dd><Time value={step.created_at} mode="absolute" /></dd>
        <dt className="text-muted">{step.status === 'in_progress' ? 'Running' : 'Ended'}</dt>
        <dd>{ended != null ? <Time value={ended} mode="absolute" /> : <span className="text-muted">{step.status === 'in_progress' ? 'still running' : 'not reported'}</span>}</dd>
        <dt className="text-muted">Usage</dt>
        <dd>
          {step.usage
            ? `${formatTokens(step.usage.total_tokens)} tokens (prompt ${formatTokens(step.usage.prompt_tokens)}, completion ${formatTokens(step.usage.completion_tokens)})`
            : <span className="text-muted">{step.status === 'in_progress' ? 'counted when the step ends' : 'not reported'}</span>}
        </dd>
        <dt className="text-muted">Step id</dt>
        <dd className="font-mono break-all">{step.id}</dd>
      </dl>
      {step.last_error ? (
        <p className="rounded-md border border-danger/40 bg-danger/10 p-2 text-sm" role="note">
          <span className="font-semibold text-danger">{step.last_error.code}</span>: {step.last_error.message}
        </p>
      ) : null}
      <StepBody step={step} threadId={threadId} />
      <JsonView value={step} label="Raw step JSON" collapsible />
    </div>
  );
}

function StepBody({ step, threadId }: { step: RunStep; threadId: string }) {
  const details = step.step_details;
  if (!isKnownStepDetails(details)) {
    return (
      <div>
        <p className="mb-1 text-xs text-muted">Runboard does not know step type “{details.type}”; here is what the server sent:</p>
        <JsonView value={details} label="Step details" />
      </div>
    );
  }
  if (details.type === 'message_creation') {
    return <MessageCreationView threadId={threadId} messageId={details.message_creation.message_id} stepRunning={step.status === 'in_progress'} />;
  }
  if (details.tool_calls.length === 0) return <p className="text-muted">No tool calls recorded{step.status === 'in_progress' ? ' yet' : ''}.</p>;
  return (
    <ol className="flex flex-col gap-3">
      {details.tool_calls.map((call, i) => (
        <li key={('id' in call && typeof call.id === 'string' ? call.id : '') + i} className="rounded-md border border-border bg-surface p-3">
          <ToolCallView call={call} />
        </li>
      ))}
    </ol>
  );
}

function ToolCallView({ call }: { call: ToolCall }) {
  if (!isKnownToolCall(call)) {
    return (
      <div>
        <p className="mb-1 text-xs text-muted">Runboard does not know tool type “{call.type}”; here is what the server sent:</p>
        <JsonView value={call} label={`Tool call of type ${call.type}`} />
      </div>
    );
  }
  switch (call.type) {
    case 'function':
      return <FunctionCallView call={call} />;
    case 'code_interpreter':
      return <CodeInterpreterView call={call} />;
    case 'file_search':
      return <FileSearchView call={call} />;
    default:
      return <JsonView value={call} label={`Tool call of type ${call.type}`} />;
  }
}
