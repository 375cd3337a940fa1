/**
 * Emulator-only control endpoints (/__emulator): health, clock, request log (never the key),
 * thread directory, faults; plus the clock itself, the response headers and the server options.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EmulatorClock } from '@/lib/emulator/clock';
import { startEmulatorServer } from '@/lib/emulator/server';
import { startHarness, type Harness } from './support';

let h: Harness;
let assistantId: string;

beforeAll(async () => {
  h = await startHarness({ seedData: false, apiKey: 'sk-control-secret-1234' });
  assistantId = (await h.api('POST', '/assistants', { body: { model: 'gpt-4o' } })).body.id;
});
afterAll(() => h.close());
afterEach(() => h.expectAllValid());

describe('clock', () => {
  it('GET shows the time; POST advance_seconds / now moves it, and runs follow', async () => {
    const before = await h.control<{ now: number; speed: number }>('GET', '/clock');
    expect(before.speed).toBe(0);
    const thread = (await h.api('POST', '/threads', { body: {} })).body;
    const run = (await h.api('POST', `/threads/${thread.id}/runs`, { body: { assistant_id: assistantId } })).body;
    expect(run.created_at).toBe(before.now);
    const moved = await h.control<{ now: number }>('POST', '/clock', { advance_seconds: 90 });
    expect(moved.now).toBe(before.now + 90);
    expect((await h.api('GET', `/threads/${thread.id}/runs/${run.id}`)).body.status).toBe('completed');
    const jumped = await h.control<{ now: number }>('POST', '/clock', { now: before.now + 1000 });
    expect(jumped.now).toBe(before.now + 1000);
  });

  it("answers carry the emulator's clock in their Date header, as a server's Date is its own clock", async () => {
    const moved = await h.control<{ now: number }>('POST', '/clock', { advance_seconds: 7200 });
    const answer = await h.api('GET', '/assistants');
    expect(Date.parse(answer.headers.get('date') ?? '') / 1000).toBe(moved.now);
  });

  it('rejects bad clock bodies with the error envelope', async () => {
    const res = await fetch(`${h.origin}/__emulator/clock`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ advance_seconds: -5 }),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.type).toBe('invalid_request_error');
  });

  it('derives time from real time × speed + offset (unit)', () => {
    let realMs = 1_000_000;
    const clock = new EmulatorClock({ now: 5000, speed: 60, realNowMs: () => realMs });
    expect(clock.now()).toBe(5000);
    realMs += 1500; // 1.5 real seconds at ×60
    expect(clock.now()).toBe(5090);
    clock.advance(10);
    expect(clock.now()).toBe(5100);
    clock.set(4000);
    expect(clock.now()).toBe(4000);
    expect(() => clock.advance(-1)).toThrow(RangeError);
  });
});

describe('request log', () => {
  it('records method, path, query, status and selected headers, never the key', async () => {
    await h.control('DELETE', '/requests');
    await h.api('GET', '/assistants?limit=2');
    await h.api('GET', '/threads/thread_nope');
    const log = await h.control<{ data: Array<Record<string, any>> }>('GET', '/requests');
    const api = log.data.filter((r) => r.path.startsWith('/v1/'));
    expect(api.map((r) => [r.method, r.path, r.status])).toEqual([
      ['GET', '/v1/assistants', 200],
      ['GET', '/v1/threads/thread_nope', 404],
    ]);
    expect(api[0]).toMatchObject({ query: { limit: '2' }, headers: { 'openai-beta': 'assistants=v2', authorization: 'Bearer [redacted]' } });
    expect(api[0]?.request_id).toMatch(/^req_/);
    expect(api[1]?.seq).toBeGreaterThan(api[0]?.seq);
    expect(JSON.stringify(log)).not.toContain(h.apiKey);
  });

  it('is protected by the same auth', async () => {
    const res = await fetch(`${h.origin}/__emulator/requests`);
    expect(res.status).toBe(401);
  });
});

describe('thread directory and health', () => {
  it('lists created threads with titles, run counts and the latest run', async () => {
    const thread = (await h.api('POST', '/threads', { body: { metadata: { title: 'Directory test' } } })).body;
    const run = (await h.api('POST', `/threads/${thread.id}/runs`, { body: { assistant_id: assistantId } })).body;
    const dir = await h.control<{ data: Array<Record<string, any>> }>('GET', '/threads');
    expect(dir.data[0]).toMatchObject({ id: thread.id, title: 'Directory test', run_count: 1, latest_run: { id: run.id, status: 'queued' } });
    const untitled = (await h.api('POST', '/threads', { body: { messages: [{ role: 'user', content: 'Where is my parcel?' }] } })).body;
    const again = await h.control<{ data: Array<Record<string, any>> }>('GET', '/threads');
    expect(again.data.find((t) => t.id === untitled.id)?.title).toBe('Where is my parcel?');
  });

  it('health reports counts, speed and the scenario names', async () => {
    const health = await h.control<Record<string, any>>('GET', '/health');
    expect(health).toMatchObject({ ok: true, speed: 0 });
    expect(health.scenarios).toContain('cancel_stuck');
    expect(health.counts.assistants).toBeGreaterThanOrEqual(1);
  });
});

describe('faults', () => {
  it('the next N API requests fail with 429 (retry-after) or 500, then things recover', async () => {
    await h.control('POST', '/faults', { status: 429, count: 2, retry_after_seconds: 3 });
    const a = await h.api('GET', '/assistants');
    expect(a.status).toBe(429);
    expect(a.headers.get('retry-after')).toBe('3');
    expect(a.body.error).toMatchObject({ type: 'requests', code: 'rate_limit_exceeded' });
    expect((await h.api('GET', '/assistants')).status).toBe(429);
    expect((await h.api('GET', '/assistants')).status).toBe(200);
    await h.control('POST', '/faults', { status: 500 });
    const b = await h.api('GET', '/assistants');
    expect(b.status).toBe(500);
    expect(b.body.error.type).toBe('server_error');
    expect((await h.api('GET', '/assistants')).status).toBe(200);
  });

  it('the SDK retries through an injected 429', async () => {
    await h.control('POST', '/faults', { status: 429, count: 1, retry_after_seconds: 1, retry_after_ms: 1 });
    const OpenAI = (await import('openai')).default;
    const sdk = new OpenAI({ apiKey: h.apiKey, baseURL: h.url, fetch: h.fetch, maxRetries: 1 });
    const list = await sdk.beta.assistants.list();
    expect(list.data.length).toBeGreaterThanOrEqual(1);
    const log = await h.control<{ data: Array<{ path: string; status: number; headers: Record<string, string> }> }>('GET', '/requests');
    const tries = log.data.filter((r) => r.path === '/v1/assistants').slice(-2);
    expect(tries.map((r) => r.status)).toEqual([429, 200]);
    expect(tries[1]?.headers['x-stainless-retry-count']).toBe('1');
  });
});

describe('server', () => {
  it('accepts any Bearer key when no key is configured, and serves /v1 on 127.0.0.1', async () => {
    const server = await startEmulatorServer({ port: 0, speed: 0, seedData: false });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
      const res = await fetch(`${server.url}/assistants`, { headers: { authorization: 'Bearer anything', 'openai-beta': 'assistants=v2' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('openai-version')).toBe('2020-10-01');
    } finally {
      await server.close();
    }
  });
});
