/**
 * The official openai SDK (6.49.0) drives every Runs endpoint of the emulator. The clock is
 * frozen; the SDK client advances it before each run poll, so polling helpers finish without
 * real waiting. Every response is validated against the spec and the zod contract.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type OpenAI from 'openai';
import { startHarness, type Harness } from './support';

let h: Harness;
let client: OpenAI;
let billing: string;
let plain: string;
let docs: string;
let analyst: string;

const FUNCTION_TOOLS = [
  {
    type: 'function' as const,
    function: {
      name: 'lookup_invoice',
      parameters: { type: 'object', properties: { invoice_id: { type: 'string' } }, required: ['invoice_id'] },
    },
  },
  {
    type: 'function' as const,
    function: {
      name: 'issue_refund',
      parameters: {
        type: 'object',
        properties: { invoice_id: { type: 'string' }, amount: { type: 'number' } },
        required: ['invoice_id', 'amount'],
      },
    },
  },
];

beforeAll(async () => {
  h = await startHarness({ seedData: false });
  client = h.sdk({ advancePerPoll: 1 });
  const mk = async (name: string, tools: OpenAI.Beta.AssistantTool[]) =>
    (await client.beta.assistants.create({ model: 'gpt-4o', name, instructions: `You are ${name}.`, tools })).id;
  billing = await mk('Billing', FUNCTION_TOOLS);
  plain = await mk('Plain', []);
  docs = await mk('Docs', [{ type: 'file_search' }]);
  analyst = await mk('Analyst', [{ type: 'code_interpreter' }]);
});
afterAll(() => h.close());
afterEach(() => h.expectAllValid());

async function newThread(text = 'Hello there'): Promise<string> {
  return (await client.beta.threads.create({ messages: [{ role: 'user', content: text }] })).id;
}

describe('function tools: create → poll → requires_action → submit → completed', () => {
  it('pauses with one parallel call per function tool and completes after all outputs arrive', async () => {
    const threadId = await newThread('Please refund invoice INV-2026-0419, it was charged twice.');
    const created = await client.beta.threads.runs.create(threadId, { assistant_id: billing });
    expect(created.status).toBe('queued');
    expect(created.expires_at).toBe(created.created_at + 600);

    const paused = await client.beta.threads.runs.createAndPoll(threadId, { assistant_id: billing }).catch((e: Error) => e);
    // A second run while the first is active is refused (one active run per thread).
    expect(paused).toBeInstanceOf(Error);
    expect(String((paused as Error).message)).toContain(`already has an active run ${created.id}`);

    const waiting = await client.beta.threads.runs.poll(created.id, { thread_id: threadId });
    expect(waiting.status).toBe('requires_action');
    const calls = waiting.required_action?.submit_tool_outputs.tool_calls ?? [];
    expect(calls.map((c) => c.function.name)).toEqual(['lookup_invoice', 'issue_refund']);
    for (const call of calls) expect(JSON.parse(call.function.arguments)).toHaveProperty('invoice_id');

    const steps = await client.beta.threads.runs.steps.list(created.id, { thread_id: threadId });
    expect(steps.data).toHaveLength(1);
    expect(steps.data[0]?.status).toBe('in_progress');
    const details = steps.data[0]?.step_details;
    expect(details?.type === 'tool_calls' && details.tool_calls.every((c) => c.type === 'function' && c.function.output === null)).toBe(true);

    const firstStart = waiting.started_at ?? 0;
    const done = await client.beta.threads.runs.submitToolOutputsAndPoll(created.id, {
      thread_id: threadId,
      tool_outputs: calls.map((c) => ({ tool_call_id: c.id, output: JSON.stringify({ ok: true, name: c.function.name }) })),
    });
    expect(done.status).toBe('completed');
    expect(done.required_action).toBeNull();
    expect(done.expires_at).toBeNull();
    expect(done.started_at).toBeGreaterThan(firstStart); // re-entered in_progress after the outputs
    expect(done.usage?.total_tokens).toBeGreaterThan(0);

    const after = await client.beta.threads.runs.steps.list(created.id, { thread_id: threadId, order: 'asc' });
    expect(after.data.map((s) => [s.type, s.status])).toEqual([
      ['tool_calls', 'completed'],
      ['message_creation', 'completed'],
    ]);
    const toolStep = after.data[0]?.step_details;
    expect(toolStep?.type === 'tool_calls' && toolStep.tool_calls.every((c) => c.type === 'function' && c.function.output?.includes('"ok":true'))).toBe(true);
    for (const step of after.data) expect(step.usage?.total_tokens).toBeGreaterThan(0);

    const messages = await client.beta.threads.messages.list(threadId, { run_id: created.id });
    expect(messages.data).toHaveLength(1);
    expect(messages.data[0]).toMatchObject({ role: 'assistant', status: 'completed', run_id: created.id, assistant_id: billing });
  });
});

describe('retrieve, update, list, cancel', () => {
  it('retrieves a run, changes only its metadata, and lists it', async () => {
    const threadId = await newThread();
    const run = await client.beta.threads.runs.createAndPoll(threadId, { assistant_id: plain, metadata: { ticket: 'T-1' } });
    expect(run.status).toBe('completed');
    const got = await client.beta.threads.runs.retrieve(run.id, { thread_id: threadId });
    expect(got).toEqual(run);
    const updated = await client.beta.threads.runs.update(run.id, { thread_id: threadId, metadata: { ticket: 'T-2', owner: 'ops' } });
    expect(updated.metadata).toEqual({ ticket: 'T-2', owner: 'ops' });
    expect({ ...updated, metadata: run.metadata }).toEqual(run);
    const list = await client.beta.threads.runs.list(threadId);
    expect(list.data.map((r) => r.id)).toEqual([run.id]);
  });

  it('cancel answers cancelling, and the run is cancelled once the clock passes a few seconds', async () => {
    const threadId = await newThread();
    const run = await client.beta.threads.runs.create(threadId, { assistant_id: plain, metadata: { scenario: 'stuck_in_progress' } });
    h.advance(5);
    const cancelling = await client.beta.threads.runs.cancel(run.id, { thread_id: threadId });
    expect(cancelling.status).toBe('cancelling');
    h.advance(3);
    const cancelled = await client.beta.threads.runs.retrieve(run.id, { thread_id: threadId });
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.cancelled_at).toBe(cancelling.created_at + 8);
    expect(cancelled.expires_at).toBeNull();
    const steps = await client.beta.threads.runs.steps.list(run.id, { thread_id: threadId });
    expect(steps.data.map((s) => s.status)).toEqual(['cancelled']);
    const [message] = (await client.beta.threads.messages.list(threadId, { run_id: run.id })).data;
    expect(message).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'run_cancelled' } });
    // The thread is unlocked again.
    await expect(client.beta.threads.messages.create(threadId, { role: 'user', content: 'again' })).resolves.toMatchObject({ role: 'user' });
  });

  it('retrieve of an active run carries openai-poll-after-ms; a terminal one does not', async () => {
    const threadId = await newThread();
    const run = await client.beta.threads.runs.create(threadId, { assistant_id: plain });
    const active = await client.beta.threads.runs.retrieve(run.id, { thread_id: threadId }).withResponse();
    expect(active.response.headers.get('openai-poll-after-ms')).toBe('1');
    expect(active.response.headers.get('x-request-id')).toMatch(/^req_/);
    h.advance(60);
    const done = await client.beta.threads.runs.retrieve(run.id, { thread_id: threadId }).withResponse();
    expect(done.data.status).toBe('completed');
    expect(done.response.headers.get('openai-poll-after-ms')).toBeNull();
  });

  it('createAndRun makes a thread and a run in one call', async () => {
    const run = await client.beta.threads.createAndRunPoll({ assistant_id: plain, thread: { messages: [{ role: 'user', content: 'Hi!' }], metadata: { title: 'one-shot' } } });
    expect(run.status).toBe('completed');
    const thread = await client.beta.threads.retrieve(run.thread_id);
    expect(thread.metadata).toEqual({ title: 'one-shot' });
  });
});

describe('server-side tools', () => {
  it('file_search results carry content only when include[] asks for it', async () => {
    const threadId = await newThread('How do I set up SSO with Okta?');
    const run = await client.beta.threads.runs.createAndPoll(threadId, { assistant_id: docs });
    expect(run.status).toBe('completed');
    const plainList = await client.beta.threads.runs.steps.list(run.id, { thread_id: threadId, order: 'asc' });
    const toolStep = plainList.data[0];
    const calls = toolStep?.step_details.type === 'tool_calls' ? toolStep.step_details.tool_calls : [];
    const search = calls[0]?.type === 'file_search' ? calls[0].file_search : undefined;
    expect(search?.results?.[0]?.file_name).toBe('sso-setup.md'); // ranked against the user's words
    expect(search?.results?.every((r) => r.content === undefined)).toBe(true);

    const include = ['step_details.tool_calls[*].file_search.results[*].content'] as const;
    const withContent = await client.beta.threads.runs.steps.retrieve(toolStep?.id ?? '', { thread_id: threadId, run_id: run.id, include: [...include] });
    const full = withContent.step_details.type === 'tool_calls' ? withContent.step_details.tool_calls[0] : undefined;
    expect(full?.type === 'file_search' && full.file_search.results?.[0]?.content?.[0]?.text).toContain('SSO');
    // The lenient `include` spelling works too.
    const lenient = await h.api('GET', `/threads/${threadId}/runs/${run.id}/steps?include=${encodeURIComponent(include[0])}`);
    expect(JSON.stringify(lenient.body)).toContain('"content":[');

    const [message] = (await client.beta.threads.messages.list(threadId, { run_id: run.id })).data;
    const text = message?.content[0];
    expect(text?.type === 'text' && text.text.annotations.some((a) => a.type === 'file_citation')).toBe(true);
  });

  it('code_interpreter produces input, logs and a real PNG served by /files', async () => {
    const threadId = await newThread('Chart revenue by quarter');
    const run = await client.beta.threads.runs.createAndPoll(threadId, { assistant_id: analyst });
    const steps = await client.beta.threads.runs.steps.list(run.id, { thread_id: threadId, order: 'asc' });
    const call = steps.data[0]?.step_details.type === 'tool_calls' ? steps.data[0].step_details.tool_calls[0] : undefined;
    if (call?.type !== 'code_interpreter') throw new Error('expected a code_interpreter call');
    expect(call.code_interpreter.input).toContain('import pandas');
    const image = call.code_interpreter.outputs.find((o) => o.type === 'image');
    expect(call.code_interpreter.outputs.some((o) => o.type === 'logs')).toBe(true);
    const fileId = image?.type === 'image' ? image.image.file_id : '';
    const meta = await client.files.retrieve(fileId);
    expect(meta).toMatchObject({ id: fileId, purpose: 'assistants_output' });
    const content = await client.files.content(fileId);
    expect(content.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await content.arrayBuffer());
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(bytes.length).toBe(meta.bytes);

    const [message] = (await client.beta.threads.messages.list(threadId, { run_id: run.id })).data;
    expect(message?.content.map((c) => c.type)).toEqual(['image_file', 'text']);
  });
});

describe('auto-pagination', () => {
  it('the SDK pages through a 300+ run seeded thread with after cursors', async () => {
    const seeded = await startHarness({ seed: 3 });
    try {
      const threads = await seeded.control<{ data: Array<{ id: string; run_count: number }> }>('GET', '/threads');
      const long = threads.data.find((t) => t.run_count >= 300 && t.run_count < 1000);
      if (!long) throw new Error('no 300+ run thread in the seed');
      const sdk = seeded.sdk();
      const ids: string[] = [];
      let previous = Number.POSITIVE_INFINITY;
      for await (const run of sdk.beta.threads.runs.list(long.id, { limit: 100 })) {
        expect(run.created_at).toBeLessThanOrEqual(previous);
        previous = run.created_at;
        ids.push(run.id);
      }
      expect(ids).toHaveLength(long.run_count);
      expect(new Set(ids).size).toBe(ids.length);
      const listCalls = seeded.server.emulator.state.log.list().filter((r) => r.path === `/v1/threads/${long.id}/runs`);
      expect(listCalls).toHaveLength(Math.ceil(long.run_count / 100));
      await seeded.expectAllValid();
    } finally {
      await seeded.close();
    }
  });
});
