import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSdkWorld, type SdkWorld } from './support/sdk';

// The read endpoints a dashboard needs, through the SDK and the proxy: assistants, thread, messages, steps with
// include[] (file_search content), file metadata and content (code-interpreter images).

let world: SdkWorld;
beforeAll(async () => {
  world = await startSdkWorld();
});
afterAll(() => world.close());

const INCLUDE = 'step_details.tool_calls[*].file_search.results[*].content' as const;

describe('reads through the proxy', () => {
  it('assistants list and retrieve', async () => {
    const page = await world.client.beta.assistants.list({ limit: 2, order: 'asc' });
    expect(page.data).toHaveLength(2);
    expect(page.has_more).toBe(true);
    const one = await world.client.beta.assistants.retrieve(page.data[0]!.id);
    expect(one).toMatchObject({ object: 'assistant', id: page.data[0]!.id });
  });

  it('SDK auto-pagination follows cursors through the proxy', async () => {
    const ids: string[] = [];
    for await (const assistant of world.client.beta.assistants.list({ limit: 1 })) ids.push(assistant.id);
    expect(ids.length).toBe(Object.keys(world.assistants).length);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('thread and its messages', async () => {
    const threadId = await world.newThread('Where is my order?');
    const thread = await world.client.beta.threads.retrieve(threadId);
    expect(thread).toMatchObject({ id: threadId, object: 'thread', metadata: { source: 'proxy-test' } });
    const messages = await world.client.beta.threads.messages.list(threadId);
    expect(messages.data).toHaveLength(1);
    const message = await world.client.beta.threads.messages.retrieve(messages.data[0]!.id, { thread_id: threadId });
    expect(message.content[0]).toMatchObject({ type: 'text', text: { value: 'Where is my order?' } });
  });

  it('file_search step results with include[] content', async () => {
    const threadId = await world.newThread('How do I configure SSO?');
    world.setAdvancePerPoll(3);
    const run = await world.client.beta.threads.runs.createAndPoll(threadId, { assistant_id: world.assistants['Docs Helper']! }, { pollIntervalMs: 1 });
    world.setAdvancePerPoll(0);
    expect(run.status).toBe('completed');
    const plain = await world.client.beta.threads.runs.steps.list(run.id, { thread_id: threadId });
    const withContent = await world.client.beta.threads.runs.steps.list(run.id, { thread_id: threadId, include: [INCLUDE] });
    const results = (steps: typeof plain) =>
      steps.data.flatMap((s) => (s.step_details.type === 'tool_calls' ? s.step_details.tool_calls : [])).flatMap((c) => (c.type === 'file_search' ? (c.file_search.results ?? []) : []));
    expect(results(withContent).length).toBeGreaterThan(0);
    expect(results(withContent)[0]!.content?.[0]?.text).toBeTruthy();
    expect(results(plain)[0]?.content ?? null).toBeNull();
    const toolStep = withContent.data.find((s) => s.step_details.type === 'tool_calls')!;
    const single = await world.client.beta.threads.runs.steps.retrieve(toolStep.id, { thread_id: threadId, run_id: run.id, include: [INCLUDE] });
    expect(single.id).toBe(toolStep.id);
  });

  it('code-interpreter image: file metadata and content (PNG) through the proxy', async () => {
    const threadId = await world.newThread('Plot the weekly ticket volume');
    world.setAdvancePerPoll(3);
    const run = await world.client.beta.threads.runs.createAndPoll(threadId, { assistant_id: world.assistants['Data Analyst']! }, { pollIntervalMs: 1 });
    world.setAdvancePerPoll(0);
    expect(run.status).toBe('completed');
    const steps = await world.client.beta.threads.runs.steps.list(run.id, { thread_id: threadId });
    const fileId = steps.data
      .flatMap((s) => (s.step_details.type === 'tool_calls' ? s.step_details.tool_calls : []))
      .flatMap((c) => (c.type === 'code_interpreter' ? c.code_interpreter.outputs : []))
      .map((o) => (o.type === 'image' ? o.image.file_id : null))
      .find(Boolean);
    expect(fileId).toMatch(/^file-/);
    const meta = await world.client.files.retrieve(fileId!);
    expect(meta).toMatchObject({ id: fileId, object: 'file' });
    const content = await world.client.files.content(fileId!);
    expect(content.headers.get('content-type')).toBe('image/png');
    expect(content.headers.get('x-content-type-options')).toBe('nosniff');
    // Saved under the file's own name, not "content" (issue 9 defect 12).
    expect(meta.filename).toBeTruthy();
    expect(content.headers.get('content-disposition')).toBe(`attachment; filename="${meta.filename}"; filename*=UTF-8''${encodeURIComponent(meta.filename)}`);
    const bytes = new Uint8Array(await content.arrayBuffer());
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });
});
