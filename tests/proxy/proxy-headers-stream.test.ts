import { describe, expect, it } from 'vitest';
import { callProxy, pointAtUpstream } from './support/harness';
import { faultUpstreamPerFile } from './support/fault-upstream';

// What reaches the upstream (only server-chosen headers) and how streams are passed through.

const KEY = 'sk-header-test-key-778899';

const upstream = faultUpstreamPerFile(KEY, { OPENAI_ORG_ID: 'org_team', OPENAI_PROJECT_ID: 'proj_support', RUNBOARD_POLL_CACHE_MS: '0' });

const hostile = {
  authorization: 'Bearer sk-client-supplied-should-not-pass',
  cookie: 'session=browser-cookie; other=1',
  'x-forwarded-for': '203.0.113.9',
  'x-forwarded-host': 'runboard.test',
  'x-forwarded-proto': 'https',
  'api-key': 'client-api-key',
  'openai-organization': 'org_client',
  'openai-beta': 'assistants=v1',
  'x-custom-header': 'nope',
  'user-agent': 'curious-client/1.0',
};

describe('headers sent upstream', () => {
  it.each([
    ['GET', '/threads/thread_h1/runs/run_h1', undefined],
    ['POST', '/threads/thread_h1/runs', { assistant_id: 'asst_h1' }],
  ] as const)('%s %s: client credentials, cookies and x-forwarded-* never reach the upstream', async (method, path, body) => {
    const response = await callProxy(method, path, { headers: hostile, ...(body ? { body } : {}) });
    expect(response.status).toBe(200);
    const sent = upstream().hits[0]!.headers;
    expect(sent.authorization).toBe(`Bearer ${KEY}`);
    expect(sent.cookie).toBeUndefined();
    expect(sent['api-key']).toBeUndefined();
    expect(Object.keys(sent).filter((h) => h.startsWith('x-forwarded'))).toEqual([]);
    expect(sent['x-custom-header']).toBeUndefined();
    expect(sent['openai-beta']).toBe('assistants=v2');
    expect(sent['openai-organization']).toBe('org_team');
    expect(sent['openai-project']).toBe('proj_support');
    expect(sent['x-request-id']).toMatch(/^req_rb_[0-9a-f]{32}$/);
    for (const value of ['sk-client-supplied', 'browser-cookie', 'client-api-key', 'org_client', 'curious-client', '203.0.113.9', 'nope']) {
      expect(JSON.stringify(sent)).not.toContain(value);
    }
  });

  it('api-key style (Azure) with api-version: key in api-key header, version in the query', async () => {
    pointAtUpstream(upstream().url, KEY, { OPENAI_AUTH_HEADER: 'api-key', OPENAI_API_VERSION: '2025-04-01-preview' });
    await callProxy('GET', '/threads/thread_h1/runs?limit=2', { headers: hostile });
    const hit = upstream().hits[0]!;
    expect(hit.headers['api-key']).toBe(KEY);
    expect(hit.headers.authorization).toBeUndefined();
    expect(new URLSearchParams(hit.query).get('api-version')).toBe('2025-04-01-preview');
    expect(new URLSearchParams(hit.query).get('limit')).toBe('2');
  });

  it('only allowed query parameters are forwarded, include normalised to include[]', async () => {
    const include = encodeURIComponent('step_details.tool_calls[*].file_search.results[*].content');
    await callProxy('GET', `/threads/thread_h1/runs/run_h1/steps?limit=3&order=asc&include=${include}`);
    const forwarded = new URLSearchParams(upstream().hits[0]!.query);
    expect([...forwarded.keys()]).toEqual(['limit', 'order', 'include[]']);
  });
});

describe('headers sent back', () => {
  it("the upstream's Date reaches the browser as X-Upstream-Date (its clock wrote the run's timestamps)", async () => {
    const before = Date.now();
    const response = await callProxy('GET', '/threads/thread_h1/runs/run_h1');
    expect(response.status).toBe(200);
    const upstreamDate = Date.parse(response.headers.get('x-upstream-date') ?? '');
    expect(upstreamDate).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(upstreamDate).toBeLessThanOrEqual(Date.now());
  });
});

describe('streams', () => {
  const events = [
    { event: 'thread.run.created', data: '{"id":"run_s1","object":"thread.run","status":"queued"}' },
    { event: 'thread.run.completed', data: '{"id":"run_s1","object":"thread.run","status":"completed"}' },
    { event: 'done', data: '[DONE]' },
  ];

  it('stream:true is piped through as text/event-stream with anti-buffering headers', async () => {
    upstream().script({ kind: 'sse', events });
    const response = await callProxy('POST', '/threads/thread_h1/runs', { body: { assistant_id: 'asst_h1', stream: true } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    expect(response.headers.get('x-request-id')).toBe('req_upstream_sse');
    const text = await response.text();
    expect(text).toBe(events.map((e) => `event: ${e.event}\ndata: ${e.data}\n\n`).join(''));
    expect(upstream().hits[0]!.headers.accept).toBe('text/event-stream');
  });

  it('delivers the first event before the upstream has finished', async () => {
    upstream().script({ kind: 'sse', events: events.slice(0, 1), holdOpen: true });
    const controller = new AbortController();
    const response = await callProxy('POST', '/threads/thread_h1/runs', { body: { assistant_id: 'asst_h1', stream: true }, signal: controller.signal });
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain('thread.run.created');
    // The client goes away: the proxy must abort the upstream request.
    controller.abort();
    await reader.cancel();
    while (upstream().closedConnections() < 1) await new Promise((r) => setImmediate(r));
    expect(upstream().closedConnections()).toBe(1);
  });

  it('an upstream that breaks mid-stream yields an in-band error event, then the end', async () => {
    upstream().script({ kind: 'sse', events: events.slice(0, 1), thenReset: true });
    const response = await callProxy('POST', '/threads/thread_h1/runs', { body: { assistant_id: 'asst_h1', stream: true } });
    const text = await response.text();
    expect(text).toContain('event: thread.run.created');
    expect(text).toMatch(/event: error\ndata: \{"error":\{"message":"The stream from upstream 127\.0\.0\.1:\d+ broke off/);
  });

  it('an upstream refusal before streaming is an ordinary JSON error', async () => {
    upstream().script({ kind: 'json', status: 400, body: { error: { message: 'Thread thread_h1 already has an active run run_x.', type: 'invalid_request_error' } } });
    const response = await callProxy('POST', '/threads/thread_h1/runs', { body: { assistant_id: 'asst_h1', stream: true } });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain('already has an active run');
  });
});
