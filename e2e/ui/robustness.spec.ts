import type { APIRequestContext, Page, TestInfo } from '@playwright/test';
import { checkRunPage, checkThreadPage, watchPage, type ListBody } from '../support/robustness-checks';
import { SPARSE_RUN_ACTION, SPARSE_RUN_FAILED, SPARSE_RUN_PAUSED, SPARSE_RUN_V1, SPARSE_THREAD } from '../support/sparse-upstream';
import { ROBUSTNESS_API_KEY, expect, test } from '../support/steady-server';

// The thread and run pages over upstreams Runboard was not written against:
//  - Steady, answering every request with random objects that are valid against the official OpenAPI spec
//    (one seed per test, arrays of 1–4 items), and
//  - a sparse facade omitting every optional field, with v1 shapes and values Runboard does not know.
// Each page must render without an error boundary, with its heading and settled panels, no garbage text, and
// raw JSON for whatever it has no view for. Screenshots go to the test output folder.

test.use({ trace: { mode: 'retain-on-failure', screenshots: false } });

const SEEDS = Array.from({ length: 24 }, (_, i) => i + 1);

type Obj = Record<string, unknown>;

/** What the upstream answers through Runboard's own proxy, i.e. the objects the page is given. */
async function viaProxy<T = Obj>(request: APIRequestContext, origin: string, path: string): Promise<T> {
  const response = await request.get(`${origin}/api/v1${path}`);
  expect(response.ok(), `${path}: ${response.status()} ${await response.text()}`).toBeTruthy();
  return (await response.json()) as T;
}

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

test.describe('robustness: random spec-valid objects from Steady', () => {
  for (const seed of SEEDS) {
    test(`seed ${seed}: thread and run pages render`, async ({ page, request, steadyApp }, testInfo) => {
      testInfo.setTimeout(120_000);
      // Distinct ids per seed, so nothing cached in the browser or the server can stand in for this seed's objects.
      const threadId = `thread_seed${seed}`;
      const runId = `run_seed${seed}`;
      steadyApp.relay.setSeed(seed, 1 + (seed % 4));
      const watch = watchPage(page, ROBUSTNESS_API_KEY);

      const thread = await viaProxy(request, steadyApp.url, `/threads/${threadId}`);
      const runs = await viaProxy<ListBody>(request, steadyApp.url, `/threads/${threadId}/runs?limit=20`);
      const messages = await viaProxy<ListBody>(request, steadyApp.url, `/threads/${threadId}/messages?limit=20`);
      await page.goto(`${steadyApp.url}/threads/${threadId}`);
      await checkThreadPage(page, thread, runs, messages);
      await shot(page, testInfo, `seed-${seed}-thread`);

      const run = await viaProxy(request, steadyApp.url, `/threads/${threadId}/runs/${runId}`);
      const steps = await viaProxy<ListBody>(request, steadyApp.url, `/threads/${threadId}/runs/${runId}/steps?limit=100&order=asc`);
      await page.goto(`${steadyApp.url}/threads/${threadId}/runs/${runId}`);
      await checkRunPage(page, run, steps);
      await shot(page, testInfo, `seed-${seed}-run`);

      expect(watch.problems).toEqual([]);
      // Every request the pages caused reached Steady as a spec-valid request under this seed.
      const mine = steadyApp.relay.records.filter((r) => r.seed === seed);
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.filter((r) => r.requestValid !== 'true').map((r) => `${r.method} ${r.path} → ${r.status}: ${r.problems.join('; ')}`)).toEqual([]);
    });
  }
});

test.describe('robustness: a sparse facade (optional fields omitted, v1 shapes, unknown values)', () => {
  test('thread page: sparse runs and messages, unknown status and content shown as they are', async ({ page, request, sparseApp }, testInfo) => {
    const watch = watchPage(page, ROBUSTNESS_API_KEY);
    const thread = await viaProxy(request, sparseApp.url, `/threads/${SPARSE_THREAD}`);
    const runs = await viaProxy<ListBody>(request, sparseApp.url, `/threads/${SPARSE_THREAD}/runs?limit=20`);
    const messages = await viaProxy<ListBody>(request, sparseApp.url, `/threads/${SPARSE_THREAD}/messages?limit=20`);
    await page.goto(`${sparseApp.url}/threads/${SPARSE_THREAD}`);
    await checkThreadPage(page, thread, runs, messages);
    // The unknown status is shown verbatim rather than mapped to a known one.
    await expect(page.locator('[data-testid="run-row"][data-status="paused"]')).toContainText('paused');
    await expect(page.getByTestId('message')).toHaveCount(3);
    // A v1 message's file_ids are listed, each a link to the file.
    await expect(page.getByTestId('message-file-ids').first()).toContainText('file-sparse1');
    await shot(page, testInfo, 'sparse-thread');
    expect(watch.problems).toEqual([]);
  });

  const runs: Array<[string, string, RegExp]> = [
    [SPARSE_RUN_V1, 'v1 run: retrieval call, unknown step type and tool call, unknown step status', /completed/i],
    [SPARSE_RUN_PAUSED, 'run with an unknown status and nothing but the required keys', /paused/i],
    [SPARSE_RUN_ACTION, 'requires_action with no expires_at, no tools and no steps', /requires.action|waiting/i],
    [SPARSE_RUN_FAILED, 'failed with an error code of its own and no failed_at', /failed/i],
  ];
  for (const [runId, title, statusText] of runs) {
    test(`run page: ${title}`, async ({ page, request, sparseApp }, testInfo) => {
      const watch = watchPage(page, ROBUSTNESS_API_KEY);
      const run = await viaProxy(request, sparseApp.url, `/threads/${SPARSE_THREAD}/runs/${runId}`);
      const steps = await viaProxy<ListBody>(request, sparseApp.url, `/threads/${SPARSE_THREAD}/runs/${runId}/steps?limit=100&order=asc`);
      await page.goto(`${sparseApp.url}/threads/${SPARSE_THREAD}/runs/${runId}`);
      await checkRunPage(page, run, steps, 10);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(statusText);
      if (runId === SPARSE_RUN_V1) {
        // Open the three steps without a dedicated view together for the screenshot.
        for (const id of ['step_sparse1', 'step_sparse2', 'step_sparse3']) {
          await page.locator(`[data-testid="step-row"][data-step-id="${id}"] button`).first().click();
        }
        await expect(page.getByLabel('Tool call of type retrieval', { exact: true })).toBeVisible();
        await expect(page.getByLabel('Tool call of type web_browser', { exact: true })).toBeVisible();
        await expect(page.getByText(/does not know step type “reasoning”/)).toBeVisible();
        await expect(page.locator('[data-testid="step-row"][data-step-id="step_sparse3"]')).toContainText('skipped');
      }
      if (runId === SPARSE_RUN_FAILED) await expect(page.getByText('facade_upstream_timeout').first()).toBeVisible();
      await shot(page, testInfo, `sparse-${runId}`);
      expect(watch.problems).toEqual([]);
    });
  }
});
