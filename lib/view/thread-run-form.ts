// The create-run and create-thread-and-run forms hold text; this turns that text into a request body. It only
// converts (numbers, JSON, empty → omitted) and reports what cannot be converted; the contract's zod schema then
// judges the body (limits, shapes) in the form component, so the rules live in one place.

import { METADATA_LIMITS } from '@/lib/contract/kinds';

export type MetadataRow = { key: string; value: string };
export type MessageRow = { role: 'user' | 'assistant'; content: string };

export type RunFormState = {
  assistant_id: string;
  model: string;
  instructions: string;
  additional_instructions: string;
  additional_messages: MessageRow[];
  /** '' = keep the assistant's tools; otherwise a JSON array of tool definitions. */
  tools_override: boolean;
  tools_json: string;
  /** '' (default) | auto | none | required | code_interpreter | file_search | function */
  tool_choice: string;
  tool_choice_function: string;
  /** '' (default) | 'true' | 'false' */
  parallel_tool_calls: string;
  temperature: string;
  top_p: string;
  max_prompt_tokens: string;
  max_completion_tokens: string;
  /** '' (default) | auto | last_messages */
  truncation: string;
  truncation_last_messages: string;
  metadata: MetadataRow[];
  /** create-thread-and-run only: the thread's first user message. */
  first_message: string;
};

export const EMPTY_RUN_FORM: RunFormState = {
  assistant_id: '',
  model: '',
  instructions: '',
  additional_instructions: '',
  additional_messages: [],
  tools_override: false,
  tools_json: '',
  tool_choice: '',
  tool_choice_function: '',
  parallel_tool_calls: '',
  temperature: '',
  top_p: '',
  max_prompt_tokens: '',
  max_completion_tokens: '',
  truncation: '',
  truncation_last_messages: '',
  metadata: [],
  first_message: '',
};

export type FieldErrors = Record<string, string>;

function number(field: string, raw: string, errors: FieldErrors, integer = false): number | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) {
    errors[field] = 'Must be a number.';
    return undefined;
  }
  if (integer && !Number.isInteger(value)) {
    errors[field] = 'Must be a whole number.';
    return undefined;
  }
  return value;
}

/**
 * Metadata rows → object. Blank rows are dropped. Every problem is reported at once, each under its row: a value
 * without a key, a duplicate key, a key or value over the API's limits; too many pairs under the whole map.
 */
export function metadataFromRows(rows: readonly MetadataRow[], errors: FieldErrors, field = 'metadata'): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  let any = false;
  let pairs = 0;
  rows.forEach((row, i) => {
    if (row.key === '' && row.value === '') return;
    pairs += 1;
    const problems = metadataRowProblems(row);
    if (row.key.trim() !== '' && Object.hasOwn(out, row.key)) problems.unshift(`Duplicate key "${row.key}".`);
    if (problems.length) {
      errors[`${field}.${i}`] ??= problems.join(' ');
      if (row.key.trim() === '' || Object.hasOwn(out, row.key)) return;
    }
    out[row.key] = row.value;
    any = true;
  });
  if (pairs > METADATA_LIMITS.maxKeys) errors[field] ??= `At most ${METADATA_LIMITS.maxKeys} pairs; remove ${pairs - METADATA_LIMITS.maxKeys}.`;
  return any ? out : undefined;
}

/** What is wrong with one pair on its own (no key for a value, over-long key or value); empty when fine. */
export function metadataRowProblems(row: MetadataRow): string[] {
  const problems: string[] = [];
  if (row.key.trim() === '' && row.value !== '') problems.push('A value needs a key.');
  if (row.key.length > METADATA_LIMITS.maxKeyLength) problems.push(`The key is ${row.key.length} characters; the limit is ${METADATA_LIMITS.maxKeyLength}.`);
  if (row.value.length > METADATA_LIMITS.maxValueLength) problems.push(`The value is ${row.value.length} characters; the limit is ${METADATA_LIMITS.maxValueLength}.`);
  return problems;
}

/** True when some pair is over a length limit: saving is blocked until it is shortened. */
export function metadataOverLimit(rows: readonly MetadataRow[]): boolean {
  return rows.some((r) => r.key.length > METADATA_LIMITS.maxKeyLength || r.value.length > METADATA_LIMITS.maxValueLength);
}

