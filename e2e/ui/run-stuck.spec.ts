import { expect, test } from '../fixtures';
import { RunPage, findSeededRun } from '../pages/run-page';
import { threeLooks } from '../support/three-looks';

// Issue 9, defects 3 and 6: one cancel per confirmation, and stuck runs diagnosed with honest durations and advice.
test.describe('run page: stuck runs and cancelling', () => {
  test.beforeEach(async ({ emulator }) => {
    await emulator.reset();
  });

  test('a double click on "Cancel run" in the dialog sends one cancel upstream', async ({ page, emulator }) => {
    const { threadId, run } = await findSeededRun(emulator, 'Northwind', (r) => r.status === 'in_progress');
    const rp = new RunPage(page, emulator);
    await rp.open(threadId, run.id);
    await page.getByTestId('cancel-run').click();
    await page.getByTestId('cancel-reason').fill('Customer asked twice');
    await emulator.clearRequests();
    const confirm = page.getByTestId('confirm-cancel-run');
    // The fastest double click there is: both clicks in one task, before React can re-render the button as busy.
    await confirm.evaluate((el: HTMLElement) => {
      el.click();
      el.click();
    });
    await rp.expectStatus('cancelling', 5_000);
    expect(await rp.requestsTo('/cancel')).toBe(1);
  });

  test('a run queued for hours past its deadline is not promised to expire; Age is a duration', async ({ page, emulator }, testInfo) => {
    const { threadId, run } = await findSeededRun(emulator, 'Nightly triage', (r) => r.status === 'queued');
    const rp = new RunPage(page, emulator);
    await rp.open(threadId, run.id);
    await expect(rp.diagnosis).toHaveText(/^Queued for 3 h: the backend has not picked it up; its deadline passed 2 h \d+ min ago$/);
    const box = page.getByTestId('run-diagnosis');
    await expect(box).toContainText('so it will not expire on its own');
    await expect(box).not.toContainText('wait for it to expire');
    await expect(box).toHaveAttribute('data-tone', 'danger');
    await expect(page.getByTestId('run-age')).toHaveText(/^3 h( \d+ min)?$/);
    await threeLooks(page, testInfo, 'run-stuck-queued');
  });

  test('a run in progress for 45 minutes gets advice', async ({ page, emulator }, testInfo) => {
    const { threadId, run } = await findSeededRun(emulator, 'webhook replay', (r) => r.status === 'in_progress');
    const rp = new RunPage(page, emulator);
    await rp.open(threadId, run.id);
    await expect(rp.diagnosis).toHaveText(/^Running for 45 min; its deadline passed \d+ min ago$/);
    await expect(page.getByTestId('run-diagnosis')).toContainText('it looks stuck');
    await expect(page.getByTestId('run-diagnosis')).toContainText('cancel it to unlock the thread');
    await threeLooks(page, testInfo, 'run-stuck-in-progress');
  });

  test('a cancel stuck for 19 minutes gives bounds and why, never "at least 1 s"', async ({ page, emulator }, testInfo) => {
    const { threadId, run } = await findSeededRun(emulator, 'Globex', (r) => r.status === 'cancelling');
    const rp = new RunPage(page, emulator);
    await rp.open(threadId, run.id);
    await rp.advance(3);
    await expect(rp.diagnosis).toHaveText(/^Cancel requested up to (19|20) min ago and not confirmed$/);
    await expect(page.getByTestId('run-diagnosis')).toContainText(/only bounds are known: after the run last started (19|20) min ago, and at least \d+ s ago/);
    await threeLooks(page, testInfo, 'run-stuck-cancelling');
  });
});
