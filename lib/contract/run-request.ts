/**
 * Request bodies of the Runs endpoints, with the API's limits. Strict (z.strictObject) because the
 * spec sets additionalProperties:false and the real API answers unknown keys with 400.
 * Re-exported from run.ts.
 */
import { z } from 'zod';
import { Id, Metadata } from './common';
import {
  FunctionName,
  ReasoningEffort,
  ResponseFormatInput,
  ToolDefinitionInput,
  ToolResourcesUpdateInput,
} from './assistant';
import { CreateMessageBody } from './message';
import { CreateThreadBody } from './thread';

export const TruncationStrategy = z.strictObject({
  type: z.enum(['auto', 'last_messages']),
  last_messages: z.int().min(1).nullish(),
});
export type TruncationStrategy = z.infer<typeof TruncationStrategy>;

/** `none|auto|required`, or a named tool; `function.name` is required when type is function. */
export const ToolChoice = z.union([
  z.enum(['none', 'auto', 'required']),
  z
    .strictObject({
      type: z.enum(['function', 'code_interpreter', 'file_search']),
      function: z.strictObject({ name: FunctionName }).optional(),
    })
    .superRefine((choice, ctx) => {
      if (choice.type === 'function' && !choice.function) {
        ctx.addIssue({
          code: 'custom',
          path: ['function'],
          message: "is required when type is 'function'",
          input: choice,
        });
      }
    }),
]);
export type ToolChoice = z.infer<typeof ToolChoice>;

/** Fields shared by create-run and create-thread-and-run. */
const runOptions = {
  // Pattern only, no prefix check: facades issue other prefixes, and a wrong id is the upstream's 404.
  assistant_id: Id,
  model: z.string().nullish(),
  instructions: z.string().nullish(),
  tools: z.array(ToolDefinitionInput).max(20).nullish(),
  metadata: Metadata.nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  stream: z.boolean().nullish(),
  max_prompt_tokens: z.int().min(256).nullish(),
  max_completion_tokens: z.int().min(256).nullish(),
  truncation_strategy: TruncationStrategy.nullish(),
  tool_choice: ToolChoice.nullish(),
  parallel_tool_calls: z.boolean().optional(),
  response_format: ResponseFormatInput.nullish(),
};

/** POST /threads/{thread_id}/runs (query `include[]` is separate, see IncludeQuery). */
export const CreateRunBody = z.strictObject({
  ...runOptions,
  reasoning_effort: ReasoningEffort.nullish(),
  additional_instructions: z.string().nullish(),
  additional_messages: z.array(CreateMessageBody).nullish(),
});
export type CreateRunBody = z.infer<typeof CreateRunBody>;

/** POST /threads/runs. No additional_* or reasoning_effort; adds `thread` and `tool_resources`. */
export const CreateThreadAndRunBody = z.strictObject({
  ...runOptions,
  thread: CreateThreadBody.optional(),
  tool_resources: ToolResourcesUpdateInput.nullish(),
});
export type CreateThreadAndRunBody = z.infer<typeof CreateThreadAndRunBody>;

/** POST /threads/{thread_id}/runs/{run_id}: metadata is the only mutable field of a run. */
export const ModifyRunBody = z.strictObject({ metadata: Metadata.nullish() });
export type ModifyRunBody = z.infer<typeof ModifyRunBody>;

/**
 * One tool output. Both fields are required here although the spec leaves them optional (§13.10):
 * an output without `tool_call_id` cannot be matched to a pending call and one without `output`
 * leaves the call unanswered, so the real server rejects/stalls on both. Catching it in the form
 * and the proxy gives the user a field-level message instead of a stuck run.
 */
export const ToolOutput = z.strictObject({
  tool_call_id: z.string().min(1, { error: 'must be a non-empty tool call id' }),
  // A function error keeps zod's default for a missing key, so it still reads "Missing required parameter".
  output: z.string({ error: (iss) => (iss.input === undefined ? undefined : 'must be a string (JSON-encode objects yourself)') }),
});
export type ToolOutput = z.infer<typeof ToolOutput>;

/**
 * POST .../submit_tool_outputs. Non-empty (all pending calls must be answered in one request, and
 * an empty list can never be right) and no call answered twice.
 */
export const SubmitToolOutputsBody = z.strictObject({
  tool_outputs: z
    .array(ToolOutput)
    .min(1, { error: 'must contain at least one tool output' })
    .superRefine((outputs, ctx) => {
      const seen = new Set<string>();
      outputs.forEach((o, i) => {
        if (seen.has(o.tool_call_id)) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'tool_call_id'],
            message: `duplicate tool_call_id '${o.tool_call_id}'`,
            input: o.tool_call_id,
          });
        }
        seen.add(o.tool_call_id);
      });
    }),
  stream: z.boolean().nullish(),
});
export type SubmitToolOutputsBody = z.infer<typeof SubmitToolOutputsBody>;
