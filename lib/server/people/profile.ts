import 'server-only';
import { ChangePasswordBody, CreateTokenBody, UpdateProfileBody } from '@/lib/contract/people';
import { changePassword, listSessions, PeopleError, profileOf, rename, revokeAllSessions, revokeSession } from '@/lib/auth/people';
import { findToken, listTokens, revokeToken } from '@/lib/auth/tokens';
import { recordSecurityEvent } from '../audit';
import { createRecordedToken } from './recorded-token';
import { json, jsonBody, peopleRoute } from './route';

// /api/profile/* — the signed-in person's own account, tokens and sessions.

/** GET /api/profile */
export const getProfileRoute = peopleRoute('signed-in', async ({ caller }) => json(await profileOf(caller.id)));

/** POST /api/profile {name} */
export const updateProfileRoute = peopleRoute('signed-in', async ({ request, caller }) => {
  const parsed = await jsonBody(request, UpdateProfileBody);
  if (!parsed.ok) return parsed.response;
  return json(await rename(caller.id, parsed.body.name));
});

/** POST /api/profile/password {current_password, new_password} — other sessions end, this one stays. */
export const changePasswordRoute = peopleRoute('signed-in', async ({ request, caller }) => {
  const parsed = await jsonBody(request, ChangePasswordBody);
  if (!parsed.ok) return parsed.response;
  try {
    await changePassword(caller.id, caller.sessionId, { current: parsed.body.current_password, next: parsed.body.new_password });
  } catch (error) {
    await recordSecurityEvent({ action: 'password.changed', actor: caller, outcome: 'failure', subject: { userId: caller.id }, reason: (error as Error).message }).catch(() => {});
    throw error;
  }
  await recordSecurityEvent({ action: 'password.changed', actor: caller, outcome: 'success', subject: { userId: caller.id, email: caller.email } });
  return json({ ok: true });
});

/** GET /api/profile/tokens */
export const listOwnTokensRoute = peopleRoute('signed-in', async ({ caller }) => {
  const { data, total } = await listTokens({ userId: caller.id, page: 1, pageSize: 100 });
  return json({ data, page: 1, page_size: 100, total });
});

/** POST /api/profile/tokens {name, role, days} — the secret is in this answer only. */
export const createOwnTokenRoute = peopleRoute('signed-in', async ({ request, caller }) => {
  const parsed = await jsonBody(request, CreateTokenBody);
  if (!parsed.ok) return parsed.response;
  const { name, role, days } = parsed.body;
  return json(await createRecordedToken({ userId: caller.id, email: caller.email, name, role, days }, { actor: caller }), 201);
});

/** DELETE /api/profile/tokens/{id} */
export const revokeOwnTokenRoute = peopleRoute('signed-in', async ({ caller, params }) => {
  const token = await findToken(params.id!, { ownerId: caller.id });
  await recordSecurityEvent({
    action: 'token.revoked',
    actor: caller,
    outcome: 'success',
    subject: { tokenId: token.id, userId: caller.id, email: caller.email },
    detail: { name: token.name, role: token.role },
  });
  await revokeToken(token.id, { ownerId: caller.id });
  return json({ ok: true });
});

/** GET /api/profile/sessions */
export const listOwnSessionsRoute = peopleRoute('signed-in', async ({ caller }) => json({ data: await listSessions(caller.id, caller.sessionId) }));

/** DELETE /api/profile/sessions/{id} — end one of my sessions. */
export const revokeOwnSessionRoute = peopleRoute('signed-in', async ({ caller, params }) => {
  const id = params.id!;
  if (!(await listSessions(caller.id, caller.sessionId)).some((s) => s.id === id)) {
    throw new PeopleError('No such session.', 404, 'session_not_found');
  }
  await recordSecurityEvent({ action: 'session.revoked', actor: caller, outcome: 'success', subject: { userId: caller.id, sessionId: id } });
  await revokeSession(caller.id, id);
  return json({ ok: true });
});

/** DELETE /api/profile/sessions — sign out everywhere, this session included. */
export const signOutEverywhereRoute = peopleRoute('signed-in', async ({ caller }) => {
  await recordSecurityEvent({ action: 'session.revoked', actor: caller, outcome: 'success', subject: { userId: caller.id, email: caller.email }, detail: { all: true } });
  await revokeAllSessions(caller.id);
  return json({ ok: true });
});
