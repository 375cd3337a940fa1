/**
 * Request-schema agreement: each sample body is validated by the spec's request schema (Ajv) and
 * by our zod schema. They must agree, except for the cases marked `stricter`, where the spec's
 * JSON Schema is looser than the API's documented behaviour and we deliberately reject (the
 * reason is on each row). We are never looser than the spec: a row where zod accepts what the
 * spec rejects fails this suite.
 *
 * Deliberately stricter than the spec (and why):
 *  - metadata limits (16 keys, 64-char keys, 512-char string values): the spec states them only in
 *    prose; the API enforces them.
 *  - tool_outputs: items need BOTH tool_call_id (non-empty) and output, at least one item, no
 *    duplicate ids, no extra keys. The spec leaves item fields optional (§13.10), but an output the
 *    server cannot match to a pending call, or a call left unanswered, stalls the run until it
 *    expires; we want a field error in the form/proxy instead.
 *  - nested objects reject unknown keys (the spec only closes the top level; the API answers
 *    "Unknown parameter" for nested ones too).
 *  - function / json_schema names must match ^[a-zA-Z0-9_-]{1,64}$ (prose in the spec).
 *  - tool_choice {type:'function'} must name the function (prose in the spec).
 *  - assistant_id must look like an id (ID_PATTERN), since it ends up in logs and URLs.
 *  - message attachments need file_id and tools: the spec lists them as required, but on the
 *    array instead of the item (indentation slip), so Ajv never applies it.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as C from '@/lib/contract';
import { validateAgainstSpec } from '@/tests/support/spec';

interface Row {
  name: string;
  body: unknown;
  /** Expected verdict of both validators. */
  valid: boolean;
  /** Set when the spec accepts but we reject on purpose: the reason. */
  stricter?: string;
}

const A = { assistant_id: 'asst_1' };
const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v']));
const METADATA_PROSE = 'metadata limits are prose-only in the spec';
const NESTED_CLOSED = 'nested unknown keys: the spec only closes the top level';

const runRows: Row[] = [
  { name: 'minimal', body: A, valid: true },
  { name: 'every field', valid: true, body: {
    ...A, model: 'gpt-4o', reasoning_effort: 'high', instructions: 'i', additional_instructions: 'a',
    additional_messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
    tools: [{ type: 'code_interpreter' }, { type: 'file_search', file_search: { max_num_results: 5 } }, { type: 'function', function: { name: 'f', parameters: { type: 'object' }, strict: true } }],
    metadata: { a: 'b' }, temperature: 0.2, top_p: 0.9, stream: false, max_prompt_tokens: 256, max_completion_tokens: 512,
    truncation_strategy: { type: 'last_messages', last_messages: 3 }, tool_choice: { type: 'file_search' }, parallel_tool_calls: true,
    response_format: { type: 'json_object' },
  } },
  { name: 'nullable fields null', valid: true, body: { ...A, model: null, instructions: null, tools: null, metadata: null, temperature: null, top_p: null, stream: null, max_prompt_tokens: null, truncation_strategy: null, tool_choice: null, response_format: null } },
  { name: 'response_format json_schema', valid: true, body: { ...A, response_format: { type: 'json_schema', json_schema: { name: 'x', schema: { type: 'object' } } } } },
  { name: 'missing assistant_id', body: {}, valid: false },
  { name: 'unknown top-level key', body: { ...A, thread_id: 'thread_1' }, valid: false },
  { name: 'temperature 2.5', body: { ...A, temperature: 2.5 }, valid: false },
  { name: 'top_p 1.5', body: { ...A, top_p: 1.5 }, valid: false },
  { name: 'max_prompt_tokens 100', body: { ...A, max_prompt_tokens: 100 }, valid: false },
  { name: 'max_completion_tokens 300.5', body: { ...A, max_completion_tokens: 300.5 }, valid: false },
  { name: '21 tools', body: { ...A, tools: Array.from({ length: 21 }, () => ({ type: 'code_interpreter' })) }, valid: false },
  { name: 'retrieval tool (v1)', body: { ...A, tools: [{ type: 'retrieval' }] }, valid: false },
  { name: 'function tool without function', body: { ...A, tools: [{ type: 'function' }] }, valid: false },
  { name: 'truncation type unknown', body: { ...A, truncation_strategy: { type: 'middle' } }, valid: false },
  { name: 'truncation last_messages 0', body: { ...A, truncation_strategy: { type: 'last_messages', last_messages: 0 } }, valid: false },
  { name: 'tool_choice unknown string', body: { ...A, tool_choice: 'any' }, valid: false },
  { name: 'response_format unknown type', body: { ...A, response_format: { type: 'yaml' } }, valid: false },
  { name: 'json_schema without name', body: { ...A, response_format: { type: 'json_schema', json_schema: {} } }, valid: false },
  { name: 'reasoning_effort unknown', body: { ...A, reasoning_effort: 'huge' }, valid: false },
  { name: 'parallel_tool_calls null', body: { ...A, parallel_tool_calls: null }, valid: false },
  { name: 'metadata number value', body: { ...A, metadata: { a: 1 } }, valid: false },
  { name: 'additional message bad role', body: { ...A, additional_messages: [{ role: 'system', content: 'x' }] }, valid: false },
  { name: '17 metadata keys', body: { ...A, metadata: many(17) }, valid: false, stricter: METADATA_PROSE },
  { name: 'metadata value 513', body: { ...A, metadata: { a: 'x'.repeat(513) } }, valid: false, stricter: METADATA_PROSE },
  { name: 'metadata key 65', body: { ...A, metadata: { ['k'.repeat(65)]: 'v' } }, valid: false, stricter: METADATA_PROSE },
  { name: 'function name with space', body: { ...A, tools: [{ type: 'function', function: { name: 'get weather' } }] }, valid: false, stricter: 'function name pattern is prose in the spec' },
  { name: 'tool_choice function without name', body: { ...A, tool_choice: { type: 'function' } }, valid: false, stricter: 'function.name required for type function is prose in the spec' },
  { name: 'unknown key inside a tool', body: { ...A, tools: [{ type: 'code_interpreter', sandbox: true }] }, valid: false, stricter: NESTED_CLOSED },
  { name: 'file_search max_num_results 51', body: { ...A, tools: [{ type: 'file_search', file_search: { max_num_results: 51 } }] }, valid: false },
  { name: 'function description null', body: { ...A, tools: [{ type: 'function', function: { name: 'f', description: null } }] }, valid: false },
  { name: 'reasoning_effort null', body: { ...A, reasoning_effort: null }, valid: true },
  { name: 'empty assistant_id', body: { assistant_id: '' }, valid: false, stricter: 'assistant_id must match ID_PATTERN' },
  { name: 'assistant_id with a slash', body: { assistant_id: 'asst_1/x' }, valid: false, stricter: 'assistant_id must match ID_PATTERN' },
];

