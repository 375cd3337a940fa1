import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../fixtures';

// The configured upstream key (EMULATOR_API_KEY, random per run) must not appear in any response (body or headers)
// nor in any file the build serves statically.

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

test('the key appears in no response and no static file', async ({ request, emulator, emulatorKey }) => {
  expect(emulatorKey.length).toBeGreaterThan(10);
  const thread = (await emulator.threads())[0]!;
  const runs = await emulator.call<{ data: Array<{ id: string }> }>('GET', `/threads/${thread.id}/runs?limit=3`);
  const runId = runs.data[0]!.id;
  const assistants = await emulator.call<{ data: Array<{ id: string; name: string }> }>('GET', '/assistants?limit=10');

  const calls: Array<() => ReturnType<typeof request.get>> = [
    () => request.get('/'),
    () => request.get('/sign-in'),
    () => request.get('/setup?token=not-a-valid-setup-token'),
    () => request.get('/api/me'),
    () => request.get(`/threads/${thread.id}`),
    () => request.get(`/threads/${thread.id}/runs/${runId}`),
    () => request.get('/api/health'),
    () => request.get('/api/connection'),
    () => request.get('/api/v1/assistants?limit=5'),
    () => request.get(`/api/v1/threads/${thread.id}`),
    () => request.get(`/api/v1/threads/${thread.id}/runs?limit=5`),
    () => request.get(`/api/v1/threads/${thread.id}/runs/${runId}`),
    () => request.get(`/api/v1/threads/${thread.id}/runs/${runId}/steps`),
    () => request.get(`/api/v1/threads/${thread.id}/messages`),
    () => request.get('/api/v1/threads/thread_doesnotexist/runs/run_nope'),
    () => request.get('/api/v1/models'),
    () => request.get('/api/v1/threads/x%2Fy'),
    () => request.delete(`/api/v1/threads/${thread.id}`),
    () => request.post(`/api/v1/threads/${thread.id}/runs`, { data: { assistant_id: 'asst_x', foo: 1 } }),
    () => request.post('/api/v1/threads/runs', { data: { assistant_id: assistants.data[0]!.id, thread: { messages: [{ role: 'user', content: 'leak check' }] } } }),
    () => request.post('/api/v1/threads/runs', { data: { assistant_id: assistants.data[0]!.id, stream: true } }),
    () => request.get('/api/v1/threads/thread_abc/runs', { headers: { authorization: `Bearer ${emulatorKey}` } }),
  ];
  let scanned = 0;
  for (const call of calls) {
    const response = await call();
    const headerText = JSON.stringify(response.headersArray());
    const body = await response.text();
    expect(headerText, response.url()).not.toContain(emulatorKey);
    expect(body, response.url()).not.toContain(emulatorKey);
    scanned += 1;
  }
  expect(scanned).toBe(calls.length);

  const connection = (await (await request.get('/api/connection')).json()) as { connection: { maskedKey: string; mode: string } };
  expect(connection.connection).toMatchObject({ mode: 'emulator', maskedKey: `…${emulatorKey.slice(-4)}` });

  const staticDir = path.join(process.env.E2E_DIST_DIR ?? '.next-e2e', 'static');
  const files = filesUnder(staticDir);
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) expect(readFileSync(file).includes(emulatorKey), file).toBe(false);
});
