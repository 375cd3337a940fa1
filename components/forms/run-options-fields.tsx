'use client';

import type { FieldErrors, RunFormState } from '@/lib/view/thread-run-form';
import { Checkbox, Field, Input, Select, Textarea, fieldAria } from '@/components/ui/field';

type Props = {
  prefix: string;
  state: RunFormState;
  set: <K extends keyof RunFormState>(key: K, value: RunFormState[K]) => void;
  errors: FieldErrors;
  /** JSON of the chosen assistant's tools, to start an override from. */
  assistantToolsJson?: string;
};

/** Options shared by "create run" and "create thread and run": overrides, tools, sampling, limits, truncation. */
export function RunOptionsFields({ prefix, state, set, errors, assistantToolsJson }: Props) {
  const id = (name: string) => `${prefix}-${name}`;
  const text = (name: keyof RunFormState) => ({
    value: state[name] as string,
    onChange: (e: { target: { value: string } }) => set(name, e.target.value as never),
  });
  return (
    <div className="grid gap-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={id('model')} label="Model override" optional error={errors.model} hint="Empty: the assistant's model. On Azure, a deployment name.">
          <Input {...text('model')} placeholder="e.g. gpt-4o" {...fieldAria(id('model'), { error: errors.model, hint: true })} />
        </Field>
        <Field id={id('tool_choice')} label="Tool choice" error={errors.tool_choice}>
          <Select {...text('tool_choice')} {...fieldAria(id('tool_choice'), { error: errors.tool_choice })}>
            <option value="">Default (auto)</option>
            <option value="auto">auto — the model decides</option>
            <option value="none">none — no tools</option>
            <option value="required">required — must call a tool</option>
            <option value="code_interpreter">code_interpreter</option>
            <option value="file_search">file_search</option>
            <option value="function">a named function…</option>
          </Select>
        </Field>
      </div>
      {state.tool_choice === 'function' ? (
        <Field id={id('tool_choice_function')} label="Function name">
          <Input {...text('tool_choice_function')} className="font-mono" placeholder="get_order_status" id={id('tool_choice_function')} />
        </Field>
      ) : null}
      <Field id={id('instructions')} label="Instructions" optional error={errors.instructions} hint="Replaces the assistant's instructions for this run.">
        <Textarea {...text('instructions')} rows={3} className="font-sans" {...fieldAria(id('instructions'), { error: errors.instructions, hint: true })} />
      </Field>
      <div className="flex flex-col gap-2">
        <Checkbox
          id={id('tools_override')}
          label="Override the assistant's tools for this run"
          checked={state.tools_override}
          onChange={(e) => {
            set('tools_override', e.target.checked);
            if (e.target.checked && !state.tools_json.trim()) set('tools_json', assistantToolsJson ?? '[]');
          }}
        />
        {state.tools_override ? (
          <Field id={id('tools')} label="Tools (JSON array, at most 20)" error={errors.tools} hint='e.g. [{"type": "code_interpreter"}, {"type": "function", "function": {"name": "lookup"}}]'>
            <Textarea {...text('tools_json')} rows={6} spellCheck={false} {...fieldAria(id('tools'), { error: errors.tools, hint: true })} />
          </Field>
        ) : null}
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id={id('parallel_tool_calls')} label="Parallel tool calls" error={errors.parallel_tool_calls}>
          <Select {...text('parallel_tool_calls')} {...fieldAria(id('parallel_tool_calls'), { error: errors.parallel_tool_calls })}>
            <option value="">Default (on)</option>
            <option value="true">On</option>
            <option value="false">Off</option>
          </Select>
        </Field>
        <Field id={id('temperature')} label="Temperature" optional error={errors.temperature} hint="0–2">
          <Input {...text('temperature')} inputMode="decimal" placeholder="1" {...fieldAria(id('temperature'), { error: errors.temperature, hint: true })} />
        </Field>
        <Field id={id('top_p')} label="top_p" optional error={errors.top_p} hint="0–1">
          <Input {...text('top_p')} inputMode="decimal" placeholder="1" {...fieldAria(id('top_p'), { error: errors.top_p, hint: true })} />
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={id('max_prompt_tokens')} label="Max prompt tokens" optional error={errors.max_prompt_tokens} hint="At least 256; the run ends incomplete past it.">
          <Input {...text('max_prompt_tokens')} inputMode="numeric" {...fieldAria(id('max_prompt_tokens'), { error: errors.max_prompt_tokens, hint: true })} />
        </Field>
        <Field id={id('max_completion_tokens')} label="Max completion tokens" optional error={errors.max_completion_tokens} hint="At least 256.">
          <Input {...text('max_completion_tokens')} inputMode="numeric" {...fieldAria(id('max_completion_tokens'), { error: errors.max_completion_tokens, hint: true })} />
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={id('truncation_strategy')} label="Truncation" error={errors.truncation_strategy}>
          <Select {...text('truncation')} {...fieldAria(id('truncation_strategy'), { error: errors.truncation_strategy })}>
            <option value="">Default (auto)</option>
            <option value="auto">auto — drop middle messages to fit</option>
            <option value="last_messages">keep the last N messages</option>
          </Select>
        </Field>
        {state.truncation === 'last_messages' ? (
          <Field id={id('truncation_last_messages')} label="Messages to keep">
            <Input {...text('truncation_last_messages')} inputMode="numeric" id={id('truncation_last_messages')} />
          </Field>
        ) : null}
      </div>
    </div>
  );
}
