import 'server-only';
import type { z } from 'zod';
import { formatZodIssues, issuePath } from '@/lib/contract';
import { RuleError } from '@/lib/auth/rule-error';
import { readCapped } from '@/lib/upstream/read-capped';
import { IdentityUnavailableError, identityUnavailableResponse, resolveCaller, type Caller } from '../access';
import { errorResponse, NO_STORE, unexpectedErrorResponse } from '../api-error';
import { AuditUnavailableError } from '../audit';
import { crossSiteRefusal } from '../host-check';

// One wrapper for the people routes (/api/admin/*, /api/profile/*, /api/invites/*): who may call, same-origin
// check on changes, JSON body parsing against the contract, and one mapping from our typed errors to the API's error
// envelope. People endpoints take browser sessions only: a personal API token (a script) may use the proxy, but may
// not mint more tokens or manage people, so a leaked token cannot entrench itself.

export type SignedIn = Extract<Caller, { kind: 'user' }>;
export type Need = 'public' | 'signed-in' | 'admin';

type Handler<C> = (ctx: { request: Request; caller: C; params: Record<string, string> }) => Promise<Response>;

const BODY_LIMIT = 16 * 1024;

function crossSite(request: Request): string | null {
  return request.method === 'GET' || request.method === 'HEAD' ? null : crossSiteRefusal(request.headers, 'people or tokens');
}

/** What someone on a temporary password may still do: read who they are, and replace the password. */
function allowedWithTemporaryPassword(request: Request): boolean {
  const path = new URL(request.url).pathname;
  return (request.method === 'GET' && path === '/api/profile') || (request.method === 'POST' && path === '/api/profile/password');
}

function refuse(caller: Caller, need: Need, request: Request): Response | null {
  if (need === 'public') return null;
  if (caller.kind === 'anonymous') return errorResponse(401, 'Sign in to Runboard first.', { type: 'authentication_error', code: 'unauthorized' });
  if (caller.kind === 'token') {
    return errorResponse(403, 'API tokens cannot manage people or tokens; sign in with a browser to do that.', {
      type: 'permission_error',
      code: 'session_required',
    });
  }
  if (caller.passwordChangeRequired && !allowedWithTemporaryPassword(request)) {
    return errorResponse(403, 'You signed in with a temporary password. Choose your own on /change-password first.', {
      type: 'permission_error',
      code: 'password_change_required',
    });
  }
  if (need === 'admin' && caller.role !== 'admin') {
    return errorResponse(403, 'Only admins can manage people and everyone\'s tokens.', { type: 'permission_error', code: 'admin_required' });
  }
  return null;
}

export function errorToResponse(error: unknown, context: Record<string, unknown>): Response {
  if (error instanceof RuleError) {
    return errorResponse(error.status, error.message, { code: error.code });
  }
  if (error instanceof IdentityUnavailableError) return identityUnavailableResponse(error);
  if (error instanceof AuditUnavailableError) return errorResponse(503, error.message, { type: 'server_error', code: 'audit_unavailable' });
  return unexpectedErrorResponse(error, context);
}

/** Reads and checks a JSON body; a 400 names the first bad field (`role: must be viewer, operator or admin`). */
export async function jsonBody<T>(request: Request, schema: z.ZodType<T>): Promise<{ ok: true; body: T } | { ok: false; response: Response }> {
  const bytes = await readCapped(request.body, BODY_LIMIT);
  if (bytes === null) return { ok: false, response: errorResponse(413, `The body may be at most ${BODY_LIMIT} bytes.`, { code: 'body_too_large' }) };
  const text = new TextDecoder().decode(bytes);
  let value: unknown;
  try {
    value = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    return { ok: false, response: errorResponse(400, 'The body is not valid JSON.', { code: 'invalid_json' }) };
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, body: parsed.data };
  const first = parsed.error.issues[0];
  return {
    ok: false,
    response: errorResponse(400, formatZodIssues(parsed.error).message, { code: 'invalid_body', param: first ? issuePath(first.path) || null : null }),
  };
}

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { 'cache-control': NO_STORE } });
}

export function peopleRoute(need: 'public', handler: Handler<Caller>): (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
export function peopleRoute(need: 'signed-in' | 'admin', handler: Handler<SignedIn>): (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
export function peopleRoute(need: Need, handler: Handler<never>) {
  return async (request: Request, routeCtx: { params: Promise<Record<string, string>> }) => {
    const params = (await routeCtx?.params) ?? {};
    try {
      const blocked = crossSite(request);
      if (blocked) return errorResponse(403, blocked, { type: 'permission_error', code: 'cross_site_request' });
      const caller = await resolveCaller(request);
      const refused = refuse(caller, need, request);
      if (refused) return refused;
      return await (handler as Handler<Caller>)({ request, caller, params });
    } catch (error) {
      return errorToResponse(error, { route: new URL(request.url).pathname, method: request.method });
    }
  };
}
