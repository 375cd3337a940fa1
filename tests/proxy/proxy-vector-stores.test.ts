import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setLogSink } from '@/lib/server/log';
import { callProxy, restoreEnv, pointAtUpstream } from './support/harness';
import { startTestEmulator, type EmulatorHandle } from './support/emulator';

// The two file_search rules the spec states for a new thread's vector stores: `vector_store_ids` or `vector_stores`
// (not both, at most one store), and an inline store's `chunking_strategy` (auto, or static within its bounds).
// Bad bodies are refused with a 400 naming the field, nothing reaches the upstream, and the log names the route;
// valid bodies still go through.

let emulator: EmulatorHandle;
let assistantId: string;
const lines: string[] = [];

beforeAll(async () => {
  emulator = await startTestEmulator();
  pointAtUpstream(emulator.url, emulator.apiKey);
  assistantId = (await emulator.call<{ data: Array<{ id: string }> }>('GET', '/assistants?limit=1')).data[0]!.id;
  setLogSink((line) => lines.push(line));
});
afterAll(async () => {
  setLogSink(null);
  restoreEnv();
  await emulator.close();
});
beforeEach(async () => {
  pointAtUpstream(emulator.url, emulator.apiKey);
  await emulator.clearRequests();
  lines.length = 0;
});

const fileSearch = (value: unknown) => ({ assistant_id: assistantId, thread: { messages: [{ role: 'user', content: 'hi' }], tool_resources: { file_search: value } } });
const chunking = (strategy: unknown) => fileSearch({ vector_stores: [{ file_ids: [], chunking_strategy: strategy }] });
const STORE = 'thread.tool_resources.file_search';
const STATIC = `${STORE}.vector_stores[0].chunking_strategy.static`;

const BAD: Array<[string, () => unknown, string, RegExp]> = [
  ['vector_store_ids and vector_stores together', () => fileSearch({ vector_store_ids: ['vs_1'], vector_stores: [{ file_ids: [] }] }), `${STORE}.vector_stores`, /either vector_store_ids .* or vector_stores .*, not both/],
  ['file_search naming no vector store', () => fileSearch({}), STORE, /must contain vector_store_ids or vector_stores/],
  ['two vector store ids', () => fileSearch({ vector_store_ids: ['vs_1', 'vs_2'] }), `${STORE}.vector_store_ids`, /at most 1 items/],
  ['two inline vector stores', () => fileSearch({ vector_stores: [{}, {}] }), `${STORE}.vector_stores`, /at most 1 items/],
  ['unknown chunking type', () => chunking({ type: 'fixed' }), `${STORE}.vector_stores[0].chunking_strategy.type`, /one of 'auto' \| 'static'/],
  ['static without its sizes', () => chunking({ type: 'static' }), STATIC, /Missing required parameter/],
  ['auto with static sizes', () => chunking({ type: 'auto', static: { max_chunk_size_tokens: 800, chunk_overlap_tokens: 400 } }), STATIC, /Unrecognized request argument/],
  ['chunks under 100 tokens', () => chunking({ type: 'static', static: { max_chunk_size_tokens: 99, chunk_overlap_tokens: 0 } }), `${STATIC}.max_chunk_size_tokens`, /at least 100/],
  ['chunks over 4096 tokens', () => chunking({ type: 'static', static: { max_chunk_size_tokens: 4097, chunk_overlap_tokens: 0 } }), `${STATIC}.max_chunk_size_tokens`, /at most 4096/],
  ['negative overlap', () => chunking({ type: 'static', static: { max_chunk_size_tokens: 800, chunk_overlap_tokens: -1 } }), `${STATIC}.chunk_overlap_tokens`, /at least 0/],
  ['overlap over half the chunk size', () => chunking({ type: 'static', static: { max_chunk_size_tokens: 800, chunk_overlap_tokens: 401 } }), `${STATIC}.chunk_overlap_tokens`, /at most half of max_chunk_size_tokens \(400\)/],
  ['both on run-level tool_resources', () => ({ assistant_id: assistantId, tool_resources: { file_search: { vector_store_ids: ['vs_1'], vector_stores: [{}] } } }), 'tool_resources.file_search.vector_stores', /not both/],
];

describe('file_search vector stores, refused before the upstream', () => {
  it.each(BAD)('%s', async (_name, body, param, message) => {
    const response = await callProxy('POST', '/threads/runs', { body: body() });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { message: string; param: string | null; code: string } };
    expect(error).toMatchObject({ param, code: 'invalid_body' });
    expect(error.message).toContain(param);
    expect(error.message).toMatch(message);
    expect(await emulator.apiRequests()).toEqual([]);
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.event === 'proxy.request');
    expect(logged).toEqual([expect.objectContaining({ status: 400, rejected: 'invalid_body', route: '/threads/runs', endpoint: 'createThreadAndRun' })]);
  });
});

describe('file_search vector stores that the spec allows still go through', () => {
  it.each([
    ['an existing vector store', () => fileSearch({ vector_store_ids: ['vs_1'] })],
    ['an inline store with default chunking', () => fileSearch({ vector_stores: [{ file_ids: [] }] })],
    ['auto chunking', () => chunking({ type: 'auto' })],
    ['static chunking at its bounds (100 tokens, overlap 50)', () => chunking({ type: 'static', static: { max_chunk_size_tokens: 100, chunk_overlap_tokens: 50 } })],
    ['static chunking at 4096 tokens, no overlap', () => chunking({ type: 'static', static: { max_chunk_size_tokens: 4096, chunk_overlap_tokens: 0 } })],
  ])('%s', async (_name, body) => {
    const response = await callProxy('POST', '/threads/runs', { body: body() });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { object: string }).object).toBe('thread.run');
    expect((await emulator.apiRequests()).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['POST /v1/threads/runs 200']);
  });
});