const threadFileSearch = (fileSearch: unknown) => ({ ...A, thread: { tool_resources: { file_search: fileSearch } } });
const chunking = (strategy: unknown) => threadFileSearch({ vector_stores: [{ file_ids: ['file-1'], chunking_strategy: strategy }] });

const threadAndRunRows: Row[] = [
  { name: 'minimal', body: A, valid: true },
  { name: 'with thread and tool_resources', valid: true, body: {
    ...A, thread: { messages: [{ role: 'user', content: 'hi', attachments: [{ file_id: 'file-1', tools: [{ type: 'code_interpreter' }] }] }], metadata: { a: 'b' } },
    tool_resources: { code_interpreter: { file_ids: ['file-1'] }, file_search: { vector_store_ids: ['vs_1'] } }, stream: true,
  } },
  { name: 'thread null', body: { ...A, thread: null }, valid: false },
  { name: 'thread messages null', body: { ...A, thread: { messages: null } }, valid: false },
  { name: 'inline vector store', body: { ...A, thread: { tool_resources: { file_search: { vector_stores: [{ file_ids: ['file-1'] }] } } } }, valid: true },
  { name: 'additional_instructions (createRun only)', body: { ...A, additional_instructions: 'x' }, valid: false },
  { name: 'unknown key in thread', body: { ...A, thread: { title: 'x' } }, valid: false },
  { name: '21 code_interpreter files', body: { ...A, tool_resources: { code_interpreter: { file_ids: Array.from({ length: 21 }, (_, i) => `file-${i}`) } } }, valid: false },
  { name: '2 vector stores', body: { ...A, tool_resources: { file_search: { vector_store_ids: ['vs_1', 'vs_2'] } } }, valid: false },
  { name: 'thread message without role', body: { ...A, thread: { messages: [{ content: 'x' }] } }, valid: false },
  { name: 'unknown key in tool_resources', body: { ...A, tool_resources: { web: {} } }, valid: false, stricter: NESTED_CLOSED },
  // file_search on a new thread: a oneOf of vector_store_ids and vector_stores; inline stores' chunking_strategy.
  { name: 'thread vector_store_ids and vector_stores', body: threadFileSearch({ vector_store_ids: ['vs_1'], vector_stores: [{ file_ids: ['file-1'] }] }), valid: false },
  { name: 'thread file_search with neither', body: threadFileSearch({}), valid: false },
  { name: '2 inline vector stores', body: threadFileSearch({ vector_stores: [{}, {}] }), valid: false },
  { name: 'chunking auto', body: chunking({ type: 'auto' }), valid: true },
  { name: 'chunking static 100/50', body: chunking({ type: 'static', static: { max_chunk_size_tokens: 100, chunk_overlap_tokens: 50 } }), valid: true },
  { name: 'chunking static 4096/0', body: chunking({ type: 'static', static: { max_chunk_size_tokens: 4096, chunk_overlap_tokens: 0 } }), valid: true },
  { name: 'chunking unknown type', body: chunking({ type: 'fixed' }), valid: false },
  { name: 'chunking auto with extra key', body: chunking({ type: 'auto', static: {} }), valid: false },
  { name: 'chunking static without static', body: chunking({ type: 'static' }), valid: false },
  { name: 'chunking static without overlap', body: chunking({ type: 'static', static: { max_chunk_size_tokens: 800 } }), valid: false },
  { name: 'chunking static 99 tokens', body: chunking({ type: 'static', static: { max_chunk_size_tokens: 99, chunk_overlap_tokens: 0 } }), valid: false },
  { name: 'chunking static 4097 tokens', body: chunking({ type: 'static', static: { max_chunk_size_tokens: 4097, chunk_overlap_tokens: 0 } }), valid: false },
  { name: 'chunking static 800.5 tokens', body: chunking({ type: 'static', static: { max_chunk_size_tokens: 800.5, chunk_overlap_tokens: 0 } }), valid: false },
  { name: 'chunking overlap over half', body: chunking({ type: 'static', static: { max_chunk_size_tokens: 800, chunk_overlap_tokens: 401 } }), valid: false, stricter: 'the overlap limit (half of max_chunk_size_tokens) is prose-only in the spec' },
  { name: 'chunking negative overlap', body: chunking({ type: 'static', static: { max_chunk_size_tokens: 800, chunk_overlap_tokens: -1 } }), valid: false, stricter: 'the spec sets no minimum on chunk_overlap_tokens; a negative overlap means nothing' },
];

