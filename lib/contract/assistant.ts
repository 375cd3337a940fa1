/**
 * Assistants and the sub-objects that assistants, runs and threads share: tool definitions,
 * tool resources, response_format, reasoning_effort.
 */
import { z } from 'zod';
import { MetadataOut, Metadata, ResponseId, UnixTime, UnknownVariant, isOneOf } from './common';

// ---------------------------------------------------------------------------------------------
// Tool definitions
// ---------------------------------------------------------------------------------------------

export const FUNCTION_NAME_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/;
export const FunctionName = z.string().regex(FUNCTION_NAME_PATTERN, {
  error: 'must be 1-64 characters of a-z, A-Z, 0-9, underscores and dashes',
});

/** v2 tool types plus v1's `retrieval` (still sent by Azure under old api-versions). */
export const KNOWN_TOOL_TYPES = ['code_interpreter', 'file_search', 'function', 'retrieval'] as const;
export type KnownToolType = (typeof KNOWN_TOOL_TYPES)[number];

export const FILE_SEARCH_RANKERS = ['auto', 'default_2024_08_21'] as const;

const CodeInterpreterToolOut = z.looseObject({ type: z.literal('code_interpreter') });
const FileSearchToolOut = z.looseObject({
  type: z.literal('file_search'),
  file_search: z
    .looseObject({
      max_num_results: z.number().nullish(),
      ranking_options: z.looseObject({ ranker: z.string().nullish(), score_threshold: z.number().nullish() }).nullish(),
    })
    .nullish(),
});
export const FunctionToolDefinition = z.looseObject({
  type: z.literal('function'),
  function: z.looseObject({
    name: z.string(),
    description: z.string().nullish(),
    parameters: z.record(z.string(), z.unknown()).nullish(),
    strict: z.boolean().nullish(),
  }),
});
export type FunctionToolDefinition = z.infer<typeof FunctionToolDefinition>;
const RetrievalToolOut = z.looseObject({ type: z.literal('retrieval') });

/** A tool definition as read from an assistant or run (tolerant; unknown tool types kept). */
export const ToolDefinition = z.union([
  CodeInterpreterToolOut,
  FileSearchToolOut,
  FunctionToolDefinition,
  RetrievalToolOut,
  UnknownVariant(KNOWN_TOOL_TYPES),
]);
export type ToolDefinition = z.infer<typeof ToolDefinition>;
export type KnownToolDefinition =
  | z.infer<typeof CodeInterpreterToolOut>
  | z.infer<typeof FileSearchToolOut>
  | FunctionToolDefinition
  | z.infer<typeof RetrievalToolOut>;
const isKnownToolType = isOneOf(KNOWN_TOOL_TYPES);
export function isKnownToolDefinition(tool: ToolDefinition): tool is KnownToolDefinition {
  return isKnownToolType(tool.type);
}

/**
 * A tool definition in a request. Strict everywhere (the real API rejects unknown nested keys
 * with "Unknown parameter"); v1 `retrieval` is rejected, as v2 servers do.
 */
export const ToolDefinitionInput = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('code_interpreter') }),
  z.strictObject({
    type: z.literal('file_search'),
    file_search: z
      .strictObject({
        max_num_results: z.int().min(1).max(50).optional(),
        ranking_options: z
          .strictObject({
            ranker: z.enum(FILE_SEARCH_RANKERS).optional(),
            score_threshold: z.number().min(0).max(1),
          })
          .optional(),
      })
      .optional(),
  }),
  z.strictObject({
    type: z.literal('function'),
    function: z.strictObject({
      name: FunctionName,
      description: z.string().optional(),
      parameters: z.record(z.string(), z.unknown()).optional(),
      strict: z.boolean().nullish(),
    }),
  }),
]);
export type ToolDefinitionInput = z.infer<typeof ToolDefinitionInput>;

// ---------------------------------------------------------------------------------------------
// Tool resources
// ---------------------------------------------------------------------------------------------

export const ToolResourcesOut = z.looseObject({
  code_interpreter: z.looseObject({ file_ids: z.array(z.string()).nullish() }).nullish(),
  file_search: z.looseObject({ vector_store_ids: z.array(z.string()).nullish() }).nullish(),
});
export type ToolResourcesOut = z.infer<typeof ToolResourcesOut>;

/** How an inline vector store cuts its files: `auto` (800/400 tokens), or `static` with the spec's bounds. */
export const CHUNKING_LIMITS = { minChunkTokens: 100, maxChunkTokens: 4096 } as const;
export const ChunkingStrategyInput = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('auto') }),
  z.strictObject({
    type: z.literal('static'),
    static: z
      .strictObject({
        max_chunk_size_tokens: z.int().min(CHUNKING_LIMITS.minChunkTokens).max(CHUNKING_LIMITS.maxChunkTokens),
        chunk_overlap_tokens: z.int().min(0),
      })
      // The spec states this in prose only ("must not exceed half of max_chunk_size_tokens"); the API enforces it.
      .superRefine((sizes, ctx) => {
        if (sizes.chunk_overlap_tokens * 2 > sizes.max_chunk_size_tokens) {
          ctx.addIssue({
            code: 'custom',
            path: ['chunk_overlap_tokens'],
            message: `must be at most half of max_chunk_size_tokens (${Math.floor(sizes.max_chunk_size_tokens / 2)})`,
            input: sizes.chunk_overlap_tokens,
          });
        }
      }),
  }),
]);
export type ChunkingStrategyInput = z.infer<typeof ChunkingStrategyInput>;

