import net from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { upstreamFetch, upstreamStream } from '@/lib/upstream/client';
import { upstreamJson } from '@/lib/upstream/json';
import { createConnection } from '@/lib/upstream/connection';
import { UpstreamBadResponseError, UpstreamHttpError, UpstreamNetworkError, UpstreamTimeoutError } from '@/lib/upstream/errors';
import { retryDelayMs, serverRequestedWaitMs } from '@/lib/upstream/retry';
import { buildUpstreamUrl, UnsafeUpstreamPathError } from '@/lib/upstream/url';
import { startFaultUpstream, type FaultUpstream } from './support/fault-upstream';

let upstream: FaultUpstream;
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
const connection = () =>
  createConnection({
    id: 'test',
    name: 'fault',
    mode: 'upstream',
    baseUrl: upstream.url,
    apiKey: 'sk-test-upstream-key-0001',
    authStyle: 'bearer',
    apiVersion: null,
    organization: 'org_x',
    project: null,
    timeoutMs: 2_000,
    maxRetries: 2,
  });
const fast = { retryPolicy: { baseDelayMs: 5, maxBackoffMs: 20, maxHonouredWaitMs: 1_500 } };

beforeAll(async () => {
  upstream = await startFaultUpstream();
});
afterAll(() => upstream.close());
beforeEach(() => upstream.reset());

describe('buildUpstreamUrl', () => {
  it('joins base path and api path, adds api-version, refuses traversal', () => {
    expect(buildUpstreamUrl('https://r.azure.com/openai/', '/threads/thread_1', [['limit', '5']], '2025-04-01-preview').href).toBe(
      'https://r.azure.com/openai/threads/thread_1?limit=5&api-version=2025-04-01-preview',
    );
    for (const bad of ['/threads/../assistants', 'threads', '//evil.com/x', '/threads/%2e%2e', '/a\\b', '/threads/a?b=1', '/x/http:']) {
      expect(() => buildUpstreamUrl('https://h/v1', bad)).toThrow(UnsafeUpstreamPathError);
    }
  });
});

describe('retry timing', () => {
  it('prefers retry-after-ms, then retry-after seconds, and refuses waits above the cap', () => {
    expect(serverRequestedWaitMs(new Headers({ 'retry-after-ms': '120', 'retry-after': '9' }))).toBe(120);
    expect(serverRequestedWaitMs(new Headers({ 'retry-after': '2' }))).toBe(2_000);
    expect(retryDelayMs(1, new Headers({ 'retry-after': '60' }))).toBeNull();
    expect(retryDelayMs(1, new Headers({ 'x-should-retry': 'false' }))).toBeNull();
    expect(retryDelayMs(3, null, { baseDelayMs: 100, maxBackoffMs: 1_000, maxHonouredWaitMs: 5_000 }, () => 0)).toBe(400);
  });
});

