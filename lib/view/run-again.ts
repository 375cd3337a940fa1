// "Run again": the create-run form prefilled with a finished run's settings, so a failed, expired or cancelled run
// can be retried on the same thread without retyping them. Only what a run reports is copied; additional_messages
// are not (they were added to the thread already, and a retry would add them twice).
import type { RunFormState } from './thread-run-form';

export type RunSettingsLike = {
  status: string;
  assistant_id: string;
  model?: string | null;
  instructions?: string | null;
  tools?: readonly unknown[] | null;
  tool_choice?: unknown;
  parallel_tool_calls?: boolean | null;
  temperature?: number | null;
  top_p?: number | null;
  max_prompt_tokens?: number | null;
  max_completion_tokens?: number | null;
  truncation_strategy?: { type?: string | null; last_messages?: number | null } | null;
  metadata?: Record<string, unknown> | null;
};

const text = (v: number | null | undefined) => (v == null ? '' : String(v));

export function runAgainForm(run: RunSettingsLike): Partial<RunFormState> {
  const choice = run.tool_choice;
  let toolChoice = '';
  let toolChoiceFunction = '';
  if (typeof choice === 'string') toolChoice = choice;
  else if (choice && typeof choice === 'object') {
    const c = choice as { type?: string; function?: { name?: string } };
    toolChoice = c.type ?? '';
    toolChoiceFunction = c.function?.name ?? '';
  }
  const trunc = run.truncation_strategy;
  return {
    assistant_id: run.assistant_id,
    model: run.model ?? '',
    instructions: run.instructions ?? '',
    tools_override: Array.isArray(run.tools),
    tools_json: Array.isArray(run.tools) ? JSON.stringify(run.tools, null, 2) : '',
    tool_choice: toolChoice,
    tool_choice_function: toolChoiceFunction,
    parallel_tool_calls: run.parallel_tool_calls == null ? '' : String(run.parallel_tool_calls),
    temperature: text(run.temperature),
    top_p: text(run.top_p),
    max_prompt_tokens: text(run.max_prompt_tokens),
    max_completion_tokens: text(run.max_completion_tokens),
    truncation: trunc?.type ?? '',
    truncation_last_messages: text(trunc?.last_messages),
    metadata: Object.entries(run.metadata ?? {}).map(([key, value]) => ({ key, value: String(value) })),
  };
}
