// A real OpenID Connect provider (panva's certified `oidc-provider`) on 127.0.0.1 for the single sign-on tests.
// Authorization code + PKCE, one confidential client, a handful of accounts with email and custom claims (`groups`).
// Its sign-in page is a small form of our own (the library's dev interactions accept any login and password, which
// would hide a wrong-password bug); consent is granted automatically, as a company IdP does for a first-party app.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { Provider, type OidcConfiguration } from 'oidc-provider';

export type TestAccount = {
  sub: string;
  email: string;
  password: string;
  name: string;
  emailVerified?: boolean;
  /** Custom claim, released with the `profile` scope (so the default scopes suffice). */
  groups?: string[];
};

export type TestClient = { clientId: string; clientSecret: string; redirectUris: string[] };

export type OidcTestProvider = {
  /** The issuer (also the discovery base): http://127.0.0.1:PORT */
  issuer: string;
  /** Registers the one client; call once, before the first sign-in (the redirect URI is often known only later). */
  setClient(client: TestClient): void;
  /** Sign-in attempts seen by the login form, newest last (for assertions such as "the wrong password was refused"). */
  attempts(): Array<{ login: string; ok: boolean }>;
  close(): Promise<void>;
};

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function loginPage(uid: string, error: string | null, login = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test IdP – sign in</title></head>
<body><main><h1>Test identity provider</h1>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label>Email <input name="login" type="email" autocomplete="username" value="${escapeHtml(login)}" required></label>
<label>Password <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Sign in to the IdP</button>
</form></main></body></html>`;
}

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startOidcProvider(accounts: TestAccount[]): Promise<OidcTestProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const byEmail = new Map(accounts.map((a) => [a.email.toLowerCase(), a]));
  const bySub = new Map(accounts.map((a) => [a.sub, a]));
  const attempts: Array<{ login: string; ok: boolean }> = [];
  let provider: Provider | null = null;

  const configuration = (client: TestClient): OidcConfiguration => ({
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: client.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    cookies: { keys: [randomBytes(24).toString('hex')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    // Claims in the ID token too, as Entra ID and Keycloak do by default.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx: unknown, sub: string) {
      const account = bySub.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        async claims() {
          return {
            sub,
            email: account.email,
            email_verified: account.emailVerified ?? true,
            name: account.name,
            ...(account.groups ? { groups: account.groups } : {}),
          };
        },
      };
    },
    // Every requested scope and claim is granted: no consent screen for the dashboard.
    async loadExistingGrant(ctx: { oidc: OidcContext }) {
      const { oidc } = ctx;
      const existing = oidc.session.grantIdFor(oidc.client.clientId);
      const grant = existing
        ? await oidc.provider.Grant.find(existing)
        : new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId: oidc.session.accountId });
      grant.addOIDCScope(oidc.requestParamScopes ? [...oidc.requestParamScopes].join(' ') : 'openid');
      if (oidc.requestParamClaims) grant.addOIDCClaims([...oidc.requestParamClaims]);
      await grant.save();
      return grant;
    },
  });

  server.on('request', (req, res) => {
    void (async () => {
      if (!provider) {
        res.writeHead(503, { 'content-type': 'text/plain' }).end('test IdP: no client registered yet');
        return;
      }
      const url = new URL(req.url ?? '/', issuer);
      const match = /^\/interaction\/([^/]+)(\/login)?$/.exec(url.pathname);
      if (!match) {
        provider.callback()(req, res);
        return;
      }
      const uid = match[1]!;
      const details = await provider.interactionDetails(req, res);
      if (details.uid !== uid) throw new Error('interaction mismatch');
      if (req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(loginPage(uid, null));
        return;
      }
      const form = await readForm(req);
      const login = (form.get('login') ?? '').trim().toLowerCase();
      const account = byEmail.get(login);
      const ok = !!account && account.password === form.get('password');
      attempts.push({ login, ok });
      if (!ok) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(loginPage(uid, 'Wrong email or password.', login));
        return;
      }
      await provider.interactionFinished(req, res, { login: { accountId: account.sub } }, { mergeWithLastSubmission: false });
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`test IdP error: ${error instanceof Error ? error.message : String(error)}`);
    });
  });

  return {
    issuer,
    setClient(client) {
      if (provider) throw new Error('the test IdP has one client; it is already registered');
      provider = new Provider(issuer, configuration(client));
    },
    attempts: () => [...attempts],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type OidcContext = {
  provider: Provider;
  client: { clientId: string };
  session: { accountId: string; grantIdFor(clientId: string): string | undefined };
  requestParamScopes?: Set<string>;
  requestParamClaims?: Set<string>;
};
