/**
 * Bad requests get the API's status and error envelope ({error:{message,type,param,code}}),
 * validated against the spec's ErrorResponse by the harness. Each row is one thing a client can
 * get wrong.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support';

let h: Harness;
let assistantId: string;
let threadId: string;
let completedRunId: string;
let lockedThreadId: string;
let waitingRunId: string;
let pendingCallIds: string[];
let otherThreadId: string;

beforeAll(async () => {
  h = await startHarness({ seedData: false });
  const fnTool = (name: string) => ({ type: 'function', function: { name, parameters: { type: 'object', properties: { id: { type: 'string' } } } } });
  assistantId = (await h.api('POST', '/assistants', { body: { model: 'gpt-4o', tools: [fnTool('first'), fnTool('second')] } })).body.id;
  const plain = (await h.api('POST', '/assistants', { body: { model: 'gpt-4o' } })).body.id;
  threadId = (await h.api('POST', '/threads', { body: {} })).body.id;
  completedRunId = (await h.api('POST', `/threads/${threadId}/runs`, { body: { assistant_id: plain } })).body.id;
  h.advance(30);
  lockedThreadId = (await h.api('POST', '/threads', { body: {} })).body.id;
  waitingRunId = (await h.api('POST', `/threads/${lockedThreadId}/runs`, { body: { assistant_id: assistantId } })).body.id;
  h.advance(5);
  const waiting = (await h.api('GET', `/threads/${lockedThreadId}/runs/${waitingRunId}`)).body;
  pendingCallIds = waiting.required_action.submit_tool_outputs.tool_calls.map((c: { id: string }) => c.id);
  otherThreadId = (await h.api('POST', '/threads', { body: {} })).body.id;
});
afterAll(() => h.close());
afterEach(() => h.expectAllValid());

interface Row {
  name: string;
  method: string;
  path: () => string;
  body?: () => unknown;
  rawBody?: string;
  headers?: Record<string, string | null>;
  status: number;
  message: RegExp | (() => string);
  code?: string | null;
  param?: string | null;
  type?: string;
}

const rows: Row[] = [
  { name: 'no Authorization header', method: 'GET', path: () => '/assistants', headers: { authorization: null }, status: 401, message: /didn't provide an API key/, code: 'invalid_api_key' },
  { name: 'wrong API key', method: 'GET', path: () => '/assistants', headers: { authorization: 'Bearer sk-wrong' }, status: 401, message: /^Incorrect API key provided\./, code: 'invalid_api_key' },
  { name: 'not Bearer auth', method: 'GET', path: () => '/assistants', headers: { authorization: 'Basic abc' }, status: 401, message: /didn't provide an API key/, code: 'invalid_api_key' },
  { name: 'missing OpenAI-Beta', method: 'GET', path: () => `/threads/${threadId}`, headers: { 'openai-beta': null }, status: 400, message: /must provide the 'OpenAI-Beta' header/, code: 'invalid_beta' },
  { name: 'OpenAI-Beta v1', method: 'GET', path: () => `/threads/${threadId}`, headers: { 'openai-beta': 'assistants=v1' }, status: 400, message: /v1 Assistants API has been deprecated/, code: 'invalid_beta' },
  { name: 'unknown thread', method: 'GET', path: () => '/threads/thread_doesnotexist', status: 404, message: () => "No thread found with id 'thread_doesnotexist'." },
  { name: 'unknown run', method: 'GET', path: () => `/threads/${threadId}/runs/run_nope`, status: 404, message: () => "No run found with id 'run_nope'." },
  { name: 'run under another thread', method: 'GET', path: () => `/threads/${otherThreadId}/runs/${completedRunId}`, status: 404, message: () => `No run found with id '${completedRunId}'.` },
  { name: 'unknown step', method: 'GET', path: () => `/threads/${threadId}/runs/${completedRunId}/steps/step_nope`, status: 404, message: () => "No run step found with id 'step_nope'." },
  { name: 'unknown message', method: 'GET', path: () => `/threads/${threadId}/messages/msg_nope`, status: 404, message: () => "No message found with id 'msg_nope'." },
  { name: 'unknown assistant', method: 'GET', path: () => '/assistants/asst_nope', status: 404, message: () => "No assistant found with id 'asst_nope'." },
  { name: 'unknown assistant in a create-run body', method: 'POST', path: () => `/threads/${otherThreadId}/runs`, body: () => ({ assistant_id: 'asst_nope' }), status: 404, message: () => "No assistant found with id 'asst_nope'." },
  { name: 'unknown file', method: 'GET', path: () => '/files/file-nope', status: 404, message: () => 'No such File object: file-nope', param: 'id' },
  { name: 'bad thread id prefix', method: 'GET', path: () => '/threads/undefined/runs', status: 400, message: () => "Invalid 'thread_id': 'undefined'. Expected an ID that begins with 'thread'.", param: 'thread_id' },
  { name: 'bad run id prefix', method: 'POST', path: () => `/threads/${threadId}/runs/${threadId}/cancel`, status: 400, message: /Invalid 'run_id'.*begins with 'run'/, param: 'run_id' },
  { name: 'malformed JSON', method: 'POST', path: () => `/threads/${otherThreadId}/runs`, rawBody: '{"assistant_id": ', status: 400, message: /could not parse the JSON body/ },
  { name: 'missing required field', method: 'POST', path: () => `/threads/${otherThreadId}/runs`, body: () => ({}), status: 400, message: () => "Missing required parameter: 'assistant_id'.", param: 'assistant_id' },
  { name: 'unknown body key', method: 'POST', path: () => `/threads/${otherThreadId}/runs`, body: () => ({ assistant_id: assistantId, foo: 1 }), status: 400, message: () => 'Unrecognized request argument supplied: foo', param: 'foo' },
  { name: 'out-of-range temperature', method: 'POST', path: () => `/threads/${otherThreadId}/runs`, body: () => ({ assistant_id: assistantId, temperature: 5 }), status: 400, message: /^Invalid 'temperature'/, param: 'temperature' },
  { name: 'metadata with 17 keys', method: 'POST', path: () => `/threads/${otherThreadId}/runs`, body: () => ({ assistant_id: assistantId, metadata: Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 'v'])) }), status: 400, message: /^Invalid 'metadata'/, param: 'metadata' },
  { name: 'vector_store_ids and vector_stores together', method: 'POST', path: () => '/threads', body: () => ({ tool_resources: { file_search: { vector_store_ids: ['vs_1'], vector_stores: [{ file_ids: [] }] } } }), status: 400, message: /^Invalid 'tool_resources\.file_search\.vector_stores': give either vector_store_ids .* or vector_stores .*, not both/, param: 'tool_resources.file_search.vector_stores' },
  { name: 'static chunking overlap over half the chunk size', method: 'POST', path: () => '/threads/runs', body: () => ({ assistant_id: assistantId, thread: { tool_resources: { file_search: { vector_stores: [{ chunking_strategy: { type: 'static', static: { max_chunk_size_tokens: 200, chunk_overlap_tokens: 101 } } }] } } } }), status: 400, message: /at most half of max_chunk_size_tokens \(100\)/, param: 'thread.tool_resources.file_search.vector_stores[0].chunking_strategy.static.chunk_overlap_tokens' },
  { name: 'modify run: non-metadata field', method: 'POST', path: () => `/threads/${threadId}/runs/${completedRunId}`, body: () => ({ status: 'completed' }), status: 400, message: () => 'Unrecognized request argument supplied: status' },
  { name: 'tool output that is not a string', method: 'POST', path: () => `/threads/${lockedThreadId}/runs/${waitingRunId}/submit_tool_outputs`, body: () => ({ tool_outputs: [{ tool_call_id: pendingCallIds[0], output: { ok: true } }] }), status: 400, message: /^Invalid 'tool_outputs\[0\]\.output'/, param: 'tool_outputs[0].output' },
  { name: 'limit 0', method: 'GET', path: () => `/threads/${threadId}/runs?limit=0`, status: 400, message: /below minimum value/, param: 'limit', code: 'integer_below_min_value' },
  { name: 'limit 101', method: 'GET', path: () => `/threads/${threadId}/runs?limit=101`, status: 400, message: /above maximum value/, param: 'limit', code: 'integer_above_max_value' },
  { name: 'limit not a number', method: 'GET', path: () => `/assistants?limit=ten`, status: 400, message: /expected an integer/, param: 'limit' },
  { name: 'bad order', method: 'GET', path: () => `/threads/${threadId}/messages?order=newest`, status: 400, message: /expected one of 'asc' or 'desc'/, param: 'order' },
  { name: 'unknown cursor', method: 'GET', path: () => `/threads/${threadId}/runs?after=run_nope`, status: 400, message: /Invalid 'after'/, param: 'after' },
  { name: 'bad include value', method: 'GET', path: () => `/threads/${threadId}/runs/${completedRunId}/steps?include[]=everything`, status: 400, message: /Supported values are/, param: 'include[0]' },
  { name: 'second run while one is active', method: 'POST', path: () => `/threads/${lockedThreadId}/runs`, body: () => ({ assistant_id: assistantId }), status: 400, message: () => `Thread ${lockedThreadId} already has an active run ${waitingRunId}.` },
  { name: 'new message while a run is active', method: 'POST', path: () => `/threads/${lockedThreadId}/messages`, body: () => ({ role: 'user', content: 'hi' }), status: 400, message: () => `Can't add messages to ${lockedThreadId} while a run ${waitingRunId} is active.` },
  { name: 'tool outputs for a completed run', method: 'POST', path: () => `/threads/${threadId}/runs/${completedRunId}/submit_tool_outputs`, body: () => ({ tool_outputs: [{ tool_call_id: 'call_x', output: 'x' }] }), status: 400, message: () => 'Runs in status "completed" do not accept tool outputs.' },
  { name: 'tool outputs missing one pending call', method: 'POST', path: () => `/threads/${lockedThreadId}/runs/${waitingRunId}/submit_tool_outputs`, body: () => ({ tool_outputs: [{ tool_call_id: pendingCallIds[0], output: 'x' }] }), status: 400, message: () => `Expected tool outputs for call_ids ['${pendingCallIds[0]}', '${pendingCallIds[1]}'], got ['${pendingCallIds[0]}']` },
  { name: 'tool outputs for an unknown call id', method: 'POST', path: () => `/threads/${lockedThreadId}/runs/${waitingRunId}/submit_tool_outputs`, body: () => ({ tool_outputs: [{ tool_call_id: pendingCallIds[0], output: 'x' }, { tool_call_id: 'call_other', output: 'y' }] }), status: 400, message: /^Expected tool outputs for call_ids/ },
  { name: 'duplicate tool output', method: 'POST', path: () => `/threads/${lockedThreadId}/runs/${waitingRunId}/submit_tool_outputs`, body: () => ({ tool_outputs: [{ tool_call_id: pendingCallIds[0], output: 'x' }, { tool_call_id: pendingCallIds[0], output: 'y' }] }), status: 400, message: /duplicate tool_call_id/ },
  { name: 'empty tool_outputs', method: 'POST', path: () => `/threads/${lockedThreadId}/runs/${waitingRunId}/submit_tool_outputs`, body: () => ({ tool_outputs: [] }), status: 400, message: /at least one tool output/ },
  { name: 'cancel a completed run', method: 'POST', path: () => `/threads/${threadId}/runs/${completedRunId}/cancel`, status: 400, message: () => "Cannot cancel run with status 'completed'." },
  { name: 'wrong method on a known path', method: 'PUT', path: () => `/threads/${threadId}`, body: () => ({}), status: 405, message: () => `Invalid method for URL (PUT /v1/threads/${threadId})` },
  { name: 'DELETE on the runs collection', method: 'DELETE', path: () => `/threads/${threadId}/runs`, status: 405, message: /Invalid method for URL/ },
  { name: 'unknown path', method: 'GET', path: () => '/nope', status: 404, message: () => 'Invalid URL (GET /v1/nope)' },
  { name: 'list threads (no API-key endpoint)', method: 'GET', path: () => '/threads', status: 401, message: /Missing scopes/, code: 'missing_scope' },
];

describe('error envelope and status', () => {
  it.each(rows.map((r) => [r.name, r] as const))('%s', async (_name, row) => {
    const res = await h.api(row.method, row.path(), {
      ...(row.body ? { body: row.body() } : {}),
      ...(row.rawBody !== undefined ? { rawBody: row.rawBody } : {}),
      ...(row.headers ? { headers: row.headers } : {}),
    });
    expect(res.status).toBe(row.status);
    expect(Object.keys(res.body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
    const message = res.body.error.message as string;
    if (typeof row.message === 'function') expect(message).toBe(row.message());
    else expect(message).toMatch(row.message);
    expect(res.body.error.type).toBe(row.type ?? 'invalid_request_error');
    if (row.code !== undefined) expect(res.body.error.code).toBe(row.code);
    if (row.param !== undefined) expect(res.body.error.param).toBe(row.param);
    expect(res.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]+$/);
    expect(Number(res.headers.get('openai-processing-ms'))).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(res.body)).not.toContain(h.apiKey);
  });

  it('a 405 names the allowed methods', async () => {
    const res = await h.api('PUT', `/threads/${threadId}`);
    expect(res.headers.get('allow')).toBe('GET, POST, DELETE');
  });

  it('nothing above changed the locked run: the right outputs still complete it', async () => {
    const res = await h.api('POST', `/threads/${lockedThreadId}/runs/${waitingRunId}/submit_tool_outputs`, {
      body: { tool_outputs: pendingCallIds.map((id) => ({ tool_call_id: id, output: 'done' })) },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'queued', required_action: null });
  });

  it('the SDK surfaces these as typed errors', async () => {
    const sdk = h.sdk();
    await expect(sdk.beta.threads.runs.retrieve('run_nope', { thread_id: threadId })).rejects.toMatchObject({ status: 404, error: { message: "No run found with id 'run_nope'." } });
    await expect(sdk.beta.threads.runs.retrieve(completedRunId, { thread_id: 'thread_nope' })).rejects.toMatchObject({ status: 404 });
  });
});
