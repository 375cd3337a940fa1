import { mkdirSync, writeFileSync } from 'node:fs';
import { test as setup, expect, request as playwrightRequest } from '@playwright/test';
import { AUTH_DIR, identity, type E2eRole } from '../support/identities';

// Runs before the `ui` and `api` projects: the admin exists from the server's environment; it invites an operator
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
  // Invited through the people API the /admin/users page uses, and joined through the invite link's API.
  for (const role of ['operator', 'viewer'] as const) {
    const { email, password } = identity(role);
    const created = await admin.post('/api/admin/users', { data: { email, name: `E2E ${role}`, role, method: 'invite' } });
    if (created.status() === 409) continue; // exists already (a retried setup)
    expect(created.status(), await created.text()).toBe(201);
    const link = new URL(((await created.json()) as { invite_url: string }).invite_url);
    const joined = await admin.post(`/api/invites/${link.searchParams.get('token')}`, { data: { name: `E2E ${role}`, password } });
    expect(joined.status(), await joined.text()).toBe(200);
  }
  for (const role of ['admin', 'operator', 'viewer'] as const) {
    const context = role === 'admin' ? admin : await signIn(role);
    const token = await context.post('/api/profile/tokens', { data: { name: `e2e ${role}`, role } });
    expect(token.status(), await token.text()).toBe(201);
    writeFileSync(identity(role).tokenFile, `${((await token.json()) as { secret: string }).secret}\n`, { mode: 0o600 });
    await context.storageState({ path: identity(role).storageState });
    await context.dispose();
  }
});
