import 'server-only';
import { APIError, getSessionFromCtx } from 'better-auth/api';
import { recordSecurityEvent } from '@/lib/server/audit';
import { log } from '@/lib/server/log';
import { requestMeta, userCaller } from './caller';
import type { Kysely } from 'kysely';
import { accountLockedFor, clearFailedSignIns, recordFailedSignIn } from './sign-in-limit';

// better-auth request hooks: the per-account sign-in limit, and the audit trail of sign-ins and sign-outs.
// Types are loose on purpose: these run inside better-auth's endpoint context (see createAuthMiddleware in auth.ts).

type HookContext = {
  path: string;
  body?: unknown;
  headers?: Headers;
  request?: Request;
  json: (body: unknown) => unknown;
  context: { returned?: unknown; newSession?: { session: { id: string }; user: { id: string } & Record<string, unknown> } | null };
};

/** Sign-ins and sign-outs have already happened when they are recorded: a failed write is logged, not fatal. */
async function record(event: Parameters<typeof recordSecurityEvent>[0]): Promise<void> {
  try {
    await recordSecurityEvent(event);
  } catch (error) {
    log('error', 'auth.audit_unavailable', { action: event.action, error });
  }
}

const emailOf = (body: unknown) => (body && typeof body === 'object' && typeof (body as { email?: unknown }).email === 'string' ? (body as { email: string }).email : null);

/**
 * better-auth's own user-admin and API-key endpoints stay server-side: over HTTP they would create users, change
 * roles, impersonate or mint tokens around Runboard's rules (token role and lifetime) and its audit log. People and
 * tokens are managed through /api/admin/* and /api/profile/* (lib/server/people), which call them in-process.
 */
const SERVER_ONLY_PATHS = /^\/(admin|api-key)\//;

export async function beforeAuthRequest(ctx: HookContext, db: Kysely<any>): Promise<void> {
  if (ctx.request && SERVER_ONLY_PATHS.test(ctx.path)) {
    throw new APIError('NOT_FOUND', {
      code: 'NOT_AVAILABLE',
      message: 'Not available over HTTP: manage people on /admin/users and tokens on /profile (every change is audited).',
    });
  }
  if (ctx.path === '/sign-in/email') {
    const email = emailOf(ctx.body);
    if (!email) return;
    const lockedFor = await accountLockedFor(db, email);
    if (lockedFor !== null) {
      const minutes = Math.ceil(lockedFor / 60);
      throw new APIError('TOO_MANY_REQUESTS', {
        code: 'ACCOUNT_SIGN_IN_LIMIT',
        message: `Too many failed sign-ins for this account. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      });
    }
  }
  if (ctx.path === '/sign-out' || ctx.path === '/revoke-sessions') {
    const everywhere = ctx.path === '/revoke-sessions';
    const session = await getSessionFromCtx(ctx as never).catch(() => null);
    if (session) {
      const meta = requestMeta(ctx.headers ?? ctx.request?.headers ?? null);
      await record({ action: 'auth.sign_out', actor: userCaller(session.user, session.session.id, meta), outcome: 'success', subject: { userId: session.user.id, sessionId: session.session.id }, ...(everywhere ? { detail: { everywhere: true } } : {}), ...meta });
    }
  }
}

export async function afterAuthRequest(ctx: HookContext, db: Kysely<any>): Promise<unknown> {
  if (ctx.path !== '/sign-in/email') return;
  const email = emailOf(ctx.body);
  if (!email) return;
  const meta = requestMeta(ctx.headers ?? ctx.request?.headers ?? null);
  const returned = ctx.context.returned;
  const session = ctx.context.newSession;
  if (session && !(returned instanceof APIError)) {
    await clearFailedSignIns(db, email);
    log('info', 'auth.sign_in', { userId: String(session.user.id), sessionId: session.session.id, address: meta.address });
    await record({ action: 'auth.sign_in', actor: userCaller(session.user, session.session.id, meta), outcome: 'success', subject: { userId: String(session.user.id), sessionId: session.session.id }, ...meta });
    // The session token travels only in the httpOnly cookie; page scripts never see it in a response body.
    const { user } = session;
    return ctx.json({ redirect: false, user: { id: user.id, name: user.name, email: user.email, role: user.role } });
  }
  const error = returned instanceof APIError ? returned : null;
  // A refusal by the limits themselves is not another failed password.
  if (error && error.status === 'TOO_MANY_REQUESTS') return;
  await recordFailedSignIn(db, email);
  log('info', 'auth.sign_in_failed', { email: email.trim().toLowerCase().slice(0, 320), address: meta.address, reason: error?.body?.code ?? null });
  await record({ action: 'auth.sign_in_failed', actor: null, outcome: 'failure', subject: { email: email.trim().toLowerCase().slice(0, 320) }, reason: error?.body?.code ? String(error.body.code) : null, ...meta });
}
