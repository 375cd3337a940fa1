/**
 * Hand-written wire objects in the exact v2 shape (every REQ key present), used by the contract
 * tests (they must pass both our zod schemas and the spec) and by lib/contract unit tests.
 * Deliberately not copied from spec examples (§13.6: some are wrong). Plus "tolerant" samples:
 * sparse facade objects, v1 shapes and unknown values that only our tolerant readers accept.
 */
const T0 = 1_760_000_000;

export const run = {
  id: 'run_abc123',
  object: 'thread.run',
  created_at: T0,
  thread_id: 'thread_abc123',
  assistant_id: 'asst_abc123',
  status: 'completed',
  required_action: null,
  last_error: null,
  expires_at: null,
  started_at: T0 + 1,
  cancelled_at: null,
  failed_at: null,
  completed_at: T0 + 9,
  incomplete_details: null,
  model: 'gpt-4o',
  instructions: 'You are a helpful assistant.',
  tools: [
    { type: 'code_interpreter' },
    { type: 'file_search', file_search: { max_num_results: 20, ranking_options: { ranker: 'auto', score_threshold: 0 } } },
    {
      type: 'function',
      function: {
        name: 'get_weather',
        description: 'Weather for a city',
        parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
        strict: false,
      },
    },
  ],
  metadata: { scenario: 'happy' },
  usage: { prompt_tokens: 120, completion_tokens: 40, total_tokens: 160 },
  temperature: 1,
  top_p: 1,
  max_prompt_tokens: null,
  max_completion_tokens: null,
  truncation_strategy: { type: 'auto', last_messages: null },
  tool_choice: 'auto',
  parallel_tool_calls: true,
  response_format: 'auto',
};

export const requiresActionRun = {
  ...run,
  id: 'run_wait1',
  status: 'requires_action',
  expires_at: T0 + 600,
  completed_at: null,
  usage: null,
  required_action: {
    type: 'submit_tool_outputs',
    submit_tool_outputs: {
      tool_calls: [
        { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } },
        { id: 'call_2', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Rome"}' } },
      ],
    },
  },
};

export const failedRun = {
  ...run,
  id: 'run_fail1',
  status: 'failed',
  completed_at: null,
  failed_at: T0 + 5,
  last_error: { code: 'rate_limit_exceeded', message: 'Rate limit is exceeded. Try again in 60 seconds.' },
};

export const messageStep = {
  id: 'step_msg1',
  object: 'thread.run.step',
  created_at: T0 + 2,
  assistant_id: 'asst_abc123',
  thread_id: 'thread_abc123',
  run_id: 'run_abc123',
  type: 'message_creation',
  status: 'completed',
  step_details: { type: 'message_creation', message_creation: { message_id: 'msg_abc123' } },
  last_error: null,
  expired_at: null,
  cancelled_at: null,
  failed_at: null,
  completed_at: T0 + 8,
  metadata: {},
  usage: { prompt_tokens: 100, completion_tokens: 30, total_tokens: 130 },
};

export const toolStep = {
  ...messageStep,
  id: 'step_tool1',
  type: 'tool_calls',
  step_details: {
    type: 'tool_calls',
    tool_calls: [
      { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}', output: '{"temp":4}' } },
      {
        id: 'call_ci1',
        type: 'code_interpreter',
        code_interpreter: {
          input: 'print(1+1)',
          outputs: [
            { type: 'logs', logs: '2\n' },
            { type: 'image', image: { file_id: 'file-img1' } },
          ],
        },
      },
      {
        id: 'call_fs1',
        type: 'file_search',
        file_search: {
          ranking_options: { ranker: 'default_2024_08_21', score_threshold: 0.5 },
          results: [{ file_id: 'file-doc1', file_name: 'handbook.pdf', score: 0.91, content: [{ type: 'text', text: 'Refunds take 5 days.' }] }],
        },
      },
    ],
  },
};

export const message = {
  id: 'msg_abc123',
  object: 'thread.message',
  created_at: T0 + 3,
  thread_id: 'thread_abc123',
  status: 'completed',
  incomplete_details: null,
  completed_at: T0 + 8,
  incomplete_at: null,
  role: 'assistant',
  content: [
    {
      type: 'text',
      text: {
        value: 'Refunds take 5 days【4:0†source】. Chart: sandbox:/mnt/data/chart.png',
        annotations: [
          { type: 'file_citation', text: '【4:0†source】', file_citation: { file_id: 'file-doc1' }, start_index: 19, end_index: 31 },
          { type: 'file_path', text: 'sandbox:/mnt/data/chart.png', file_path: { file_id: 'file-img1' }, start_index: 40, end_index: 67 },
        ],
      },
    },
    { type: 'image_file', image_file: { file_id: 'file-img1', detail: 'auto' } },
    { type: 'image_url', image_url: { url: 'https://example.com/a.png', detail: 'low' } },
    { type: 'refusal', refusal: 'I cannot help with that.' },
  ],
  assistant_id: 'asst_abc123',
  run_id: 'run_abc123',
  attachments: [{ file_id: 'file-doc1', tools: [{ type: 'file_search' }] }],
  metadata: {},
};

