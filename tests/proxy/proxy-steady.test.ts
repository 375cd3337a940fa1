import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN, callProxy, proxyFetch, restoreEnv, pointAtUpstream } from './support/harness';
import { startSteady } from './support/steady';
import { startTap, type TapRecord } from './support/tap';

// Steady serves the official OpenAPI spec and validates every request it receives. The proxy forwards a run of every
// allow-listed endpoint (driven by the official SDK through the proxy code, plus the streaming variants); every
// request that reached Steady must be reported spec-valid (x-steady-request-valid: true).

let steady: Awaited<ReturnType<typeof startSteady>>;
let tap: Awaited<ReturnType<typeof startTap>>;
let client: OpenAI;

const T = 'thread_steady1';
const R = 'run_steady1';
const INCLUDE = 'step_details.tool_calls[*].file_search.results[*].content' as const;

beforeAll(async () => {
  steady = await startSteady();
  tap = await startTap(steady.url);
  pointAtUpstream(tap.url, 'sk-steady-placeholder-key', { RUNBOARD_POLL_CACHE_MS: '0', RUNBOARD_UPSTREAM_RETRIES: '0' });
  client = new OpenAI({ apiKey: 'placeholder', baseURL: `${ORIGIN}/api/v1`, fetch: proxyFetch, maxRetries: 0 });
}, 90_000);

afterAll(async () => {
  restoreEnv();
  await tap?.close();
  steady?.stop();
});

const calls: Array<[string, () => Promise<unknown>]> = [
  ['createRun', () => client.beta.threads.runs.create(T, { assistant_id: 'asst_1', instructions: 'Be brief.', metadata: { ticket: 'T-1' }, temperature: 0.5, truncation_strategy: { type: 'last_messages', last_messages: 4 }, tool_choice: 'auto' })],
  ['createRun include[]', () => client.beta.threads.runs.create(T, { assistant_id: 'asst_1', include: [INCLUDE], additional_messages: [{ role: 'user', content: 'hi' }] })],
  ['createThreadAndRun', () => client.beta.threads.createAndRun({ assistant_id: 'asst_1', thread: { messages: [{ role: 'user', content: 'Hello' }], metadata: { source: 'test' } } })],
  ['listRuns', () => client.beta.threads.runs.list(T, { limit: 5, order: 'asc', after: 'run_0' })],
  ['getRun', () => client.beta.threads.runs.retrieve(R, { thread_id: T })],
  ['modifyRun', () => client.beta.threads.runs.update(R, { thread_id: T, metadata: { reviewed: 'yes' } })],
  ['submitToolOutputs', () => client.beta.threads.runs.submitToolOutputs(R, { thread_id: T, tool_outputs: [{ tool_call_id: 'call_1', output: '{"ok":true}' }] })],
  ['cancelRun', () => client.beta.threads.runs.cancel(R, { thread_id: T })],
  ['listRunSteps', () => client.beta.threads.runs.steps.list(R, { thread_id: T, limit: 10, include: [INCLUDE] })],
  ['getRunStep', () => client.beta.threads.runs.steps.retrieve('step_1', { thread_id: T, run_id: R, include: [INCLUDE] })],
  ['getThread', () => client.beta.threads.retrieve(T)],
  ['listMessages', () => client.beta.threads.messages.list(T, { run_id: R, limit: 20, order: 'desc' })],
  ['getMessage', () => client.beta.threads.messages.retrieve('msg_1', { thread_id: T })],
  ['listAssistants', () => client.beta.assistants.list({ limit: 3 })],
  ['getAssistant', () => client.beta.assistants.retrieve('asst_1')],
  ['getFile', () => client.files.retrieve('file-abc')],
  ['getFileContent', () => client.files.content('file-abc')],
  ['createRun stream', () => callProxy('POST', `/threads/${T}/runs`, { body: { assistant_id: 'asst_1', stream: true } }).then((r) => r.text())],
  ['createThreadAndRun stream', () => callProxy('POST', '/threads/runs', { body: { assistant_id: 'asst_1', stream: true } }).then((r) => r.text())],
  ['submitToolOutputs stream', () => callProxy('POST', `/threads/${T}/runs/${R}/submit_tool_outputs`, { body: { tool_outputs: [{ tool_call_id: 'call_1', output: 'x' }], stream: true } }).then((r) => r.text())],
];

describe('every forwarded request is spec-valid according to Steady', () => {
  it.each(calls)('%s', async (name, call) => {
    const before = tap.records.length;
    await call();
    const forwarded: TapRecord[] = tap.records.slice(before);
    // A file's content is followed by a read of its metadata, to name the download after the file.
    expect(forwarded).toHaveLength(name === 'getFileContent' ? 2 : 1);
    for (const record of forwarded) {
      const problems = Object.entries(record.responseHeaders).filter(([k]) => /^x-steady-error-\d+-/.test(k));
      expect({ path: record.path, valid: record.responseHeaders['x-steady-request-valid'], problems }).toEqual({
        path: record.path,
        valid: 'true',
        problems: [],
      });
      expect(record.responseHeaders['x-steady-matched-path']).toBeTruthy();
    }
  });

  it('covered every allow-listed endpoint', async () => {
    const { ENDPOINTS } = await import('@/lib/contract');
    const matched = new Set(tap.records.map((r) => `${r.method} ${String(r.responseHeaders['x-steady-matched-path'])}`));
    const expected = ENDPOINTS.filter((e) => e.proxied).map((e) => `${e.method} ${e.path}`);
    expect(expected.filter((e) => !matched.has(e))).toEqual([]);
  });
});
