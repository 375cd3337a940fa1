import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '@/lib/contract';
import { ApiRequestError } from './api-error';
import { queryKeys } from './keys';
import { applyRunStreamEvent, readRunStream } from './run-stream';
import { runStepsQueryOptions } from './run-steps';

const T = 1_760_000_000;
const run = (status: string) => ({ id: 'run_1', object: 'thread.run', created_at: T, thread_id: 'thread_1', assistant_id: 'asst_1', status });
const step = { id: 'step_m', object: 'thread.run.step', created_at: T + 5, thread_id: 'thread_1', run_id: 'run_1', type: 'message_creation', status: 'in_progress', step_details: { type: 'message_creation', message_creation: { message_id: 'msg_1' } } };
const message = { id: 'msg_1', object: 'thread.message', created_at: T + 5, thread_id: 'thread_1', role: 'assistant', content: [] };
const frame = (event: string, data: unknown) => `event: ${event}\ndata: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;

function sse(chunks: string[], init: ResponseInit = { status: 200 }): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(new TextEncoder().encode(c));
      controller.close();
    },
  });
  return new Response(body, { ...init, headers: { 'content-type': 'text/event-stream', 'x-request-id': 'req_1' } });
}

describe('readRunStream', () => {
  it('decodes frames split across chunks, skips unknown events and stops at [DONE]', async () => {
    const text =
      frame('thread.run.queued', run('queued')) +
      frame('thread.run.some_future_event', { x: 1 }) +
      frame('thread.message.delta', { id: 'msg_1', object: 'thread.message.delta', delta: { content: [{ index: 0, type: 'text', text: { value: 'Hi' } }] } }) +
      frame('done', '[DONE]') +
      frame('thread.run.completed', run('completed'));
    const seen: string[] = [];
    const count = await readRunStream(sse([text.slice(0, 17), text.slice(17, 90), text.slice(90)]), (e) => seen.push(e.event));
    expect(seen).toEqual(['thread.run.queued', 'thread.message.delta', 'done']);
    expect(count).toBe(3);
  });

  it('a refusal before the stream is the usual error with status, message and request id', async () => {
    const res = new Response(JSON.stringify({ error: { message: 'Runs in status "expired" do not accept tool outputs.', type: 'invalid_request_error' } }), {
      status: 400,
      headers: { 'x-request-id': 'req_9' },
    });
    const err = await readRunStream(res, () => {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiRequestError);
    expect(err).toMatchObject({ status: 400, message: 'Runs in status "expired" do not accept tool outputs.', requestId: 'req_9' });
  });

  it('an in-band error event is thrown (nested or flat)', async () => {
    const err = await readRunStream(sse([frame('error', { error: { message: 'boom', type: 'server_error', code: 'server_error' } })]), () => {}).catch((e: unknown) => e);
    expect(err).toMatchObject({ message: 'boom', code: 'server_error' });
  });
});

describe('applyRunStreamEvent', () => {
  it('writes run snapshots, upserts steps and grows the message text in the caches', () => {
    const qc = new QueryClient();
    const stepsKey = runStepsQueryOptions('thread_1', 'run_1').queryKey;
    qc.setQueryData(stepsKey, { steps: [], pages: 1, truncated: false });
    const apply = (e: unknown) => applyRunStreamEvent(qc, 'thread_1', 'run_1', e as StreamEvent);
    apply({ event: 'thread.run.in_progress', data: run('in_progress') });
    apply({ event: 'thread.run.step.created', data: step });
    apply({ event: 'thread.message.created', data: message });
    apply({ event: 'thread.message.delta', data: { id: 'msg_1', object: 'thread.message.delta', delta: { content: [{ index: 0, type: 'text', text: { value: 'Refund ' } }] } } });
    apply({ event: 'thread.message.delta', data: { id: 'msg_1', object: 'thread.message.delta', delta: { content: [{ index: 0, type: 'text', text: { value: 'issued.' } }] } } });
    apply({ event: 'thread.run.step.completed', data: { ...step, status: 'completed' } });
    expect(qc.getQueryData<{ status: string }>(queryKeys.run('thread_1', 'run_1'))?.status).toBe('in_progress');
    expect(qc.getQueryData<{ steps: Array<{ status: string }> }>(stepsKey)?.steps.map((s) => s.status)).toEqual(['completed']);
    expect(qc.getQueryData<{ content: unknown[] }>(queryKeys.message('thread_1', 'msg_1'))?.content).toEqual([
      { type: 'text', text: { value: 'Refund issued.', annotations: [] } },
    ]);
  });
});
