import http from 'node:http';
import { readFileSync } from 'node:fs';
import { expect, test } from '../fixtures';
import { identity } from '../support/identities';

// Raw requests (paths exactly as written, not normalised by a client) against the real server, signed in as the admin.

const cookie = () =>
  (JSON.parse(readFileSync(identity('admin').storageState, 'utf8')) as { cookies: Array<{ name: string; value: string }> }).cookies.map((c) => `${c.name}=${c.value}`).join('; ');

function rawGet(baseURL: string, path: string): Promise<{ status: number; body: string; type: string }> {
  const url = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method: 'GET', path, headers: { cookie: cookie() } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, type: String(res.headers['content-type'] ?? '') }));
    });
    req.on('error', reject);
    req.end();
  });
}

test.describe('path tricks against next start', () => {
  test('encoded separators and bad ids are refused with a JSON envelope and never reach the emulator', async ({ baseURL, emulator }) => {
    await emulator.clearRequests();
    for (const path of [
      '/api/v1/threads/thread_a%2Fruns',
      '/api/v1/threads/thread_a/runs/..%2f..%2fassistants',
      '/api/v1/threads/thread_a%5c..%5cassistants',
      '/api/v1/threads/undefined/runs',
      '/api/v1/threads',
      '/api/v1/http:%2f%2fevil.example%2fv1%2fthreads',
    ]) {
      const answer = await rawGet(baseURL!, path);
      expect(answer.status, path).toBeGreaterThanOrEqual(400);
      expect(answer.status, path).toBeLessThan(500);
      expect(answer.type, path).toContain('application/json');
      expect(JSON.parse(answer.body).error.message, path).toBeTruthy();
    }
    expect(await emulator.apiRequests()).toEqual([]);
  });

  test('dot segments are resolved by the server before routing, so they cannot leave the allow-list', async ({ baseURL, emulator }) => {
    await emulator.clearRequests();
    // Next resolves `..` like a browser would: this is /api/v1/assistants, an allow-listed read.
    const inside = await rawGet(baseURL!, '/api/v1/threads/../assistants?limit=1');
    expect(inside.status).toBe(200);
    // Escaping the proxy prefix lands on an ordinary (non-proxy) 404 page: nothing is forwarded.
    const outside = await rawGet(baseURL!, '/api/v1/../../v1/threads/thread_a/runs');
    expect(outside.status).toBe(404);
    expect((await emulator.apiRequests()).map((r) => r.path)).toEqual(['/v1/assistants']);
  });
});
