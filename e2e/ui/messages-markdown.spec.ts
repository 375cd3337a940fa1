import { expect, screenshot, test } from '../fixtures';
import { expectNoSeriousA11yViolations } from '../pages/axe';

const MARKDOWN = [
  '## Order summary',
  '',
  'Steps we **tried**:',
  '',
  '1. Looked up the invoice',
  '2. Issued the refund',
  '',
  '| Invoice | Amount |',
  '| --- | ---: |',
  '| INV-1 | 980 |',
  '',
  '```json',
  '{"status": "paid"}',
  '```',
  '',
  'Details: [the ticket](https://support.example.com/t/1) and <b>not bold</b> <img src=x onerror="alert(1)">',
].join('\n');

test.describe('messages as Markdown', () => {
  test('lists, tables, code with copy and safe links; raw HTML stays text; "Raw" shows the exact text', async ({ page, emulator }, testInfo) => {
    const thread = await emulator.call<{ id: string }>('POST', '/threads', { messages: [{ role: 'user', content: MARKDOWN }] });
    await page.goto(`/threads/${thread.id}`);
    const message = page.getByTestId('message').first();
    const rendered = message.getByTestId('message-markdown');
    await expect(rendered.locator('ol > li')).toHaveCount(2);
    await expect(rendered.locator('strong')).toHaveText('tried');
    await expect(rendered.locator('table td').nth(1)).toHaveText('980');
    await expect(rendered.getByTestId('message-code-block')).toHaveText('{"status": "paid"}');
    await expect(rendered.getByRole('button', { name: 'Copy code' })).toBeVisible();
    const link = rendered.getByRole('link', { name: 'the ticket' });
    await expect(link).toHaveAttribute('href', 'https://support.example.com/t/1');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    // Raw HTML is shown as the text it is, never as markup.
    await expect(rendered.locator('b, img')).toHaveCount(0);
    await expect(rendered).toContainText('<b>not bold</b>');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, testInfo, 'message-markdown');
    await message.screenshot({ path: testInfo.outputPath('message-markdown-item.png') });

    await message.getByTestId('message-raw-toggle').click();
    await expect(message.getByTestId('message-raw')).toHaveText(MARKDOWN);
    await expect(message.getByTestId('message-raw-toggle')).toHaveAttribute('aria-pressed', 'true');
    await message.getByTestId('message-raw-toggle').click();
    await expect(rendered.locator('table')).toBeVisible();

    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, testInfo, 'message-markdown-dark');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, testInfo, 'message-markdown-phone');
    await message.screenshot({ path: testInfo.outputPath('message-markdown-item-phone-dark.png') });
  });
});
