import { BadRequestError, NotFoundError, type APIError } from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSdkWorld, type SdkWorld } from './support/sdk';

// The official SDK through the proxy over the emulator: every Runs endpoint, createAndPoll, streams, tool outputs,
// cancel, and the API's own errors passed through.

let world: SdkWorld;
beforeAll(async () => {
  world = await startSdkWorld();
});
afterAll(() => world.close());
beforeEach(() => world.setAdvancePerPoll(0));

const triage = () => world.assistants['Triage Bot']!;
const billing = () => world.assistants['Billing Support Agent']!;

describe('runs', () => {
  it('create → retrieve → list → update, and the upstream saw only proxy requests', async () => {
    const threadId = await world.newThread();
    await world.emulator.clearRequests();
    const created = await world.client.beta.threads.runs.create(threadId, { assistant_id: triage(), metadata: { ticket: 'TCK-1' } });
    expect(created).toMatchObject({ object: 'thread.run', thread_id: threadId, status: 'queued', metadata: { ticket: 'TCK-1' } });
    const retrieved = await world.client.beta.threads.runs.retrieve(created.id, { thread_id: threadId });
    expect(retrieved.id).toBe(created.id);
    const page = await world.client.beta.threads.runs.list(threadId, { limit: 5 });
    expect(page.data.map((r) => r.id)).toContain(created.id);
    const updated = await world.client.beta.threads.runs.update(created.id, { thread_id: threadId, metadata: { ticket: 'TCK-1', reviewed: 'yes' } });
    expect(updated.metadata).toEqual({ ticket: 'TCK-1', reviewed: 'yes' });

    const log = await world.emulator.apiRequests();
    expect(log.map((r) => r.method)).toEqual(['POST', 'GET', 'GET', 'POST']);
    for (const entry of log) {
      expect(entry.headers['openai-beta']).toBe('assistants=v2');
      expect(entry.headers['x-stainless-lang']).toBeUndefined(); // SDK headers stop at the proxy
    }
  });

  it('createAndPoll completes as the emulator clock advances (no sleeping)', async () => {
    const threadId = await world.newThread('What is our refund policy?');
    world.setAdvancePerPoll(2);
    const run = await world.client.beta.threads.runs.createAndPoll(threadId, { assistant_id: triage() }, { pollIntervalMs: 1 });
    expect(run.status).toBe('completed');
    expect(run.usage?.total_tokens).toBeGreaterThan(0);
    const messages = await world.client.beta.threads.messages.list(threadId, { run_id: run.id });
    expect(messages.data[0]).toMatchObject({ role: 'assistant', run_id: run.id });
    const steps = await world.client.beta.threads.runs.steps.list(run.id, { thread_id: threadId });
    expect(steps.data.length).toBeGreaterThan(0);
    const step = await world.client.beta.threads.runs.steps.retrieve(steps.data[0]!.id, { thread_id: threadId, run_id: run.id });
    expect(step).toMatchObject({ object: 'thread.run.step', run_id: run.id, status: 'completed' });
  });

  it('function tools: requires_action → submitToolOutputs (all calls at once) → completed', async () => {
    const threadId = await world.newThread('Refund invoice INV-1042 please');
    world.setAdvancePerPoll(2);
    const waiting = await world.client.beta.threads.runs.createAndPoll(threadId, { assistant_id: billing() }, { pollIntervalMs: 1 });
    expect(waiting.status).toBe('requires_action');
    const calls = waiting.required_action!.submit_tool_outputs.tool_calls;
    expect(calls.length).toBeGreaterThanOrEqual(1);
    const submitted = await world.client.beta.threads.runs.submitToolOutputs(waiting.id, {
      thread_id: threadId,
      tool_outputs: calls.map((c) => ({ tool_call_id: c.id, output: JSON.stringify({ ok: true, name: c.function.name }) })),
    });
    expect(submitted).toMatchObject({ status: 'queued', required_action: null });
    const done = await world.client.beta.threads.runs.poll(waiting.id, { thread_id: threadId }, { pollIntervalMs: 1 });
    expect(done.status).toBe('completed');
    const steps = await world.client.beta.threads.runs.steps.list(done.id, { thread_id: threadId, order: 'asc' });
    const toolStep = steps.data.find((s) => s.step_details.type === 'tool_calls');
    expect(toolStep?.status).toBe('completed');
  });

  it('runs.stream delivers the event sequence through the proxy and ends with the final run', async () => {
    const threadId = await world.newThread('Stream me an answer');
    const stream = world.client.beta.threads.runs.stream(threadId, { assistant_id: triage() });
    const events: string[] = [];
    let text = '';
    stream.on('event', (e) => events.push(e.event));
    stream.on('textDelta', (delta) => (text += delta.value ?? ''));
    // Time moves only when the test says so: once the stream is open, jump two minutes ahead.
    stream.on('connect', () => void world.emulator.advance(120));
    const run = await stream.finalRun();
    expect(run.status).toBe('completed');
    expect(events[0]).toBe('thread.run.created');
    expect(events).toContain('thread.message.delta');
    expect(events.at(-1)).toBe('thread.run.completed');
    expect(text.length).toBeGreaterThan(0);
  });

  it('submitToolOutputsStream continues the run as a stream', async () => {
    const threadId = await world.newThread('Refund invoice INV-2002');
    world.setAdvancePerPoll(2);
    const waiting = await world.client.beta.threads.runs.createAndPoll(threadId, { assistant_id: billing() }, { pollIntervalMs: 1 });
    expect(waiting.status).toBe('requires_action');
    const stream = world.client.beta.threads.runs.submitToolOutputsStream(waiting.id, {
      thread_id: threadId,
      tool_outputs: waiting.required_action!.submit_tool_outputs.tool_calls.map((c) => ({ tool_call_id: c.id, output: '{"ok":true}' })),
    });
    stream.on('connect', () => void world.emulator.advance(120));
    const events: string[] = [];
    stream.on('event', (e) => events.push(e.event));
    const run = await stream.finalRun();
    expect(run.status).toBe('completed');
    expect(events).toContain('thread.run.step.completed');
  });

  it('createAndRunStream (create thread and run, streamed) starts with thread.created', async () => {
    const stream = world.client.beta.threads.createAndRunStream({ assistant_id: triage(), thread: { messages: [{ role: 'user', content: 'Hi' }] } });
    stream.on('connect', () => void world.emulator.advance(120));
    const events: string[] = [];
    stream.on('event', (e) => events.push(e.event));
    const run = await stream.finalRun();
    expect(events[0]).toBe('thread.created');
    expect(run.status).toBe('completed');
  });

  it('createAndRun (non-streamed) returns the new run with its new thread', async () => {
    const run = await world.client.beta.threads.createAndRun({ assistant_id: triage(), thread: { messages: [{ role: 'user', content: 'New ticket' }] } });
    expect(run).toMatchObject({ object: 'thread.run', status: 'queued' });
    expect(run.thread_id).toMatch(/^thread_/);
  });

  it('cancel: a stuck run goes cancelling → cancelled', async () => {
    const threadId = await world.newThread();
    const run = await world.client.beta.threads.runs.create(threadId, { assistant_id: triage(), metadata: { scenario: 'stuck_in_progress' } });
    await world.emulator.advance(5);
    const cancelling = await world.client.beta.threads.runs.cancel(run.id, { thread_id: threadId });
    expect(cancelling.status).toBe('cancelling');
    await world.emulator.advance(10);
    const after = await world.client.beta.threads.runs.retrieve(run.id, { thread_id: threadId });
    expect(after.status).toBe('cancelled');
  });
});

describe('the API’s errors come back through the SDK', () => {
  it('404 for an unknown run', async () => {
    const threadId = await world.newThread();
    const error = await world.client.beta.threads.runs.retrieve('run_doesnotexist', { thread_id: threadId }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as APIError).message).toMatch(/No run found/i);
  });

  it('400 for a second run on a locked thread', async () => {
    const threadId = await world.newThread();
    await world.client.beta.threads.runs.create(threadId, { assistant_id: triage(), metadata: { scenario: 'stuck_queued' } });
    const error = await world.client.beta.threads.runs.create(threadId, { assistant_id: triage() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as APIError).message).toMatch(/already has an active run/);
  });

  it('400 from the proxy itself (invalid body) carries the field in the SDK error', async () => {
    const threadId = await world.newThread();
    const error = await world.client.beta.threads.runs.create(threadId, { assistant_id: triage(), temperature: 5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as APIError).param).toBe('temperature');
  });
});
