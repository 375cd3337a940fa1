import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { expect, screenshot, test } from '../fixtures';
import { expectNoSeriousA11yViolations } from '../pages/axe';
import { RunPage, findSeededRun } from '../pages/run-page';
import { identity } from '../support/identities';

// Signing in through the page, what each role is offered, signing out, and a session ending under the user's feet.
// Each test starts signed out (its own browser context) unless it says otherwise.

test.use({ storageState: { cookies: [], origins: [] } });

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test.describe('sign-in and roles', () => {
  test.beforeEach(async ({ emulator }) => {
    await emulator.reset();
  });

  test('a signed-out visit goes to sign-in and comes back; wrong password and unknown email read the same', async ({ page }, testInfo) => {
    const viewer = identity('viewer');
    await page.goto('/threads/thread_abc');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fthreads%2Fthread_abc$/);
    await expect(page.getByRole('heading', { name: 'Sign in to Runboard' })).toBeVisible();
    await expect(page.getByTestId('first-start-hint')).toHaveCount(0);
    await screenshot(page, testInfo, 'sign-in');
    await expectNoSeriousA11yViolations(page);

    await signIn(page, viewer.email, 'not-the-password');
    const wrong = await page.getByTestId('sign-in-error').textContent();
    await signIn(page, 'nobody@runboard.test', 'not-the-password');
    await expect(page.getByTestId('sign-in-error')).toHaveText(wrong!);
    expect(wrong).toBe('Invalid email or password');

    await signIn(page, viewer.email, viewer.password);
    await expect(page).toHaveURL(/\/threads\/thread_abc$/);
    await expect(page.getByTestId('viewer-role')).toHaveText('Viewer');
  });

  test('the viewer sees no cancel, submit or create controls, and the API refuses them with 403', async ({ page, emulator }, testInfo) => {
    const viewer = identity('viewer');
    await page.goto('/sign-in');
    await signIn(page, viewer.email, viewer.password);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.locator('#create-thread-and-run')).toContainText('Operators can create threads and runs.');
    await expect(page.locator('#create-thread-and-run form')).toHaveCount(0);

    const { threadId, run } = await findSeededRun(emulator, 'Northwind', (r) => r.status === 'in_progress');
    const rp = new RunPage(page, emulator);
    await rp.open(threadId, run.id);
    await rp.expectStatus('in_progress');
    await expect(page.getByTestId('cancel-run')).toHaveCount(0);
    await expect(page.getByText('Operators can cancel runs.')).toBeVisible();
    await expect(page.getByTestId('edit-metadata')).toHaveCount(0);
    await expect(page.getByText('Operators can edit metadata.')).toBeVisible();
    await screenshot(page, testInfo, 'run-as-viewer');
    await expectNoSeriousA11yViolations(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, testInfo, 'run-as-viewer-dark');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, testInfo, 'run-as-viewer-390');

    await page.setViewportSize({ width: 1280, height: 860 });
    await page.emulateMedia({ colorScheme: 'light' });
    const waiting = await findSeededRun(emulator, 'ACME', (r) => r.status === 'requires_action');
    await rp.open(waiting.threadId, waiting.run.id);
    await expect(page.getByText('Operators can submit tool outputs.')).toBeVisible();
    await page.goto(`/threads/${threadId}`);
    await expect(page.locator('#create-run')).toContainText('Operators can create runs.');

    // The browser's own session calling the API directly: refused, and nothing reaches the upstream.
    await emulator.clearRequests();
    const cancel = await page.request.post(`/api/v1/threads/${threadId}/runs/${run.id}/cancel`, { headers: { origin: new URL(page.url()).origin } });
    expect(cancel.status()).toBe(403);
    expect(((await cancel.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('needs an operator') });
    expect(await rp.requestsTo('/cancel')).toBe(0);
  });

  test('the operator gets the controls', async ({ browser, emulator }, testInfo) => {
    const context = await browser.newContext({ storageState: identity('operator').storageState });
    const page = await context.newPage();
    const { threadId, run } = await findSeededRun(emulator, 'Northwind', (r) => r.status === 'in_progress');
    await new RunPage(page, emulator).open(threadId, run.id);
    await expect(page.getByTestId('cancel-run')).toBeVisible();
    await expect(page.getByTestId('edit-metadata')).toBeVisible();
    await expect(page.getByTestId('viewer-role')).toHaveText('Operator');
    await screenshot(page, testInfo, 'run-as-operator');
    await page.getByTestId('viewer-menu').locator('summary').click();
    await screenshot(page, testInfo, 'header-menu');
    await expectNoSeriousA11yViolations(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, testInfo, 'run-as-operator-dark');
    await context.close();
  });

  test('sign out ends the session; sign out everywhere ends the other browser too', async ({ browser, page }) => {
    const viewer = identity('viewer');
    await page.goto('/sign-in');
    await signIn(page, viewer.email, viewer.password);
    await expect(page.getByTestId('viewer-role')).toBeVisible();
    const cookies = await page.context().cookies();
    await page.getByTestId('viewer-menu').locator('summary').click();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    // The old cookie, replayed, no longer opens anything.
    const replay = await browser.newContext({ storageState: { cookies, origins: [] } });
    expect((await replay.request.get('/api/me')).status()).toBe(401);
    await replay.close();

    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await otherPage.goto('/sign-in');
    await signIn(otherPage, viewer.email, viewer.password);
    await expect(otherPage.getByTestId('viewer-role')).toBeVisible();
    await signIn(page, viewer.email, viewer.password);
    await expect(page.getByTestId('viewer-role')).toBeVisible();
    await page.getByTestId('viewer-menu').locator('summary').click();
    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await otherPage.reload();
    await expect(otherPage).toHaveURL(/\/sign-in/);
    await other.close();
  });

  test('an expired session sends the next request to sign-in', async ({ page }) => {
    const viewer = identity('viewer');
    await page.goto('/sign-in');
    await signIn(page, viewer.email, viewer.password);
    await expect(page.getByTestId('viewer-role')).toBeVisible();
    const token = (await page.context().cookies()).find((c) => c.name.endsWith('runboard.session_token'))!.value.split('.')[0]!;
    const db = new Database(process.env.E2E_DB_FILE!);
    try {
      db.prepare('UPDATE session SET "expiresAt" = ? WHERE token = ?').run(new Date(Date.now() - 1000).toISOString(), decodeURIComponent(token));
    } finally {
      db.close();
    }
    // Changed behind the server's back (another process): refused once the server's few-second memory of checked
    // sessions runs out (RUNBOARD_IDENTITY_CACHE_MS, README "Signing in"); a session reaching its expiry by itself
    // is refused at once (the memory never outlives it).
    await expect.poll(async () => (await page.request.get('/api/v1/assistants?limit=1')).status(), { timeout: 20_000 }).toBe(401);
    await page.reload();
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByRole('heading', { name: 'Sign in to Runboard' })).toBeVisible();
  });
});
