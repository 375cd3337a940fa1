import { expect, screenshot, test } from '../fixtures';
import { ThreadPage } from '../pages/thread-page';

test.describe('upstream outage', () => {
  test.afterEach(async ({ emulator }) => {
    await emulator.clearFaults();
  });

  test('the thread page says the upstream is down, then recovers on its own when it is back', async ({ page, emulator }, testInfo) => {
    test.setTimeout(120_000);
    const thread = (await emulator.threads()).find((t) => t.latest_run && (t.latest_run as { status?: string }).status === 'completed');
    expect(thread, 'the seed has a thread whose latest run is completed').toBeTruthy();

    await emulator.injectFault({ status: 503, count: 1000, retry_after_seconds: 1 });
    const tp = new ThreadPage(page);
    await tp.goto(thread!.id);
    const outage = page.getByTestId('error-state').first();
    await expect(outage).toContainText('The upstream is not answering', { timeout: 60_000 });
    await expect(outage.getByTestId('error-status')).toHaveText('503');
    await screenshot(page, testInfo, 'thread-upstream-down');

    // Nothing is clicked: the page keeps retrying and shows the runs once the upstream answers again.
    await emulator.clearFaults();
    await expect(tp.runRows.first()).toBeVisible({ timeout: 45_000 });
    await expect(page.getByTestId('error-state')).toHaveCount(0, { timeout: 45_000 });
    await screenshot(page, testInfo, 'thread-upstream-recovered');
  });
});