const modifyRunRows: Row[] = [
  { name: 'metadata', body: { metadata: { a: 'b' } }, valid: true },
  { name: 'metadata null', body: { metadata: null }, valid: true },
  { name: 'empty body', body: {}, valid: true },
  { name: 'status', body: { status: 'cancelled' }, valid: false },
  { name: 'metadata array', body: { metadata: ['a'] }, valid: false },
  { name: '17 metadata keys', body: { metadata: many(17) }, valid: false, stricter: METADATA_PROSE },
];

const TOOL_OUTPUTS_WHY = 'tool_outputs items need both fields, non-empty list, unique ids (spec leaves them optional, §13.10)';
const submitRows: Row[] = [
  { name: 'two outputs', body: { tool_outputs: [{ tool_call_id: 'call_1', output: 'a' }, { tool_call_id: 'call_2', output: '' }] }, valid: true },
  { name: 'stream true', body: { tool_outputs: [{ tool_call_id: 'call_1', output: 'a' }], stream: true }, valid: true },
  { name: 'stream null', body: { tool_outputs: [{ tool_call_id: 'call_1', output: 'a' }], stream: null }, valid: true },
  { name: 'missing tool_outputs', body: {}, valid: false },
  { name: 'tool_outputs not an array', body: { tool_outputs: { call_1: 'a' } }, valid: false },
  { name: 'object output', body: { tool_outputs: [{ tool_call_id: 'call_1', output: { a: 1 } }] }, valid: false },
  { name: 'unknown top-level key', body: { tool_outputs: [{ tool_call_id: 'call_1', output: 'a' }], run_id: 'run_1' }, valid: false },
  { name: 'item without output', body: { tool_outputs: [{ tool_call_id: 'call_1' }] }, valid: false, stricter: TOOL_OUTPUTS_WHY },
  { name: 'item without tool_call_id', body: { tool_outputs: [{ output: 'a' }] }, valid: false, stricter: TOOL_OUTPUTS_WHY },
  { name: 'empty tool_call_id', body: { tool_outputs: [{ tool_call_id: '', output: 'a' }] }, valid: false, stricter: TOOL_OUTPUTS_WHY },
  { name: 'empty list', body: { tool_outputs: [] }, valid: false, stricter: TOOL_OUTPUTS_WHY },
  { name: 'duplicate ids', body: { tool_outputs: [{ tool_call_id: 'call_1', output: 'a' }, { tool_call_id: 'call_1', output: 'b' }] }, valid: false, stricter: TOOL_OUTPUTS_WHY },
  { name: 'extra key in item', body: { tool_outputs: [{ tool_call_id: 'call_1', output: 'a', name: 'f' }] }, valid: false, stricter: NESTED_CLOSED },
];

