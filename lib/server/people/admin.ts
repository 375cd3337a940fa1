import 'server-only';
import { z } from 'zod';
import { CreatePersonBody, PageQuery, SetRoleBody, type CreatedPerson } from '@/lib/contract/people';
import {
  createPerson,
  deletePerson,
  personSummary,
  PeopleError,
  reissueAccess,
  revokeAllSessions,
  setActive,
  setRole,
  listPeople,
  type CreatedAccount,
} from '@/lib/auth/people';
import { findToken, listTokens, revokeToken } from '@/lib/auth/tokens';
import { errorResponse } from '../api-error';
import { recordSecurityEvent } from '../audit';
import { json, jsonBody, peopleRoute, type SignedIn } from './route';

// /api/admin/users and /api/admin/tokens (admins only). Events whose subject exists beforehand are recorded before
// the change (a failing audit log refuses it); creations are recorded right after and undone if that fails.

function pageQuery(request: Request) {
  return PageQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
}

function inviteUrl(request: Request, token: string): string {
  const base = process.env.RUNBOARD_PUBLIC_URL?.trim() || new URL(request.url).origin;
  return `${base.replace(/\/+$/, '')}/invite?token=${encodeURIComponent(token)}`;
}

function created(request: Request, account: CreatedAccount): CreatedPerson {
  return {
    user: account.user,
    invite_url: account.inviteToken ? inviteUrl(request, account.inviteToken) : null,
    invite_expires_at: account.inviteExpiresAt ? Math.floor(account.inviteExpiresAt.getTime() / 1000) : null,
    temporary_password: account.temporaryPassword,
  };
}

function notSelf(caller: SignedIn, id: string, what: string): void {
  // The acting admin stays an active admin: nobody can lock the last admin out by accident.
  if (caller.id === id) throw new PeopleError(`You cannot ${what} yourself; ask another admin.`, 400, 'self_change');
}

/** GET /api/admin/users?page=&page_size= */
export const listUsersRoute = peopleRoute('admin', async ({ request }) => {
  const query = pageQuery(request);
  if (!query.success) return errorResponse(400, query.error.issues[0]?.message ?? 'bad page', { code: 'invalid_query' });
  const { data, total } = await listPeople(query.data.page, query.data.page_size);
  return json({ data, page: query.data.page, page_size: query.data.page_size, total });
});

/** POST /api/admin/users — invite link or temporary password. */
export const createUserRoute = peopleRoute('admin', async ({ request, caller }) => {
  const parsed = await jsonBody(request, CreatePersonBody);
  if (!parsed.ok) return parsed.response;
  const account = await createPerson(parsed.body);
  try {
    await recordSecurityEvent({
      action: parsed.body.method === 'invite' ? 'user.invited' : 'user.created',
      actor: caller,
      outcome: 'success',
      subject: { userId: account.user.id, email: account.user.email },
      detail: { role: account.user.role, method: parsed.body.method },
    });
  } catch (error) {
    await deletePerson(account.user.id);
    throw error;
  }
  return json(created(request, account), 201);
});

const ReissueBody = z.strictObject({ method: CreatePersonBody.shape.method });

/** POST /api/admin/users/{id}/invite — a new link (or temporary password) for someone who has not joined. */
export const reissueRoute = peopleRoute('admin', async ({ request, caller, params }) => {
  const parsed = await jsonBody(request, ReissueBody);
  if (!parsed.ok) return parsed.response;
  const id = params.id!;
  const person = await personSummary(id);
  await recordSecurityEvent({
    action: parsed.body.method === 'invite' ? 'user.invited' : 'user.created',
    actor: caller,
    outcome: 'success',
    subject: { userId: id, email: person.email },
    detail: { method: parsed.body.method, reissued: true },
  });
  return json(created(request, await reissueAccess(id, parsed.body.method)));
});

/** POST /api/admin/users/{id}/role */
export const setRoleRoute = peopleRoute('admin', async ({ request, caller, params }) => {
  const parsed = await jsonBody(request, SetRoleBody);
  if (!parsed.ok) return parsed.response;
  const id = params.id!;
  notSelf(caller, id, 'change the role of');
  const before = await personSummary(id);
  if (before.role === parsed.body.role) return json(before);
  await recordSecurityEvent({
    action: 'user.role_changed',
    actor: caller,
    outcome: 'success',
    subject: { userId: id, email: before.email },
    detail: { from: before.role, to: parsed.body.role },
  });
  return json((await setRole(id, parsed.body.role)).after);
});

function activeRoute(active: boolean) {
  return peopleRoute('admin', async ({ caller, params }) => {
    const id = params.id!;
    notSelf(caller, id, active ? 'reactivate' : 'deactivate');
    const before = await personSummary(id);
    if ((before.status === 'deactivated') === !active) return json(before);
    await recordSecurityEvent({
      action: active ? 'user.reactivated' : 'user.deactivated',
      actor: caller,
      outcome: 'success',
      subject: { userId: id, email: before.email },
      detail: active ? {} : { sessions_ended: before.active_sessions },
    });
    return json((await setActive(id, active)).after);
  });
}

/** POST /api/admin/users/{id}/deactivate — sessions end and tokens stop working at once. */
export const deactivateRoute = activeRoute(false);
/** POST /api/admin/users/{id}/reactivate */
export const reactivateRoute = activeRoute(true);

/** DELETE /api/admin/users/{id}/sessions — sign someone out everywhere. */
export const revokeUserSessionsRoute = peopleRoute('admin', async ({ caller, params }) => {
  const id = params.id!;
  const person = await personSummary(id);
  await recordSecurityEvent({
    action: 'session.revoked',
    actor: caller,
    outcome: 'success',
    subject: { userId: id, email: person.email },
    detail: { all: true, count: person.active_sessions },
  });
  await revokeAllSessions(id);
  return json({ ok: true });
});

/** GET /api/admin/tokens?page=&page_size= — everyone's tokens. */
export const listAllTokensRoute = peopleRoute('admin', async ({ request }) => {
  const query = pageQuery(request);
  if (!query.success) return errorResponse(400, query.error.issues[0]?.message ?? 'bad page', { code: 'invalid_query' });
  const { data, total } = await listTokens({ page: query.data.page, pageSize: query.data.page_size });
  return json({ data, page: query.data.page, page_size: query.data.page_size, total });
});

/** DELETE /api/admin/tokens/{id} */
export const revokeAnyTokenRoute = peopleRoute('admin', async ({ caller, params }) => {
  const token = await findToken(params.id!);
  await recordSecurityEvent({
    action: 'token.revoked',
    actor: caller,
    outcome: 'success',
    subject: { tokenId: token.id, userId: token.owner.id, email: token.owner.email },
    detail: { name: token.name, role: token.role },
  });
  await revokeToken(token.id);
  return json({ ok: true });
});
