import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  CreateMessageBody,
  CreateRunBody,
  CreateThreadAndRunBody,
  ModifyRunBody,
  SubmitToolOutputsBody,
  formatZodIssues,
} from './index';

/** Parses and returns the first issue as the API would report it, or null when valid. */
function firstError(schema: z.ZodType, body: unknown) {
  const r = schema.safeParse(body);
  return r.success ? null : formatZodIssues(r.error);
}

const A = { assistant_id: 'asst_1' };

describe('CreateRunBody', () => {
  it.each([
    ['minimal', A],
    ['all fields', {
      ...A,
      model: 'gpt-4o',
      reasoning_effort: 'low',
      instructions: 'x',
      additional_instructions: null,
      additional_messages: [{ role: 'user', content: 'hi' }, { role: 'assistant', content: [{ type: 'text', text: 'yo' }] }],
      tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object' } } }, { type: 'code_interpreter' }],
      metadata: { team: 'x'.repeat(512) },
      temperature: 2,
      top_p: 0,
      stream: true,
      max_prompt_tokens: 256,
      max_completion_tokens: 1000,
      truncation_strategy: { type: 'last_messages', last_messages: 5 },
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
      parallel_tool_calls: false,
      response_format: { type: 'json_schema', json_schema: { name: 'answer', schema: { type: 'object' }, strict: true } },
    }],
    ['nulls where nullable', { ...A, model: null, tools: null, metadata: null, temperature: null, truncation_strategy: null, tool_choice: null, response_format: null }],
    ['tool_choice string', { ...A, tool_choice: 'required' }],
    ['tool_choice named non-function', { ...A, tool_choice: { type: 'file_search' } }],
    ['response_format auto', { ...A, response_format: 'auto' }],
    ['truncation auto', { ...A, truncation_strategy: { type: 'auto' } }],
  ])('accepts %s', (_name, body) => {
    expect(firstError(CreateRunBody, body)).toBeNull();
  });

  it.each([
    ['missing assistant_id', {}, 'assistant_id', /Missing required parameter/],
    ['unknown key', { ...A, foo: 1 }, 'foo', /Unrecognized request argument supplied: foo/],
    ['17 metadata keys', { ...A, metadata: Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 'v'])) }, 'metadata', /at most 16 keys/],
    ['metadata key 65 chars', { ...A, metadata: { ['k'.repeat(65)]: 'v' } }, `metadata.${'k'.repeat(65)}`, /key must be at most 64/],
    ['metadata value 513 chars', { ...A, metadata: { team: 'x'.repeat(513) } }, 'metadata.team', /value must be at most 512 characters/],
    ['metadata number value', { ...A, metadata: { n: 1 } }, 'metadata.n', /must be a string/],
    ['temperature 2.1', { ...A, temperature: 2.1 }, 'temperature', /at most 2/],
    ['top_p -0.1', { ...A, top_p: -0.1 }, 'top_p', /at least 0/],
    ['max_prompt_tokens 255', { ...A, max_prompt_tokens: 255 }, 'max_prompt_tokens', /at least 256/],
    ['max_completion_tokens float', { ...A, max_completion_tokens: 300.5 }, 'max_completion_tokens', /int/],
    ['21 tools', { ...A, tools: Array.from({ length: 21 }, () => ({ type: 'code_interpreter' })) }, 'tools', /at most 20 items/],
    ['bad function name', { ...A, tools: [{ type: 'function', function: { name: 'get weather' } }] }, 'tools[0].function.name', /1-64 characters/],
    ['function name 65 chars', { ...A, tools: [{ type: 'function', function: { name: 'f'.repeat(65) } }] }, 'tools[0].function.name', /1-64/],
    ['v1 retrieval tool', { ...A, tools: [{ type: 'retrieval' }] }, 'tools[0].type', /must be one of/],
    ['unknown nested key', { ...A, tools: [{ type: 'code_interpreter', extra: 1 }] }, 'tools[0].extra', /Unrecognized/],
    ['truncation type', { ...A, truncation_strategy: { type: 'first_messages' } }, 'truncation_strategy.type', /must be one of/],
    ['truncation last_messages 0', { ...A, truncation_strategy: { type: 'last_messages', last_messages: 0 } }, 'truncation_strategy.last_messages', /at least 1/],
    ['tool_choice string', { ...A, tool_choice: 'sometimes' }, 'tool_choice', /must be one of/],
    ['tool_choice function without name', { ...A, tool_choice: { type: 'function' } }, 'tool_choice.function', /required when type is 'function'/],
    ['response_format type', { ...A, response_format: { type: 'xml' } }, 'response_format.type', /must be one of/],
    ['json_schema without name', { ...A, response_format: { type: 'json_schema', json_schema: {} } }, 'response_format.json_schema.name', /Missing/],
    ['reasoning_effort', { ...A, reasoning_effort: 'extreme' }, 'reasoning_effort', /must be one of/],
    ['additional message role', { ...A, additional_messages: [{ role: 'system', content: 'x' }] }, 'additional_messages[0].role', /must be one of/],
    ['assistant_id with slash', { assistant_id: 'asst_1/../x' }, 'assistant_id', /must be an ID/],
  ])('rejects %s (param %s)', (_name, body, param, message) => {
    const err = firstError(CreateRunBody, body);
    expect(err?.param).toBe(param);
    expect(err?.message).toMatch(message);
  });

  it('formats the message in the API style', () => {
    expect(firstError(CreateRunBody, { ...A, metadata: { team: 'x'.repeat(600) } })).toEqual({
      message: "Invalid 'metadata.team': value must be at most 512 characters.",
      param: 'metadata.team',
    });
  });
});

