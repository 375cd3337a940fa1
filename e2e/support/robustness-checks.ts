// What "the page coped" means for the robustness spec, checked the way a user would notice it: no error boundary
// or crash screen, the heading and every panel settled (data, empty state, or an error the panel explains), no
// garbage text (NaN, Invalid Date, [object Object], undefined), no uncaught exception, and each object the page has
// no dedicated view for shown as raw JSON.
import { expect, type Locator, type Page } from '@playwright/test';

type Obj = Record<string, unknown>;
export type ListBody = { data: Obj[] };

/** Types the UI has a dedicated rendering for; anything else must appear as raw JSON. Kept independent of the contract. */
const VIEWED_STEP_TYPES = ['message_creation', 'tool_calls'];
const VIEWED_TOOL_CALL_TYPES = ['function', 'code_interpreter', 'file_search'];
const VIEWED_CONTENT_TYPES = ['text', 'image_file', 'image_url', 'refusal'];

/** Watches a page for uncaught exceptions, React errors on the console, and the upstream key in any response. */
export function watchPage(page: Page, secret: string): { problems: string[] } {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    // Failed image/file loads (random ids the proxy refuses) are the network's business, not a rendering fault.
    if (/Failed to load resource/.test(text)) return;
    if (/React|Minified|hydrat|Uncaught|TypeError|RangeError|is not a function|Cannot read/i.test(text)) problems.push(`console: ${text.slice(0, 400)}`);
  });
  page.on('response', async (response) => {
    const type = response.headers()['content-type'] ?? '';
    if (!/json|html|javascript|text\/plain/.test(type)) return;
    const body = await response.text().catch(() => '');
    if (body.includes(secret)) problems.push(`the upstream key appeared in ${response.url()}`);
  });
  return { problems };
}

/** No error boundary, no Next crash page, no garbage text outside raw JSON views. */
export async function expectNoBreakage(page: Page): Promise<void> {
  await expect(page.getByTestId('page-error')).toHaveCount(0);
  await expect(page.getByText(/Application error|client-side exception|Internal Server Error/)).toHaveCount(0);
  const text = await page.evaluate(() => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    for (const el of clone.querySelectorAll('pre, script, style, textarea, noscript')) el.remove();
    return clone.textContent ?? '';
  });
  const garbage = ['NaN', 'Invalid Date', '[object Object]', 'undefined', 'Infinity']
    .filter((word) => new RegExp(`(^|[^A-Za-z0-9_-])${word.replace(/[[\]]/g, '\\$&')}($|[^A-Za-z0-9_-])`).test(text));
  expect(garbage, 'text that means a value was misread').toEqual([]);
}

/**
 * Waits for a panel to settle, then requires it to show its data (or its empty state), not an error: the test read
 * the same objects through the same proxy with a 200, so an error here means the page could not take them.
 * (A failed parse is retried like an outage, so the panel may pass through its skeleton again; waiting for the
 * first of data/empty/error and then asserting is what tells the two apart.)
 */
async function settled(panel: Locator, ...ready: Locator[]): Promise<void> {
  const error = panel.getByTestId('error-state');
  let any = error;
  for (const r of ready) any = any.or(r);
  await expect(any.first()).toBeVisible({ timeout: 45_000 });
  if ((await error.count()) > 0) {
    throw new Error(`the panel shows an error instead of the upstream's objects: ${await error.first().innerText()}`);
  }
}

/** A panel must not report that the upstream's object could not be understood (that is a contract failure). */
async function expectUnderstood(scope: Locator): Promise<void> {
  await expect(scope.getByText(/shape Runboard does not understand/)).toHaveCount(0);
}

/** Opens a <details> by its summary text (no-op when already open). */
async function openDetails(scope: Locator, summary: string | RegExp): Promise<void> {
  const details = scope.locator('details').filter({ has: scope.page().locator('summary', { hasText: summary }) }).first();
  if (!(await details.evaluate((el) => (el as HTMLDetailsElement).open))) await details.locator('summary').first().click();
}

export async function checkThreadPage(page: Page, thread: Obj, runs: ListBody, messages: ListBody): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 30_000 });
  const runsPanel = page.getByTestId('runs-panel');
  await settled(runsPanel, runsPanel.getByTestId('run-row').first(), runsPanel.getByTestId('empty-state'));
  await expectUnderstood(runsPanel);
  if (runs.data.length > 0) await expect(page.getByTestId('run-row')).toHaveCount(runs.data.length);
  const messagesPanel = page.getByTestId('messages-panel');
  await settled(messagesPanel, messagesPanel.getByTestId('message').first(), messagesPanel.getByTestId('empty-state'));
  await expectUnderstood(messagesPanel);
  // Thread facts with its raw JSON, showing the object the upstream sent.
  const facts = page.getByTestId('thread-facts');
  await expect(facts).toBeVisible();
  await openDetails(facts, 'Raw thread JSON');
  await expect(facts.getByLabel('Raw thread JSON', { exact: true })).toContainText(`"id": ${JSON.stringify(thread.id)}`);
  // Every message content part without a dedicated view is shown raw.
  for (const message of messages.data) {
    for (const part of (message.content as Obj[] | undefined) ?? []) {
      if (VIEWED_CONTENT_TYPES.includes(String(part.type))) continue;
      await expect(messagesPanel.getByLabel(`Content of type "${String(part.type)}" (not interpreted)`, { exact: true }).first()).toBeVisible();
    }
  }
  await expectNoBreakage(page);
}

export async function checkRunPage(page: Page, run: Obj, steps: ListBody, maxStepsToOpen = 6): Promise<void> {
  const viewer = page.getByTestId('run-viewer');
  await expect(viewer.or(page.getByTestId('error-state')).first()).toBeVisible({ timeout: 30_000 });
  await expectUnderstood(page.locator('body'));
  await expect(viewer).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: /Run/ })).toBeVisible();
  // A failed steps read replaces the steps card with an error state, so the whole viewer is the scope.
  await settled(viewer, viewer.getByTestId('step-row').first(), viewer.getByTestId('steps-empty'));
  // The raw run JSON is one click away and is the object the upstream sent.
  const raw = page.getByTestId('run-raw-json');
  await openDetails(raw, 'Run JSON');
  await expect(raw.getByTestId('run-json')).toContainText(`"id": ${JSON.stringify(run.id)}`);
  // Open steps: each shows its raw JSON, and anything without a dedicated view is shown raw.
  for (const step of steps.data.slice(0, maxStepsToOpen)) {
    const row = page.locator(`[data-testid="step-row"][data-step-id="${String(step.id)}"]`).first();
    await row.getByRole('button').first().click();
    const details = row.getByTestId('step-details');
    await expect(details).toBeVisible();
    await expect(details.locator('summary', { hasText: 'Raw step JSON' })).toBeVisible();
    const stepDetails = (step.step_details ?? {}) as Obj;
    if (!VIEWED_STEP_TYPES.includes(String(stepDetails.type))) {
      await expect(details.getByLabel('Step details', { exact: true })).toContainText(JSON.stringify(stepDetails.type));
    } else if (stepDetails.type === 'tool_calls') {
      for (const call of (stepDetails.tool_calls as Obj[] | undefined) ?? []) {
        if (VIEWED_TOOL_CALL_TYPES.includes(String(call.type))) continue;
        await expect(details.getByLabel(`Tool call of type ${String(call.type)}`, { exact: true }).first()).toBeVisible();
      }
    }
    await expectUnderstood(details);
    await row.getByRole('button').first().click(); // close again: keeps the page short for the screenshot
  }
  await expectNoBreakage(page);
}
