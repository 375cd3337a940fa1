import type { APIRequestContext } from '@playwright/test';
import { test as fullEmulatorTest } from '../fixtures';
import { HomePage } from '../pages/home-page';
import { expect, test, type SparseRunboard } from '../support/sparse-emulator';
import { threeLooks } from '../support/three-looks';

// Runboard over a partial facade (the emulator's sparse profile): it says what the server cannot do, once and
// without a Retry, falls back to what it has seen, never polls a missing endpoint, takes ids of any shape and shows
// where the server breaks the protocol. Every request below is real: browser → Runboard → emulator over HTTP.

type RunBody = { id: string; thread_id: string; status: string; completed_at?: number | null; cancelled_at?: number | null };

async function proxy<T>(request: APIRequestContext, sparse: SparseRunboard, method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
  const res = await request.fetch(`${sparse.url}/api/v1${path}`, { method, data, headers: { origin: sparse.url } });
  expect(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`).toBeTruthy();
  return (await res.json()) as T;
}

async function firstAssistant(request: APIRequestContext, sparse: SparseRunboard): Promise<string> {
  const list = await proxy<{ data: Array<{ id: string }> }>(request, sparse, 'GET', '/assistants?limit=1');
  return list.data[0]!.id;
}

test.describe('a sparse facade (EMULATOR_PROFILE=sparse)', () => {
  // Each test checks three themes/sizes with axe on a shared, often busy machine.
  test.describe.configure({ timeout: 150_000 });
  test.beforeAll(async ({ request, sparse }) => {
    // The first capability probe; every page after this knows what the server lacks.
    const res = await request.get(`${sparse.url}/api/connection/capabilities`);
    expect(res.ok()).toBeTruthy();
  });

  test('the connection banner says what the server cannot do', async ({ page, sparse }, testInfo) => {
    await page.goto(`${sparse.url}/`);
    const caps = page.getByTestId('connection-capabilities');
    await expect(caps).toContainText('runs list: not supported by this server');
    await expect(caps).toContainText('run steps: not supported by this server');
    await expect(caps).toContainText('run update (metadata): not supported by this server');
    await expect(page.getByTestId('id-styles')).toContainText('nanoid');
    await threeLooks(page, testInfo, 'sparse-home');
  });

  test('thread page: runs Runboard has seen, a plain "cannot list runs" note and no Retry; three active runs lock it', async ({ page, request, sparse }, testInfo) => {
    const assistantId = await firstAssistant(request, sparse);
    const stuck = { assistant_id: assistantId, metadata: { scenario: 'stuck_in_progress' } };
    const first = await proxy<RunBody>(request, sparse, 'POST', '/threads/runs', { ...stuck, thread: { messages: [{ role: 'user', content: 'Three at once?' }] } });
    const threadId = first.thread_id;
    const second = await proxy<RunBody>(request, sparse, 'POST', `/threads/${threadId}/runs`, stuck);
    const third = await proxy<RunBody>(request, sparse, 'POST', `/threads/${threadId}/runs`, stuck);
    const ids = [first.id, second.id, third.id];
    await sparse.emulator.clearRequests();

    await page.goto(`${sparse.url}/threads/${threadId}`);
    const runs = page.getByTestId('runs-panel');
    await expect(runs.getByTestId('runs-unsupported-note')).toContainText('cannot list runs');
    await expect(runs.getByTestId('run-seen-row')).toHaveCount(3);
    for (const id of ids) await expect(runs.getByTestId('runs-seen-table')).toContainText(id);
    await expect(runs.getByText('Status seen')).toBeVisible();

    const banner = page.getByTestId('thread-lock-banner');
    await expect(banner).toHaveAttribute('data-active-runs', '3');
    await expect(banner).toContainText('locked by 3 active runs');
    for (const id of ids) await expect(banner).toContainText(id);
    await expect(page.getByTestId('create-run-locked')).toContainText('3 active runs lock this thread');
    await expect(page.getByRole('button', { name: /retry/i })).toHaveCount(0);
    await threeLooks(page, testInfo, 'sparse-thread');

    // Runboard knows the runs list is missing: the page never sent the upstream a runs-list request.
    const listCalls = (await sparse.emulator.apiRequests()).filter((r) => r.method === 'GET' && r.path === `/v1/threads/${threadId}/runs`);
    expect(listCalls).toEqual([]);

    // "Open a run by id" opens the run.
    await page.getByLabel('Open a run of this thread by id').fill(second.id);
    await page.getByRole('button', { name: 'Open run' }).click();
    await expect(page).toHaveURL(new RegExp(`/runs/${second.id}$`));
  });

  test('run page: steps unavailable and never polled, metadata cannot be updated, completed-and-cancelled shown', async ({ page, request, sparse }, testInfo) => {
    const assistantId = await firstAssistant(request, sparse);
    const run = await proxy<RunBody>(request, sparse, 'POST', '/threads/runs', { assistant_id: assistantId, tools: [], thread: { messages: [{ role: 'user', content: 'Hello' }] } });
    await sparse.emulator.advance(600);
    const done = await proxy<RunBody>(request, sparse, 'GET', `/threads/${run.thread_id}/runs/${run.id}`);
    expect(done.status).toBe('completed');
    // The facade accepts a cancel of a finished run: cancelled, with completed_at still set.
    const cancelled = await proxy<RunBody>(request, sparse, 'POST', `/threads/${run.thread_id}/runs/${run.id}/cancel`);
    expect(cancelled).toMatchObject({ status: 'cancelled', completed_at: done.completed_at });

    await sparse.emulator.clearRequests();
    const probe = await request.post(`${sparse.url}/api/connection/capabilities`, { headers: { origin: sparse.url } });
    expect(probe.ok()).toBeTruthy();
    await page.goto(`${sparse.url}/threads/${run.thread_id}/runs/${run.id}`);
    await expect(page.getByTestId('run-viewer')).toHaveAttribute('data-run-status', 'cancelled');
    await expect(page.getByTestId('steps-unavailable')).toContainText('Steps are not available from this server');
    await expect(page.getByTestId('run-deviations')).toContainText('This server reports the run both completed and cancelled');
    await expect(page.getByTestId('metadata-unsupported')).toContainText('This server cannot update runs');
    await expect(page.getByTestId('edit-metadata')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /retry/i })).toHaveCount(0);
    await page.getByTestId('last-updated').getByRole('button', { name: 'Refresh' }).click();
    await expect(page.getByTestId('steps-unavailable')).toBeVisible();
    await threeLooks(page, testInfo, 'sparse-run');

    // One steps request in all: the probe's. The page itself asked for none, however long it stayed open.
    const stepCalls = (await sparse.emulator.apiRequests()).filter((r) => r.path.includes('/steps'));
    expect(stepCalls).toHaveLength(1);
  });

  test('odd ids (thread__…, run_-…, file_…) work from the proxy, the search box and the lookup', async ({ page, request, sparse }) => {
    const threads = await sparse.emulator.threads();
    const odd = threads.find((t) => (t.metadata as Record<string, string> | undefined)?.demo === 'odd-ids');
    const threadId = odd!.id;
    const runId = (odd!.latest_run as { id: string }).id;
    expect(threadId).toMatch(/^thread__/);
    expect(runId).toMatch(/^run_-/);

    // Proxy: the thread, the run, and the `file_…` attached to the first message.
    await proxy(request, sparse, 'GET', `/threads/${threadId}`);
    await proxy(request, sparse, 'GET', `/threads/${threadId}/runs/${runId}`);
    const messages = await proxy<{ data: Array<{ attachments?: Array<{ file_id: string }> | null }> }>(request, sparse, 'GET', `/threads/${threadId}/messages?order=asc`);
    const fileId = messages.data.flatMap((m) => m.attachments ?? [])[0]!.file_id;
    expect(fileId).toMatch(/^file_/);
    expect((await proxy<{ id: string }>(request, sparse, 'GET', `/files/${fileId}`)).id).toBe(fileId);
    const content = await request.get(`${sparse.url}/api/v1/files/${fileId}/content`);
    expect(content.status()).toBe(200);

    // Search box: a bare thread id, a bare run id (looked up), and pasted run JSON.
    const home = new HomePage(page);
    await page.goto(`${sparse.url}/`);
    await home.search(threadId);
    await expect(page).toHaveURL(new RegExp(`/threads/${threadId}$`));
    await page.goto(`${sparse.url}/`);
    await home.search(`customer says ${runId} never answered`);
    await expect(page).toHaveURL(new RegExp(`/threads/${threadId}/runs/${runId}$`));
    await page.goto(`${sparse.url}/`);
    await home.search(JSON.stringify({ id: runId, object: 'thread.run', thread_id: threadId, status: 'completed' }));
    await expect(page).toHaveURL(new RegExp(`/threads/${threadId}/runs/${runId}$`));

    // Lookup of a run nobody has seen: the scan's failures are reported, not hidden behind "not found".
    await page.goto(`${sparse.url}/`);
    await home.search('run_-neverseenanywhere0001');
    await expect(page.getByText('Run not found: the search was incomplete')).toBeVisible();
    await expect(page.getByRole('search')).toContainText(/\d+ of \d+ threads could not be scanned: this server cannot list runs/);
  });
});

// The shared server with the full emulator, as the suite's signed-in admin (not the sparse Runboard's session).
fullEmulatorTest.describe('the full emulator', () => {
  fullEmulatorTest('the connection banner lists every capability as supported', async ({ page }) => {
    await page.goto('/');
    const caps = page.getByTestId('connection-capabilities');
    await expect(caps).toContainText('runs list: supported');
    await expect(caps).toContainText('run steps: supported');
    await expect(caps).toContainText('run update (metadata): supported');
  });
});
