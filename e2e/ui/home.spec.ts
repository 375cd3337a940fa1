import { expect, screenshot, test } from '../fixtures';
import { expectNoSeriousA11yViolations } from '../pages/axe';
import { HomePage } from '../pages/home-page';

test.describe('home page', () => {
  test('lists the seeded demo threads and says which upstream it talks to', async ({ page, emulator }, testInfo) => {
    const home = new HomePage(page);
    await home.goto();
    await expect(home.connectionBanner).toContainText('Connected to');
    await expect(home.connectionBanner).toContainText('built-in Assistants emulator');
    const seeded = await emulator.threads();
    expect(seeded.length).toBeGreaterThanOrEqual(6);
    await expect(home.recentThreads.first()).toBeVisible();
    for (const t of seeded.slice(0, 6)) await expect(page.getByTestId('recent-threads')).toContainText(t.id);
    const key = process.env.E2E_EMULATOR_API_KEY ?? '';
    expect(key.length).toBeGreaterThan(8);
    expect(await page.content()).not.toContain(key);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, testInfo, 'home-light');
  });

  test('is readable in dark mode and usable at 390 px', async ({ page }, testInfo) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const home = new HomePage(page);
    await home.goto();
    await expect(home.recentThreads.first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, testInfo, 'home-dark');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(home.searchInput).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, testInfo, 'home-phone');
  });

  test('opens a thread from a pasted URL in the search box', async ({ page, emulator }) => {
    const [thread] = await emulator.threads();
    const home = new HomePage(page);
    await home.goto();
    await home.search(`customer wrote: see https://platform.example.com/threads/${thread!.id} please`);
    await expect(page).toHaveURL(new RegExp(`/threads/${thread!.id}$`));
    await expect(page.getByTestId('run-row').first()).toBeVisible();
  });

  test('opens a run from its id alone, finding its thread among threads seen', async ({ page, emulator }) => {
    const thread = (await emulator.threads()).find((t) => (t.run_count ?? 0) >= 3 && (t.run_count ?? 0) < 50)!;
    const runs = await emulator.call<{ data: Array<{ id: string }> }>('GET', `/threads/${thread.id}/runs?limit=3`);
    const runId = runs.data[2]!.id; // not the latest: only a scan or an earlier visit can know it
    const home = new HomePage(page);
    await home.goto();
    await home.search(`  ${runId}  `);
    await expect(page).toHaveURL(new RegExp(`/threads/${thread.id}/runs/${runId}$`));
  });

  test('explains input without ids and an unknown run id, and stays put', async ({ page }) => {
    const home = new HomePage(page);
    await home.goto();
    await home.search('the customer is angry');
    await expect(home.searchError).toContainText('No thread id');
    await expect(page).toHaveURL(/\/$/);
    await home.search('run_doesNotExist0000000000');
    await expect(page.getByTestId('error-state')).toContainText('was not found on');
    await expect(page.getByTestId('error-status')).toHaveText('404');
    await expect(page).toHaveURL(/\/$/);
  });

  test('create thread and run: bad input shows inline errors and sends nothing', async ({ page, emulator }, testInfo) => {
    const home = new HomePage(page);
    await home.goto();
    await emulator.clearRequests();
    await home.fillCreateForm({ assistantId: 'asst_not checked here', message: '', temperature: '7' });
    await home.createForm.getByRole('button', { name: 'Create thread and run' }).click();
    await expect(page.getByTestId('field-error-ctr-first_message')).toContainText('first user message');
    await expect(page.getByTestId('field-error-ctr-temperature')).toContainText('at most 2');
    await expect(page.getByTestId('field-error-ctr-assistant_id')).toHaveText(/^"asst_not checked here" is not an assistant id: .*no spaces\.$/);
    // Focus goes to the first field in error, so keyboard users land on it (here where the bad id was typed).
    await expect(page.getByLabel('Assistant id')).toBeFocused();
    await home.fillCreateForm({ message: 'Hello' });
    await home.createForm.getByRole('button', { name: 'Create thread and run' }).click();
    await expect(page.getByTestId('field-error-ctr-first_message')).toBeHidden();
    await expect(page.getByTestId('field-error-ctr-temperature')).toContainText('at most 2');
    await screenshot(page, testInfo, 'create-thread-and-run-errors');
    const posts = (await emulator.apiRequests()).filter((r) => r.method === 'POST');
    expect(posts).toEqual([]);
  });

  test('create thread and run: the new run opens and the thread joins the recent list', async ({ page, emulator }) => {
    const assistants = await emulator.call<{ data: Array<{ id: string; name: string | null }> }>('GET', '/assistants?limit=100');
    const assistant = assistants.data[0]!;
    const home = new HomePage(page);
    await home.goto();
    await home.createForm.getByLabel('Assistant', { exact: true }).selectOption(assistant.id);
    await expect(home.createForm.getByLabel('Assistant id')).toHaveValue(assistant.id);
    await home.fillCreateForm({ message: 'E2E: where is my order #991?', metadata: [['ticket', 'E2E-1']] });
    await home.createForm.getByRole('button', { name: 'Create thread and run' }).click();
    await expect(page).toHaveURL(/\/threads\/thread_[A-Za-z0-9]+\/runs\/run_[A-Za-z0-9]+$/);
    const [, threadId, runId] = /\/threads\/([^/]+)\/runs\/([^/]+)$/.exec(page.url())!;
    const run = await emulator.call<{ metadata: Record<string, string> }>('GET', `/threads/${threadId}/runs/${runId}`);
    expect(run.metadata).toMatchObject({ ticket: 'E2E-1' });
    await home.goto();
    await expect(home.recentThreads.first()).toContainText(threadId!);
  });
});
