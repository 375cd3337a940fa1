import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, screenshot, test } from '../fixtures';
import { expectNoSeriousA11yViolations } from '../pages/axe';
import { freePort, startNextServer, type NextServer } from '../support/processes';

// A fresh Runboard with no user and no admin variables: it prints a one-time setup link; the sign-in page says where
// it is; the link creates the first admin (who lands signed in), and then no longer works.

test.use({ storageState: { cookies: [], origins: [] } });

let server: NextServer | undefined;

test.afterEach(async () => {
  await server?.process.stop();
  server = undefined;
});

test('first start: the printed setup link creates the first admin, once', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  server = await startNextServer(process.env.E2E_DIST_DIR ?? '.next-e2e', {
    RUNBOARD_DB_FILE: join(mkdtempSync(join(tmpdir(), 'runboard-first-start-')), 'runboard.db'),
    EMULATOR_PORT: String(await freePort()),
    EMULATOR_API_KEY: '',
    RUNBOARD_ADMIN_EMAIL: '',
    RUNBOARD_ADMIN_PASSWORD: '',
    OPENAI_BASE_URL: '',
    OPENAI_API_KEY: '',
  });
  const printed = /(http:\/\/localhost:\d+\/setup\?token=[A-Za-z0-9_-]+)/.exec(server.process.output());
  expect(server.process.output()).toContain('No user exists yet');
  expect(printed).not.toBeNull();
  const link = new URL(printed![1]!);
  // The test talks to 127.0.0.1; the printed link says localhost (both are Runboard's own names).
  const setupUrl = `${server.url}${link.pathname}${link.search}`;

  await page.goto(`${server.url}/`);
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByTestId('first-start-hint')).toContainText('setup link in its console');
  await screenshot(page, testInfo, 'sign-in-first-start');

  await page.goto(`${server.url}/setup?token=not-the-token-not-the-token`);
  await expect(page.getByTestId('setup-unavailable')).toContainText('not valid any more');

  await page.goto(setupUrl);
  await expect(page.getByRole('heading', { name: 'Set up Runboard' })).toBeVisible();
  await screenshot(page, testInfo, 'setup');
  await expectNoSeriousA11yViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, testInfo, 'setup-dark-390');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 860 });

  await page.getByLabel('Your name').fill('Grace Admin');
  await page.getByLabel('Email').fill('grace@example.com');
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByLabel('Password again').fill('short');
  await page.getByRole('button', { name: 'Create the admin account' }).click();
  // The browser's own minlength check stops a short password before anything is sent.
  await expect(page).toHaveURL(/\/setup\?token=/);
  await page.getByLabel('Password', { exact: true }).fill('a long enough password');
  await page.getByLabel('Password again').fill('a long enough password');
  await page.getByRole('button', { name: 'Create the admin account' }).click();
  await expect(page).toHaveURL(`${server.url}/`);
  await expect(page.getByTestId('viewer-role')).toHaveText('Admin');
  await expect(page.getByTestId('recent-threads')).toBeVisible();
  await screenshot(page, testInfo, 'home-after-setup');

  // Used once: the link is dead, and the API refuses a second admin through it.
  await page.goto(setupUrl);
  await expect(page.getByTestId('setup-unavailable')).toContainText('already has an admin');
  const again = await page.request.post(`${server.url}/api/setup`, {
    data: { token: link.searchParams.get('token'), name: 'Mallory', email: 'mallory@example.com', password: 'another long password' },
    headers: { origin: server.url },
  });
  expect(again.status()).toBe(409);
});
