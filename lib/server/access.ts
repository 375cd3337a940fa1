import 'server-only';
import { anonymousCaller, requestMeta } from '@/lib/auth/caller';
import { getAuthPair } from '@/lib/auth/runtime';
import { resolveIdentityCached } from '@/lib/auth/identity-cache';
import type { Identity } from '@/lib/auth/session';
import { roleAtLeast, type Role } from '@/lib/view/roles';
import { describeStore, storeOptionsFromEnv } from '@/lib/store/db';
import { errorResponse } from './api-error';

// The single place that decides who is calling and what they may do, for the proxy and every Runboard route.
// resolveCaller reads the session cookie or a personal API token (lib/auth); authorize compares the caller's role
// with what the endpoint needs. No identity → 401, a role too low → 403, both before anything reaches the upstream.

export type { Role } from '@/lib/view/roles';
type Base = { address: string | null; userAgent: string | null };
export type Caller =
  | (Base & { kind: 'anonymous'; id: 'anonymous'; name: 'anonymous'; email: null; role: null })
  | (Base & { kind: 'user'; id: string; name: string; email: string; role: Role; sessionId: string; passwordChangeRequired?: boolean })
  | (Base & { kind: 'token'; id: string; name: string; email: string; role: Role; tokenId: string; tokenName: string });

/** A proxied endpoint (mutation → operator) or a Runboard route naming the role it needs. */
export type EndpointRef = { id: string; method: string; mutation: boolean; needs?: Role; /** Open to someone still on a temporary password. */ duringPasswordChange?: boolean };

export type AccessDecision = { allowed: true } | { allowed: false; status: 401 | 403; code: 'unauthorized' | 'forbidden'; message: string };

const callerProblems = new WeakMap<Caller, Extract<Identity, { kind: 'none' }>['problem']>();

export function callerFromIdentity(identity: Identity, meta: Base): Caller {
  if (identity.kind === 'user') {
    const { user } = identity;
    return {
      kind: 'user',
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      sessionId: identity.sessionId,
      ...(identity.passwordChangeRequired ? { passwordChangeRequired: true } : {}),
      ...meta,
    };
  }
  if (identity.kind === 'token') {
    const { user } = identity;
    return { kind: 'token', id: user.id, name: user.name, email: user.email, role: identity.role, tokenId: identity.tokenId, tokenName: identity.tokenName, ...meta };
  }
  const caller = anonymousCaller(meta);
  callerProblems.set(caller, identity.problem);
  return caller;
}

/** The database holding sessions and tokens could not be asked: the request is answered 503, never let through. */
export class IdentityUnavailableError extends Error {}

export async function resolveCaller(request: Request): Promise<Caller> {
  const meta = requestMeta(request.headers);
  let identity: Identity;
  try {
    identity = await resolveIdentityCached(await getAuthPair(), request.headers, request.url);
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error);
    throw new IdentityUnavailableError(`Runboard cannot check who is calling: the database (${describeStore(storeOptionsFromEnv())}) is unavailable: ${cause}`, { cause: error });
  }
  return callerFromIdentity(identity, meta);
}

export function identityUnavailableResponse(error: IdentityUnavailableError, headers: Record<string, string> = {}): Response {
  return errorResponse(503, error.message, { type: 'server_error', code: 'auth_unavailable' }, headers);
}

const ROLE_NAME: Record<Role, string> = { viewer: 'a viewer', operator: 'an operator', admin: 'an admin' };

export function neededRole(endpoint: EndpointRef): Role {
  return endpoint.needs ?? (endpoint.mutation ? 'operator' : 'viewer');
}

export function authorize(caller: Caller, endpoint: EndpointRef): AccessDecision {
  const needs = neededRole(endpoint);
  if (caller.kind === 'anonymous') {
    const problem = callerProblems.get(caller);
    const message =
      problem === 'invalid_token'
        ? 'The API token is unknown, expired or revoked.'
        : problem === 'invalid_session'
          ? 'Your session has ended. Sign in again.'
          : 'Sign in to Runboard, or send a personal API token as Authorization: Bearer rb_….';
    return { allowed: false, status: 401, code: 'unauthorized', message };
  }
  if (caller.kind === 'user' && caller.passwordChangeRequired && !endpoint.duringPasswordChange) {
    return {
      allowed: false,
      status: 403,
      code: 'forbidden',
      message: 'You signed in with a temporary password. Choose your own on /change-password first.',
    };
  }
  if (!roleAtLeast(caller.role, needs)) {
    const what = caller.kind === 'token' ? 'This token acts' : 'You are signed in';
    return {
      allowed: false,
      status: 403,
      code: 'forbidden',
      message: `${what} as ${ROLE_NAME[caller.role]}; ${endpoint.method} ${endpoint.id} needs ${ROLE_NAME[needs]} or above.`,
    };
  }
  return { allowed: true };
}

/** For Runboard's own API routes: the caller when allowed, else the 401/403 answer in the API's error envelope. */
export async function guardRoute(request: Request, endpoint: EndpointRef): Promise<{ caller: Caller | null; refused: null } | { caller: Caller | null; refused: Response }> {
  let caller: Caller;
  try {
    caller = await resolveCaller(request);
  } catch (error) {
    if (error instanceof IdentityUnavailableError) return { caller: null, refused: identityUnavailableResponse(error) };
    throw error;
  }
  const decision = authorize(caller, endpoint);
  if (decision.allowed) return { caller, refused: null };
  return { caller, refused: errorResponse(decision.status, decision.message, { code: decision.code }) };
}
