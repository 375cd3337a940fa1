import { expect, test } from '../fixtures';
import { RunPage, findSeededRun } from '../pages/run-page';
import { threeLooks } from '../support/three-looks';

// Issue 9's gaps on the run page: drafts that survive a reload, a guard before leaving with unsent outputs, saying
// who answered first, "Run again", and the final answer on the summary.
test.describe('run page: drafts, answered elsewhere, run again, final answer', () => {
  test.beforeEach(async ({ emulator }) => {
    await emulator.reset();
  });

  test('typed tool outputs survive a reload; leaving asks first; another session answering first is named', async ({ page, emulator }, testInfo) => {
    test.slow(); // two pages looked at in three ways, with axe each time
    const { threadId, run } = await findSeededRun(emulator, 'ACME', (r) => r.status === 'requires_action');
    const rp = new RunPage(page, emulator);
    await rp.open(threadId, run.id);
    await rp.outputBox(0).fill('{"status":"paid"}');
    await page.reload();
    await expect(rp.outputBox(0)).toHaveValue('{"status":"paid"}');
    await expect(page.getByTestId('tool-outputs-restored')).toHaveText('Restored 1 typed output from before the page was reloaded (not sent yet).');
    await threeLooks(page, testInfo, 'run-tool-outputs-restored');

    // An in-app link asks first; saying no stays on the page with the outputs.
    let asked = '';
    page.once('dialog', (d) => {
      asked = d.message();
      void d.dismiss();
    });
    await page.getByRole('link', { name: threadId }).first().click();
    expect(asked).toMatch(/tool outputs you typed are not sent yet/);
    await expect(rp.viewer).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/runs/${run.id}$`));

    // Someone else answers through Runboard (another session of the API): the page says so, not a bare refusal.
    // (How long ago depends on the page clock, which follows the emulator's, so only its form is checked.)
    const callIds = await rp.toolOutputs.evaluateAll((els) => els.map((e) => e.getAttribute('data-call-id')));
    const other = await page.request.post(`/api/v1/threads/${threadId}/runs/${run.id}/submit_tool_outputs`, {
      data: { tool_outputs: callIds.map((id) => ({ tool_call_id: id, output: 'answered elsewhere' })) },
      headers: { 'x-runboard-reason': "utf-8''from%20the%20CLI" },
    });
    expect(other.ok(), await other.text()).toBeTruthy();
    await expect(page.getByTestId('answered-elsewhere')).toHaveText(/^Outputs were submitted [\d a-z]+ ago from another session, by Admin — “from the CLI”\. What you typed was not sent\.$/, { timeout: 15_000 });
    await threeLooks(page, testInfo, 'run-answered-elsewhere');
  });

  test('"Run again" on a failed run creates a new run on the thread with its settings', async ({ page, emulator }, testInfo) => {
    const { threadId, run } = await findSeededRun(emulator, 'Initech', (r) => r.status === 'failed');
    const rp = new RunPage(page, emulator);
    await rp.open(threadId, run.id);
    await page.getByTestId('run-again').click();
    const form = page.getByTestId('run-again-panel').getByTestId('create-run-form');
    await expect(form.getByLabel('Assistant id')).toHaveValue((run as unknown as { assistant_id: string }).assistant_id);
    await expect(form.getByLabel('Value 1')).toHaveValue('fail_server_error');
    await threeLooks(page, testInfo, 'run-again-form');
    await form.getByRole('button', { name: 'Create run' }).click();
    await expect(page).toHaveURL(new RegExp(`/threads/${threadId}/runs/(?!${run.id})[A-Za-z0-9_-]+$`));
    const newId = page.url().split('/').pop()!;
    const created = await emulator.call<{ assistant_id: string; metadata: Record<string, string> }>('GET', `/threads/${threadId}/runs/${newId}`);
    expect(created.assistant_id).toBe((run as unknown as { assistant_id: string }).assistant_id);
    expect(created.metadata).toMatchObject({ scenario: 'fail_server_error' });
  });

  test('the final answer is on the summary of a completed run', async ({ page, emulator }, testInfo) => {
    const { threadId, run } = await findSeededRun(emulator, 'Initech', (r) => r.status === 'completed');
    const rp = new RunPage(page, emulator);
    await rp.open(threadId, run.id);
    await expect(page.getByTestId('run-final-answer')).toContainText("I've closed ticket TCK-10377");
    await threeLooks(page, testInfo, 'run-final-answer');
  });
});
