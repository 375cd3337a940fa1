import { expect, screenshot, test } from '../fixtures';
import { RunPage, findSeededRun } from '../pages/run-page';

// Trace screencasting repaints a 300-row page on every frame and multiplies render time ~20x in headless
// Chromium without a GPU; DOM snapshots are kept so a failure is still debuggable.
test.use({ trace: { mode: 'retain-on-failure', screenshots: false } });

test.describe('run page: long runs', () => {
  test('a run with 300 steps renders, following cursors, with a list that grows as it scrolls', async ({ page, emulator }, testInfo) => {
    // The emulator's longest scripted run has ~52 steps, so the step list is served here (through the same
    // proxy path the page uses) with 300 synthetic steps in pages of 100, honouring `after`.
    const { threadId, run } = await findSeededRun(emulator, 'Northwind', (r) => r.metadata?.scenario === 'many_steps');
    const base = run.created_at + 2;
    const all = Array.from({ length: 300 }, (_, i) => ({
      id: `step_synthetic${String(i).padStart(4, '0')}`,
      object: 'thread.run.step',
      created_at: base + Math.floor(i * 0.6),
      completed_at: base + Math.floor(i * 0.6) + 1,
      thread_id: threadId,
      run_id: run.id,
      assistant_id: 'asst_x',
      type: i % 2 ? 'tool_calls' : 'message_creation',
      status: 'completed',
      step_details:
        i % 2
          ? { type: 'tool_calls', tool_calls: [{ id: `call_${i}`, type: 'function', function: { name: `tool_${i}`, arguments: '{}', output: '"ok"' } }] }
          : { type: 'message_creation', message_creation: { message_id: `msg_${i}` } },
      usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
    }));
    const stepRequests: string[] = [];
    await page.route(`**/api/v1/threads/${threadId}/runs/${run.id}/steps?**`, async (route) => {
      const url = new URL(route.request().url());
      stepRequests.push(url.search);
      const after = url.searchParams.get('after');
      const start = after ? all.findIndex((s) => s.id === after) + 1 : 0;
      const data = all.slice(start, start + Number(url.searchParams.get('limit') ?? 20));
      await route.fulfill({ json: { object: 'list', data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: start + data.length < all.length } });
    });
    const rp = new RunPage(page, emulator);
    const started = Date.now();
    await rp.open(threadId, run.id);
    // The server's HTML carries the emulator's real 52 steps; whether the browser re-reads them on its own depends
    // on how far earlier tests moved the emulator clock (the page clock follows it). Ask for fresh data explicitly.
    await page.getByTestId('last-updated').getByRole('button', { name: 'Refresh' }).click();
    await expect(page.getByRole('heading', { name: 'Steps (300)' })).toBeVisible();
    testInfo.annotations.push({ type: 'render-300-steps-ms', description: String(Date.now() - started) });
    // Each read of the list follows the cursors in pages of 100: from the start, after the 100th, after the 200th.
    // (The page may also have re-read the list on its own before the explicit refresh: count cursors, not reads.)
    const cursors = new Set(stepRequests.map((q) => new URLSearchParams(q).get('after')));
    expect([...cursors].sort()).toEqual([null, 'step_synthetic0099', 'step_synthetic0199'].sort());
    expect(stepRequests.every((q) => new URLSearchParams(q).get('limit') === '100')).toBe(true);
    // 150 tool rounds make ~450 phases: the timeline table stays short until asked.
    await expect(page.getByTestId('show-all-phases')).toBeVisible();
    expect(await page.getByTestId('run-phase-row').count()).toBe(10);
    const list = page.getByTestId('step-list');
    await expect(list).toHaveAttribute('data-windowed', 'true');
    // The first 25 are drawn; the rest come as the list is scrolled (or its "Show more" is pressed).
    await expect(page.getByTestId('step-row')).toHaveCount(25);
    await expect(page.getByTestId('step-list-more')).toHaveText('Show 25 more (275 not shown yet)');
    // The windowed list on a phone in the dark theme: no sideways scrolling.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByTestId('run-steps').screenshot({ path: testInfo.outputPath('run-300-steps-phone-dark.png') });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(page.getByTestId('step-row')).toHaveCount(25);
    // A step picked in the chart that is not drawn yet: the list grows to it, opens it and scrolls it into view.
    await page.getByTestId('step-gantt').locator('[data-step-id="step_synthetic0149"]').dispatchEvent('click');
    const picked = page.locator('[data-testid="step-row"][data-step-id="step_synthetic0149"]');
    await expect(picked).toBeInViewport();
    await expect(picked.getByRole('button', { expanded: true })).toBeFocused();
    // Drawn up to it, and perhaps one more window for the end that came into view: not the whole list.
    await expect.poll(() => page.getByTestId('step-row').count()).toBeGreaterThanOrEqual(150);
    await expect(page.getByTestId('step-list-more')).toBeVisible();
    // Scroll to the end of the list, again and again: it grows until the last step is there, and no further.
    await expect(async () => {
      await list.evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await expect(page.getByTestId('step-row').filter({ hasText: '#300' })).toBeVisible({ timeout: 500 });
    }).toPass({ timeout: 15_000 });
    await expect(page.getByTestId('step-row')).toHaveCount(300);
    await expect(page.getByTestId('step-list-more')).toHaveCount(0);
    await screenshot(page, testInfo, 'run-300-steps');
  });
});
