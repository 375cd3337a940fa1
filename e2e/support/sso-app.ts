// Runboard with single sign-on against the test OpenID provider: its own `next start` (the shared webServer has no
// SSO settings) with its own empty database, the IdP's client registered with the server's real callback URL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, startNextServer, type NextServer } from './processes';
import { startOidcProvider, type OidcTestProvider, type TestAccount } from './oidc-provider';

export const SSO_ACCOUNTS: TestAccount[] = [
  { sub: 'idp-vera', email: 'vera@example.com', password: 'vera-at-the-idp', name: 'Vera Viewer' },
  { sub: 'idp-otto', email: 'otto@example.com', password: 'otto-at-the-idp', name: 'Otto Operator', groups: ['support'] },
  { sub: 'idp-eve', email: 'eve@elsewhere.org', password: 'eve-at-the-idp', name: 'Eve Elsewhere' },
];

export type SsoApp = NextServer & { idp: OidcTestProvider; stop(): Promise<void> };

export async function startSsoApp(extraEnv: Record<string, string> = {}): Promise<SsoApp> {
  const idp = await startOidcProvider(SSO_ACCOUNTS);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'runboard-sso-'));
  let server: NextServer | undefined;
  try {
    server = await startNextServer(process.env.E2E_DIST_DIR ?? '.next-e2e', {
      RUNBOARD_DB_FILE: path.join(dataDir, 'runboard.db'),
      EMULATOR_PORT: String(await freePort()),
      OPENAI_BASE_URL: '',
      OPENAI_API_KEY: '',
      RUNBOARD_LOG: 'off',
      RUNBOARD_OIDC_ISSUER: idp.issuer,
      RUNBOARD_OIDC_CLIENT_ID: 'runboard-e2e',
      RUNBOARD_OIDC_CLIENT_SECRET: 'e2e-client-secret',
      RUNBOARD_OIDC_NAME: 'Test IdP',
      RUNBOARD_OIDC_ALLOWED_DOMAINS: 'example.com',
      RUNBOARD_OIDC_ROLE_CLAIM: 'groups',
      RUNBOARD_OIDC_ROLE_MAP: 'support=operator',
      ...extraEnv,
    });
    idp.setClient({ clientId: 'runboard-e2e', clientSecret: 'e2e-client-secret', redirectUris: [`${server.url}/api/auth/callback/sso`] });
  } catch (error) {
    await idp.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const started = server;
  return {
    ...started,
    idp,
    async stop() {
      await started.process.stop();
      await idp.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
