/** A run's settings: the request's overrides on top of the assistant's defaults (§2.1 (1)). */
import type { CreateRunBody, CreateThreadAndRunBody } from '../../contract';
import type { AssistantRec } from '../store';
import type { ToolDef } from '../wire';
import type { RunSettings } from './actions';

export type RunOptionsBody = Partial<CreateRunBody | CreateThreadAndRunBody>;

export function settingsFrom(body: RunOptionsBody, assistant: AssistantRec): RunSettings {
  const a = assistant.wire;
  const extra = 'additional_instructions' in body ? body.additional_instructions : null;
  // `instructions` replaces the assistant's; `additional_instructions` is appended.
  const instructions = [body.instructions ?? a.instructions ?? '', extra ?? ''].filter(Boolean).join('\n\n');
  const settings: RunSettings = {
    model: body.model ?? a.model,
    instructions,
    tools: (body.tools ?? a.tools) as ToolDef[],
    tool_resources: a.tool_resources ?? {},
    metadata: body.metadata ?? {},
    temperature: body.temperature ?? a.temperature ?? 1,
    top_p: body.top_p ?? a.top_p ?? 1,
    max_completion_tokens: body.max_completion_tokens ?? null,
    max_prompt_tokens: body.max_prompt_tokens ?? null,
    truncation_strategy: {
      type: body.truncation_strategy?.type ?? 'auto',
      last_messages: body.truncation_strategy?.last_messages ?? null,
    },
    response_format: body.response_format ?? a.response_format ?? 'auto',
    tool_choice: body.tool_choice ?? 'auto',
    parallel_tool_calls: body.parallel_tool_calls ?? true,
  };
  if ('reasoning_effort' in body && body.reasoning_effort != null) settings.reasoning_effort = body.reasoning_effort;
  return settings;
}
