/**
 * Run steps: message_creation and tool_calls (function, code_interpreter with logs and images,
 * file_search with results, v1 retrieval). Unknown step-detail, tool-call and output types parse
 * into a loose `{type}` object so the UI can show them raw.
 */
import { z } from 'zod';
import { KNOWN_TOOL_CALL_TYPES, RUN_STEP_TYPES } from './kinds';
import { KnownOrOther, MetadataOut, ResponseId, UnixTime, UnknownVariant, isOneOf } from './common';
import { Usage } from './run';

export const RUN_STEP_STATUSES = ['in_progress', 'cancelled', 'failed', 'completed', 'expired'] as const;
export const RunStepStatus = z.enum(RUN_STEP_STATUSES);
export type RunStepStatus = z.infer<typeof RunStepStatus>;
export const isKnownRunStepStatus = isOneOf(RUN_STEP_STATUSES);

export { RUN_STEP_TYPES, KNOWN_TOOL_CALL_TYPES, isKnownToolCall, isKnownStepDetails } from './kinds';

// ---------------------------------------------------------------------------------------------
// Tool calls
// ---------------------------------------------------------------------------------------------

export const FunctionToolCall = z.looseObject({
  id: z.string().min(1),
  type: z.literal('function'),
  function: z.looseObject({
    name: z.string(),
    arguments: z.string(),
    // null until outputs are submitted; some facades omit it.
    output: z.string().nullish(),
  }),
});
export type FunctionToolCall = z.infer<typeof FunctionToolCall>;

export const KNOWN_CODE_OUTPUT_TYPES = ['logs', 'image'] as const;
export const CodeInterpreterLogsOutput = z.looseObject({ type: z.literal('logs'), logs: z.string() });
export const CodeInterpreterImageOutput = z.looseObject({
  type: z.literal('image'),
  image: z.looseObject({ file_id: z.string() }),
});
export const CodeInterpreterOutput = z.union([
  CodeInterpreterLogsOutput,
  CodeInterpreterImageOutput,
  UnknownVariant(KNOWN_CODE_OUTPUT_TYPES),
]);
export type CodeInterpreterOutput = z.infer<typeof CodeInterpreterOutput>;

export const CodeInterpreterToolCall = z.looseObject({
  id: z.string().min(1),
  type: z.literal('code_interpreter'),
  code_interpreter: z.looseObject({
    input: z.string(),
    outputs: z.array(CodeInterpreterOutput).nullish(),
  }),
});
export type CodeInterpreterToolCall = z.infer<typeof CodeInterpreterToolCall>;

export const FileSearchResult = z.looseObject({
  file_id: z.string(),
  file_name: z.string().nullish(),
  score: z.number().nullish(),
  // Only present when requested with include[] (FILE_SEARCH_CONTENT_INCLUDE).
  content: z.array(z.looseObject({ type: z.string(), text: z.string().nullish() })).nullish(),
});
export type FileSearchResult = z.infer<typeof FileSearchResult>;

/** The spec says `file_search` is "always empty" yet it carries ranking_options/results (§13.8). */
export const FileSearchToolCall = z.looseObject({
  id: z.string().min(1),
  type: z.literal('file_search'),
  file_search: z
    .looseObject({
      ranking_options: z.looseObject({ ranker: z.string().nullish(), score_threshold: z.number().nullish() }).nullish(),
      results: z.array(FileSearchResult).nullish(),
    })
    .nullish(),
});
export type FileSearchToolCall = z.infer<typeof FileSearchToolCall>;

/** v1: `{id, type: 'retrieval', retrieval: {}}`. */
export const RetrievalToolCall = z.looseObject({
  id: z.string().min(1),
  type: z.literal('retrieval'),
  retrieval: z.record(z.string(), z.unknown()).nullish(),
});
export type RetrievalToolCall = z.infer<typeof RetrievalToolCall>;

export const ToolCall = z.union([
  FunctionToolCall,
  CodeInterpreterToolCall,
  FileSearchToolCall,
  RetrievalToolCall,
  UnknownVariant(KNOWN_TOOL_CALL_TYPES),
]);
export type ToolCall = z.infer<typeof ToolCall>;
export type KnownToolCall = FunctionToolCall | CodeInterpreterToolCall | FileSearchToolCall | RetrievalToolCall;

// ---------------------------------------------------------------------------------------------
// Step details
// ---------------------------------------------------------------------------------------------

export const MessageCreationDetails = z.looseObject({
  type: z.literal('message_creation'),
  message_creation: z.looseObject({ message_id: z.string() }),
});
export const ToolCallsDetails = z.looseObject({
  type: z.literal('tool_calls'),
  tool_calls: z.array(ToolCall),
});
export const StepDetails = z.union([MessageCreationDetails, ToolCallsDetails, UnknownVariant(RUN_STEP_TYPES)]);
export type StepDetails = z.infer<typeof StepDetails>;
export type KnownStepDetails = z.infer<typeof MessageCreationDetails> | z.infer<typeof ToolCallsDetails>;

export const RUN_STEP_ERROR_CODES = ['server_error', 'rate_limit_exceeded'] as const;

// ---------------------------------------------------------------------------------------------
// Run step
// ---------------------------------------------------------------------------------------------

/**
 * A run step. `object` accepts the 2023 spelling `assistant.run.step` (§13.9); both `expired_at`
 * (schema) and `expires_at` (spec examples, real streams, §13.1) are accepted — use
 * `stepExpiredAt`. `type` and `status` are open strings (known lists above).
 */
export const RunStep = z.looseObject({
  id: ResponseId,
  object: z.enum(['thread.run.step', 'assistant.run.step']),
  created_at: UnixTime,
  assistant_id: z.string().nullish(),
  thread_id: z.string().min(1),
  run_id: z.string().min(1),
  type: z.string().min(1),
  status: KnownOrOther(RUN_STEP_STATUSES),
  step_details: StepDetails,
  last_error: z.looseObject({ code: z.string(), message: z.string() }).nullish(),
  expired_at: UnixTime.nullish(),
  expires_at: UnixTime.nullish(),
  cancelled_at: UnixTime.nullish(),
  failed_at: UnixTime.nullish(),
  completed_at: UnixTime.nullish(),
  metadata: MetadataOut,
  usage: Usage.nullish(),
});
export type RunStep = z.infer<typeof RunStep>;

/** The step's expiry moment, whichever of the two spellings the server used. */
export function stepExpiredAt(step: Pick<RunStep, 'expired_at' | 'expires_at'>): number | null {
  return step.expired_at ?? step.expires_at ?? null;
}
