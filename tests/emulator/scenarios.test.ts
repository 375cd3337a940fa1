/**
 * Every scenario reaches the status the README promises, driven through the SDK with the clock
 * advanced between polls. Scenarios are chosen by run metadata (and, in the last test, by the
 * assistant's metadata).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type OpenAI from 'openai';
import { startHarness, type Harness } from './support';

let h: Harness;
let client: OpenAI;
let plain: string;
let billing: string;

beforeAll(async () => {
  h = await startHarness({ seedData: false });
  client = h.sdk({ advancePerPoll: 2 });
  plain = (await client.beta.assistants.create({ model: 'gpt-4o-mini', name: 'Plain', tools: [{ type: 'code_interpreter' }, { type: 'file_search' }] })).id;
  billing = (
    await client.beta.assistants.create({
      model: 'gpt-4o',
      tools: [{ type: 'function', function: { name: 'lookup_invoice', parameters: { type: 'object', properties: { invoice_id: { type: 'string' } } } } }],
    })
  ).id;
});
afterAll(() => h.close());
afterEach(() => h.expectAllValid());

async function runScenario(scenario: string, extra: Partial<OpenAI.Beta.Threads.RunCreateParamsNonStreaming> = {}) {
  const thread = await client.beta.threads.create({ messages: [{ role: 'user', content: 'Please look into my invoice.' }] });
  const run = await client.beta.threads.runs.createAndPoll(thread.id, { assistant_id: plain, metadata: { scenario }, ...extra });
  const steps = await client.beta.threads.runs.steps.list(run.id, { thread_id: thread.id, limit: 100 });
  const messages = await client.beta.threads.messages.list(thread.id, { run_id: run.id });
  return { thread, run, steps: steps.data, messages: messages.data };
}

describe('scenarios (metadata.scenario on the run)', () => {
  it.each([
    ['fail_server_error', 'server_error'],
    ['fail_rate_limit', 'rate_limit_exceeded'],
    ['fail_invalid_prompt', 'invalid_prompt'],
  ])('%s → failed with last_error.code %s', async (scenario, code) => {
    const { run, steps, messages } = await runScenario(scenario);
    expect(run.status).toBe('failed');
    expect(run.last_error?.code).toBe(code);
    expect(run.failed_at).toBeGreaterThan(run.created_at);
    expect(run.expires_at).toBeNull();
    expect(run.usage).not.toBeNull();
    for (const step of steps) expect(step).toMatchObject({ status: 'failed', last_error: { code: 'server_error' } });
    for (const msg of messages) expect(msg).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'run_failed' } });
    if (scenario === 'fail_server_error') expect(steps).toHaveLength(1);
  });

  it('incomplete → incomplete (max_completion_tokens), message cut off with max_tokens', async () => {
    const { run, messages } = await runScenario('incomplete', { max_completion_tokens: 300 });
    expect(run.status).toBe('incomplete');
    expect(run.incomplete_details).toEqual({ reason: 'max_completion_tokens' });
    expect(run.completed_at).not.toBeNull();
    expect(messages[0]).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'max_tokens' } });
    const stepsUsage = run.usage?.completion_tokens ?? 0;
    expect(stepsUsage).toBeGreaterThanOrEqual(300);
  });

  it('incomplete_max_prompt_tokens → incomplete (max_prompt_tokens)', async () => {
    const { run } = await runScenario('incomplete_max_prompt_tokens', { max_prompt_tokens: 512 });
    expect(run).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'max_prompt_tokens' }, usage: { prompt_tokens: 512 } });
  });

  it('slow → still in progress after 30 s, completed minutes later', async () => {
    const thread = await client.beta.threads.create();
    const run = await client.beta.threads.runs.create(thread.id, { assistant_id: plain, metadata: { scenario: 'slow' } });
    h.advance(30);
    expect((await client.beta.threads.runs.retrieve(run.id, { thread_id: thread.id })).status).toBe('in_progress');
    const done = await h.sdk({ advancePerPoll: 15 }).beta.threads.runs.poll(run.id, { thread_id: thread.id });
    expect(done.status).toBe('completed');
    expect((done.completed_at ?? 0) - run.created_at).toBeGreaterThan(120);
  });

  it('stuck_queued stays queued for hours (past expires_at); stuck_in_progress stays in progress', async () => {
    const thread = await client.beta.threads.create();
    const queued = await client.beta.threads.runs.create(thread.id, { assistant_id: plain, metadata: { scenario: 'stuck_queued' } });
    h.advance(3 * 3600);
    const still = await client.beta.threads.runs.retrieve(queued.id, { thread_id: thread.id });
    expect(still.status).toBe('queued');
    expect(still.started_at).toBeNull();
    await client.beta.threads.runs.cancel(queued.id, { thread_id: thread.id });
    h.advance(5);
    const other = await client.beta.threads.runs.create(thread.id, { assistant_id: plain, metadata: { scenario: 'stuck_in_progress' } });
    h.advance(3600);
    expect((await client.beta.threads.runs.retrieve(other.id, { thread_id: thread.id })).status).toBe('in_progress');
  });

  it('cancel_stuck → cancelling forever after a cancel (and cancel again changes nothing)', async () => {
    const thread = await client.beta.threads.create();
    const run = await client.beta.threads.runs.create(thread.id, { assistant_id: plain, metadata: { scenario: 'cancel_stuck' } });
    h.advance(5);
    expect((await client.beta.threads.runs.cancel(run.id, { thread_id: thread.id })).status).toBe('cancelling');
    h.advance(24 * 3600);
    expect((await client.beta.threads.runs.cancel(run.id, { thread_id: thread.id })).status).toBe('cancelling');
    await expect(client.beta.threads.runs.create(thread.id, { assistant_id: plain })).rejects.toMatchObject({ status: 400 });
  });

  it('expire → waits on tools, then expired 600 s after creation (steps expired, outputs refused)', async () => {
    const thread = await client.beta.threads.create();
    const run = await client.beta.threads.runs.createAndPoll(thread.id, { assistant_id: plain, metadata: { scenario: 'expire' } });
    expect(run.status).toBe('requires_action');
    expect(run.required_action?.submit_tool_outputs.tool_calls[0]?.function.name).toBe('request_human_approval');
    h.advance(run.created_at + 600 - h.server.emulator.clock.now());
    const expired = await client.beta.threads.runs.retrieve(run.id, { thread_id: thread.id });
    expect(expired).toMatchObject({ status: 'expired', expires_at: null, required_action: null });
    const [step] = (await client.beta.threads.runs.steps.list(run.id, { thread_id: thread.id })).data;
    expect(step).toMatchObject({ status: 'expired', expired_at: run.created_at + 600 });
    const call = run.required_action?.submit_tool_outputs.tool_calls[0];
    await expect(
      client.beta.threads.runs.submitToolOutputs(run.id, { thread_id: thread.id, tool_outputs: [{ tool_call_id: call?.id ?? '', output: 'ok' }] }),
    ).rejects.toMatchObject({ status: 400, error: { message: 'Runs in status "expired" do not accept tool outputs.' } });
  });

  it('many_steps → completed with more than 50 steps', async () => {
    const { run, steps } = await runScenario('many_steps');
    expect(run.status).toBe('completed');
    expect(steps.length).toBeGreaterThan(50);
    expect(steps.every((s) => s.status === 'completed' && s.usage !== null)).toBe(true);
  });
});

describe('course by tools (no scenario)', () => {
  it('an assistant-level scenario applies to its runs; a run-level one wins', async () => {
    const failing = (await client.beta.assistants.create({ model: 'gpt-4o', metadata: { scenario: 'fail_rate_limit' } })).id;
    const thread = await client.beta.threads.create();
    const a = await client.beta.threads.runs.createAndPoll(thread.id, { assistant_id: failing });
    expect(a.last_error?.code).toBe('rate_limit_exceeded');
    const b = await client.beta.threads.runs.createAndPoll(thread.id, { assistant_id: failing, metadata: { scenario: 'fail_invalid_prompt' } });
    expect(b.last_error?.code).toBe('invalid_prompt');
  });

  it('tool_choice none gives a plain message; parallel_tool_calls false calls one function', async () => {
    const thread = await client.beta.threads.create();
    const none = await client.beta.threads.runs.createAndPoll(thread.id, { assistant_id: billing, tool_choice: 'none' });
    expect(none.status).toBe('completed');
    const steps = await client.beta.threads.runs.steps.list(none.id, { thread_id: thread.id });
    expect(steps.data.map((s) => s.type)).toEqual(['message_creation']);
    const two = await client.beta.threads.runs.createAndPoll(thread.id, {
      assistant_id: billing,
      parallel_tool_calls: false,
      tools: [
        { type: 'function', function: { name: 'a_fn' } },
        { type: 'function', function: { name: 'b_fn' } },
      ],
    });
    expect(two.required_action?.submit_tool_outputs.tool_calls.map((c) => c.function.name)).toEqual(['a_fn']);
  });
});
