import 'server-only';
import { AcceptInviteBody } from '@/lib/contract/people';
import { acceptInvite, readInvite } from '@/lib/auth/invites';
import { recordSecurityEvent } from '../audit';
import { json, jsonBody, peopleRoute } from './route';

// /api/invites/{token}: public (the link is the credential). Reading does not use the link up; accepting does, once.

/** GET /api/invites/{token} — who is invited, as which role, until when. */
export const readInviteRoute = peopleRoute('public', async ({ params }) => {
  const invite = await readInvite(params.token ?? '');
  return json({ email: invite.email, name: invite.name, role: invite.role, expires_at: Math.floor(invite.expiresAt.getTime() / 1000) });
});

/** POST /api/invites/{token} {name, password} */
export const acceptInviteRoute = peopleRoute('public', async ({ request, caller, params }) => {
  const parsed = await jsonBody(request, AcceptInviteBody);
  if (!parsed.ok) return parsed.response;
  const token = params.token ?? '';
  const invite = await readInvite(token);
  await recordSecurityEvent({
    action: 'password.changed',
    actor: caller,
    outcome: 'success',
    subject: { userId: invite.userId, email: invite.email },
    detail: { via: 'invite' },
  });
  await acceptInvite(token, parsed.body);
  return json({ ok: true });
});