describe('upstreamFetch', () => {
  it('sends server-side auth and beta headers and a request id', async () => {
    const answer = await upstreamFetch(connection(), { method: 'GET', path: '/threads/thread_1/runs/run_1' });
    expect(answer.status).toBe(200);
    const hit = upstream.hits[0]!;
    expect(hit.headers.authorization).toBe('Bearer sk-test-upstream-key-0001');
    expect(hit.headers['openai-beta']).toBe('assistants=v2');
    expect(hit.headers['openai-organization']).toBe('org_x');
    expect(hit.headers['x-request-id']).toMatch(/^req_rb_/);
  });

  it('retries a GET on 429 honouring Retry-After, then on 500, then succeeds', async () => {
    upstream.script(
      { kind: 'json', status: 429, body: { error: { message: 'slow down' } }, headers: { 'retry-after': '1' } },
      { kind: 'json', status: 500, body: { error: { message: 'boom' } } },
    );
    const answer = await upstreamFetch(connection(), { method: 'GET', path: '/threads/thread_1' }, fast);
    expect(answer.status).toBe(200);
    expect(answer.attempts).toBe(3);
    expect(upstream.hits).toHaveLength(3);
  });

  it('gives back the 429 when the server asks for a longer wait than the cap', async () => {
    upstream.script({ kind: 'json', status: 429, body: { error: { message: 'later' } }, headers: { 'retry-after': '30' } });
    const answer = await upstreamFetch(connection(), { method: 'GET', path: '/threads/thread_1' }, fast);
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('30');
    expect(upstream.hits).toHaveLength(1);
  });

  it('never retries a POST, whatever the failure', async () => {
    upstream.script({ kind: 'json', status: 500, body: { error: { message: 'boom' } } });
    const answer = await upstreamFetch(connection(), { method: 'POST', path: '/threads/thread_1/runs', body: '{}' }, fast);
    expect(answer.status).toBe(500);
    upstream.script({ kind: 'reset' });
    await expect(upstreamFetch(connection(), { method: 'POST', path: '/threads/thread_1/runs', body: '{}' }, fast)).rejects.toBeInstanceOf(
      UpstreamNetworkError,
    );
    expect(upstream.hits.filter((h) => h.method === 'POST')).toHaveLength(2);
  });

  it('retries a GET after connection resets and reports ECONNRESET-style failures by host', async () => {
    upstream.script({ kind: 'reset' });
    const answer = await upstreamFetch(connection(), { method: 'GET', path: '/threads/thread_1' }, fast);
    expect(answer.status).toBe(200);
    expect(upstream.hits).toHaveLength(2);
    upstream.setFallback({ kind: 'reset' });
    const failure = await upstreamFetch(connection(), { method: 'GET', path: '/threads/thread_1' }, fast).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(UpstreamNetworkError);
    expect((failure as Error).message).toContain(new URL(upstream.url).host);
    expect(upstream.hits).toHaveLength(5);
  });

  it('times out a hanging upstream with a typed error naming the host and limit', async () => {
    upstream.setFallback({ kind: 'hang' });
    const failure = await upstreamFetch(connection(), { method: 'GET', path: '/threads/thread_1' }, { ...fast, timeoutMs: 150 }).catch(
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(UpstreamTimeoutError);
    expect((failure as Error).message).toMatch(/did not answer within 150 ms/);
  });

  it('refuses unreachable hosts with a network error', async () => {
    const dead = createConnection({ ...connection(), baseUrl: `http://127.0.0.1:${await closedPort()}/v1`, apiKey: 'x' });
    await expect(upstreamFetch(dead, { method: 'GET', path: '/threads/t' }, { ...fast, maxRetries: 0 })).rejects.toThrow(/connection refused/);
  });
});

describe('upstreamJson and upstreamStream', () => {
  it('types HTTP errors and non-JSON answers', async () => {
    upstream.script({ kind: 'json', status: 404, body: { error: { message: 'No thread found' } } });
    const notFound = await upstreamJson(connection(), { method: 'GET', path: '/threads/thread_x' }, { maxRetries: 0 }).catch((e: unknown) => e);
    expect(notFound).toBeInstanceOf(UpstreamHttpError);
    expect((notFound as UpstreamHttpError).status).toBe(404);
    upstream.script({ kind: 'raw', status: 200, body: '{"id": "run_1", oops' });
    await expect(upstreamJson(connection(), { method: 'GET', path: '/threads/thread_x' })).rejects.toBeInstanceOf(UpstreamBadResponseError);
  });

  it('returns the raw streaming response, unretried', async () => {
    upstream.script({ kind: 'sse', events: [{ event: 'thread.run.created', data: '{"id":"run_1"}' }, { event: 'done', data: '[DONE]' }] });
    const { response } = await upstreamStream(connection(), { method: 'POST', path: '/threads/thread_1/runs', body: '{"stream":true}' });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(await response.text()).toContain('data: [DONE]');
    expect(upstream.hits[0]!.headers.accept).toBe('text/event-stream');
  });
});