describe('CreateThreadAndRunBody', () => {
  it('accepts a thread with messages and tool_resources', () => {
    expect(
      firstError(CreateThreadAndRunBody, {
        ...A,
        thread: { messages: [{ role: 'user', content: 'hi', attachments: [{ file_id: 'file-1', tools: [{ type: 'file_search' }] }] }], metadata: { a: 'b' } },
        tool_resources: { code_interpreter: { file_ids: ['file-1'] }, file_search: { vector_store_ids: ['vs_1'] } },
      }),
    ).toBeNull();
  });
  it.each([
    ['additional_instructions (create-run only)', { ...A, additional_instructions: 'x' }, 'additional_instructions'],
    ['reasoning_effort (create-run only)', { ...A, reasoning_effort: 'low' }, 'reasoning_effort'],
    ['21 code_interpreter files', { ...A, tool_resources: { code_interpreter: { file_ids: Array.from({ length: 21 }, (_, i) => `file-${i}`) } } }, 'tool_resources.code_interpreter.file_ids'],
    ['2 vector stores', { ...A, tool_resources: { file_search: { vector_store_ids: ['vs_1', 'vs_2'] } } }, 'tool_resources.file_search.vector_store_ids'],
    ['vector_store_ids and vector_stores', { ...A, tool_resources: { file_search: { vector_store_ids: ['vs_1'], vector_stores: [{}] } } }, 'tool_resources.file_search.vector_stores'],
    ['a new thread whose file_search names no vector store', { ...A, thread: { tool_resources: { file_search: {} } } }, 'thread.tool_resources.file_search'],
    [
      'chunk overlap over half the chunk size',
      { ...A, thread: { tool_resources: { file_search: { vector_stores: [{ chunking_strategy: { type: 'static', static: { max_chunk_size_tokens: 300, chunk_overlap_tokens: 151 } } }] } } } },
      'thread.tool_resources.file_search.vector_stores[0].chunking_strategy.static.chunk_overlap_tokens',
    ],
    ['thread message without content', { ...A, thread: { messages: [{ role: 'user' }] } }, 'thread.messages[0].content'],
    ['unknown thread key', { ...A, thread: { title: 'x' } }, 'thread.title'],
  ])('rejects %s', (_name, body, param) => {
    expect(firstError(CreateThreadAndRunBody, body)?.param).toBe(param);
  });
});

