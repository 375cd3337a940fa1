import { describe, expect, it } from 'vitest';
import { callProxy, errorOf, pointAtUpstream } from './support/harness';
import { okRun, faultUpstreamPerFile } from './support/fault-upstream';

// The proxy against a scriptable upstream on 127.0.0.1: 429 with Retry-After, 500, malformed JSON, hangs and
// connection resets. GETs are retried, POSTs never (hits are counted).

const KEY = 'sk-fault-upstream-key-abcdef';
const RUN = '/threads/thread_f1/runs/run_f1';
const CREATE = '/threads/thread_f1/runs';

const upstream = faultUpstreamPerFile(KEY, { RUNBOARD_UPSTREAM_TIMEOUT_MS: '3000', RUNBOARD_POLL_CACHE_MS: '0' });
const host = () => new URL(upstream().url).host;

const posts = () => upstream().hits.filter((h) => h.method === 'POST').length;
const gets = () => upstream().hits.filter((h) => h.method === 'GET').length;

describe('429 with Retry-After', () => {
  it('GET: waits as told, retries and answers 200', async () => {
    upstream().script({ kind: 'json', status: 429, body: { error: { message: 'Rate limit', type: 'requests', code: 'rate_limit_exceeded' } }, headers: { 'retry-after': '1' } });
    const response = await callProxy('GET', RUN);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { id: string }).id).toBe('run_fault1');
    expect(gets()).toBe(2);
  });

  it('GET: a wait longer than the cap is passed to the client with the envelope and headers', async () => {
    upstream().script({
      kind: 'json',
      status: 429,
      body: { error: { message: 'Rate limit reached', type: 'requests', param: null, code: 'rate_limit_exceeded' } },
      headers: { 'retry-after': '40', 'x-ratelimit-remaining-requests': '0', 'x-request-id': 'req_up_429', 'set-cookie': 'a=b' },
    });
    const response = await callProxy('GET', RUN);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('40');
    expect(response.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(response.headers.get('x-request-id')).toBe('req_up_429');
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(await errorOf(response)).toMatchObject({ message: 'Rate limit reached', code: 'rate_limit_exceeded' });
    expect(gets()).toBe(1);
  });

  it('POST: never retried, 429 passed through', async () => {
    upstream().script({ kind: 'json', status: 429, body: { error: { message: 'Rate limit' } }, headers: { 'retry-after': '1' } });
    const response = await callProxy('POST', CREATE, { body: { assistant_id: 'asst_1' } });
    expect(response.status).toBe(429);
    expect(posts()).toBe(1);
  });
});

describe('500', () => {
  it('GET: retried up to the limit, then the last 500 envelope is passed through', async () => {
    upstream().setFallback({ kind: 'json', status: 500, body: { error: { message: 'The server had an error', type: 'server_error' } } });
    const response = await callProxy('GET', RUN);
    expect(response.status).toBe(500);
    expect((await errorOf(response)).message).toBe('The server had an error');
    expect(gets()).toBe(3);
  });

  it('POST submit_tool_outputs: one attempt only', async () => {
    upstream().script({ kind: 'json', status: 500, body: { error: { message: 'boom' } } });
    const response = await callProxy('POST', `${RUN}/submit_tool_outputs`, { body: { tool_outputs: [{ tool_call_id: 'call_1', output: 'x' }] } });
    expect(response.status).toBe(500);
    expect(posts()).toBe(1);
  });

  it('a non-JSON 503 keeps its status with an envelope naming the upstream', async () => {
    upstream().setFallback({ kind: 'raw', status: 503, body: '<html>Service Unavailable</html>', headers: { 'content-type': 'text/html' } });
    const response = await callProxy('GET', RUN);
    expect(response.status).toBe(503);
    expect((await errorOf(response)).message).toContain(`Upstream ${host()} answered HTTP 503 without a JSON error body`);
  });
});

describe('malformed JSON', () => {
  it('→ 502 naming the upstream and what happened', async () => {
    upstream().script({ kind: 'raw', status: 200, body: '{"id":"run_1",' });
    const response = await callProxy('GET', RUN);
    expect(response.status).toBe(502);
    const error = await errorOf(response);
    expect(error.code).toBe('upstream_bad_response');
    expect(error.message).toContain(`Upstream ${host()} sent a response that is not JSON`);
    expect(gets()).toBe(1);
  });
});