export const thread = {
  id: 'thread_abc123',
  object: 'thread',
  created_at: T0 - 60,
  tool_resources: { code_interpreter: { file_ids: ['file-img1'] }, file_search: { vector_store_ids: ['vs_1'] } },
  metadata: { title: 'Refund question' },
};

export const assistant = {
  id: 'asst_abc123',
  object: 'assistant',
  created_at: T0 - 3600,
  name: 'Support bot',
  description: null,
  model: 'gpt-4o',
  instructions: 'You are a helpful assistant.',
  tools: run.tools,
  tool_resources: { file_search: { vector_store_ids: ['vs_1'] } },
  metadata: {},
  temperature: 1,
  top_p: 1,
  response_format: 'auto',
};

export const file = {
  id: 'file-img1',
  object: 'file',
  bytes: 1024,
  created_at: T0,
  filename: 'chart.png',
  purpose: 'assistants_output',
  status: 'processed',
};

export const threadDeleted = { id: 'thread_abc123', object: 'thread.deleted', deleted: true };
export const errorEnvelope = {
  error: { message: "No thread found with id 'thread_nope'.", type: 'invalid_request_error', param: null, code: null },
};

export function listOf<T extends { id: string }>(data: T[], hasMore = false) {
  return { object: 'list', data, first_id: data[0]?.id ?? null, last_id: data[data.length - 1]?.id ?? null, has_more: hasMore };
}

// ---------------------------------------------------------------------------------------------
// Tolerant-only samples (our readers accept them; the spec would not)
// ---------------------------------------------------------------------------------------------

/** A facade's minimal run: only what the UI strictly needs. */
export const sparseRun = {
  id: 'run_sparse',
  object: 'thread.run',
  created_at: T0,
  thread_id: 'thread_abc123',
  assistant_id: 'asst_abc123',
  status: 'in_progress',
};

/** v1 (OpenAI-Beta: assistants=v1 / old Azure api-version) run. */
export const v1Run = {
  ...sparseRun,
  id: 'run_v1',
  status: 'completed',
  model: 'gpt-4-1106-preview',
  instructions: null,
  tools: [{ type: 'retrieval' }, { type: 'code_interpreter' }],
  file_ids: ['file-abc'],
  metadata: {},
  usage: { prompt_tokens: 5, completion_tokens: 5, total_tokens: 10, prompt_token_details: { cached_tokens: 0 } },
  tool_resources: { code_interpreter: { file_ids: [] } },
};

const { expired_at: _omitExpiredAt, ...stepWithoutExpiredAt } = messageStep;
/** 2023 step: `assistant.run.step`, `expires_at` spelling, v1 retrieval tool call. */
export const v1Step = {
  ...stepWithoutExpiredAt,
  id: 'step_v1',
  object: 'assistant.run.step',
  type: 'tool_calls',
  status: 'expired',
  expires_at: T0 + 600,
  step_details: { type: 'tool_calls', tool_calls: [{ id: 'call_r1', type: 'retrieval', retrieval: {} }] },
};

export const v1Message = {
  id: 'msg_v1',
  object: 'thread.message',
  created_at: T0,
  thread_id: 'thread_abc123',
  role: 'assistant',
  content: [
    {
      type: 'text',
      text: {
        value: 'See 【1†source】',
        annotations: [
          { type: 'file_citation', text: '【1†source】', file_citation: { file_id: 'file-abc', quote: 'the quote' }, start_index: 4, end_index: 14 },
        ],
      },
    },
  ],
  file_ids: ['file-abc'],
  assistant_id: 'asst_abc123',
  run_id: 'run_v1',
  metadata: {},
};

export const azureGatewayError = { error: { code: '429', message: 'Rate limit is exceeded. Try again in 37 seconds.' } };
export const azureContentFilterError = {
  error: {
    message: 'The response was filtered',
    type: null,
    param: 'prompt',
    code: 'content_filter',
    status: 400,
    innererror: { code: 'ResponsibleAIPolicyViolation', content_filter_result: { hate: { filtered: true, severity: 'high' } } },
  },
};
