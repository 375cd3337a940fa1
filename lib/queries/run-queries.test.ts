import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchAllRunSteps } from './run-steps';
import { validateRunMetadata, validateToolOutputs } from './run-validation';

const step = (i: number) => ({
  id: `step_${i}`,
  object: 'thread.run.step',
  created_at: 1_760_000_000 + i,
  thread_id: 'thread_1',
  run_id: 'run_1',
  type: 'message_creation',
  status: 'completed',
  step_details: { type: 'message_creation', message_creation: { message_id: `msg_${i}` } },
});

afterEach(() => vi.unstubAllGlobals());

describe('fetchAllRunSteps', () => {
  it('follows cursors 100 at a time, oldest first, asking for file_search content', async () => {
    const urls: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      urls.push(url);
      const after = new URL(url, 'http://x').searchParams.get('after');
      const start = after ? Number(after.slice(5)) + 1 : 0;
      const data = Array.from({ length: Math.min(100, 250 - start) }, (_, i) => step(start + i));
      const body = { object: 'list', data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: start + data.length < 250 };
      return new Response(JSON.stringify(body), { status: 200 });
    });
    const result = await fetchAllRunSteps('thread_1', 'run_1');
    expect(result.steps).toHaveLength(250);
    expect(result.pages).toBe(3);
    expect(result.truncated).toBe(false);
    expect(urls[0]).toBe(
      '/api/v1/threads/thread_1/runs/run_1/steps?limit=100&order=asc&include%5B%5D=step_details.tool_calls%5B*%5D.file_search.results%5B*%5D.content',
    );
    expect(urls[1]).toContain('after=step_99');
  });

  it('stops on an empty page even if the server claims has_more', async () => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ object: 'list', data: [], first_id: null, last_id: null, has_more: true })));
    expect((await fetchAllRunSteps('thread_1', 'run_1')).steps).toEqual([]);
  });
});

describe('form validation with the contract', () => {
  it('tool outputs: a missing output is reported on its field; valid bodies pass unchanged', () => {
    const bad = validateToolOutputs({ tool_outputs: [{ tool_call_id: 'call_a', output: '42' }, { tool_call_id: 'call_b' }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.errors)).toEqual(['tool_outputs[1].output']);
    const good = validateToolOutputs({ tool_outputs: [{ tool_call_id: 'call_a', output: '{"ok":true}' }] });
    expect(good).toEqual({ ok: true, body: { tool_outputs: [{ tool_call_id: 'call_a', output: '{"ok":true}' }] } });
  });

  it('metadata over the API limits is refused per key', () => {
    const bad = validateRunMetadata({ metadata: { ['k'.repeat(65)]: 'v', ok: 'x'.repeat(513) } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors[`metadata.${'k'.repeat(65)}`]).toMatch(/at most 64 characters/);
      expect(bad.errors['metadata.ok']).toMatch(/at most 512 characters/);
    }
    const tooMany = validateRunMetadata({ metadata: Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 'v'])) });
    expect(tooMany.ok).toBe(false);
    if (!tooMany.ok) expect(tooMany.errors.metadata).toMatch(/at most 16 keys/);
  });
});
