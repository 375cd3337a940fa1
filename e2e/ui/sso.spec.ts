import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from '../fixtures';
import { expectNoSeriousA11yViolations } from '../pages/axe';
import { startSsoApp, type SsoApp } from '../support/sso-app';

// Single sign-on in Chromium against a real OpenID provider (oidc-provider on 127.0.0.1): the sign-in page offers it,
// the IdP's own login form checks the password, and the first sign-in creates a viewer (or an operator through the
// groups → role mapping). An email outside the allowed domains comes back refused, with nobody created.

test.use({ storageState: { cookies: [], origins: [] } });

let app: SsoApp;
const adminPassword = `sso-admin-${randomBytes(6).toString('hex')}`;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  app = await startSsoApp({ RUNBOARD_ADMIN_EMAIL: 'admin@sso.test', RUNBOARD_ADMIN_PASSWORD: adminPassword });
});
test.afterAll(async () => {
  await app?.stop();
});

async function ssoSignIn(page: Page, email: string, password: string) {
  await page.goto(`${app.url}/sign-in`);
  await page.getByRole('button', { name: 'Sign in with Test IdP' }).click();
  await expect(page.getByRole('heading', { name: 'Test identity provider' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in to the IdP' }).click();
}

test.describe('single sign-on', () => {
  test('the first SSO sign-in creates a viewer; the groups claim maps another person to operator', async ({ page }, testInfo) => {
    await page.goto(`${app.url}/sign-in`);
    await expect(page.getByRole('button', { name: 'Sign in with Test IdP' })).toBeVisible();
    await screenshot(page, testInfo, 'sso-sign-in');
    await expectNoSeriousA11yViolations(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, testInfo, 'sso-sign-in-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, testInfo, 'sso-sign-in-390');
    await page.setViewportSize({ width: 1280, height: 860 });

    await ssoSignIn(page, 'vera@example.com', 'not-her-password');
    await expect(page.getByRole('alert')).toHaveText('Wrong email or password.');
    await page.getByLabel('Password').fill('vera-at-the-idp');
    await page.getByRole('button', { name: 'Sign in to the IdP' }).click();
    await expect(page).toHaveURL(`${app.url}/`);
    await expect(page.getByTestId('viewer-role')).toHaveText('Viewer');
    await page.goto(`${app.url}/profile`);
    await expect(page.getByTestId('profile-email')).toHaveText('vera@example.com');
    await expect(page.getByText('Single sign-on', { exact: true })).toBeVisible();
    await expect(page.getByText('your password is managed by your identity provider')).toBeVisible();

    await page.context().clearCookies();
    await ssoSignIn(page, 'otto@example.com', 'otto-at-the-idp');
    await expect(page).toHaveURL(`${app.url}/`);
    await expect(page.getByTestId('viewer-role')).toHaveText('Operator');
  });

  test('an email outside the allowed domains is refused with a clear message and no account', async ({ page }) => {
    await ssoSignIn(page, 'eve@elsewhere.org', 'eve-at-the-idp');
    await expect(page).toHaveURL(/\/sign-in\?.*error=sso_not_allowed/);
    await expect(page.getByTestId('sso-refusal')).toContainText('its email domain is not on the list');
    expect((await page.request.get(`${app.url}/api/me`)).status()).toBe(401);

    const admin = await page.context().browser()!.newContext({ storageState: { cookies: [], origins: [] } });
    const adminPage = await admin.newPage();
    await adminPage.goto(`${app.url}/sign-in`);
    await adminPage.getByLabel('Email').fill('admin@sso.test');
    await adminPage.getByLabel('Password', { exact: true }).fill(adminPassword);
    await adminPage.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(adminPage.getByTestId('viewer-role')).toHaveText('Admin');
    await adminPage.goto(`${app.url}/admin/users`);
    await expect(adminPage.locator('[data-testid="user-row"][data-email="vera@example.com"]')).toContainText('SSO');
    await expect(adminPage.locator('[data-testid="user-row"][data-email="eve@elsewhere.org"]')).toHaveCount(0);
    await admin.close();
  });
});
