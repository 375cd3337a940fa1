import http from 'node:http';
import { readFileSync } from 'node:fs';
import { expect, test, type EmulatorControl } from '../fixtures';
import { identity, tokenOf } from '../support/identities';

// Against the real server: only Runboard's own host names are answered (DNS rebinding), cross-site writes are
// refused even with a valid session cookie, and without an identity nothing is served. Refused requests never reach
// the upstream.

const port = () => Number(new URL(process.env.E2E_BASE_URL ?? `http://127.0.0.1:${process.env.E2E_PORT}`).port);

function adminCookie(): string {
  const state = JSON.parse(readFileSync(identity('admin').storageState, 'utf8')) as { cookies: Array<{ name: string; value: string }> };
  return state.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

/** A raw HTTP request (fetch cannot set Host), as a browser tricked by DNS rebinding would send it. */
function raw(method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port: port(), method, path, headers }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text, headers: response.headers }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

test.describe('host names, cross-site writes, identities', () => {
  test('a foreign Host with a matching Origin is refused on pages and API alike (DNS rebinding)', async ({ emulator }) => {
    const { threadId, runId } = await someRun(emulator);
    await emulator.clearRequests();
    const evil = `evil.example:${port()}`;
    const headers = { host: evil, origin: `http://${evil}`, cookie: adminCookie(), 'content-type': 'application/json' };
    for (const [method, path, body] of [
      ['GET', '/', undefined],
      ['GET', `/threads/${threadId}/runs/${runId}`, undefined],
      ['GET', `/api/v1/threads/${threadId}/runs`, undefined],
      ['POST', `/api/v1/threads/${threadId}/runs/${runId}`, JSON.stringify({ metadata: { pwned: 'yes' } })],
      ['GET', '/api/me', undefined],
    ] as const) {
      const answer = await raw(method, path, headers, body);
      expect(answer.status, `${method} ${path}`).toBe(421);
      expect(JSON.parse(answer.body).error.message).toContain("does not answer for the host 'evil.example");
    }
    expect(await emulator.apiRequests()).toEqual([]);
    // Our own names still work with the same cookie.
    for (const host of [`localhost:${port()}`, `127.0.0.1:${port()}`]) {
      expect((await raw('GET', '/api/me', { host, cookie: adminCookie() })).status).toBe(200);
    }
  });

  test('a cross-site POST carrying a valid session cookie is refused and forwards nothing', async ({ emulator }) => {
    const { threadId, runId } = await someRun(emulator);
    await emulator.clearRequests();
    const own = `127.0.0.1:${port()}`;
    const body = JSON.stringify({ metadata: { from: 'evil' } });
    const base = { host: own, cookie: adminCookie(), 'content-type': 'application/json' };
    const byOrigin = await raw('POST', `/api/v1/threads/${threadId}/runs/${runId}`, { ...base, origin: 'https://evil.example' }, body);
    expect(byOrigin.status).toBe(403);
    const byFetchMetadata = await raw('POST', `/api/v1/threads/${threadId}/runs/${runId}/cancel`, { ...base, 'sec-fetch-site': 'cross-site' });
    expect(byFetchMetadata.status).toBe(403);
    const signOut = await raw('POST', '/api/auth/sign-out', { ...base, origin: 'https://evil.example' }, '{}');
    expect(signOut.status).toBe(403);
    expect(await emulator.apiRequests()).toEqual([]);
    expect((await raw('GET', '/api/me', { host: own, cookie: adminCookie() })).status).toBe(200);
  });

  test('without an identity: API 401 in the error envelope, pages redirect to sign-in, nothing upstream', async ({ playwright, baseURL, emulator }) => {
    const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    await emulator.clearRequests();
    const api = await anonymous.get('/api/v1/assistants?limit=1');
    expect(api.status()).toBe(401);
    expect((await api.json()).error).toMatchObject({ code: 'unauthorized', type: 'invalid_request_error' });
    expect(api.headers()['www-authenticate']).toBe('Bearer');
    const page = await anonymous.get('/threads/thread_x', { maxRedirects: 0 });
    expect(page.status()).toBe(307);
    expect(page.headers().location).toMatch(/\/sign-in\?next=%2Fthreads%2Fthread_x$/);
    for (const path of ['/api/connection', '/api/threads/recent', '/api/lookup?run_id=run_x', '/api/me']) expect((await anonymous.get(path)).status(), path).toBe(401);
    expect((await anonymous.get('/api/health')).status()).toBe(200);
    expect(await emulator.apiRequests()).toEqual([]);
    await anonymous.dispose();
  });

  test('personal tokens: a viewer token reads but may not cancel; an unknown token is 401', async ({ playwright, baseURL, emulator }) => {
    const { threadId, runId } = await someRun(emulator);
    const as = async (token: string) => playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
    const viewer = await as(tokenOf('viewer'));
    expect((await viewer.get(`/api/v1/threads/${threadId}/runs/${runId}`)).status()).toBe(200);
    await emulator.clearRequests();
    expect((await viewer.post(`/api/v1/threads/${threadId}/runs/${runId}/cancel`)).status()).toBe(403);
    const unknown = await as('rb_unknownunknownunknownunknownunknownunknown');
    expect((await unknown.get(`/api/v1/threads/${threadId}/runs/${runId}`)).status()).toBe(401);
    expect(await emulator.apiRequests()).toEqual([]);
    await viewer.dispose();
    await unknown.dispose();
  });
});

async function someRun(emulator: EmulatorControl): Promise<{ threadId: string; runId: string }> {
  const thread = (await emulator.threads())[0]!;
  const runs = await emulator.call<{ data: Array<{ id: string }> }>('GET', `/threads/${thread.id}/runs?limit=1`);
  return { threadId: thread.id, runId: runs.data[0]!.id };
}