export function rowsFromMetadata(metadata: Record<string, unknown> | null | undefined): MetadataRow[] {
  return Object.entries(metadata ?? {}).map(([key, value]) => ({ key, value: typeof value === 'string' ? value : JSON.stringify(value) }));
}

export type BuiltBody = { body: Record<string, unknown>; errors: FieldErrors };

/** Builds the body for POST /threads/{id}/runs ('run') or POST /threads/runs ('thread-and-run'). */
export function buildRunBody(state: RunFormState, mode: 'run' | 'thread-and-run'): BuiltBody {
  const errors: FieldErrors = {};
  const body: Record<string, unknown> = { assistant_id: state.assistant_id.trim() };
  if (state.model.trim()) body.model = state.model.trim();
  if (state.instructions.trim()) body.instructions = state.instructions;

  if (mode === 'run') {
    if (state.additional_instructions.trim()) body.additional_instructions = state.additional_instructions;
    const messages = state.additional_messages.filter((m) => m.content.trim() !== '');
    if (messages.length) body.additional_messages = messages.map((m) => ({ role: m.role, content: m.content }));
  } else {
    if (!state.first_message.trim()) errors.first_message = 'Write the first user message of the new thread.';
    else body.thread = { messages: [{ role: 'user', content: state.first_message }] };
  }

  if (state.tools_override) {
    try {
      const tools = JSON.parse(state.tools_json || '[]') as unknown;
      if (!Array.isArray(tools)) errors.tools = 'Tools must be a JSON array, e.g. [{"type": "code_interpreter"}].';
      else body.tools = tools;
    } catch (error) {
      errors.tools = `Not valid JSON: ${(error as Error).message}`;
    }
  }

  if (state.tool_choice) {
    if (['auto', 'none', 'required'].includes(state.tool_choice)) body.tool_choice = state.tool_choice;
    else if (state.tool_choice === 'function') {
      if (!state.tool_choice_function.trim()) errors.tool_choice = 'Name the function the run must call.';
      else body.tool_choice = { type: 'function', function: { name: state.tool_choice_function.trim() } };
    } else body.tool_choice = { type: state.tool_choice };
  }
  if (state.parallel_tool_calls) body.parallel_tool_calls = state.parallel_tool_calls === 'true';

  const temperature = number('temperature', state.temperature, errors);
  if (temperature !== undefined) body.temperature = temperature;
  const topP = number('top_p', state.top_p, errors);
  if (topP !== undefined) body.top_p = topP;
  const maxPrompt = number('max_prompt_tokens', state.max_prompt_tokens, errors, true);
  if (maxPrompt !== undefined) body.max_prompt_tokens = maxPrompt;
  const maxCompletion = number('max_completion_tokens', state.max_completion_tokens, errors, true);
  if (maxCompletion !== undefined) body.max_completion_tokens = maxCompletion;

  if (state.truncation === 'auto') body.truncation_strategy = { type: 'auto' };
  else if (state.truncation === 'last_messages') {
    const n = number('truncation_strategy', state.truncation_last_messages, errors, true);
    if (n === undefined && !errors.truncation_strategy) errors.truncation_strategy = 'Say how many recent messages to keep.';
    else if (n !== undefined) body.truncation_strategy = { type: 'last_messages', last_messages: n };
  }

  const metadata = metadataFromRows(state.metadata, errors);
  if (metadata) body.metadata = metadata;
  return { body, errors };
}

// Zod issue paths (API style, e.g. `additional_messages[0].content`) → the form field that shows the error.
const FIELD_OF_PREFIX: Array<[prefix: string, field: string]> = [
  ['thread.messages', 'first_message'],
  ['thread', 'first_message'],
  ['truncation_strategy', 'truncation_strategy'],
  ['tool_choice', 'tool_choice'],
  ['tools', 'tools'],
  ['additional_messages', 'additional_messages'],
];

export function fieldForIssuePath(path: string): string {
  if (path === '') return 'form';
  if (path.startsWith('metadata')) return 'metadata';
  for (const [prefix, field] of FIELD_OF_PREFIX) if (path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`)) return field;
  return path.split(/[.[]/)[0] ?? path;
}
