import 'server-only';
import type { Kysely } from 'kysely';
import type { Role } from '@/lib/view/roles';
import { SESSION_COOKIE, TOKEN_PREFIX } from './auth';
import { toRole, lowerRole } from './roles';
import { pickAuth, type AuthPair } from './runtime';

// Who is behind a request: a session cookie or a personal API token (`Authorization: Bearer rb_…`), each checked
// by better-auth against the database on every request, so a revoked session, a deactivated user or a revoked
// token loses access at once. Nothing here parses or verifies credentials by hand.

export type IdentityUser = { id: string; name: string; email: string; role: Role };
export type Identity =
  | { kind: 'user'; user: IdentityUser; sessionId: string; sessionCreatedAt: Date; sessionExpiresAt: Date; passwordChangeRequired: boolean }
  | { kind: 'token'; user: IdentityUser; role: Role; tokenId: string; tokenName: string }
  | { kind: 'none'; problem: 'no_credentials' | 'invalid_session' | 'invalid_token' };

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** A session cookie under its plain or `__Secure-` name. */
export function hasSessionCookie(cookieHeader: string | null): boolean {
  return cookieHeader !== null && cookieHeader.includes(`${SESSION_COOKIE}=`);
}

export function bearerToken(headers: Headers): string | null {
  const match = BEARER.exec(headers.get('authorization') ?? '');
  return match?.[1]?.startsWith(TOKEN_PREFIX) ? match[1] : null;
}

type UserRow = { id: string; name?: string | null; email?: string | null; role?: string | null; banned?: boolean | null; mustChangePassword?: boolean | null };

const toUser = (user: UserRow): IdentityUser => ({ id: user.id, name: user.name ?? '', email: user.email ?? '', role: toRole(user.role) });

export type ResolveOptions = {
  /** false in server components (they cannot set cookies); true elsewhere keeps an active session alive. */
  refresh?: boolean;
  /** Receives the renewed session cookie when better-auth extended the session. */
  onSetCookie?: (cookies: string[]) => void;
};

export async function resolveIdentity(pair: AuthPair, headers: Headers, url: string | null, opts: ResolveOptions = {}): Promise<Identity> {
  const token = bearerToken(headers);
  if (token) return resolveToken(pair, token);
  if (!hasSessionCookie(headers.get('cookie'))) return { kind: 'none', problem: 'no_credentials' };
  const auth = pickAuth(pair, headers, url);
  const { response: found, headers: answerHeaders } = await auth.api.getSession({ headers, query: { disableRefresh: opts.refresh === false }, returnHeaders: true });
  const renewed = answerHeaders.getSetCookie();
  if (renewed.length > 0) opts.onSetCookie?.(renewed);
  if (!found) return { kind: 'none', problem: 'invalid_session' };
  const user = found.user as UserRow;
  const createdAt = new Date(found.session.createdAt);
  if (user.banned) return { kind: 'none', problem: 'invalid_session' };
  // The absolute limit: however active, a session ends RUNBOARD_SESSION_MAX_DAYS after sign-in.
  if (Date.now() - createdAt.getTime() > pair.env.absoluteSeconds * 1000) {
    const ctx = await auth.$context;
    await ctx.internalAdapter.deleteSession(found.session.token);
    return { kind: 'none', problem: 'invalid_session' };
  }
  // Signed in with a temporary password (lib/auth/people.ts): only choosing a new one is allowed until then.
  return {
    kind: 'user',
    user: toUser(user),
    sessionId: found.session.id,
    sessionCreatedAt: createdAt,
    sessionExpiresAt: new Date(found.session.expiresAt),
    passwordChangeRequired: !!user.mustChangePassword,
  };
}

async function resolveToken(pair: AuthPair, key: string): Promise<Identity> {
  const result = await pair.plain.api.verifyApiKey({ body: { key } });
  if (!result.valid || !result.key) {
    // The plugin answers "invalid" for a database failure too; a lookup that throws tells the two apart (an outage
    // must be a 503, not a 401).
    if (result.error?.code === 'INVALID_API_KEY') await (pair.store.db as Kysely<any>).selectFrom('apikey').select('id').limit(1).execute();
    return { kind: 'none', problem: 'invalid_token' };
  }
  const ctx = await pair.plain.$context;
  const user = (await ctx.internalAdapter.findUserById(result.key.referenceId)) as UserRow | null;
  if (!user || user.banned) return { kind: 'none', problem: 'invalid_token' };
  const owner = toUser(user);
  // A token acts with the role it was given, never above its owner's current role.
  const given = toRole(result.key.metadata?.role ?? owner.role);
  return { kind: 'token', user: owner, role: lowerRole(given, owner.role), tokenId: result.key.id, tokenName: result.key.name ?? '' };
}
