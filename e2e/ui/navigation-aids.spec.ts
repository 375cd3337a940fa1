import { expect, screenshot, test } from '../fixtures';
import { expectNoSeriousA11yViolations } from '../pages/axe';
import { RunPage, findSeededRun } from '../pages/run-page';

test.describe('telling pages apart and reading them', () => {
  test.beforeEach(async ({ emulator }) => {
    await emulator.reset();
  });

  test('tab titles say what is open', async ({ page, emulator }) => {
    const { threadId, run } = await findSeededRun(emulator, 'ACME', (r) => r.status === 'requires_action');
    const rp = new RunPage(page, emulator);
    await rp.open(threadId, run.id);
    await expect(page).toHaveTitle(new RegExp(`^requires action · run_…${run.id.slice(-4)} · .+ · Runboard$`));
    await page.goto(`/threads/${threadId}`);
    await expect(page).toHaveTitle(new RegExp(`^requires action · .*ACME.* · thread_…${threadId.slice(-4)} · Runboard$`));
    await page.goto('/audit');
    await expect(page).toHaveTitle('Audit log · Runboard');
    await page.goto('/admin/users');
    await expect(page).toHaveTitle('People · Runboard');
  });

  test.describe('in Berlin', () => {
    test.use({ timezoneId: 'Europe/Berlin' });

    test('times show the viewer’s zone, UTC is one click away, and the choice is remembered', async ({ page, emulator }, testInfo) => {
      const { threadId, run } = await findSeededRun(emulator, 'Initech', (r) => r.status === 'completed');
      const rp = new RunPage(page, emulator);
      await rp.open(threadId, run.id);
      const start = page.getByTestId('run-phase-row').first().locator('time').first();
      await expect(start).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d GMT\+[12]$/);
      const toggle = page.getByTestId('time-zone-toggle');
      await expect(toggle).toHaveText(/GMT\+[12]/);
      await toggle.click();
      await expect(start).toHaveText(/ UTC$/);
      await expect(start).toHaveAttribute('title', /^.* UTC\n.* GMT\+[12]\nUnix \d+$/);
      await screenshot(page, testInfo, 'run-times-utc');
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.locator('header').first().screenshot({ path: testInfo.outputPath('header-utc-dark.png') });
      await expectNoSeriousA11yViolations(page);
      await page.emulateMedia({ colorScheme: 'light' });
      await page.reload();
      await expect(page.getByTestId('time-zone-toggle')).toHaveText('UTC');
      await expect(page.getByTestId('run-phase-row').first().locator('time').first()).toHaveText(/ UTC$/);
      await page.getByTestId('time-zone-toggle').click();
      await expect(page.getByTestId('run-phase-row').first().locator('time').first()).toHaveText(/GMT\+[12]$/);
    });
  });

  test('at 390 px the runs table shows status, run, age and error without sideways scrolling', async ({ page, emulator }, testInfo) => {
    const { threadId } = await findSeededRun(emulator, 'Globex', (r) => r.status === 'failed');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/threads/${threadId}`);
    const failed = page.locator('[data-testid="run-row"][data-status="failed"]').first();
    await expect(failed).toBeVisible();
    await expect(failed.getByTestId('run-status')).toBeVisible();
    await expect(failed.getByTestId('run-link')).toBeVisible();
    await expect(failed.getByTestId('run-row-age-narrow')).toHaveText(/ago|just now/);
    await expect(failed.getByTestId('run-row-error-narrow')).toBeVisible();
    const table = page.getByTestId('runs-table');
    const fits = await table.evaluate((el) => el.scrollWidth <= (el.parentElement?.clientWidth ?? 0));
    expect(fits, 'the runs table is wider than its panel').toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, testInfo, 'runs-table-phone');
    await page.getByTestId('runs-panel').screenshot({ path: testInfo.outputPath('runs-panel-phone.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, testInfo, 'runs-table-phone-dark');
  });

  test('the 52-step run: filter steps by type and status, with readable chart labels', async ({ page, emulator }, testInfo) => {
    // Several page loads, axe runs and screenshots in both themes and two widths: more than the default minute on a
    // machine shared with other work.
    test.slow();
    const { threadId, run } = await findSeededRun(emulator, 'Northwind', (r) => r.metadata?.scenario === 'many_steps');
    const rp = new RunPage(page, emulator);
    await rp.open(threadId, run.id);
    const rows = page.getByTestId('step-row');
    const heading = await page.getByRole('heading', { name: /^Steps \(\d+\)$/ }).textContent();
    const total = Number(/\((\d+)\)/.exec(heading ?? '')?.[1]);
    expect(total).toBeGreaterThanOrEqual(50);
    const filter = page.getByTestId('step-filter');
    await expect(filter).toBeVisible();
    // Every step has its label beside its bar in the chart.
    await expect(page.getByTestId('step-gantt-label')).toHaveCount(total);
    await screenshot(page, testInfo, 'run-52-steps');

    const type = filter.getByLabel('Type');
    const option = type.locator('option', { hasText: 'Messages' });
    const count = Number(/\((\d+)\)/.exec((await option.textContent()) ?? '')?.[1]);
    expect(count).toBeGreaterThan(0);
    await type.selectOption({ label: (await option.textContent())! });
    await expect(rows).toHaveCount(count);
    await expect(page.getByTestId('step-filter-summary')).toHaveText(`${count} of ${total} steps`);
    await expect(page.getByTestId('step-gantt-label')).toHaveCount(count);
    // Steps keep their number in the run.
    await expect(rows.last()).toContainText(`#${total}`);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, testInfo, 'run-52-steps-messages');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByTestId('run-steps').screenshot({ path: testInfo.outputPath('run-52-steps-messages-dark.png') });
    await expectNoSeriousA11yViolations(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('run-steps').screenshot({ path: testInfo.outputPath('run-52-steps-messages-phone.png') });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.emulateMedia({ colorScheme: 'light' });

    await filter.getByRole('button', { name: 'Clear filter' }).click();
    await expect(page.getByTestId('step-filter-summary')).toHaveText(`${total} steps`);
    await expect(page.getByTestId('step-gantt-label')).toHaveCount(total);
  });
});
