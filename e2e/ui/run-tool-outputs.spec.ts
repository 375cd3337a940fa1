import { expect, screenshot, test } from '../fixtures';
import { RunPage, findSeededRun } from '../pages/run-page';

// The seeded ACME thread's current run waits on two function calls, created 8 minutes ago (expires in ~2 min).
test.describe('run page: requires_action', () => {
  test.beforeEach(async ({ emulator }) => {
    await emulator.reset();
  });

  test('diagnosis and live countdown for a run about to expire', async ({ page, emulator }, testInfo) => {
    const { threadId, run } = await findSeededRun(emulator, 'ACME', (r) => r.status === 'requires_action');
    const rp = new RunPage(page, emulator);
    await rp.open(threadId, run.id);
    await expect(rp.diagnosis).toHaveText(/^Waiting for your tool outputs for 8 min; expires in 1 min \d+ s \(2 calls pending\)$/);
    const first = await rp.countdown.textContent();
    await expect(rp.countdown).toHaveText(/1:\d\d/);
    // The countdown ticks client-side (no refetch needed).
    await expect.poll(() => rp.countdown.textContent()).not.toBe(first);
    await expect(page.getByTestId('run-phase-row').last()).toHaveAttribute('data-status', 'requires_action');
    await screenshot(page, testInfo, 'run-requires-action');

    // Let the deadline pass: the server expires the run and the form explains why it is disabled.
    await rp.outputBox(0).fill('{"status":"paid"}');
    await rp.advance(150);
    await rp.expectStatus('expired');
    await expect(rp.diagnosis).toHaveText(/^Expired after 10 min: tool outputs were not submitted in time \(2 calls pending\)$/);
    await expect(page.getByTestId('tool-outputs-locked')).toHaveText(/is now expired; it no longer accepts tool outputs/);
    await expect(rp.submitOutputs).toHaveCount(0);
    // What was typed is folded away, not lost.
    await page.getByText('Outputs as typed (2 calls)').click();
    await expect(rp.outputBox(0)).toHaveValue('{"status":"paid"}');
    await expect(rp.outputBox(0)).toBeDisabled();
    await screenshot(page, testInfo, 'run-expired');
  });

  test('fill both outputs, submit once, and watch the run complete', async ({ page, emulator }, testInfo) => {
    const { threadId, run } = await findSeededRun(emulator, 'ACME', (r) => r.status === 'requires_action');
    const rp = new RunPage(page, emulator);
    await rp.open(threadId, run.id);
    await expect(rp.toolOutputs).toHaveCount(2);
    await expect(rp.toolOutputs.nth(0)).toContainText('lookup_invoice');
    await expect(rp.toolOutputs.nth(1)).toContainText('issue_refund');
    await expect(rp.toolOutputs.nth(0)).toContainText('"invoice_id": "INV-2026-0502"');
    await emulator.clearRequests();

    // Bad input: one output missing (and one only whitespace) → inline errors, button disabled, nothing sent.
    await rp.outputBox(0).fill('{"invoice_id":"INV-2026-0502","status":"paid","amount":980}');
    await rp.outputBox(1).fill('   ');
    await rp.outputBox(1).blur();
    const callId = await rp.toolOutputs.nth(1).getAttribute('data-call-id');
    await expect(page.getByTestId(`field-error-output-${callId}`)).toHaveText(/only whitespace/);
    await expect(rp.submitOutputs).toBeDisabled();
    await rp.outputBox(1).fill('');
    await expect(page.getByTestId(`field-error-output-${callId}`)).toHaveText('Enter the output of issue_refund (plain text or JSON).');
    await rp.outputBox(1).press('Enter');
    await screenshot(page, testInfo, 'run-tool-outputs-invalid');
    expect(await rp.requestsTo('/submit_tool_outputs')).toBe(0);

    // JSON hints and pretty-printing.
    await expect(page.getByTestId(`output-hint-${await rp.toolOutputs.nth(0).getAttribute('data-call-id')}`)).toHaveText('Valid JSON.');
    await rp.toolOutputs.nth(0).getByRole('button', { name: 'Pretty-print JSON' }).click();
    await expect(rp.outputBox(0)).toHaveValue(/^\{\n {2}"invoice_id"/);
    await rp.outputBox(1).fill('refund re_123 issued');
    await expect(page.getByTestId(`output-hint-${callId}`)).toHaveText(/Plain text/);

    await expect(rp.submitOutputs).toBeEnabled();
    await rp.submitOutputs.dblclick();
    await expect(page.getByTestId('tool-outputs-locked')).toHaveText(/Outputs submitted/);
    await expect.poll(() => rp.requestsTo('/submit_tool_outputs')).toBe(1);
    const log = await emulator.apiRequests();
    expect(log.filter((r) => r.path.endsWith('/submit_tool_outputs')).map((r) => r.status)).toEqual([200]);

    await rp.advance(30);
    await rp.expectStatus('completed');
    // Submitted with stream: true (the default): the continuation arrived as server-sent events.
    await expect(page.getByTestId('tool-outputs-locked')).toHaveText(/Live stream finished after \d+ events/);
    await expect(rp.diagnosis).toHaveText(/^Completed in \d+ min/);
    await expect(page.getByTestId('run-usage')).toBeVisible();
    // The function step shows the outputs that were submitted.
    await rp.stepButton(/lookup_invoice\(\), issue_refund\(\)/).click();
    await expect(page.getByTestId('function-call-output').last()).toHaveText('refund re_123 issued');
    await screenshot(page, testInfo, 'run-completed-after-outputs');
  });
});

test('a refusal from the server is shown verbatim with status and request id, and the form stays usable', async ({ page, emulator }, testInfo) => {
  await emulator.reset();
  const { threadId, run } = await findSeededRun(emulator, 'ACME', (r) => r.status === 'requires_action');
  // The upstream's answer when outputs arrive too late, as the real API words it.
  await page.route(`**/api/v1/threads/${threadId}/runs/${run.id}/submit_tool_outputs`, (route) =>
    route.fulfill({
      status: 400,
      headers: { 'x-request-id': 'req_e2e_refused_0001' },
      json: { error: { message: 'Runs in status "expired" do not accept tool outputs.', type: 'invalid_request_error', param: null, code: null } },
    }),
  );
  const rp = new RunPage(page, emulator);
  await rp.open(threadId, run.id);
  await rp.outputBox(0).fill('{"status":"paid"}');
  await rp.outputBox(1).fill('{"refund_id":"re_1"}');
  await rp.submitOutputs.click();
  const form = page.getByTestId('tool-outputs-form');
  await expect(form.getByTestId('error-message')).toHaveText('Runs in status "expired" do not accept tool outputs.');
  await expect(form.getByTestId('error-status')).toHaveText('400');
  await expect(form.getByTestId('error-request-id')).toContainText('req_e2e_refused_0001');
  await expect(rp.outputBox(1)).toHaveValue('{"refund_id":"re_1"}');
  await expect(rp.submitOutputs).toBeEnabled();
  await screenshot(page, testInfo, 'run-tool-outputs-refused');
});