/** `vector_stores[]`: a vector store created inline with the thread or assistant (the spec leaves its keys open). */
const InlineVectorStoreInput = z.looseObject({
  file_ids: z.array(z.string()).optional(),
  chunking_strategy: ChunkingStrategyInput.optional(),
  metadata: Metadata.nullish(),
});

/**
 * `file_search` names at most one vector store: an existing one (`vector_store_ids`) or one to create
 * (`vector_stores`), never both. Where the spec makes it a oneOf (creating a thread or an assistant) one of the two
 * is required; elsewhere (run-level resources, modifying a thread) an empty object is allowed.
 */
function fileSearchResources({ requireOne }: { requireOne: boolean }) {
  return z
    .strictObject({
      vector_store_ids: z.array(z.string()).max(1).optional(),
      vector_stores: z.array(InlineVectorStoreInput).max(1).optional(),
    })
    .superRefine((fileSearch, ctx) => {
      const hasIds = fileSearch.vector_store_ids !== undefined;
      const hasStores = fileSearch.vector_stores !== undefined;
      if (hasIds && hasStores) {
        ctx.addIssue({
          code: 'custom',
          path: ['vector_stores'],
          message: 'give either vector_store_ids (an existing vector store) or vector_stores (one to create), not both',
          input: fileSearch.vector_stores,
        });
      } else if (requireOne && !hasIds && !hasStores) {
        ctx.addIssue({ code: 'custom', message: 'must contain vector_store_ids or vector_stores', input: fileSearch });
      }
    });
}

function toolResources(options: { requireOne: boolean }) {
  return z.strictObject({
    code_interpreter: z.strictObject({ file_ids: z.array(z.string()).max(20).optional() }).optional(),
    file_search: fileSearchResources(options).optional(),
  });
}

/** Request tool_resources when creating a thread or an assistant: code_interpreter.file_ids ≤20, one vector store. */
export const ToolResourcesInput = toolResources({ requireOne: true });
export type ToolResourcesInput = z.infer<typeof ToolResourcesInput>;
/** Request tool_resources on create-thread-and-run and modify-thread, where `file_search` may be empty. */
export const ToolResourcesUpdateInput = toolResources({ requireOne: false });
export type ToolResourcesUpdateInput = z.infer<typeof ToolResourcesUpdateInput>;

// ---------------------------------------------------------------------------------------------
// response_format, reasoning_effort
// ---------------------------------------------------------------------------------------------

/** Read side: `"auto"` or any `{type}` object. */
export const ResponseFormatOut = z.union([z.string(), z.looseObject({ type: z.string() })]);
export type ResponseFormatOut = z.infer<typeof ResponseFormatOut>;

export const ResponseFormatInput = z.union([
  z.literal('auto'),
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('text') }),
    z.strictObject({ type: z.literal('json_object') }),
    z.strictObject({
      type: z.literal('json_schema'),
      json_schema: z.strictObject({
        name: FunctionName,
        description: z.string().optional(),
        schema: z.record(z.string(), z.unknown()).optional(),
        strict: z.boolean().nullish(),
      }),
    }),
  ]),
]);
export type ResponseFormatInput = z.infer<typeof ResponseFormatInput>;

export const REASONING_EFFORTS = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'] as const;
export const ReasoningEffort = z.enum(REASONING_EFFORTS);
export type ReasoningEffort = z.infer<typeof ReasoningEffort>;

// ---------------------------------------------------------------------------------------------
// Assistant
// ---------------------------------------------------------------------------------------------

export const Assistant = z.looseObject({
  id: ResponseId,
  object: z.literal('assistant'),
  created_at: UnixTime,
  name: z.string().nullish(),
  description: z.string().nullish(),
  model: z.string(),
  instructions: z.string().nullish(),
  tools: z.array(ToolDefinition).nullish(),
  tool_resources: ToolResourcesOut.nullish(),
  metadata: MetadataOut,
  temperature: z.number().nullish(),
  top_p: z.number().nullish(),
  response_format: ResponseFormatOut.nullish(),
  /** v1 only. */
  file_ids: z.array(z.string()).nullish(),
});
export type Assistant = z.infer<typeof Assistant>;

export const CreateAssistantBody = z.strictObject({
  model: z.string().min(1),
  name: z.string().max(256).nullish(),
  description: z.string().max(512).nullish(),
  instructions: z.string().max(256_000).nullish(),
  reasoning_effort: ReasoningEffort.nullish(),
  tools: z.array(ToolDefinitionInput).max(128).optional(),
  tool_resources: ToolResourcesInput.nullish(),
  metadata: Metadata.nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  response_format: ResponseFormatInput.nullish(),
});
export type CreateAssistantBody = z.infer<typeof CreateAssistantBody>;
