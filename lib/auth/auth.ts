import 'server-only';
// DEV STUB (W5): stands in for W4's lib/auth/auth.ts until i8-auth lands; replaced by theirs at merge.
import Database from 'better-sqlite3';
import { betterAuth, type BetterAuthOptions } from 'better-auth';
import { admin } from 'better-auth/plugins';
import { createAccessControl } from 'better-auth/plugins/access';
import { defaultStatements, adminAc } from 'better-auth/plugins/admin/access';
import { apiKey } from '@better-auth/api-key';
import { getMigrations } from 'better-auth/db/migration';
import { ssoConfig, ssoPlugin, ssoUserGate } from './sso';

const ac = createAccessControl(defaultStatements);
const roles = { viewer: ac.newRole({ user: [], session: [] }), operator: ac.newRole({ user: [], session: [] }), admin: adminAc };

function options(file: string) {
  const sso = ssoConfig();
  return {
    database: new Database(file),
    secret: process.env.RUNBOARD_SECRET ?? 'dev-stub-secret-dev-stub-secret-0123456789',
    baseURL: process.env.RUNBOARD_PUBLIC_URL ?? 'http://127.0.0.1:3000',
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 12 },
    telemetry: { enabled: false },
    user: {
      additionalFields: { mustChangePassword: { type: 'boolean', defaultValue: false, input: false, required: false } },
      ...(sso ? { validateUserInfo: ssoUserGate(sso) } : {}),
    },
    plugins: [
      admin({ ac, roles, defaultRole: 'viewer', adminRoles: ['admin'] }),
      apiKey({
        defaultPrefix: 'rb_',
        enableMetadata: true,
        rateLimit: { enabled: false },
        maximumNameLength: 64,
        startingCharactersConfig: { shouldStore: false },
        keyExpiration: { defaultExpiresIn: 90 * 86_400, maxExpiresIn: 365 },
      }),
      ...(sso ? [ssoPlugin(sso)] : []),
    ],
  } satisfies BetterAuthOptions;
}

function create(file: string) {
  return betterAuth(options(file));
}
export type Auth = ReturnType<typeof create>;

const cache = globalThis as typeof globalThis & { runboardAuth?: Promise<Auth> };

export function getAuth(): Promise<Auth> {
  cache.runboardAuth ??= (async () => {
    const file = process.env.RUNBOARD_DB_FILE ?? 'data/runboard.db';
    const { runMigrations } = await getMigrations(options(file));
    await runMigrations();
    return create(file);
  })();
  return cache.runboardAuth;
}
