import { expect, test } from '../fixtures';

// With JavaScript off nothing runs in the browser (no hydration, no react-query fetch): whatever the page holds came
// in the server's HTML. The page fixture still checks that no response carries the upstream key.
test.describe('data in the first HTML', () => {
  test.use({ javaScriptEnabled: false });

  test('the thread page holds its newest run and the run page the run status, with JavaScript disabled', async ({ page, emulator }) => {
    const thread = (await emulator.threads()).find((t) => (t.latest_run as { status?: string } | null)?.status === 'completed');
    expect(thread, 'the seed has a thread whose latest run is completed (a status that no longer changes)').toBeTruthy();
    const newest = await emulator.call<{ data: Array<{ id: string; status: string }> }>('GET', `/threads/${thread!.id}/runs?limit=1&order=desc`);
    const run = newest.data[0]!;
    const apiCalls: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) apiCalls.push(request.url());
    });

    await page.goto(`/threads/${thread!.id}`);
    const firstRow = page.getByTestId('run-row').first();
    await expect(firstRow).toContainText(run.id);
    await expect(firstRow).toHaveAttribute('data-status', run.status);

    await page.goto(`/threads/${thread!.id}/runs/${run.id}`);
    const viewer = page.getByTestId('run-viewer');
    await expect(viewer).toHaveAttribute('data-run-status', run.status);
    await expect(viewer.getByTestId('run-status').first()).toHaveText(run.status);
    await expect(page.locator('#run-steps-title')).toContainText(/Steps \(\d+\)/);

    expect(apiCalls, 'the browser made no API call: the data was in the HTML').toEqual([]);
  });
});
