import type { Browser, BrowserContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Who the e2e suites act as. The server starts with RUNBOARD_ADMIN_EMAIL / RUNBOARD_ADMIN_PASSWORD (see
// playwright.config.ts), e2e/setup/auth.setup.ts signs each identity in once and keeps its cookies and a personal
// API token under e2e/.auth/ (not committed), and the `ui` and `api` projects start signed in as the admin.

export type E2eRole = 'admin' | 'operator' | 'viewer';
export const AUTH_DIR = join(process.cwd(), 'e2e', '.auth');
export const ADMIN_EMAIL = 'admin@runboard.test';

export const identity = (role: E2eRole) => ({
  email: role === 'admin' ? ADMIN_EMAIL : `${role}@runboard.test`,
  password: process.env.E2E_ADMIN_PASSWORD ?? '',
  storageState: join(AUTH_DIR, `${role}.json`),
  tokenFile: join(AUTH_DIR, `${role}.token`),
});

/** The personal API token (`rb_…`) made for `role` by the setup project. */
export function tokenOf(role: E2eRole): string {
  return readFileSync(identity(role).tokenFile, 'utf8').trim();
}

/**
 * A browser context signed in afresh as `role`. For tests that run after e2e/ui/auth.spec.ts has signed the viewer out
 * everywhere (which ends the setup project's stored viewer session too).
 */
export async function signedInContext(browser: Browser, role: E2eRole): Promise<BrowserContext> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(identity(role).email);
  await page.getByLabel('Password').fill(identity(role).password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.close();
  return context;
}
