import 'server-only';
import { getStore, defaultSqliteFile, type Store } from '@/lib/store/db';
import { createAuth, type Auth } from './auth';
import { parseAuthEnv, type AuthEnv } from './env';
import { resolveSecret } from './secret';

// The process-wide better-auth instances over the process-wide store. Two instances share one database: one sets
// `Secure` cookies (https, or behind a TLS proxy with RUNBOARD_TRUST_PROXY=1), one does not (http on loopback);
// better-auth fixes that choice per instance, and a request picks the one matching how it arrived.

export type AuthPair = { env: AuthEnv; plain: Auth; secure: Auth; store: Store };

const pairs = new WeakMap<Store, AuthPair>();

/** The auth instances for a given store (tests use their own stores; the server uses getStore()). */
export function authFor(store: Store, givenEnv?: AuthEnv, sqliteFile = defaultSqliteFile()): AuthPair {
  let pair = pairs.get(store);
  if (!pair) {
    // Parsed only when the pair is built, not on every request (and a test's own settings stay in force).
    const env = givenEnv ?? parseAuthEnv();
    const secret = resolveSecret(env.secret, sqliteFile);
    const database = { db: store.db, dialect: store.dialect };
    pair = { env, store, plain: createAuth(database, env, secret, false), secure: createAuth(database, env, secret, true) };
    pairs.set(store, pair);
  }
  return pair;
}

export async function getAuthPair(): Promise<AuthPair> {
  return authFor(await getStore());
}

/** https directly, https at the trusted TLS proxy in front, or a request for an https RUNBOARD_PUBLIC_URL. */
export function isSecureRequest(headers: Headers, url: string | null, env: AuthEnv): boolean {
  if (url?.startsWith('https:')) return true;
  if (env.trustProxy && headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https') return true;
  if (env.publicUrl?.startsWith('https:') && headers.get('host') === new URL(env.publicUrl).host) return true;
  return false;
}

export function pickAuth(pair: AuthPair, headers: Headers, url: string | null): Auth {
  return isSecureRequest(headers, url, pair.env) ? pair.secure : pair.plain;
}