describe('ModifyRunBody', () => {
  it('accepts metadata and null', () => {
    expect(firstError(ModifyRunBody, { metadata: { a: 'b' } })).toBeNull();
    expect(firstError(ModifyRunBody, { metadata: null })).toBeNull();
    expect(firstError(ModifyRunBody, {})).toBeNull();
  });
  it('rejects anything but metadata (nothing else on a run is mutable)', () => {
    expect(firstError(ModifyRunBody, { status: 'cancelled' })).toEqual({
      message: 'Unrecognized request argument supplied: status',
      param: 'status',
    });
  });
});

describe('SubmitToolOutputsBody', () => {
  const ok = { tool_outputs: [{ tool_call_id: 'call_1', output: '{"temp":4}' }, { tool_call_id: 'call_2', output: '' }] };
  it('accepts outputs, with and without stream', () => {
    expect(firstError(SubmitToolOutputsBody, ok)).toBeNull();
    expect(firstError(SubmitToolOutputsBody, { ...ok, stream: true })).toBeNull();
    expect(firstError(SubmitToolOutputsBody, { ...ok, stream: null })).toBeNull();
  });
  it.each([
    ['missing tool_outputs', {}, 'tool_outputs', /Missing/],
    ['empty tool_outputs', { tool_outputs: [] }, 'tool_outputs', /at least one/],
    ['missing tool_call_id', { tool_outputs: [{ output: 'x' }] }, 'tool_outputs[0].tool_call_id', /Missing/],
    ['empty tool_call_id', { tool_outputs: [{ tool_call_id: '', output: 'x' }] }, 'tool_outputs[0].tool_call_id', /non-empty/],
    ['missing output', { tool_outputs: [{ tool_call_id: 'call_1' }] }, 'tool_outputs[0].output', /Missing/],
    ['object output', { tool_outputs: [{ tool_call_id: 'call_1', output: { temp: 4 } }] }, 'tool_outputs[0].output', /JSON-encode/],
    ['duplicate call id', { tool_outputs: [{ tool_call_id: 'call_1', output: 'a' }, { tool_call_id: 'call_1', output: 'b' }] }, 'tool_outputs[1].tool_call_id', /duplicate tool_call_id 'call_1'/],
    ['unknown item key', { tool_outputs: [{ tool_call_id: 'call_1', output: 'a', name: 'x' }] }, 'tool_outputs[0].name', /Unrecognized/],
  ])('rejects %s', (_name, body, param, message) => {
    const err = firstError(SubmitToolOutputsBody, body);
    expect(err?.param).toBe(param);
    expect(err?.message).toMatch(message);
  });
});

describe('CreateMessageBody', () => {
  it.each([
    ['string content', { role: 'user', content: 'hello' }],
    ['parts', { role: 'user', content: [{ type: 'text', text: 'a' }, { type: 'image_file', image_file: { file_id: 'file-1', detail: 'high' } }, { type: 'image_url', image_url: { url: 'https://x/y.png' } }] }],
    ['assistant role with attachments', { role: 'assistant', content: 'x', attachments: [{ file_id: 'file-1', tools: [{ type: 'code_interpreter' }] }], metadata: { a: 'b' } }],
  ])('accepts %s', (_name, body) => {
    expect(firstError(CreateMessageBody, body)).toBeNull();
  });
  it.each([
    ['empty parts', { role: 'user', content: [] }, 'content', /at least 1 items/],
    ['refusal part (read-only type)', { role: 'user', content: [{ type: 'refusal', refusal: 'x' }] }, 'content[0].type', /must be one of/],
    ['text part without text', { role: 'user', content: [{ type: 'text' }] }, 'content[0].text', /Missing/],
    ['system role', { role: 'system', content: 'x' }, 'role', /must be one of/],
    ['attachment without tools', { role: 'user', content: 'x', attachments: [{ file_id: 'file-1' }] }, 'attachments[0].tools', /Missing/],
    ['v1 file_ids', { role: 'user', content: 'x', file_ids: ['file-1'] }, 'file_ids', /Unrecognized/],
  ])('rejects %s', (_name, body, param, message) => {
    const err = firstError(CreateMessageBody, body);
    expect(err?.param).toBe(param);
    expect(err?.message).toMatch(message);
  });
});
