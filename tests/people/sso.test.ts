import { afterAll, beforeAll, expect, it } from 'vitest';
import { startOidcProvider, type OidcTestProvider } from '@/e2e/support/oidc-provider';
import { getAuthPair } from '@/lib/auth/runtime';
import { startAuthWorld } from '../auth/support';
import { forEachEngine } from '../support/engines';

// The single sign-on plumbing without a browser: better-auth's own handler in-process, a real OpenID provider over
// HTTP, cookies carried by hand. (The browser flow is e2e/ui/sso.spec.ts.)

const BASE = 'http://127.0.0.1:3999';
let idp: OidcTestProvider;

beforeAll(async () => {
  idp = await startOidcProvider([
    { sub: 'a1', email: 'vera@example.com', password: 'vera-idp-pass', name: 'Vera Viewer' },
    { sub: 'a2', email: 'omar@example.com', password: 'omar-idp-pass', name: 'Omar', groups: ['support'] },
    { sub: 'a3', email: 'ada@example.com', password: 'ada-idp-pass', name: 'Ada', groups: ['support', 'runboard-admins'] },
    { sub: 'a4', email: 'eve@elsewhere.org', password: 'eve-idp-pass', name: 'Eve', groups: ['runboard-admins'] },
  ]);
  idp.setClient({ clientId: 'runboard', clientSecret: 'test-secret', redirectUris: [`${BASE}/api/auth/callback/sso`] });
  Object.assign(process.env, {
    RUNBOARD_PUBLIC_URL: BASE,
    RUNBOARD_OIDC_ISSUER: idp.issuer,
    RUNBOARD_OIDC_CLIENT_ID: 'runboard',
    RUNBOARD_OIDC_CLIENT_SECRET: 'test-secret',
    RUNBOARD_OIDC_ALLOWED_DOMAINS: 'example.com',
    RUNBOARD_OIDC_ROLE_CLAIM: 'groups',
    RUNBOARD_OIDC_ROLE_MAP: 'runboard-admins=admin,support=operator',
  });
});
afterAll(async () => {
  await idp.close();
  for (const k of Object.keys(process.env)) if (k.startsWith('RUNBOARD_OIDC_') || k === 'RUNBOARD_PUBLIC_URL') delete process.env[k];
});

class Jar {
  private cookies = new Map<string, string>();
  take(response: Response) {
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** Clicks "Sign in with SSO", signs in at the IdP, follows the redirects back; returns where the dashboard sent us. */
async function ssoSignIn(email: string, password: string): Promise<{ location: string; sessionCookie: boolean }> {
  const auth = (await getAuthPair()).plain;
  const app = new Jar();
  const idpJar = new Jar();
  const start = await auth.handler(
    new Request(`${BASE}/api/auth/sign-in/social`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BASE },
      body: JSON.stringify({ provider: 'sso', callbackURL: '/', errorCallbackURL: '/sign-in' }),
    }),
  );
  app.take(start);
  if (!start.ok) throw new Error(`sign-in/social answered ${start.status}: ${await start.clone().text()}`);
  let url = ((await start.json()) as { url: string }).url;
  const idpGo = async (target: string, init: RequestInit = {}) => {
    const r = await fetch(target, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: idpJar.header() } });
    idpJar.take(r);
    return r;
  };
  let r = await idpGo(url);
  const interaction = new URL(r.headers.get('location')!, idp.issuer).toString();
  r = await idpGo(`${interaction}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login: email, password }),
  });
  url = new URL(r.headers.get('location')!, idp.issuer).toString();
  while (!url.startsWith(BASE)) {
    r = await idpGo(url);
    url = new URL(r.headers.get('location')!, idp.issuer).toString();
  }
  const back = await auth.handler(new Request(url, { headers: { cookie: app.header() } }));
  app.take(back);
  return { location: back.headers.get('location') ?? '', sessionCookie: app.header().includes('session_token=') };
}

async function userByEmail(email: string) {
  const ctx = await (await getAuthPair()).plain.$context;
  return (await ctx.internalAdapter.findUserByEmail(email))?.user as { role?: string } | undefined;
}

forEachEngine('single sign-on through a real OpenID provider', (getStore) => {
  // better-auth for this engine's store, built now that the RUNBOARD_OIDC_* settings are in the environment.
  beforeAll(() => startAuthWorld({ store: getStore(), env: { RUNBOARD_PUBLIC_URL: BASE } }));

  it('creates a viewer by default', async () => {
    expect(await ssoSignIn('vera@example.com', 'vera-idp-pass')).toEqual({ location: '/', sessionCookie: true });
    expect(await userByEmail('vera@example.com')).toMatchObject({ role: 'viewer', name: 'Vera Viewer' });
  });

  it('maps the groups claim to the highest matching role', async () => {
    await ssoSignIn('omar@example.com', 'omar-idp-pass');
    await ssoSignIn('ada@example.com', 'ada-idp-pass');
    expect((await userByEmail('omar@example.com'))?.role).toBe('operator');
    expect((await userByEmail('ada@example.com'))?.role).toBe('admin');
  });

  it('refuses an email outside the allowed domains, creating nobody', async () => {
    const result = await ssoSignIn('eve@elsewhere.org', 'eve-idp-pass');
    expect(result.sessionCookie).toBe(false);
    const target = new URL(result.location, BASE);
    expect(target.pathname).toBe('/sign-in');
    expect(target.searchParams.get('error')).toBe('sso_not_allowed');
    expect(target.searchParams.get('error_description')).toBe('Single sign-on refused: elsewhere.org is not an allowed domain for single sign-on.');
    expect(await userByEmail('eve@elsewhere.org')).toBeUndefined();
  });

  it('keeps an existing account\'s role at the next sign-in', async () => {
    const { setRole } = await import('@/lib/auth/people');
    const ctx = await (await getAuthPair()).plain.$context;
    const vera = (await ctx.internalAdapter.findUserByEmail('vera@example.com'))!.user;
    await setRole(vera.id, 'operator');
    expect((await ssoSignIn('vera@example.com', 'vera-idp-pass')).sessionCookie).toBe(true);
    expect((await userByEmail('vera@example.com'))?.role).toBe('operator');
  });
});
