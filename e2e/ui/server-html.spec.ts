import { expect, test, type EmulatorControl } from '../fixtures';

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

test.describe('data in the first HTML: the team card, the final answer and the header count', () => {
  /** A completed run (a status that no longer changes) and its thread, from the seed. */
  async function completedRun(emulator: EmulatorControl) {
    const thread = (await emulator.threads()).find((t) => (t.latest_run as { status?: string } | null)?.status === 'completed');
    expect(thread, 'the seed has a thread whose latest run is completed').toBeTruthy();
    const newest = await emulator.call<{ data: Array<{ id: string }> }>('GET', `/threads/${thread!.id}/runs?limit=1&order=desc`);
    return { threadId: thread!.id, runId: newest.data[0]!.id };
  }

  test.describe('with JavaScript disabled', () => {
    test.use({ javaScriptEnabled: false });

    // The header's parts stream in their own Suspense boundaries (no page waits for them), so without JavaScript they
    // may stay behind their placeholders; the test below shows the count arrives with the page all the same.
    test('the run page holds its final answer, its claim and its notes', async ({ page, emulator }) => {
      const { threadId, runId } = await completedRun(emulator);
      await page.goto(`/threads/${threadId}/runs/${runId}`);
      await expect(page.getByTestId('run-final-answer').getByTestId('message-markdown')).toBeVisible();
      await expect(page.getByTestId('claim-control')).toBeVisible();
      await expect(page.getByTestId('notes-panel')).toBeVisible();
    });
  });

  test("a finished run's page and its thread's page ask Runboard for nothing once they have started, apart from the inbox's event stream", async ({ page, emulator }) => {
    const { threadId, runId } = await completedRun(emulator);
    let apiCalls: string[] = [];
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/api/') && pathname !== '/api/inbox/events') apiCalls.push(`${request.method()} ${pathname}`);
    });
    await page.goto(`/threads/${threadId}/runs/${runId}`);
    await expect(page.getByTestId('run-final-answer')).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expect(page.getByTestId('header-unclaimed-count')).toBeVisible();
    expect(apiCalls, 'everything the run page shows came with its HTML').toEqual([]);

    apiCalls = [];
    await page.goto(`/threads/${threadId}`);
    await expect(page.getByTestId('run-row').first()).toContainText(runId);
    await page.waitForLoadState('networkidle');
    await expect(page.getByTestId('watch-button')).toBeEnabled();
    expect(apiCalls, 'everything the thread page shows came with its HTML').toEqual([]);
  });

  test("an ended run's final answer comes as HTML: its page loads no Markdown renderer, while the thread's messages do", async ({ page, emulator }) => {
    const { threadId, runId } = await completedRun(emulator);
    /** Whether any script the page loaded holds the Markdown parser (micromark, under react-markdown). */
    const loadsMarkdownParser = async () => {
      await page.waitForLoadState('networkidle');
      const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((url) => /\.js(\?|$)/.test(new URL(url).pathname)));
      const bodies = await Promise.all(scripts.map(async (url) => (await page.request.get(url)).text()));
      return bodies.some((body) => body.includes('micromark'));
    };
    await page.goto(`/threads/${threadId}/runs/${runId}`);
    await expect(page.getByTestId('run-final-answer').getByTestId('message-markdown')).toBeVisible();
    expect(await loadsMarkdownParser(), 'the run page loaded the Markdown parser').toBe(false);

    await page.goto(`/threads/${threadId}`);
    await expect(page.getByTestId('message').first().getByTestId('message-markdown')).toBeVisible();
    expect(await loadsMarkdownParser(), 'the thread page renders its messages with the parser').toBe(true);
  });
});
