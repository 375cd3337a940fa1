import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulatorServer, type EmulatorServer } from '@/lib/emulator/server';

// EMULATOR_PROFILE=sparse: a partial facade, reproduced for real so e2e can test Runboard against it.

const KEY = 'sk-sparse-profile-test';
let server: EmulatorServer;
const headers = { authorization: `Bearer ${KEY}`, 'openai-beta': 'assistants=v2', 'content-type': 'application/json' };
const call = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${server.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
};

beforeAll(async () => {
  server = await startEmulatorServer({ port: 0, apiKey: KEY, speed: 0, profile: 'sparse' });
});
afterAll(() => server.close());

describe('sparse profile', () => {
  it('issues nanoid ids (<prefix>_ + 21 characters of A-Za-z0-9_-) and file_ file ids, some starting with _ or -', () => {
    const threads = [...server.emulator.store.threads.keys()];
    const runs = [...server.emulator.store.runs.keys()];
    const files = [...server.emulator.store.files.keys()];
    for (const id of threads) expect(id).toMatch(/^thread_[A-Za-z0-9_-]{21}$/);
    for (const id of runs) expect(id).toMatch(/^run_[A-Za-z0-9_-]{21}$/);
    for (const id of files) expect(id).toMatch(/^file_[A-Za-z0-9_-]{21}$/);
    expect(threads.some((id) => id.startsWith('thread__'))).toBe(true);
    expect(runs.some((id) => id.startsWith('run_-'))).toBe(true);
  });

  it("answers the endpoints it lacks with its router's own 404, not the API envelope", async () => {
    const thread = [...server.emulator.store.threads.values()][0]!;
    const run = thread.latestRun!;
    for (const [method, path] of [
      ['GET', `/threads/${thread.id}/runs`],
      ['GET', `/threads/${thread.id}/runs/${run.id}/steps`],
      ['POST', `/threads/${thread.id}/runs/${run.id}`],
    ] as const) {
      const res = await call(method, path, method === 'POST' ? { metadata: {} } : undefined);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ message: `Route ${method}:/v1${path} not found`, error: 'Not Found', statusCode: 404 });
    }
    expect((await call('GET', `/threads/${thread.id}/runs/${run.id}`)).status).toBe(200);
  });

  it('lets several runs be active on one thread and accepts a cancel of a completed run', async () => {
    const assistant = [...server.emulator.store.assistants.values()][0]!;
    const stuck = { assistant_id: assistant.id, metadata: { scenario: 'stuck_in_progress' } };
    const first = await call('POST', '/threads/runs', stuck);
    const second = await call('POST', `/threads/${first.body.thread_id}/runs`, stuck);
    expect(second.status).toBe(200);
    expect([first.body.status, second.body.status]).toEqual(['queued', 'queued']);

    const plain = await call('POST', '/threads/runs', { assistant_id: assistant.id, tools: [] });
    await fetch(`${server.url.replace('/v1', '')}/__emulator/clock`, { method: 'POST', headers, body: JSON.stringify({ advance_seconds: 120 }) });
    const done = await call('GET', `/threads/${plain.body.thread_id}/runs/${plain.body.id}`);
    expect(done.body.status).toBe('completed');
    const cancelled = await call('POST', `/threads/${plain.body.thread_id}/runs/${plain.body.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', completed_at: done.body.completed_at });
    expect(cancelled.body.cancelled_at).toBeGreaterThan(0);
  });
});
