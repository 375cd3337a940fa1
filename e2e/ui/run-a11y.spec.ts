import { expect, screenshot, test } from '../fixtures';
import { expectNoSeriousA11yViolations } from '../pages/axe';
import { RunPage, findRunWithToolStep, findSeededRun } from '../pages/run-page';

test.describe('run page: accessibility, themes and small screens', () => {
  test.beforeEach(async ({ emulator }) => {
    await emulator.reset();
  });

  test('axe finds no serious violations: waiting run, expanded step, cancel dialog, dark theme', async ({ page, emulator }, testInfo) => {
    test.slow(); // four full axe passes over a long page
    const { threadId, run } = await findSeededRun(emulator, 'ACME', (r) => r.status === 'requires_action');
    const rp = new RunPage(page, emulator);
    await rp.open(threadId, run.id);
    await expect(rp.toolOutputs).toHaveCount(2);
    await expectNoSeriousA11yViolations(page);

    await rp.stepButton(/lookup_invoice/).click();
    await expect(page.getByTestId('function-call').first()).toBeVisible();
    await page.getByText('Run JSON').click();
    await expectNoSeriousA11yViolations(page);

    await page.getByTestId('cancel-run').click();
    await expect(page.getByTestId('cancel-run-dialog')).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('cancel-run-dialog')).toBeHidden();

    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, testInfo, 'run-dark');
  });

  test('axe on a completed code-interpreter run in both themes', async ({ page, emulator }, testInfo) => {
    const { threadId, run } = await findRunWithToolStep(emulator, 'Northwind', 'code_interpreter');
    const rp = new RunPage(page, emulator);
    await rp.open(threadId, run.id);
    await rp.stepButton(/Code interpreter/).first().click();
    await rp.stepButton(/Message/).first().click();
    await expect(page.getByTestId('message-content').first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, testInfo, 'run-completed-dark');
  });

  test('usable at 390 px: no horizontal scrolling, forms reachable', async ({ page, emulator }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const { threadId, run } = await findSeededRun(emulator, 'ACME', (r) => r.status === 'requires_action');
    const rp = new RunPage(page, emulator);
    await rp.open(threadId, run.id);
    await expect(rp.diagnosis).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await rp.outputBox(0).fill('{"ok":true}');
    await expect(rp.outputBox(0)).toBeInViewport();
    await screenshot(page, testInfo, 'run-390');
  });

  test('an unknown run says it was not found on the connection', async ({ page, emulator }, testInfo) => {
    const { threadId } = await findSeededRun(emulator, 'ACME', () => true);
    await page.goto(`/threads/${threadId}/runs/run_doesnotexist000000000000`);
    await expect(page.getByTestId('run-not-found')).toBeVisible();
    await expect(page.getByTestId('run-not-found')).toContainText(/Run run_doesnotexist000000000000 was not found on Embedded emulator/);
    await expect(page.getByTestId('error-status')).toHaveText('404');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, testInfo, 'run-not-found');
  });
});
