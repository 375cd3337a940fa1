import { expect, screenshot, test } from '../fixtures';
import { expectNoSeriousA11yViolations } from '../pages/axe';
import { HomePage } from '../pages/home-page';
import { RunPage, findSeededRun } from '../pages/run-page';

test.describe('form errors follow their cause', () => {
  test.beforeEach(async ({ emulator }) => {
    await emulator.reset();
  });

  test('create thread and run: the assistant error is a sentence under the dropdown, and errors leave as fields are fixed', async ({ page, emulator }, testInfo) => {
    // Several page loads, axe runs and screenshots in both themes and two widths: more than the default minute on a
    // machine shared with other work.
    test.slow();
    const assistants = await emulator.call<{ data: Array<{ id: string }> }>('GET', '/assistants?limit=1');
    const home = new HomePage(page);
    await home.goto();
    const dropdown = home.createForm.getByLabel('Assistant', { exact: true });
    // The dropdown is disabled while the assistants load, and a submit then focuses the typed-id field instead (the
    // one place to fix it at that moment): under load that race failed this test once in CI.
    await expect(dropdown).toBeEnabled();
    await home.createForm.getByRole('button', { name: 'Create thread and run' }).click();
    const assistantError = page.getByTestId('field-error-ctr-assistant_id');
    await expect(assistantError).toHaveText('Choose an assistant from the list, or type its id.');
    // Nothing typed: the dropdown is where it is fixed, and it is what the error describes.
    await expect(dropdown).toBeFocused();
    await expect(dropdown).toHaveAttribute('aria-describedby', /ctr-assistant_id-error/);
    await expect(dropdown).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('field-error-ctr-first_message')).toBeVisible();
    await screenshot(page, testInfo, 'create-thread-and-run-assistant-error');
    await page.emulateMedia({ colorScheme: 'dark' });
    await home.createForm.screenshot({ path: testInfo.outputPath('create-form-errors-dark.png') });
    await expectNoSeriousA11yViolations(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await home.createForm.screenshot({ path: testInfo.outputPath('create-form-errors-phone.png') });
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.emulateMedia({ colorScheme: 'light' });

    // Fixing a field clears its error at once, before any new submit.
    await dropdown.selectOption(assistants.data[0]!.id);
    await expect(assistantError).toBeHidden();
    await expect(page.getByTestId('field-error-ctr-first_message')).toBeVisible();
    await home.createForm.getByLabel('First user message').fill('Hello');
    await expect(page.getByTestId('field-error-ctr-first_message')).toBeHidden();
    // And a field broken again after a failed submit says so at once.
    await home.createForm.getByLabel('Assistant id').fill('asst with spaces');
    await expect(assistantError).toContainText('is not an assistant id');
  });

  test('edit metadata: every problem at once, errors leave when fixed, over-limit text blocks saving', async ({ page, emulator }, testInfo) => {
    const { threadId, run } = await findSeededRun(emulator, 'Initech', (r) => r.status === 'completed');
    const rp = new RunPage(page, emulator);
    await rp.open(threadId, run.id);
    await page.getByTestId('edit-metadata').click();
    const form = page.getByTestId('metadata-form');
    // Rows are added after whatever the run has (blank rows are ignored when saving).
    const add = async (key: string, value: string) => {
      await form.getByRole('button', { name: '+ Add pair' }).click();
      const n = await form.getByTestId('metadata-row').count();
      await form.getByLabel(`Key ${n}`).fill(key);
      await form.getByLabel(`Value ${n}`).fill(value);
      return n - 1;
    };
    await add('dup', '1');
    const dupRow = await add('dup', '2');
    const longRow = await add('k'.repeat(65), 'v');
    await emulator.clearRequests();
    await page.getByTestId('save-metadata').click();
    // Both problems in the same round.
    await expect(page.getByTestId(`field-error-run-metadata-editor-row-${dupRow}`)).toHaveText('Duplicate key "dup".');
    await expect(page.getByTestId(`field-error-run-metadata-editor-row-${longRow}`)).toContainText('The key is 65 characters; the limit is 64.');
    await screenshot(page, testInfo, 'metadata-all-errors');
    await form.screenshot({ path: testInfo.outputPath('metadata-form-errors.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 390, height: 844 });
    await form.screenshot({ path: testInfo.outputPath('metadata-form-errors-phone-dark.png') });
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await rp.requestsTo(`/runs/${run.id}`)).toBe(0);

    // Fixing the duplicate clears its error without saving again.
    await form.getByLabel(`Key ${dupRow + 1}`).fill('dup2');
    await expect(page.getByTestId(`field-error-run-metadata-editor-row-${dupRow}`)).toBeHidden();
    await form.getByLabel(`Key ${longRow + 1}`).fill('short');
    await expect(page.getByTestId(`field-error-run-metadata-editor-row-${longRow}`)).toBeHidden();

    // Over-limit text: flagged while typing, and saving is refused (nothing sent) until it is shortened.
    await form.getByLabel(`Value ${longRow + 1}`).fill('x'.repeat(513));
    await expect(page.getByTestId(`field-error-run-metadata-editor-row-${longRow}`)).toContainText('The value is 513 characters; the limit is 512.');
    await page.getByTestId('save-metadata').click();
    await expect(page.getByTestId(`field-error-run-metadata-editor-row-${longRow}`)).toContainText('The value is 513 characters');
    expect(await rp.requestsTo(`/runs/${run.id}`)).toBe(0);
    await form.getByLabel(`Value ${longRow + 1}`).fill('x'.repeat(512));
    await expect(page.getByTestId(`field-error-run-metadata-editor-row-${longRow}`)).toBeHidden();
    await page.getByTestId('save-metadata').click();
    await expect(page.getByTestId('metadata-list')).toContainText('dup2');
    expect(await rp.requestsTo(`/runs/${run.id}`)).toBe(1);
    await expectNoSeriousA11yViolations(page);
  });

  test('edit metadata: sixteen pairs of 64-character keys are shown whole', async ({ page, emulator }, testInfo) => {
    const { threadId, run } = await findSeededRun(emulator, 'Initech', (r) => r.status === 'completed');
    const metadata = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`${String(i).padStart(2, '0')}${'key_segment_'.repeat(6)}`.slice(0, 64), `value ${i}`]));
    await emulator.call('POST', `/threads/${threadId}/runs/${run.id}`, { metadata });
    const rp = new RunPage(page, emulator);
    await rp.open(threadId, run.id);
    await page.getByTestId('edit-metadata').click();
    const keys = page.getByTestId('metadata-form').getByRole('textbox', { name: /^Key \d+$/ });
    await expect(keys).toHaveCount(16);
    const cut = await keys.evaluateAll((inputs) => (inputs as HTMLInputElement[]).filter((i) => i.scrollWidth > i.clientWidth).map((i) => i.value));
    expect(cut, 'keys cut off in the editor').toEqual([]);
    await screenshot(page, testInfo, 'metadata-editor-16-pairs');
  });
});
