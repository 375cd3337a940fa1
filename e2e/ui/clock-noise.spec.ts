import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { RunPage, findSeededRun } from '../pages/run-page';

/**
 * What the page's network log should not hold: 404s, aborted prefetches, and prefetches of run pages from the lists
 * (dozens per page before: every run row in view was prefetched, then aborted by the next navigation). A query or
 * page stream cut short because the user moved on is the browser doing its job and is not counted.
 */
function watchNetwork(page: Page): string[] {
  const problems: string[] = [];
  page.on('request', (request) => {
    if (request.headers()['next-router-prefetch'] && /\/runs\/run_/.test(new URL(request.url()).pathname)) problems.push(`prefetch ${request.url()}`);
  });
  page.on('requestfailed', (request) => {
    // The header's own few links (home, audit) may be cut short by a quick click; the rows of a list may not.
    if (request.headers()['next-router-prefetch'] && new URL(request.url()).pathname.startsWith('/threads/')) {
      problems.push(`${request.failure()?.errorText ?? 'failed'} prefetch ${request.url()}`);
    }
  });
  page.on('response', (response) => {
    if (response.status() === 404) problems.push(`404 ${response.url()}`);
  });
  return problems;
}

test.describe('clock, legend and network noise', () => {
  test.beforeEach(async ({ emulator }) => {
    await emulator.reset();
  });

  test('a browser 30 minutes fast still shows the run deadline from the server clock', async ({ page, emulator }) => {
    const { threadId, run } = await findSeededRun(emulator, 'ACME', (r) => r.status === 'requires_action');
    await page.clock.install({ time: (await emulator.now()) * 1000 + 30 * 60_000 });
    await page.goto(`/threads/${threadId}/runs/${run.id}`);
    await expect(page.getByTestId('run-diagnosis-headline')).toHaveText(/^Waiting for your tool outputs for 8 min; expires in 1 min \d+ s \(2 calls pending\)$/);
    await expect(page.getByTestId('run-countdown')).toHaveText(/1:\d\d/);
  });

  test('the timeline legend lists only the states the run went through', async ({ page, emulator }) => {
    const { threadId, run } = await findSeededRun(emulator, 'ACME', (r) => r.status === 'requires_action');
    await page.goto(`/threads/${threadId}/runs/${run.id}`);
    const legend = page.getByTestId('timeline-legend');
    await expect(legend).toContainText('requires action');
    await expect(legend).not.toContainText('cancelling');
  });

  test('walking home → thread → run: no 404, no aborted prefetch, no run page prefetched from a list, and the tab has an icon', async ({ page, emulator }) => {
    const problems = watchNetwork(page);
    const { threadId, run } = await findSeededRun(emulator, 'ACME', (r) => r.status === 'requires_action');
    await page.goto('/');
    await expect(page.getByTestId('recent-thread').first()).toBeVisible();
    const icon = await page.locator('link[rel="icon"]').first().getAttribute('href');
    expect(icon).toBeTruthy();
    expect((await page.request.get(icon!)).status()).toBe(200);
    await page.getByTestId('recent-thread').filter({ hasText: threadId }).getByRole('link').first().click();
    await expect(page).toHaveURL(new RegExp(`/threads/${threadId}$`));
    await expect(page.getByTestId('run-row').first()).toBeVisible();
    await page.getByTestId('run-link').filter({ hasText: run.id }).click();
    await expect(page.getByTestId('run-viewer')).toBeVisible();
    await page.goBack();
    await expect(page.getByTestId('run-row').first()).toBeVisible();
    await page.goto('/audit');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(problems).toEqual([]);
  });

  test('a streamed tool-output submit that succeeds logs no failed request', async ({ page, emulator }) => {
    const { threadId, run } = await findSeededRun(emulator, 'ACME', (r) => r.status === 'requires_action');
    const rp = new RunPage(page, emulator);
    await rp.open(threadId, run.id);
    const failedSubmits: string[] = [];
    page.on('requestfailed', (request) => {
      if (request.url().includes('/submit_tool_outputs')) failedSubmits.push(`${request.failure()?.errorText ?? 'failed'} ${request.url()}`);
    });
    await rp.outputBox(0).fill('{"status":"paid"}');
    await rp.outputBox(1).fill('refund issued');
    await rp.submitOutputs.click();
    await expect(page.getByTestId('tool-outputs-locked')).toHaveText(/Outputs submitted/);
    await rp.advance(30);
    await expect(page.getByTestId('tool-outputs-locked')).toHaveText(/Live stream finished after \d+ events/, { timeout: 20_000 });
    expect(failedSubmits).toEqual([]);
  });
});
