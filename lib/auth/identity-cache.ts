import 'server-only';
import { createHash } from 'node:crypto';
import { SESSION_COOKIE } from './cookie-name';
import { pickAuth, type AuthPair } from './runtime';
import { bearerToken, resolveIdentity, type Identity, type ResolveOptions } from './session';

// Every request's identity is checked, but a browser polling a run or a script calling the proxy shows the same
// credential several times a second, and checking it costs a database round trip and a signature check (about
// 1 ms of CPU). A signed-in identity is therefore remembered for a few seconds, keyed by a hash of the exact
// credential (the whole Cookie header, or the bearer token). Anything in this process that ends or changes a
// session, a token or a user (sign-out, revoking, role change, deactivation, password change) forgets every
// remembered identity at once; a change made by another process (the `runboard` CLI, a second server on the same
// database) takes effect within RUNBOARD_IDENTITY_CACHE_MS (default 5 s, 0 turns the cache off). Refusals are
// never remembered, so a sign-in or a new token works at once.

const DEFAULT_TTL_MS = 5_000;
const MAX_ENTRIES = 2_000;

type Entry = { identity: Extract<Identity, { kind: 'user' | 'token' }>; until: number };
type Cache = { entries: Map<string, Entry>; generation: number };

// On globalThis: Next bundles a module once per route, and a revoke in one route must reach the proxy's copy.
const holder = globalThis as typeof globalThis & { runboardIdentityCache?: Cache };
const cache = (): Cache => (holder.runboardIdentityCache ??= { entries: new Map(), generation: 0 });

export function identityCacheMs(): number {
  const raw = process.env.RUNBOARD_IDENTITY_CACHE_MS?.trim();
  const value = raw ? Number(raw) : DEFAULT_TTL_MS;
  return Number.isFinite(value) && value > 0 ? Math.min(value, 60_000) : 0;
}

/** Forget every remembered identity: call after anything that ends or changes a session, a token or a user. */
export function forgetIdentities(): void {
  const c = cache();
  c.generation += 1;
  c.entries.clear();
}

function credentialKey(pair: AuthPair, headers: Headers, url: string | null): string | null {
  const token = bearerToken(headers);
  if (token) return `t:${createHash('sha256').update(token).digest('base64url')}`;
  const cookie = headers.get('cookie');
  if (cookie === null || !cookie.includes(`${SESSION_COOKIE}=`)) return null;
  const secure = pickAuth(pair, headers, url) === pair.secure ? 's' : 'p';
  return `c${secure}:${createHash('sha256').update(cookie).digest('base64url')}`;
}

/** resolveIdentity, remembered for a few seconds per credential (see above). */
export async function resolveIdentityCached(pair: AuthPair, headers: Headers, url: string | null, opts: Pick<ResolveOptions, 'refresh'> = {}): Promise<Identity> {
  const ttl = identityCacheMs();
  const key = ttl > 0 ? credentialKey(pair, headers, url) : null;
  if (key === null) return resolveIdentity(pair, headers, url, opts);
  const c = cache();
  const now = Date.now();
  const hit = c.entries.get(key);
  if (hit && hit.until > now) return hit.identity;
  if (hit) c.entries.delete(key);
  const generation = c.generation;
  const identity = await resolveIdentity(pair, headers, url, opts);
  // Not remembered when something was forgotten while this check ran: the answer may predate the change.
  if (identity.kind === 'none' || generation !== c.generation) return identity;
  let until = now + ttl;
  // A session never outlives its idle expiry or its absolute limit in the cache either.
  if (identity.kind === 'user') until = Math.min(until, identity.sessionExpiresAt.getTime(), identity.sessionCreatedAt.getTime() + pair.env.absoluteSeconds * 1000);
  if (c.entries.size >= MAX_ENTRIES) c.entries.delete(c.entries.keys().next().value!);
  c.entries.set(key, { identity, until });
  return identity;
}
