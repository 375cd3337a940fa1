/**
 * Runs: the status machine (known statuses + an "other" fallback), the run object and its
 * sub-objects. Request bodies live in run-request.ts (re-exported here so `./run` has them all).
 */
import { z } from 'zod';
import { KnownOrOther, MetadataOut, ResponseId, UnixTime } from './common';
import { ResponseFormatOut, ToolDefinition, ToolResourcesOut } from './assistant';

export * from './run-request';

// ---------------------------------------------------------------------------------------------
// Status
// ---------------------------------------------------------------------------------------------

import { RUN_STATUSES } from './kinds';
export {
  RUN_STATUSES,
  ACTIVE_RUN_STATUSES,
  TERMINAL_RUN_STATUSES,
  isKnownRunStatus,
  isActiveRunStatus,
  isTerminalRunStatus,
  type ActiveRunStatus,
  type TerminalRunStatus,
} from './kinds';
/** The known statuses (for UI switches, filters, badges). Parsing uses `RunStatusField`. */
export const RunStatus = z.enum(RUN_STATUSES);
export type RunStatus = z.infer<typeof RunStatus>;

/**
 * The status as parsed: any non-empty string. Unknown values (a facade's `pending`, a future
 * status) must not make the run unreadable; `isKnownRunStatus` narrows to `RunStatus`.
 */
export const RunStatusField = KnownOrOther(RUN_STATUSES);

// ---------------------------------------------------------------------------------------------
// Sub-objects
// ---------------------------------------------------------------------------------------------

export const RequiredActionToolCall = z.looseObject({
  id: z.string().min(1),
  type: z.string(),
  function: z.looseObject({ name: z.string(), arguments: z.string() }),
});
export type RequiredActionToolCall = z.infer<typeof RequiredActionToolCall>;

export const RequiredAction = z.looseObject({
  type: z.literal('submit_tool_outputs'),
  submit_tool_outputs: z.looseObject({ tool_calls: z.array(RequiredActionToolCall) }),
});
export type RequiredAction = z.infer<typeof RequiredAction>;

export const RUN_ERROR_CODES = ['server_error', 'rate_limit_exceeded', 'invalid_prompt'] as const;
/** `code` is open: Azure adds e.g. `invalid_engine_error`. */
export const RunLastError = z.looseObject({
  code: KnownOrOther(RUN_ERROR_CODES),
  message: z.string(),
});
export type RunLastError = z.infer<typeof RunLastError>;

/** Token usage; extra keys (cached-token details on Azure) are kept. */
export const Usage = z.looseObject({
  prompt_tokens: z.number().int().min(0).nullish(),
  completion_tokens: z.number().int().min(0).nullish(),
  total_tokens: z.number().int().min(0).nullish(),
});
export type Usage = z.infer<typeof Usage>;

export const RUN_INCOMPLETE_REASONS = ['max_completion_tokens', 'max_prompt_tokens'] as const;
export const RunIncompleteDetails = z.looseObject({ reason: z.string().nullish() });

export const TruncationStrategyOut = z.looseObject({
  type: z.string(),
  last_messages: z.number().int().nullish(),
});

export const ToolChoiceOut = z.union([
  z.string(),
  z.looseObject({ type: z.string(), function: z.looseObject({ name: z.string() }).nullish() }),
]);
export type ToolChoiceOut = z.infer<typeof ToolChoiceOut>;

// ---------------------------------------------------------------------------------------------
// Run
// ---------------------------------------------------------------------------------------------

/**
 * A run. Strict: id, object, created_at, thread_id, assistant_id, status (string). Everything
 * else is nullish because cancel responses, v1 runs and facades omit "REQ" keys (§13.4), and
 * `instructions` is null in spec examples (§13.3). `tool_resources` (not in the schema, §13.2)
 * and v1 `file_ids` are declared so the UI can show them.
 */
export const Run = z.looseObject({
  id: ResponseId,
  object: z.literal('thread.run'),
  created_at: UnixTime,
  thread_id: z.string().min(1),
  assistant_id: z.string().min(1),
  status: RunStatusField,
  required_action: RequiredAction.nullish(),
  last_error: RunLastError.nullish(),
  expires_at: UnixTime.nullish(),
  started_at: UnixTime.nullish(),
  cancelled_at: UnixTime.nullish(),
  failed_at: UnixTime.nullish(),
  completed_at: UnixTime.nullish(),
  incomplete_details: RunIncompleteDetails.nullish(),
  model: z.string().nullish(),
  instructions: z.string().nullish(),
  tools: z.array(ToolDefinition).nullish(),
  metadata: MetadataOut,
  usage: Usage.nullish(),
  temperature: z.number().nullish(),
  top_p: z.number().nullish(),
  max_prompt_tokens: z.number().int().nullish(),
  max_completion_tokens: z.number().int().nullish(),
  truncation_strategy: TruncationStrategyOut.nullish(),
  tool_choice: ToolChoiceOut.nullish(),
  parallel_tool_calls: z.boolean().nullish(),
  response_format: ResponseFormatOut.nullish(),
  tool_resources: ToolResourcesOut.nullish(),
  /** v1 only. */
  file_ids: z.array(z.string()).nullish(),
});
export type Run = z.infer<typeof Run>;
