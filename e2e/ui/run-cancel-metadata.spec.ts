import { expect, screenshot, test } from '../fixtures';
import { RunPage, findSeededRun } from '../pages/run-page';

test.describe('run page: cancel and metadata', () => {
  test.beforeEach(async ({ emulator }) => {
    await emulator.reset();
  });

  test('cancel a running run: the confirmation says what happens, then cancelling, then cancelled', async ({ page, emulator }, testInfo) => {
    const { threadId, run } = await findSeededRun(emulator, 'Northwind', (r) => r.status === 'in_progress');
    const rp = new RunPage(page, emulator);
    await rp.open(threadId, run.id);
    await rp.expectStatus('in_progress');
    await emulator.clearRequests();

    await page.getByTestId('cancel-run').click();
    const dialog = page.getByTestId('cancel-run-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('best-effort');
    await expect(dialog).toContainText('The thread stays locked until the run ends');
    await screenshot(page, testInfo, 'run-cancel-dialog');
    // Backing out sends nothing.
    await dialog.getByRole('button', { name: 'Keep it running' }).click();
    await expect(dialog).toBeHidden();
    expect(await rp.requestsTo('/cancel')).toBe(0);

    await page.getByTestId('cancel-run').click();
    // A reason is required: without one, nothing is sent and the field says why.
    await page.getByTestId('confirm-cancel-run').click();
    await expect(page.getByTestId('field-error-cancel-reason')).toContainText('Say why');
    expect(await rp.requestsTo('/cancel')).toBe(0);
    await page.getByTestId('cancel-reason').fill('Customer asked — ticket #4521');
    await page.getByTestId('confirm-cancel-run').click();
    await rp.expectStatus('cancelling', 5_000);
    await expect(rp.diagnosis).toHaveText(/^Cancel requested \d+ s ago and not confirmed$/);
    await expect(page.getByTestId('cancel-run')).toHaveCount(0);
    await screenshot(page, testInfo, 'run-cancelling');
    expect(await rp.requestsTo('/cancel')).toBe(1);

    await rp.advance(5);
    await rp.expectStatus('cancelled');
    await expect(rp.diagnosis).toHaveText(/^Cancelled \d+ s ago/);
    await expect(page.getByTestId('run-phase-row').last()).toHaveAttribute('data-status', 'cancelling');
    await expect(page.getByTestId('run-phase-terminal')).toContainText('cancelled');
    // The run's history names who cancelled it, when, and why.
    await expect(page.getByTestId('activity-history-entry').first()).toContainText(/Admin cancelled this run .*ago — Customer asked — ticket #4521/);
    await screenshot(page, testInfo, 'run-cancelled');
  });

  test('a cancel that never completes is diagnosed as unconfirmed', async ({ page, emulator }) => {
    const { threadId, run } = await findSeededRun(emulator, 'Globex', (r) => r.status === 'cancelling');
    const rp = new RunPage(page, emulator);
    await rp.open(threadId, run.id);
    await rp.expectStatus('cancelling');
    // Cancelled outside Runboard ~19 min ago: never "at least 1 s" (what this page saw), but the bound the run gives.
    await expect(rp.diagnosis).toHaveText(/^Cancel requested up to (19|20) min ago and not confirmed$/);
    await expect(page.getByTestId('run-diagnosis')).toContainText('does not record when cancel was requested');
    await expect(page.getByTestId('run-diagnosis')).toContainText('Cancelling again does not help');
  });

  test('edit metadata: over-limit input is refused inline and sends nothing; a valid edit saves', async ({ page, emulator }, testInfo) => {
    const { threadId, run } = await findSeededRun(emulator, 'Initech', (r) => r.status === 'completed');
    const rp = new RunPage(page, emulator);
    await rp.open(threadId, run.id);
    await emulator.clearRequests();

    await page.getByTestId('edit-metadata').click();
    const form = page.getByTestId('metadata-form');
    const key = form.getByRole('textbox', { name: 'Key 1' });
    const value = form.getByRole('textbox', { name: 'Value 1' });
    await key.fill('k'.repeat(65));
    await value.fill('too long a key');
    await page.getByTestId('save-metadata').click();
    await expect(form.getByTestId(/^field-error-/)).toContainText('the limit is 64');
    await key.fill('escalation');
    await value.fill('v'.repeat(513));
    await page.getByTestId('save-metadata').click();
    await expect(form.getByTestId(/^field-error-/)).toContainText('the limit is 512');
    await screenshot(page, testInfo, 'run-metadata-invalid');
    expect(await rp.requestsTo(`/runs/${run.id}`)).toBe(0);

    await value.fill('TCK-10377 reviewed');
    await page.getByTestId('save-metadata').click();
    await expect(page.getByTestId('metadata-list')).toContainText('TCK-10377 reviewed');
    expect(await rp.requestsTo(`/runs/${run.id}`)).toBe(1);
    const stored = await emulator.call<{ metadata: Record<string, string> }>('GET', `/threads/${threadId}/runs/${run.id}`);
    expect(stored.metadata).toMatchObject({ escalation: 'TCK-10377 reviewed' });
  });
});
