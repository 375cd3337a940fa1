import OpenAI from 'openai';
import { expect, test, type EmulatorControl } from '../fixtures';
import { tokenOf } from '../support/identities';

// The official openai SDK against the real `next start` server through /api/v1, with an operator's personal API
// token as its key: Runboard checks it and sends the upstream its own key. The embedded emulator's clock is moved by the test instead of waiting.

function sdk(baseURL: string | undefined, emulator?: EmulatorControl): OpenAI {
  // Every run retrieve first moves the emulator clock, so polling helpers finish without sleeping.
  const advancing: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    if (emulator && request.method === 'GET' && /\/runs\/run_[^/?]+(\?|$)/.test(request.url)) await emulator.advance(5);
    return fetch(request);
  };
  return new OpenAI({ apiKey: tokenOf('operator'), baseURL: `${baseURL}/api/v1`, maxRetries: 0, fetch: advancing });
}

async function assistantNamed(client: OpenAI, name: string): Promise<string> {
  for await (const assistant of client.beta.assistants.list({ limit: 100 })) if (assistant.name === name) return assistant.id;
  throw new Error(`no assistant named ${name}`);
}

async function newThread(emulator: EmulatorControl, text: string): Promise<string> {
  return (await emulator.call<{ id: string }>('POST', '/threads', { messages: [{ role: 'user', content: text }] })).id;
}

test.describe('openai SDK → next start → /api/v1 → embedded emulator', () => {
  test('createAndPoll, steps and messages', async ({ baseURL, emulator }) => {
    const client = sdk(baseURL, emulator);
    const threadId = await newThread(emulator, 'Where is my parcel?');
    const run = await client.beta.threads.runs.createAndPoll(threadId, { assistant_id: await assistantNamed(client, 'Triage Bot') }, { pollIntervalMs: 50 });
    expect(run.status).toBe('completed');
    const steps = await client.beta.threads.runs.steps.list(run.id, { thread_id: threadId });
    expect(steps.data.length).toBeGreaterThan(0);
    const messages = await client.beta.threads.messages.list(threadId, { run_id: run.id });
    expect(messages.data[0]?.role).toBe('assistant');
  });

  test('runs.stream arrives event by event (not buffered until the end)', async ({ baseURL, emulator }) => {
    const client = sdk(baseURL);
    const threadId = await newThread(emulator, 'Stream please');
    const stream = client.beta.threads.runs.stream(threadId, { assistant_id: await assistantNamed(client, 'Triage Bot'), metadata: { scenario: 'stuck_queued' } });
    const events: string[] = [];
    let runId = '';
    const firstEvent = new Promise<void>((resolve) =>
      stream.on('event', (e) => {
        events.push(e.event);
        if (e.event === 'thread.run.created') runId = e.data.id;
        resolve();
      }),
    );
    // The run stays queued until cancelled. If the proxy (or compression) buffered the stream, no event could arrive
    // before the stream ends, and the stream only ends once the run is cancelled below.
    await firstEvent;
    expect(events[0]).toBe('thread.run.created');
    const live = await emulator.call<{ status: string }>('GET', `/threads/${threadId}/runs/${runId}`);
    expect(live.status).toBe('queued');
    // Cancelling through the proxy ends the stream: the same open response then carries the cancellation.
    await client.beta.threads.runs.cancel(runId, { thread_id: threadId });
    await emulator.advance(60);
    const run = await stream.finalRun();
    expect(run.status).toBe('cancelled');
    expect(events).toContain('thread.run.cancelling');
  });

  test('submitToolOutputs and cancel', async ({ baseURL, emulator }) => {
    const client = sdk(baseURL, emulator);
    const billing = await assistantNamed(client, 'Billing Support Agent');
    const threadId = await newThread(emulator, 'Refund INV-77');
    const waiting = await client.beta.threads.runs.createAndPoll(threadId, { assistant_id: billing }, { pollIntervalMs: 50 });
    expect(waiting.status).toBe('requires_action');
    const calls = waiting.required_action!.submit_tool_outputs.tool_calls;
    const after = await client.beta.threads.runs.submitToolOutputsAndPoll(
      waiting.id,
      { thread_id: threadId, tool_outputs: calls.map((c) => ({ tool_call_id: c.id, output: '{"ok":true}' })) },
      { pollIntervalMs: 50 },
    );
    expect(after.status).toBe('completed');

    const stuckThread = await newThread(emulator, 'This will hang');
    const stuck = await client.beta.threads.runs.create(stuckThread, { assistant_id: billing, metadata: { scenario: 'stuck_in_progress' } });
    const cancelling = await client.beta.threads.runs.cancel(stuck.id, { thread_id: stuckThread });
    expect(cancelling.status).toBe('cancelling');
    await expect.poll(async () => (await client.beta.threads.runs.retrieve(stuck.id, { thread_id: stuckThread })).status).toBe('cancelled');
  });

  test('a client-supplied Authorization header is replaced by the server key', async ({ request, emulator }) => {
    // The emulator accepts exactly the configured key: were the client's header forwarded, this would be a 401.
    // (The request is signed in by the admin's session cookie; a non-`rb_` bearer is not an identity.)
    await emulator.clearRequests();
    const response = await request.get('/api/v1/assistants?limit=1', { headers: { authorization: 'Bearer sk-wrong-client-key' } });
    expect(response.status()).toBe(200);
    const log = await emulator.apiRequests();
    expect(log).toHaveLength(1);
    expect(log[0]!.headers?.['user-agent'] ?? '').not.toContain('Playwright');
  });
});