describe('hang', () => {
  it('GET → 504 after RUNBOARD_UPSTREAM_TIMEOUT_MS, naming host and limit', async () => {
    pointAtUpstream(upstream().url, KEY, { RUNBOARD_UPSTREAM_TIMEOUT_MS: '200', RUNBOARD_POLL_CACHE_MS: '0' });
    upstream().setFallback({ kind: 'hang' });
    const response = await callProxy('GET', RUN);
    expect(response.status).toBe(504);
    const error = await errorOf(response);
    expect(error).toMatchObject({ code: 'upstream_timeout', type: 'upstream_error' });
    expect(error.message).toBe(`Upstream ${host()} did not answer within 200 ms`);
  });

  it('POST → 504, sent once', async () => {
    pointAtUpstream(upstream().url, KEY, { RUNBOARD_UPSTREAM_TIMEOUT_MS: '200' });
    upstream().setFallback({ kind: 'hang' });
    const response = await callProxy('POST', `${RUN}/cancel`);
    expect(response.status).toBe(504);
    expect(posts()).toBe(1);
  });
});

describe('connection reset', () => {
  it('GET: one reset is retried transparently', async () => {
    upstream().script({ kind: 'reset' });
    const response = await callProxy('GET', RUN);
    expect(response.status).toBe(200);
    expect(gets()).toBe(2);
  });

  it('GET: resets every time → 502 after the retries', async () => {
    upstream().setFallback({ kind: 'reset' });
    const response = await callProxy('GET', RUN);
    expect(response.status).toBe(502);
    const error = await errorOf(response);
    expect(error.code).toBe('upstream_unreachable');
    expect(error.message).toContain(`Could not reach upstream ${host()}`);
    expect(gets()).toBe(3);
  });

  it('POST create run: reset → 502, never retried (no duplicate runs)', async () => {
    upstream().setFallback({ kind: 'reset' });
    const response = await callProxy('POST', CREATE, { body: { assistant_id: 'asst_1' } });
    expect(response.status).toBe(502);
    expect(posts()).toBe(1);
  });

  it('stream: a reset before headers → 502, sent once', async () => {
    upstream().setFallback({ kind: 'reset' });
    const response = await callProxy('POST', CREATE, { body: { assistant_id: 'asst_1', stream: true } });
    expect(response.status).toBe(502);
    expect(posts()).toBe(1);
  });
});

describe('file content', () => {
  it('is passed through with safe headers, and capped by RUNBOARD_FILE_MAX_BYTES', async () => {
    upstream().script({ kind: 'raw', status: 200, body: 'x'.repeat(900), headers: { 'content-type': 'text/html' } });
    const small = await callProxy('GET', '/files/file-abc/content');
    expect(small.status).toBe(200);
    expect(small.headers.get('content-type')).toBe('application/octet-stream'); // never served as HTML on our origin
    expect(small.headers.get('content-security-policy')).toContain('sandbox');
    pointAtUpstream(upstream().url, KEY, { RUNBOARD_FILE_MAX_BYTES: '1024' });
    upstream().script({ kind: 'raw', status: 200, body: 'x'.repeat(5000), headers: { 'content-type': 'image/png' } });
    const big = await callProxy('GET', '/files/file-abc/content');
    expect(big.status).toBe(502);
    expect((await errorOf(big)).message).toMatch(/larger than the 1024-byte limit/);
  });
});

describe('nothing secret leaks in errors', () => {
  it('upstream error text quoting the key is scrubbed', async () => {
    upstream().script({ kind: 'json', status: 401, body: { error: { message: `Incorrect API key provided: ${KEY}.`, code: 'invalid_api_key' } } });
    const response = await callProxy('GET', RUN);
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain(KEY);
  });

  it('all answers so far carried JSON envelopes without the key', async () => {
    upstream().setFallback({ kind: 'json', status: 200, body: okRun('run_f1', 'completed') });
    const response = await callProxy('GET', RUN);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(JSON.stringify([...response.headers])).not.toContain(KEY);
  });
});
