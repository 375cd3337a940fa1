import { mkdirSync, writeFileSync } from 'node:fs';
import { test as setup, expect, request as playwrightRequest } from '@playwright/test';
import { AUTH_DIR, identity, type E2eRole } from '../support/identities';

// Runs before the `ui` and `api` projects: the admin exists from the server's environment; it creates an operator
// and a viewer, then each identity signs in (cookies saved as Playwright storage state) and gets a personal token.

setup('sign in the admin, an operator and a viewer', async ({ baseURL }) => {
  mkdirSync(AUTH_DIR, { recursive: true });
  const origin = { origin: baseURL! };
  const signIn = async (role: E2eRole) => {
    const context = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: origin });
    const { email, password } = identity(role);
    const response = await context.post('/api/auth/sign-in/email', { data: { email, password } });
    expect(response.status(), await response.text()).toBe(200);
    return context;
  };

  const admin = await signIn('admin');
  for (const role of ['operator', 'viewer'] as const) {
    const { email, password } = identity(role);
    const created = await admin.post('/api/auth/admin/create-user', { data: { email, password, name: `E2E ${role}`, role } });
    expect([200, 400], await created.text()).toContain(created.status()); // 400: exists already (a retried setup)
  }
  for (const role of ['admin', 'operator', 'viewer'] as const) {
    const context = role === 'admin' ? admin : await signIn(role);
    const token = await context.post('/api/auth/api-key/create', { data: { name: `e2e ${role}`, metadata: { role } } });
    expect(token.status(), await token.text()).toBe(200);
    writeFileSync(identity(role).tokenFile, `${((await token.json()) as { key: string }).key}\n`, { mode: 0o600 });
    await context.storageState({ path: identity(role).storageState });
    await context.dispose();
  }
});
