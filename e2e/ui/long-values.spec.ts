import type { Page } from '@playwright/test';
import { expect, screenshot, test, type EmulatorControl } from '../fixtures';
import { expectNoSeriousA11yViolations } from '../pages/axe';

// A support engineer pastes whatever customers send: 512-character URLs as metadata values, 64-character keys,
// titles with no spaces. Every page must stay as wide as the window and still offer the whole value.

const LONG_URL = `https://support.example.com/tickets/${'a1b2c3d4e5'.repeat(60)}`.slice(0, 512);
const LONG_KEY = `k${'x'.repeat(63)}`;
const LONG_TITLE = `Title${'W'.repeat(507)}`;
const LONG_MODEL = `gpt-4o-${'m'.repeat(120)}`;

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The innermost elements reaching past the window's right edge, to say what broke the layout. */
async function widestElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    const over = [...document.body.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > limit + 1);
    return over
      .filter((el) => !over.some((other) => other !== el && el.contains(other)))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''}.${[...el.classList].slice(0, 4).join('.')} → ${Math.round(el.getBoundingClientRect().right)} px`);
  });
}

async function expectNoOverflow(page: Page, what: string): Promise<void> {
  const overflow = await horizontalOverflow(page);
  expect(overflow, `${what} is wider than the window: ${overflow > 0 ? (await widestElements(page)).join('; ') : ''}`).toBeLessThanOrEqual(0);
}

async function createLongThreadAndRun(emulator: EmulatorControl): Promise<{ threadId: string; runId: string }> {
  const assistants = await emulator.call<{ data: Array<{ id: string }> }>('GET', '/assistants?limit=1');
  const thread = await emulator.call<{ id: string }>('POST', '/threads', {
    metadata: { title: LONG_TITLE, [LONG_KEY]: LONG_URL },
    messages: [{ role: 'user', content: `Please look at ${LONG_URL}` }],
  });
  const run = await emulator.call<{ id: string }>('POST', `/threads/${thread.id}/runs`, {
    assistant_id: assistants.data[0]!.id,
    model: LONG_MODEL,
    metadata: { scenario: 'fail_rate_limit', [LONG_KEY]: LONG_URL, ticket: LONG_URL },
  });
  // Let the run fail: its error message then names the long model.
  await emulator.advance(30);
  return { threadId: thread.id, runId: run.id };
}

test.describe('long values', () => {
  test.beforeEach(async ({ emulator }) => {
    await emulator.reset();
  });

  for (const width of [1280, 390]) {
    test(`thread, run and home pages stay within ${width} px with 512-character values`, async ({ page, emulator }, testInfo) => {
      // Several page loads, axe runs and screenshots in both themes and two widths: more than the default minute on a
      // machine shared with other work.
      test.slow();
      await page.setViewportSize({ width, height: 900 });
      const { threadId, runId } = await createLongThreadAndRun(emulator);

      await page.goto(`/threads/${threadId}`);
      await expect(page.getByTestId('thread-facts')).toContainText(LONG_URL);
      await expect(page.getByTestId('run-row').first()).toBeVisible();
      await expectNoOverflow(page, 'the thread page');
      await screenshot(page, testInfo, `long-thread-${width}`);

      await page.goto(`/threads/${threadId}/runs/${runId}`);
      await expect(page.getByTestId('run-viewer')).toHaveAttribute('data-run-status', 'failed');
      await expect(page.getByTestId('metadata-list')).toContainText(LONG_URL);
      await expect(page.getByTestId('run-viewer')).toContainText(LONG_MODEL);
      await expectNoOverflow(page, 'the run page');
      // "Edit metadata" stays on screen.
      const edit = page.getByTestId('edit-metadata');
      await edit.scrollIntoViewIfNeeded();
      await expect(edit).toBeInViewport();
      const box = await edit.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
      await screenshot(page, testInfo, `long-run-${width}`);
      await edit.click();
      await expect(page.getByTestId('metadata-form')).toBeVisible();
      await expectNoOverflow(page, 'the metadata editor');

      await page.goto('/');
      const title = page.getByTestId('recent-thread').filter({ hasText: threadId });
      await expect(title).toBeVisible();
      // The title is cut on screen but can be read whole (title attribute).
      await expect(title.getByRole('link').first()).toHaveAttribute('title', /^TitleW+/);
      await expectNoOverflow(page, 'the home page');
      // The title keeps a readable width: the status and "seen" move below it rather than squeeze it.
      expect((await title.getByRole('link').first().boundingBox())!.width).toBeGreaterThan(Math.min(width, 600) / 2);
      await screenshot(page, testInfo, `long-home-${width}`);

      const missing = `thread_${'Z'.repeat(120)}`;
      await page.goto(`/threads/${missing}`);
      await expect(page.getByTestId('thread-not-found').or(page.getByTestId('error-state')).first()).toBeVisible();
      await expectNoOverflow(page, 'the thread-not-found page');
      const missingRun = `run_${'Q'.repeat(120)}`;
      await page.goto(`/threads/${threadId}/runs/${missingRun}`);
      await expect(page.getByTestId('run-not-found').or(page.getByTestId('error-state')).first()).toContainText(missingRun);
      await expectNoOverflow(page, 'the run-not-found page');

      await expectNoSeriousA11yViolations(page);
    });
  }

  test('dark mode keeps long values readable', async ({ page, emulator }, testInfo) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const { threadId, runId } = await createLongThreadAndRun(emulator);
    await page.goto(`/threads/${threadId}/runs/${runId}`);
    await expect(page.getByTestId('metadata-list')).toContainText(LONG_URL);
    await expectNoOverflow(page, 'the run page');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, testInfo, 'long-run-dark');
  });
});
