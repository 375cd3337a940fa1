'use client';

import type { RequiredActionToolCall } from '@/lib/contract';
import { outputHint } from '@/lib/view/run-output-hint';
import { Button } from '@/components/ui/button';
import { CopyableId } from '@/components/ui/copy-button';
import { fieldAria } from '@/components/ui/field';
import { Textarea } from '@/components/ui/field';
import { toPrettyJson } from '@/components/ui/json-view';
import { CodeBlock } from '@/components/steps/code-block';

/** One pending call: its name and arguments, an output box with JSON hints and a pretty-print button. */
export function ToolOutputField({
  call,
  index,
  value,
  disabled,
  error,
  onChange,
  onBlur,
}: {
  call: RequiredActionToolCall;
  index: number;
  value: string;
  disabled: boolean;
  error: string | null;
  onChange: (value: string) => void;
  onBlur: () => void;
}) {
  const id = `output-${call.id}`;
  const hint = outputHint(value);
  const hintText =
    hint.kind === 'json'
      ? 'Valid JSON.'
      : hint.kind === 'broken-json'
        ? `Looks like JSON but does not parse (${hint.error}); it would be sent as plain text.`
        : hint.kind === 'text'
          ? 'Plain text (not JSON) — allowed.'
          : 'Plain text or JSON.';
  return (
    <fieldset className="flex flex-col gap-2 rounded-md border border-border p-3" data-testid="tool-output" data-call-id={call.id}>
      <legend className="px-1 text-sm">
        <span className="text-muted">Call {index + 1}: </span>
        <span className="font-mono font-semibold">{call.function.name}</span>
      </legend>
      <CopyableId value={call.id} label="Copy tool call id" className="text-muted" />
      <CodeBlock label={`Arguments of ${call.function.name}`} text={toPrettyJson(call.function.arguments, true)} />
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="text-sm font-medium">
          Output of {call.function.name}
        </label>
        <Textarea
          {...fieldAria(id, { error, hint: true })}
          value={value}
          disabled={disabled}
          rows={4}
          spellCheck={false}
          placeholder='e.g. {"status": "ok"}'
          onChange={(e) => onChange(e.target.value)}
          onBlur={onBlur}
        />
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p id={`${id}-hint`} className={hint.kind === 'broken-json' ? 'text-xs text-warning' : 'text-xs text-muted'} data-testid={`output-hint-${call.id}`}>
            {hintText}
          </p>
          <Button
            size="sm"
            variant="ghost"
            disabled={disabled || hint.kind !== 'json' || hint.isPretty}
            onClick={() => hint.kind === 'json' && onChange(hint.pretty)}
          >
            Pretty-print JSON
          </Button>
        </div>
        {error ? (
          <p id={`${id}-error`} data-testid={`field-error-${id}`} className="text-xs font-medium text-danger">
            {error}
          </p>
        ) : null}
      </div>
    </fieldset>
  );
}
