import 'server-only';
import { apiKey } from '@better-auth/api-key';
import { betterAuth } from 'better-auth';
import { createAuthMiddleware } from 'better-auth/api';
import { admin } from 'better-auth/plugins/admin';
import { genericOAuth } from 'better-auth/plugins/generic-oauth';
import type { Kysely } from 'kysely';
import { log } from '@/lib/server/log';
import type { AuthEnv } from './env';
import { afterAuthRequest, beforeAuthRequest } from './hooks';
import { oidcProviderConfigs } from './oidc';
import { ssoConfig, ssoUserGate } from './sso';
import { accessControl, adminPluginRoles } from './roles';

// The one better-auth configuration: email + password (no public sign-up), the admin plugin for roles and bans,
// personal API tokens (api-key plugin, `rb_` prefix) and OpenID Connect (generic OAuth). Tables come from migration
// 0003_auth (lib/store/migrations); better-auth never migrates by itself here. No nextCookies plugin: Runboard uses
// no server actions; cookies are set by the /api/auth handler's own responses (and /api/setup, /api/me).

export type AuthDatabase = { db: Kysely<any>; dialect: 'sqlite' | 'postgres' };

export const COOKIE_PREFIX = 'runboard';
export { SESSION_COOKIE } from './cookie-name';
export const TOKEN_PREFIX = 'rb_';
export const SIGN_IN_PER_ADDRESS = { window: 300, max: 20 };
const LOOPBACK_HOSTS = ['localhost', 'localhost:*', '127.0.0.1', '127.0.0.1:*', '[::1]', '[::1]:*'];

export function createAuth(database: AuthDatabase, env: AuthEnv, secret: string, secure: boolean) {
  const publicHost = env.publicUrl ? new URL(env.publicUrl).host : null;
  return betterAuth({
    appName: 'Runboard',
    secret,
    database: { db: database.db, type: database.dialect },
    // The request's own host (already checked against RUNBOARD_PUBLIC_URL and loopback by proxy.ts) is the base URL,
    // so sign-in works on both the public name and localhost; the protocol follows the instance (see getAuth).
    baseURL: { allowedHosts: [...(publicHost ? [publicHost] : []), ...LOOPBACK_HOSTS], protocol: secure ? 'https' : 'http', fallback: env.publicUrl ?? `http://localhost:${process.env.PORT || 3000}` },
    basePath: '/api/auth',
    telemetry: { enabled: false },
    // Library messages go to the structured log (redacted like every line); a refused API token is an expected 401,
    // not a server error, so it is not logged as one.
    logger: {
      level: 'error',
      log: (level, message) => {
        if (!/API key/i.test(message)) log(level === 'error' ? 'error' : 'warn', 'auth.library', { message });
      },
    },
    user: {
      // Set for accounts created with a temporary password; cleared when the person chooses their own (0004_people).
      additionalFields: { mustChangePassword: { type: 'boolean', required: false, defaultValue: false, input: false } },
      validateUserInfo: ssoUserGateOrNone(),
    },
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 12, maxPasswordLength: 128, autoSignIn: false },
    session: {
      // Idle expiry: every use at least updateAge after the last refresh pushes expiresAt to now + expiresIn.
      // The absolute limit (createdAt + RUNBOARD_SESSION_MAX_DAYS) is enforced where sessions are read (session.ts).
      expiresIn: env.idleSeconds,
      updateAge: Math.max(60, Math.round(env.idleSeconds / 12)),
      cookieCache: { enabled: false },
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 300,
      // Starting single sign-on only redirects to the provider (which has its own limits); a team behind one NAT
      // must not be held to better-auth's default of 3 sign-in requests per 10 s.
      customRules: { '/sign-in/email': SIGN_IN_PER_ADDRESS, '/sign-in/social': { window: 60, max: 60 }, '/get-session': false },
    },
    advanced: {
      cookiePrefix: COOKIE_PREFIX,
      useSecureCookies: secure,
      trustedProxyHeaders: env.trustProxy,
      // The session cookie lives as long as the absolute limit; the database row decides idle expiry.
      cookies: { session_token: { attributes: { maxAge: env.absoluteSeconds } } },
      ipAddress: { ipAddressHeaders: ['x-forwarded-for'] },
    },
    hooks: {
      before: createAuthMiddleware((ctx) => beforeAuthRequest(ctx as never, database.db)),
      after: createAuthMiddleware((ctx) => afterAuthRequest(ctx as never, database.db)),
    },
    plugins: [
      admin({ ac: accessControl, roles: adminPluginRoles, defaultRole: 'viewer', adminRoles: ['admin'] }),
      apiKey({
        defaultPrefix: TOKEN_PREFIX,
        requireName: true,
        maximumNameLength: 64,
        enableMetadata: true,
        // Personal tokens are checked on every proxied request: no per-key quota, no session emulation.
        rateLimit: { enabled: false },
        // Lists show the last four characters (kept in the key's metadata by lib/auth/tokens.ts), not the first ones.
        startingCharactersConfig: { shouldStore: false },
        // Seconds (the plugin's unit); lib/auth/tokens.ts always passes the chosen lifetime anyway.
        keyExpiration: { defaultExpiresIn: 90 * 86_400, minExpiresIn: 1, maxExpiresIn: 365 },
      }),
      genericOAuth({ config: oidcProviderConfigs() }),
    ],
  });
}

function ssoUserGateOrNone() {
  const config = ssoConfig();
  return config ? ssoUserGate(config) : undefined;
}

export type Auth = ReturnType<typeof createAuth>;
