import { expect, screenshot, test } from '../fixtures';
import { expectNoSeriousA11yViolations } from '../pages/axe';
import { RunPage, findSeededRun } from '../pages/run-page';
import { identity } from '../support/identities';

// The audit log in the browser: a cancel with a reason shows up on /audit (filterable, exportable as CSV and JSON
// Lines) and on the run page's history. Looked at in light, dark and at 390 px; axe finds nothing serious.

test.describe('audit log', () => {
  test.beforeEach(async ({ emulator }) => {
    await emulator.reset();
  });

  test('a cancel with a reason is on /audit, filters by run, exports, and shows in the run history', async ({ page, emulator }, testInfo) => {
    const { threadId, run } = await findSeededRun(emulator, 'Northwind', (r) => r.status === 'in_progress');
    const base = `/api/v1/threads/${threadId}/runs/${run.id}`;
    // A too-long reason is refused before anything is forwarded; a good one is recorded with the cancel.
    await emulator.clearRequests();
    const refused = await page.request.post(`${base}/cancel`, { headers: { 'x-runboard-reason': 'x'.repeat(501) } });
    expect(refused.status()).toBe(400);
    expect((await emulator.apiRequests()).filter((r) => r.path.endsWith('/cancel'))).toHaveLength(0);
    const cancel = await page.request.post(`${base}/cancel`, { headers: { 'x-runboard-reason': 'customer asked' } });
    expect(cancel.status()).toBe(200);

    await page.goto('/audit');
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    await page.getByLabel('Run id').fill(run.id);
    await page.getByTestId('audit-apply').click();
    await expect(page).toHaveURL(new RegExp(`run_id=${run.id}`));
    const records = page.getByTestId('audit-record');
    await expect(records).toHaveCount(1);
    await expect(records.first()).toContainText('Cancel run');
    await expect(records.first()).toContainText('“customer asked”');
    await expect(records.first()).toContainText('ok (200)');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, testInfo, 'audit-light');

    const csv = await page.request.get((await page.getByTestId('audit-export-csv').getAttribute('href'))!);
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
    const csvText = await csv.text();
    expect(csvText.split('\r\n')[0]).toMatch(/^time,category,action,/);
    expect(csvText).toContain(`run.cancel`);
    expect(csvText).toContain('customer asked');
    const jsonl = await page.request.get((await page.getByTestId('audit-export-jsonl').getAttribute('href'))!);
    const lines = (await jsonl.text()).trim().split('\n').map((l) => JSON.parse(l) as { run_id: string; reason: string; outcome: string });
    expect(lines).toEqual([expect.objectContaining({ run_id: run.id, reason: 'customer asked', outcome: 'success' })]);

    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, testInfo, 'audit-dark');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, testInfo, 'audit-390');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.emulateMedia({ colorScheme: 'light' });

    const rp = new RunPage(page, emulator);
    await rp.open(threadId, run.id);
    const history = page.getByTestId('activity-history');
    await expect(history).toContainText(/Admin cancelled this run .*ago — customer asked/);
    await history.scrollIntoViewIfNeeded();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, testInfo, 'run-history-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, testInfo, 'run-history-dark');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, testInfo, 'run-history-390');
  });

  test('an operator cancels a stuck run with a reason; the admin finds it, by the operator, on /audit and on the run page', async ({ browser, page, emulator }) => {
    // The newest run of the 1,000-run thread never ends on its own (scenario stuck_in_progress).
    const { threadId, run } = await findSeededRun(emulator, 'webhook replay', (r) => r.status === 'in_progress' && r.metadata?.scenario === 'stuck_in_progress');
    const operator = await browser.newContext({ storageState: identity('operator').storageState });
    const opPage = await operator.newPage();
    const rp = new RunPage(opPage, emulator);
    await rp.open(threadId, run.id);
    await emulator.clearRequests();
    await opPage.getByTestId('cancel-run').click();
    await opPage.getByTestId('cancel-reason').fill('stuck for 45 min, customer retried');
    await opPage.getByTestId('confirm-cancel-run').click();
    await expect(opPage.getByTestId('cancel-run')).toHaveCount(0);
    expect(await rp.requestsTo('/cancel')).toBe(1);
    await operator.close();

    // The admin (this test's own page) sees who did it, with which role, why, and the outcome.
    await page.goto(`/audit?run_id=${run.id}`);
    const records = page.getByTestId('audit-record');
    await expect(records).toHaveCount(1);
    await expect(records.first()).toContainText('Cancel run');
    await expect(records.first()).toContainText(identity('operator').email);
    await expect(records.first()).toContainText(/operator/i);
    await expect(records.first()).toContainText('stuck for 45 min, customer retried');
    await expect(records.first()).toContainText('ok (200)');
    await new RunPage(page, emulator).open(threadId, run.id);
    await expect(page.getByTestId('activity-history')).toContainText(/E2E operator cancelled this run (just now|.* ago) — stuck for 45 min, customer retried/);
  });

  test('filters that match nothing say so; a bad time range is refused inline by the API', async ({ page }) => {
    await page.goto('/audit?outcome=failure&run_id=run_doesnotexist');
    await expect(page.getByText('No records match these filters')).toBeVisible();
    const bad = await page.request.get('/api/audit?from=yesterday');
    expect(bad.status()).toBe(400);
    expect(((await bad.json()) as { error: { param: string } }).error.param).toBe('from');
  });
});
