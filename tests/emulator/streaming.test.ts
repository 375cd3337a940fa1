/**
 * stream: true on create run, create thread and run, and submit tool outputs: the API's event
 * names in the API's order, deltas that rebuild the final objects, `done` last, and state that
 * later GETs agree with. Every event payload is validated against the spec by the harness.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type OpenAI from 'openai';
import { startHarness, type Harness, type SseEvent } from './support';

let h: Harness;
let client: OpenAI;
let plain: string;
let billing: string;

beforeAll(async () => {
  h = await startHarness({ seedData: false });
  client = h.sdk();
  plain = (await client.beta.assistants.create({ model: 'gpt-4o-mini', name: 'Plain' })).id;
  billing = (
    await client.beta.assistants.create({
      model: 'gpt-4o',
      name: 'Billing',
      tools: ['lookup_invoice', 'issue_refund'].map((name) => ({
        type: 'function' as const,
        function: { name, parameters: { type: 'object', properties: { invoice_id: { type: 'string' } }, required: ['invoice_id'] } },
      })),
    })
  ).id;
});
afterAll(() => h.close());
afterEach(() => h.expectAllValid());

const withoutDeltas = (events: SseEvent[]) => events.map((e) => e.event).filter((n) => !n.endsWith('.delta'));

describe('runs.stream (SDK)', () => {
  it('plays a plain answer in the documented order and the final run matches a later GET', async () => {
    const thread = await client.beta.threads.create({ messages: [{ role: 'user', content: 'Hello!' }] });
    const stream = client.beta.threads.runs.stream(thread.id, { assistant_id: plain });
    const names: string[] = [];
    let text = '';
    for await (const event of stream) {
      names.push(event.event);
      if (event.event === 'thread.message.delta') {
        const part = event.data.delta.content?.[0];
        if (part?.type === 'text') text += part.text?.value ?? '';
      }
    }
    expect(names.filter((n) => !n.endsWith('.delta'))).toEqual([
      'thread.run.created',
      'thread.run.queued',
      'thread.run.in_progress',
      'thread.run.step.created',
      'thread.run.step.in_progress',
      'thread.message.created',
      'thread.message.in_progress',
      'thread.message.completed',
      'thread.run.step.completed',
      'thread.run.completed',
    ]);
    expect(names.filter((n) => n === 'thread.message.delta').length).toBeGreaterThan(3);
    const final = await stream.finalRun();
    expect(final.status).toBe('completed');
    expect(final.usage?.total_tokens).toBeGreaterThan(0);
    const [message] = (await client.beta.threads.messages.list(thread.id, { run_id: final.id })).data;
    const stored = message?.content[0];
    expect(stored?.type === 'text' && stored.text.value).toBe(text); // deltas concatenate to the message
    expect(await client.beta.threads.runs.retrieve(final.id, { thread_id: thread.id })).toEqual(final);
  });

  it('stops at requires_action (then done); submitToolOutputsStream continues to completed', async () => {
    const thread = await client.beta.threads.create({ messages: [{ role: 'user', content: 'Refund INV-7' }] });
    const first = client.beta.threads.runs.stream(thread.id, { assistant_id: billing });
    const names: string[] = [];
    const args = new Map<number, string>();
    for await (const event of first) {
      names.push(event.event);
      if (event.event === 'thread.run.step.delta') {
        for (const call of event.data.delta.step_details?.type === 'tool_calls' ? (event.data.delta.step_details.tool_calls ?? []) : []) {
          if (call.type === 'function') args.set(call.index, (args.get(call.index) ?? '') + (call.function?.arguments ?? ''));
        }
      }
    }
    expect(names.filter((n) => !n.endsWith('.delta'))).toEqual([
      'thread.run.created',
      'thread.run.queued',
      'thread.run.in_progress',
      'thread.run.step.created',
      'thread.run.step.in_progress',
      'thread.run.requires_action',
    ]);
    const paused = await first.finalRun();
    expect(paused.status).toBe('requires_action');
    const calls = paused.required_action?.submit_tool_outputs.tool_calls ?? [];
    expect(calls).toHaveLength(2);
    // Argument fragments rebuild exactly the arguments of required_action.
    expect([...args.values()]).toEqual(calls.map((c) => c.function.arguments));

    const second = client.beta.threads.runs.submitToolOutputsStream(paused.id, {
      thread_id: thread.id,
      tool_outputs: calls.map((c) => ({ tool_call_id: c.id, output: '{"status":"paid"}' })),
    });
    const after: string[] = [];
    for await (const event of second) after.push(event.event);
    expect(after.filter((n) => !n.endsWith('.delta'))).toEqual([
      'thread.run.step.completed',
      'thread.run.queued',
      'thread.run.in_progress',
      'thread.run.step.created',
      'thread.run.step.in_progress',
      'thread.message.created',
      'thread.message.in_progress',
      'thread.message.completed',
      'thread.run.step.completed',
      'thread.run.completed',
    ]);
    expect((await second.finalRun()).status).toBe('completed');
  });
});

describe('raw SSE framing', () => {
  it('createThreadAndRun streams thread.created first and ends with event: done / data: [DONE]', async () => {
    const events = await h.stream('POST', '/threads/runs', { assistant_id: plain, stream: true, thread: { messages: [{ role: 'user', content: 'hi' }] } });
    expect(events[0]?.event).toBe('thread.created');
    expect(events[1]?.event).toBe('thread.run.created');
    expect(events.at(-1)).toEqual({ event: 'done', data: '[DONE]' });
    expect(events.at(-2)?.event).toBe('thread.run.completed');
    const firstDelta = events.find((e) => e.event === 'thread.message.delta')?.data as { delta: { content: Array<{ text: { annotations?: unknown[] } }> } };
    expect(firstDelta.delta.content[0]?.text.annotations).toEqual([]);
  });

  it('a failing scenario streams the failure with closed step and message, then done', async () => {
    const thread = (await h.api('POST', '/threads', { body: {} })).body;
    const events = await h.stream('POST', `/threads/${thread.id}/runs`, { assistant_id: plain, stream: true, metadata: { scenario: 'fail_server_error' } });
    expect(withoutDeltas(events).slice(-4)).toEqual(['thread.run.step.failed', 'thread.message.incomplete', 'thread.run.failed', 'done']);
    const failed = events.at(-2)?.data as { last_error: { code: string } };
    expect(failed.last_error.code).toBe('server_error');
  });

  it('a stream of a stuck run stays open until a cancel from another request finishes it', async () => {
    const thread = (await h.api('POST', '/threads', { body: {} })).body;
    const res = await h.fetch(`${h.url}/threads/${thread.id}/runs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.apiKey}`, 'openai-beta': 'assistants=v2', 'content-type': 'application/json' },
      body: JSON.stringify({ assistant_id: plain, stream: true, metadata: { scenario: 'stuck_in_progress' } }),
    });
    expect(res.headers.get('x-request-id')).toMatch(/^req_/);
    expect(Number(res.headers.get('openai-processing-ms'))).toBeGreaterThanOrEqual(1);
    const bodyText = res.text();
    const runs = (await h.api('GET', `/threads/${thread.id}/runs`)).body;
    const runId = runs.data[0].id as string;
    expect(runs.data[0].status).toBe('in_progress');
    expect((await h.api('POST', `/threads/${thread.id}/runs/${runId}/cancel`)).body.status).toBe('cancelling');
    h.advance(3);
    const text = await bodyText;
    const names = [...text.matchAll(/^event: (.+)$/gm)].map((m) => m[1]);
    expect(names.slice(-5)).toEqual(['thread.run.cancelling', 'thread.run.step.cancelled', 'thread.message.incomplete', 'thread.run.cancelled', 'done']);
  });

  it('server-side tool steps stream their calls as deltas (code input, outputs; file_search with include[])', async () => {
    const tools = (await h.api('POST', '/assistants', { body: { model: 'gpt-4o', tools: [{ type: 'file_search' }, { type: 'code_interpreter' }] } })).body;
    const thread = (await h.api('POST', '/threads', { body: { messages: [{ role: 'user', content: 'What are the API rate limits?' }] } })).body;
    const include = encodeURIComponent('step_details.tool_calls[*].file_search.results[*].content');
    const events = await h.stream('POST', `/threads/${thread.id}/runs?include[]=${include}`, { assistant_id: tools.id, stream: true });
    const completedSteps = events.filter((e) => e.event === 'thread.run.step.completed').map((e) => e.data as any);
    expect(completedSteps.map((s) => s.step_details.type)).toEqual(['tool_calls', 'tool_calls', 'message_creation']);
    expect(completedSteps[0].step_details.tool_calls[0].file_search.results[0]).toMatchObject({ file_name: 'api-rate-limits.md', content: [{ type: 'text' }] });
    const codeDeltas = events.filter((e) => e.event === 'thread.run.step.delta' && JSON.stringify(e.data).includes('code_interpreter'));
    const input = codeDeltas.map((e) => (e.data as any).delta.step_details.tool_calls[0].code_interpreter?.input ?? '').join('');
    expect(input).toBe(completedSteps[1].step_details.tool_calls[0].code_interpreter.input);
    expect(JSON.stringify(codeDeltas.at(-1)?.data)).toContain('"outputs":[{"index":0,"type":"logs"');
  });

  it('an injected stream_error fault breaks the stream with an in-band error event; the run carries on', async () => {
    await h.control('POST', '/faults', { kind: 'stream_error' });
    const thread = (await h.api('POST', '/threads', { body: {} })).body;
    const events = await h.stream('POST', `/threads/${thread.id}/runs`, { assistant_id: plain, stream: true });
    expect(events.map((e) => e.event)).toEqual(['thread.run.created', 'thread.run.queued', 'thread.run.in_progress', 'error']);
    expect(events[3]?.data).toMatchObject({ error: { type: 'server_error' } });
    const runId = (events[0]?.data as { id: string } | undefined)?.id;
    expect((await h.api('GET', `/threads/${thread.id}/runs/${runId}`)).body.status).toBe('completed');
    // The SDK turns the event into a thrown error.
    await h.control('POST', '/faults', { kind: 'stream_error' });
    const other = await client.beta.threads.create();
    await expect(client.beta.threads.runs.stream(other.id, { assistant_id: plain }).finalRun()).rejects.toThrow(/server had an error/);
  });

  it('errors before the stream starts are plain JSON errors', async () => {
    const res = await h.api('POST', '/threads/thread_doesnotexist/runs', { body: { assistant_id: plain, stream: true } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(h.validated.events).toBeGreaterThan(50);
  });
});
