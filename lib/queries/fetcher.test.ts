import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiRequestError } from './api-error';
import { apiFetch, apiUrl } from './fetcher';

const Thing = z.looseObject({ id: z.string() });

function answer(status: number, body: string, headers: Record<string, string> = {}) {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(body, { status, headers })));
}

async function failure(promise: Promise<unknown>): Promise<ApiRequestError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiRequestError);
  return error as ApiRequestError;
}

afterEach(() => vi.unstubAllGlobals());

describe('apiFetch', () => {
  it('parses a success body with the contract schema', async () => {
    answer(200, JSON.stringify({ id: 'run_1', extra: true }));
    await expect(apiFetch('/api/v1/x', { schema: Thing })).resolves.toEqual({ id: 'run_1', extra: true });
  });

  it('keeps the upstream message, status, code and request id of an error envelope', async () => {
    answer(400, JSON.stringify({ error: { message: "Runs in status \"expired\" do not accept tool outputs.", type: 'invalid_request_error', code: null, param: null } }), { 'x-request-id': 'req_9' });
    const error = await failure(apiFetch('/api/v1/x', { schema: Thing, method: 'POST', body: {} }));
    expect(error).toMatchObject({ status: 400, message: 'Runs in status "expired" do not accept tool outputs.', requestId: 'req_9', type: 'invalid_request_error' });
    expect(error.isPermanent).toBe(true);
  });

  it('treats 5xx as an outage worth retrying', async () => {
    answer(503, JSON.stringify({ error: { message: 'overloaded', type: null, code: 503 } }));
    const error = await failure(apiFetch('/api/v1/x', { schema: Thing }));
    expect(error).toMatchObject({ status: 503, code: '503' });
    expect(error.isPermanent).toBe(false);
  });

  it('reports a 200 body the contract cannot read as a shape problem, not an outage, and does not retry it', async () => {
    answer(200, JSON.stringify({ id: 42 }));
    const error = await failure(apiFetch('/api/v1/x', { schema: Thing }));
    expect(error.code).toBe('unexpected_shape');
    expect(error.isUnexpectedShape).toBe(true);
    expect(error.isPermanent).toBe(true);
  });

  it('says what came back when the body is not JSON', async () => {
    answer(200, '<html>proxy login</html>');
    const error = await failure(apiFetch('/api/v1/x', { schema: Thing }));
    expect(error.message).toContain('Expected JSON from /api/v1/x');
    expect(error.message).toContain('<html>proxy login');
  });

  it('turns a network failure into a status-0 error the UI can explain', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('fetch failed'))));
    const error = await failure(apiFetch('/api/v1/x', { schema: Thing }));
    expect(error).toMatchObject({ status: 0, code: 'network_error' });
  });
});

describe('apiUrl', () => {
  it('drops empty values and writes arrays as key[] the way the upstream expects', () => {
    expect(apiUrl('/api/v1/steps', { limit: 100, after: undefined, order: '', include: ['a', 'b'] })).toBe('/api/v1/steps?limit=100&include%5B%5D=a&include%5B%5D=b');
  });
});
