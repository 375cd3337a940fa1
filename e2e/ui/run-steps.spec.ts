import { expect, screenshot, test } from '../fixtures';
import { RunPage, findRunWithToolStep } from '../pages/run-page';

test.describe('run page: steps', () => {
  test('code interpreter step: input code, logs and the image fetched through the proxy', async ({ page, emulator }, testInfo) => {
    const { threadId, run } = await findRunWithToolStep(emulator, 'Northwind', 'code_interpreter');
    const rp = new RunPage(page, emulator);
    await rp.open(threadId, run.id);
    const step = rp.stepButton(/Code interpreter/).first();
    await expect(step).toHaveAttribute('aria-expanded', 'false');
    await step.click();
    await expect(step).toHaveAttribute('aria-expanded', 'true');
    const details = page.getByTestId('step-details').first();
    await expect(details.getByTestId('code-input')).not.toBeEmpty();
    await expect(details.getByTestId('code-logs').first()).not.toBeEmpty();
    const image = details.getByTestId('code-image').first();
    await expect(image).toHaveAttribute('src', /^\/api\/v1\/files\/file-[\w-]+\/content$/);
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    // The open step is in the URL, so the link can be shared.
    expect(new URL(page.url()).searchParams.get('step')).toMatch(/^step_/);
    await screenshot(page, testInfo, 'run-code-interpreter-step');

    // Opening the shared link opens the same step.
    await page.reload();
    await expect(page.getByTestId('step-details').first().getByTestId('code-input')).toBeVisible();
  });

  test('file search step: results with file, score and retrieved content (include[])', async ({ page, emulator }, testInfo) => {
    const { threadId, run } = await findRunWithToolStep(emulator, 'Globex', 'file_search');
    const rp = new RunPage(page, emulator);
    await rp.open(threadId, run.id);
    await rp.stepButton(/File search/).first().click();
    const results = page.getByTestId('file-search-result');
    await expect(results.first()).toBeVisible();
    await expect(results.first()).toContainText(/score 0\.\d{3}/);
    await expect(results.first().locator('blockquote')).not.toBeEmpty();
    // The message step shows the message it wrote.
    await rp.stepButton(/^.*Message/).first().click();
    await expect(page.getByTestId('message-content').first()).not.toBeEmpty();
    await screenshot(page, testInfo, 'run-file-search-step');
  });

  test('keyboard: steps are buttons that open and close with Enter/Space', async ({ page, emulator }) => {
    const { threadId, run } = await findRunWithToolStep(emulator, 'Northwind', 'code_interpreter');
    const rp = new RunPage(page, emulator);
    await rp.open(threadId, run.id);
    const step = rp.stepButton(/Code interpreter/).first();
    await step.focus();
    await page.keyboard.press('Enter');
    await expect(step).toHaveAttribute('aria-expanded', 'true');
    const panelId = await step.getAttribute('aria-controls');
    await expect(page.locator(`[id="${panelId}"]`)).toBeVisible();
    await page.keyboard.press('Space');
    await expect(step).toHaveAttribute('aria-expanded', 'false');
  });

});
