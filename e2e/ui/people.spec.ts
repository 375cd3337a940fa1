import { randomBytes } from 'node:crypto';
import type { Browser, Page, TestInfo } from '@playwright/test';
import { expect, screenshot, test } from '../fixtures';
import { expectNoSeriousA11yViolations } from '../pages/axe';
import { identity } from '../support/identities';

// People, in Chromium: the admin invites an operator (link) and a viewer (temporary password) on /admin/users and
// each signs in; personal tokens are created on /profile (shown once) and revoked; a deactivated person and a revoked
// token lose access at once. The page starts signed in as the admin (storage state from e2e/setup).

const unique = () => randomBytes(4).toString('hex');

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** A fresh signed-out browser context (another person on another machine). */
async function stranger(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  return context.newPage();
}

async function looks(page: Page, testInfo: TestInfo, name: string) {
  await screenshot(page, testInfo, name);
  await expectNoSeriousA11yViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, testInfo, `${name}-dark`);
  await expectNoSeriousA11yViolations(page);
  await page.emulateMedia({ colorScheme: 'light' });
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), `${name} scrolls sideways at 390 px`).toBeLessThanOrEqual(0);
  await screenshot(page, testInfo, `${name}-390`);
  await page.setViewportSize(size);
}

test.describe('people', () => {
  // Several browsers and many page loads each, on a shared machine.
  test.describe.configure({ timeout: 240_000 });

  test('the admin invites an operator by link and a viewer with a temporary password; each signs in', async ({ page, browser, baseURL }, testInfo) => {
    const operatorEmail = `olga-${unique()}@people.test`;
    const viewerEmail = `vic-${unique()}@people.test`;
    await page.goto('/admin/users');
    await expect(page.getByTestId('users-table')).toBeVisible();

    await page.getByRole('button', { name: 'Invite a person' }).click();
    const dialog = page.getByTestId('invite-dialog');
    await dialog.getByLabel('Email').fill('not an email');
    await dialog.getByRole('button', { name: 'Create invite link' }).click();
    await expect(dialog.getByTestId('field-error-invite-email')).toContainText('must be an email address such as ana@example.com');
    await dialog.getByLabel('Email').fill(operatorEmail);
    await dialog.getByLabel('Role').selectOption('operator');
    await dialog.getByRole('button', { name: 'Create invite link' }).click();
    const inviteUrl = (await dialog.getByTestId('invite-url').textContent())!;
    expect(inviteUrl).toMatch(/\/invite\?token=/);
    await screenshot(page, testInfo, 'invite-link-shown-once');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(page.locator(`[data-testid="user-row"][data-email="${operatorEmail}"]`)).toHaveAttribute('data-status', 'invited');

    await page.getByRole('button', { name: 'Invite a person' }).click();
    await dialog.getByLabel('Email').fill(viewerEmail);
    await dialog.getByLabel('Name').fill('Vic Viewer');
    await dialog.getByLabel(/Temporary password/).check();
    await dialog.getByRole('button', { name: 'Create account' }).click();
    const temporary = (await dialog.getByTestId('temporary-password').textContent())!;
    expect(temporary).toMatch(/^[A-Za-z0-9]{20}$/);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await looks(page, testInfo, 'admin-users');

    // The operator opens the link on their machine, chooses a password, signs in.
    const olga = await stranger(browser, baseURL);
    await olga.goto(inviteUrl);
    await expect(olga.getByText(`${operatorEmail} is invited as Operator.`)).toBeVisible();
    await looks(olga, testInfo, 'accept-invite');
    await olga.getByLabel('Your name').fill('Olga Operator');
    await olga.getByLabel('Password', { exact: true }).fill('olga-picked-this-1');
    await olga.getByLabel('Repeat the password').fill('olga-picked-this-1');
    await olga.getByRole('button', { name: 'Join Runboard' }).click();
    await olga.getByRole('link', { name: 'Go to sign-in' }).click();
    await signIn(olga, operatorEmail, 'olga-picked-this-1');
    await expect(olga.getByTestId('viewer-role')).toHaveText('Operator');
    // The link worked once.
    await olga.goto(inviteUrl);
    await expect(olga.getByText('This invitation cannot be used')).toBeVisible();

    // The viewer signs in with the temporary password and must replace it before anything else.
    const vic = await stranger(browser, baseURL);
    await vic.goto('/sign-in');
    await signIn(vic, viewerEmail, temporary);
    await expect(vic).toHaveURL(/\/change-password$/);
    const refused = await vic.request.get('/api/v1/assistants');
    expect(refused.status()).toBe(403);
    await looks(vic, testInfo, 'change-temporary-password');
    await vic.getByLabel('Temporary password').fill(temporary);
    await vic.getByLabel('New password', { exact: true }).fill('vic-own-password-1');
    await vic.getByLabel('Repeat the new password').fill('vic-own-password-1');
    await vic.getByRole('button', { name: 'Change password' }).click();
    await expect(vic).toHaveURL(/\/$/);
    await expect(vic.getByTestId('viewer-role')).toHaveText('Viewer');
    expect((await vic.request.get('/api/v1/assistants')).status()).toBe(200);

    await page.reload();
    await expect(page.locator(`[data-testid="user-row"][data-email="${operatorEmail}"]`)).toHaveAttribute('data-status', 'active');
    await olga.context().close();
    await vic.context().close();
  });

  test('a token is shown once and stops working when revoked; a deactivated person loses session and tokens at once', async ({ page, browser, baseURL }, testInfo) => {
    // Someone to deactivate: invited and joined through the API the page itself uses.
    const email = `dora-${unique()}@people.test`;
    const origin = new URL(baseURL!).origin;
    const created = await page.request.post('/api/admin/users', { headers: { origin }, data: { email, role: 'operator', method: 'invite' } });
    expect(created.status(), await created.text()).toBe(201);
    const token = new URL(((await created.json()) as { invite_url: string }).invite_url).searchParams.get('token')!;
    const joined = await page.request.post(`/api/invites/${token}`, { headers: { origin }, data: { name: 'Dora', password: 'dora-password-123' } });
    expect(joined.status()).toBe(200);

    const dora = await stranger(browser, baseURL);
    await dora.goto('/sign-in');
    await signIn(dora, email, 'dora-password-123');
    await expect(dora.getByTestId('viewer-role')).toHaveText('Operator');
    await dora.goto('/profile');
    await dora.getByRole('button', { name: 'New token' }).click();
    const tokenDialog = dora.getByTestId('create-token-dialog');
    await expect(tokenDialog.getByLabel('Role').locator('option')).toHaveText(['Viewer', 'Operator']);
    await tokenDialog.getByLabel('Name').fill('nightly export');
    await tokenDialog.getByRole('button', { name: 'Create token' }).click();
    const first = (await tokenDialog.getByTestId('new-token-value').textContent())!;
    await looks(dora, testInfo, 'token-shown-once');
    await tokenDialog.getByRole('button', { name: 'I have copied it' }).click();
    const row = dora.locator('[data-testid="token-row"][data-token-name="nightly export"]');
    await expect(row).toContainText(`rb_…${first.slice(-4)}`);
    await expect(dora.locator('body')).not.toContainText(first);

    const asScript = (secret: string) => dora.request.get('/api/v1/assistants', { headers: { authorization: `Bearer ${secret}` } });
    expect((await asScript(first)).status()).toBe(200);
    await dora.reload();
    await expect(row).not.toContainText('Never');
    await looks(dora, testInfo, 'profile-with-tokens');

    await row.getByRole('button', { name: /Revoke token/ }).click();
    await dora.getByTestId('revoke-token-dialog').getByRole('button', { name: 'Revoke token' }).click();
    await expect(row).toHaveCount(0);
    expect((await asScript(first)).status()).toBe(401);

    // A second token, then the admin deactivates Dora: her open page and her token are refused from the next request.
    await dora.getByRole('button', { name: 'New token' }).click();
    await tokenDialog.getByLabel('Name').fill('backup script');
    await tokenDialog.getByRole('button', { name: 'Create token' }).click();
    const second = (await tokenDialog.getByTestId('new-token-value').textContent())!;
    await tokenDialog.getByRole('button', { name: 'I have copied it' }).click();
    expect((await asScript(second)).status()).toBe(200);

    await page.goto('/admin/users');
    const doraRow = page.locator(`[data-testid="user-row"][data-email="${email}"]`);
    await doraRow.getByRole('button', { name: `Deactivate ${email}` }).click();
    await page.getByTestId('user-action-dialog').getByRole('button', { name: 'Deactivate' }).click();
    await expect(doraRow).toHaveAttribute('data-status', 'deactivated');
    await expect(page.locator('[data-testid="token-row"][data-token-name="backup script"]')).toBeVisible();

    expect((await asScript(second)).status()).toBe(401);
    expect((await dora.request.get('/api/profile')).status()).toBe(401);
    await dora.reload();
    await expect(dora).toHaveURL(/\/sign-in/);
    await signIn(dora, email, 'dora-password-123');
    await expect(dora.getByTestId('sign-in-error')).toBeVisible();
    await dora.context().close();
  });

  test('a viewer cannot open the people page nor call its API', async ({ browser, baseURL }) => {
    const viewer = identity('viewer');
    const page = await stranger(browser, baseURL);
    await page.goto('/sign-in');
    await signIn(page, viewer.email, viewer.password);
    await expect(page.getByTestId('viewer-role')).toHaveText('Viewer');
    await page.goto('/admin/users');
    await expect(page.getByText('Only admins can manage people.')).toBeVisible();
    await expect(page.getByTestId('users-table')).toHaveCount(0);
    expect((await page.request.get('/api/admin/users')).status()).toBe(403);
    await page.context().close();
  });
});
