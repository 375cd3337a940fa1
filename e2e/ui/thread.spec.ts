import { expect, screenshot, test, type EmulatorControl } from '../fixtures';
import { expectNoSeriousA11yViolations } from '../pages/axe';
import { ThreadPage } from '../pages/thread-page';

async function threadWith(emulator: EmulatorControl, wanted: (t: { run_count?: number; latest_run?: unknown; title?: string | null }) => boolean) {
  const found = (await emulator.threads()).find(wanted);
  expect(found, 'the emulator seed has such a thread').toBeTruthy();
  return found!;
}

test.describe('thread page', () => {
  test('pages through 300+ runs with the cursor, newest first, and back', async ({ page, emulator }, testInfo) => {
    const thread = await threadWith(emulator, (t) => (t.run_count ?? 0) >= 300 && (t.run_count ?? 0) < 1000);
    const tp = new ThreadPage(page);
    await tp.goto(thread.id, '?limit=100');
    await tp.waitForRuns();
    const seen: string[] = [];
    const pages: string[][] = [];
    for (let i = 0; i < 20; i++) {
      const ids = await tp.runIds();
      pages.push(ids);
      seen.push(...ids);
      if (!(await tp.isEnabled(tp.olderRuns))) break;
      const first = ids[0];
      await tp.olderRuns.click();
      await expect(page).toHaveURL(/after=run_/);
      await expect(page.getByTestId('run-link').first()).not.toHaveText(first!);
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(thread.run_count);
    const all = await emulator.call<{ data: Array<{ id: string }> }>('GET', `/threads/${thread.id}/runs?limit=100`);
    expect(pages[0]).toEqual(all.data.map((r) => r.id));
    await screenshot(page, testInfo, 'thread-last-runs-page');
    // Back one page: exactly the page before.
    await tp.newerRuns.click();
    await expect(page).toHaveURL(/before=run_/);
    await expect.poll(() => tp.runIds()).toEqual(pages.at(-2));
  });

  test('filters runs by status across pages and keeps the filter in the URL', async ({ page, emulator }, testInfo) => {
    const thread = await threadWith(emulator, (t) => (t.run_count ?? 0) >= 300 && (t.run_count ?? 0) < 1000);
    const tp = new ThreadPage(page);
    await tp.goto(thread.id);
    await tp.waitForRuns();
    await tp.statusFilter.selectOption('failed');
    await expect(page).toHaveURL(/status=failed/);
    await expect(tp.filterSummary).toContainText('cannot filter runs by status');
    await expect(tp.runRows.first()).toBeVisible();
    const statuses = await tp.statuses();
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['failed']));
    await screenshot(page, testInfo, 'thread-filter-failed');
    // A shared link opens the same filtered view.
    await page.goto(page.url());
    await expect(tp.statusFilter).toHaveValue('failed');
    await tp.waitForRuns();
    expect(new Set(await tp.statuses())).toEqual(new Set(['failed']));
  });

  test('shows the lock banner for an active run and links to it', async ({ page, emulator }) => {
    await emulator.reset(); // the seeded requires_action run expires minutes after start; re-seed so it is fresh
    const thread = await threadWith(emulator, (t) => (t.latest_run as { status?: string } | null)?.status === 'requires_action');
    const tp = new ThreadPage(page);
    await tp.goto(thread.id);
    await expect(tp.lockBanner).toContainText('locked by an active run');
    await expect(tp.lockBanner).toContainText('requires action');
    await tp.lockBanner.getByRole('link', { name: /Open the run/ }).click();
    await expect(page).toHaveURL(/\/runs\/run_/);
  });

  test('renders the conversation with roles, the writing run and annotation markers', async ({ page, emulator }, testInfo) => {
    // Opens thread after thread until one has annotations: several page loads, on a machine shared with other work.
    testInfo.setTimeout(120_000);
    const tp = new ThreadPage(page);
    let annotated = false;
    for (const thread of (await emulator.threads()).filter((t) => (t.run_count ?? 0) < 50)) {
      await tp.goto(thread.id);
      await expect(tp.messages.first()).toBeVisible();
      if ((await page.getByRole('link', { name: /^annotation \d+$/ }).count()) > 0) {
        annotated = true;
        break;
      }
    }
    expect(annotated, 'a seeded thread has an annotated message').toBe(true);
    await expect(page.locator('[data-testid=message][data-role=user]').first()).toBeVisible();
    await expect(page.locator('[data-testid=message][data-role=assistant]').first()).toContainText('written by run_');
    await expect(page.getByRole('list', { name: 'Annotations' }).first()).toContainText('file-');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, testInfo, 'thread-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, testInfo, 'thread-dark');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: 'light' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, testInfo, 'thread-phone');
  });

  test('an unknown thread says it is not found on the connection', async ({ page }, testInfo) => {
    const tp = new ThreadPage(page);
    await tp.goto('thread_doesNotExist00000000000');
    await expect(page.getByTestId('thread-not-found')).toContainText('Thread not found on Embedded emulator');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, testInfo, 'thread-not-found');
  });
});
