import 'server-only';
import { getAuthPair, pickAuth } from '@/lib/auth/runtime';
import { resolveIdentity } from '@/lib/auth/session';
import { forgetIdentities } from '@/lib/auth/identity-cache';
import { completeSetup } from '@/lib/auth/setup';
import { authorize, callerFromIdentity } from './access';
import { recordSecurityEvent } from './audit';
import { requestMeta } from '@/lib/auth/caller';
import { errorResponse } from './api-error';
import { log } from './log';

// HTTP entry points of sign-in: better-auth's own endpoints under /api/auth/*, and POST /api/setup (first admin).

/** /api/auth/* — better-auth's handler on the instance matching how the request arrived (Secure cookies or not). */
export async function handleAuthRequest(request: Request): Promise<Response> {
  const pair = await getAuthPair();
  const response = await pickAuth(pair, request.headers, request.url).handler(request);
  // Sign-out, revoking sessions, a password or an SSO role changed …: no identity is remembered past what better-auth
  // changed (its endpoints are called seldom; forgetting on each is simpler than telling them apart).
  forgetIdentities();
  return response;
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** POST /api/setup {token, name, email, password} — creates the first admin and signs them in. */
export async function handleSetupRequest(request: Request): Promise<Response> {
  let body: Record<string, unknown>;
  try {
    const parsed: unknown = await request.json();
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    body = parsed as Record<string, unknown>;
  } catch {
    return errorResponse(400, 'The request body must be a JSON object with token, name, email and password.', { code: 'invalid_body' });
  }
  const pair = await getAuthPair();
  const admin = { name: text(body.name) ?? '', email: text(body.email) ?? '', password: text(body.password) ?? '' };
  const result = await completeSetup(pair, text(body.token) ?? '', admin);
  if (!result.ok) return errorResponse(result.status, result.message, { code: result.status === 400 ? 'invalid_parameter' : 'setup_refused', param: result.param ?? null });
  const meta = requestMeta(request.headers);
  await recordSecurityEvent({ action: 'user.created', actor: null, outcome: 'success', subject: { userId: result.userId, email: admin.email.trim().toLowerCase() }, reason: 'first admin (setup link)', ...meta });
  log('info', 'auth.first_admin_created', { userId: result.userId });
  // Sign the new admin in: the session cookie comes from better-auth; its JSON (with the session token) is not passed on.
  const auth = pickAuth(pair, request.headers, request.url);
  const signIn = await auth.api.signInEmail({ body: { email: admin.email.trim(), password: admin.password }, headers: request.headers, asResponse: true });
  const response = Response.json({ ok: true }, { status: 201, headers: { 'cache-control': 'no-store' } });
  for (const cookie of signIn.headers.getSetCookie()) response.headers.append('set-cookie', cookie);
  return response;
}

/** GET /api/me — who is signed in ({id, name, email, role}); keeps an active session alive (renewed cookie). */
export async function handleMeRequest(request: Request): Promise<Response> {
  const pair = await getAuthPair();
  const renewed: string[] = [];
  const identity = await resolveIdentity(pair, request.headers, request.url, { onSetCookie: (cookies) => renewed.push(...cookies) });
  const caller = callerFromIdentity(identity, requestMeta(request.headers));
  const decision = authorize(caller, { id: 'getViewer', method: 'GET', mutation: false, needs: 'viewer', duringPasswordChange: true });
  if (!decision.allowed) return errorResponse(decision.status, decision.message, { code: decision.code });
  const user = identity.kind === 'none' ? null : identity.user;
  const response = Response.json({ id: user?.id, name: user?.name, email: user?.email, role: caller.role, via: caller.kind }, { headers: { 'cache-control': 'no-store' } });
  for (const cookie of renewed) response.headers.append('set-cookie', cookie);
  return response;
}
