import { expect, screenshot, test } from '../fixtures';

// Facades omit optional fields and servers add new statuses and types: the run page must show what it can and
// raw JSON for the rest, never the error boundary. Served through page.route on the proxy path the page uses.
test('sparse objects and unknown types render, with raw JSON for what the page cannot interpret', async ({ page }, testInfo) => {
  const threadId = 'thread_sparse0001';
  const runId = 'run_sparse0001';
  const run = { id: runId, object: 'thread.run', created_at: 1_790_000_000, thread_id: threadId, assistant_id: 'asst_sparse', status: 'paused_by_facade' };
  const steps = [
    { id: 'step_a', object: 'thread.run.step', created_at: 1_790_000_001, thread_id: threadId, run_id: runId, type: 'hologram', status: 'materialising', step_details: { type: 'hologram', beams: 3 } },
    {
      id: 'step_b',
      object: 'assistant.run.step',
      created_at: 1_790_000_002,
      expires_at: 1_790_000_010,
      thread_id: threadId,
      run_id: runId,
      type: 'tool_calls',
      status: 'expired',
      step_details: {
        type: 'tool_calls',
        tool_calls: [
          { id: 'call_x', type: 'browser', browser: { url: 'https://example.com' } },
          { id: 'call_ci', type: 'code_interpreter', code_interpreter: { input: 'print(1)', outputs: [{ type: 'audio', audio: { file_id: 'file-a' } }] } },
          { id: 'call_fs', type: 'file_search', file_search: {} },
          { id: 'call_r', type: 'retrieval', retrieval: {} },
        ],
      },
    },
  ];
  await page.route(`**/api/v1/threads/${threadId}/runs/${runId}`, (route) => route.fulfill({ json: run }));
  await page.route(`**/api/v1/threads/${threadId}/runs/${runId}/steps?**`, (route) =>
    route.fulfill({ json: { object: 'list', data: steps, first_id: 'step_a', last_id: 'step_b', has_more: false } }),
  );
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`/threads/${threadId}/runs/${runId}`);
  await expect(page.getByTestId('run-viewer')).toHaveAttribute('data-run-status', 'paused_by_facade');
  await expect(page.getByTestId('run-diagnosis-headline')).toContainText('paused_by_facade');
  await expect(page.getByRole('heading', { name: 'Steps (2)' })).toBeVisible();

  await page.getByTestId('step-row').getByRole('button', { name: /hologram/ }).click();
  await expect(page.getByText('Runboard does not know step type “hologram”')).toBeVisible();
  await page.getByTestId('step-row').getByRole('button', { name: /browser/ }).click();
  const details = page.getByTestId('step-details').nth(1);
  await expect(details.locator('pre[aria-label="Tool call of type browser"]')).toContainText('https://example.com');
  await expect(details.locator('pre[aria-label="Output of type audio"]')).toBeVisible();
  await expect(details.getByTestId('file-search-call')).toContainText('No results reported.');
  await expect(page.getByTestId('error-state')).toHaveCount(0);
  expect(errors).toEqual([]);
  await screenshot(page, testInfo, 'run-sparse-unknown');
});