const ATTACHMENT_REQUIRED = "the spec's required [file_id, tools] is misplaced on the array, not the item; we apply it as meant";
const messageRows: Row[] = [
  { name: 'string content', body: { role: 'user', content: 'hello' }, valid: true },
  { name: 'empty string content', body: { role: 'user', content: '' }, valid: true },
  { name: 'content parts', body: { role: 'assistant', content: [{ type: 'text', text: 'a' }, { type: 'image_file', image_file: { file_id: 'file-1', detail: 'low' } }, { type: 'image_url', image_url: { url: 'https://x/y.png' } }] }, valid: true },
  { name: 'attachments and metadata', body: { role: 'user', content: 'x', attachments: [{ file_id: 'file-1', tools: [{ type: 'file_search' }] }], metadata: { a: 'b' } }, valid: true },
  { name: 'attachments null', body: { role: 'user', content: 'x', attachments: null }, valid: true },
  { name: 'missing role', body: { content: 'x' }, valid: false },
  { name: 'image_url not a URL', body: { role: 'user', content: [{ type: 'image_url', image_url: { url: 'not a url' } }] }, valid: false },
  { name: 'missing content', body: { role: 'user' }, valid: false },
  { name: 'system role', body: { role: 'system', content: 'x' }, valid: false },
  { name: 'empty parts', body: { role: 'user', content: [] }, valid: false },
  { name: 'refusal part', body: { role: 'user', content: [{ type: 'refusal', refusal: 'no' }] }, valid: false },
  { name: 'image detail unknown', body: { role: 'user', content: [{ type: 'image_file', image_file: { file_id: 'f', detail: 'max' } }] }, valid: false },
  { name: 'attachment without tools', body: { role: 'user', content: 'x', attachments: [{ file_id: 'file-1' }] }, valid: false, stricter: ATTACHMENT_REQUIRED },
  { name: 'attachment without file_id', body: { role: 'user', content: 'x', attachments: [{ tools: [] }] }, valid: false, stricter: ATTACHMENT_REQUIRED },
  { name: 'v1 file_ids', body: { role: 'user', content: 'x', file_ids: ['file-1'] }, valid: false },
  { name: 'unknown key in a text part', body: { role: 'user', content: [{ type: 'text', text: 'a', lang: 'en' }] }, valid: false, stricter: NESTED_CLOSED },
];

const TABLE: [string, string, z.ZodType, Row[]][] = [
  ['CreateRunRequest', 'CreateRunBody', C.CreateRunBody, runRows],
  ['CreateThreadAndRunRequest', 'CreateThreadAndRunBody', C.CreateThreadAndRunBody, threadAndRunRows],
  ['ModifyRunRequest', 'ModifyRunBody', C.ModifyRunBody, modifyRunRows],
  ['SubmitToolOutputsRunRequest', 'SubmitToolOutputsBody', C.SubmitToolOutputsBody, submitRows],
  ['CreateMessageRequest', 'CreateMessageBody', C.CreateMessageBody, messageRows],
];

describe.each(TABLE)('%s vs %s', (specName, _zodName, schema, rows) => {
  it.each(rows.map((r) => [r.name, r] as const))('%s', (_name, row) => {
    const spec = validateAgainstSpec(specName, row.body, { quirks: false });
    const ours = schema.safeParse(row.body);
    const specExpected = row.stricter ? true : row.valid;
    expect({ spec: spec.valid, zod: ours.success }, spec.errors.join('\n')).toEqual({ spec: specExpected, zod: row.valid });
  });
});

it('we are never looser than the spec, and every stricter row says why', () => {
  for (const [, , , rows] of TABLE) {
    for (const row of rows) {
      if (row.valid) expect(row.stricter).toBeUndefined();
      if (row.stricter) expect(row.stricter.length).toBeGreaterThan(10);
    }
  }
  const stricter = TABLE.flatMap(([, , , rows]) => rows.filter((r) => r.stricter)).length;
  expect(stricter).toBeGreaterThan(0);
});
