import 'server-only';
import { RuleError } from './rule-error';
import { createHash } from 'node:crypto';
import { constantTimeEqual, generateRandomString } from 'better-auth/crypto';
import type { RoleValue } from '@/lib/contract/people';
import { toRole } from './roles';
import { getAuthPair } from './runtime';

// Invitations: an admin creates the account up front (no password, so nobody can sign in to it yet) and a link
// `/invite?token=<user id>.<secret>` lets the person set their name and password once, within 7 days. The secret is
// kept only as a SHA-256 hash in better-auth's verification table; consuming the row there is atomic, so two
// concurrent accepts cannot both succeed, and a new link for the same person replaces the old one.

export const INVITE_DAYS = 7;
const identifier = (userId: string) => `runboard-invite:${userId}`;
const hash = (secret: string) => createHash('sha256').update(secret).digest('base64url');

export class InviteError extends RuleError {}

/** A fresh single-use link secret for `userId`, replacing any earlier one. Returns the token for the URL. */
export async function issueInvite(userId: string): Promise<{ token: string; expiresAt: Date }> {
  const ctx = await (await getAuthPair()).plain.$context;
  const secret = generateRandomString(40, 'a-z', 'A-Z', '0-9');
  const expiresAt = new Date(Date.now() + INVITE_DAYS * 86_400_000);
  await ctx.internalAdapter.deleteVerificationByIdentifier(identifier(userId));
  await ctx.internalAdapter.createVerificationValue({ identifier: identifier(userId), value: hash(secret), expiresAt });
  return { token: `${userId}.${secret}`, expiresAt };
}


function split(token: string): { userId: string; secret: string } {
  const match = /^([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9]{20,128})$/.exec(token);
  if (!match) throw new InviteError('This invitation link is incomplete or mistyped. Open the full link you were sent.', 400, 'invite_malformed');
  return { userId: match[1]!, secret: match[2]! };
}

const NOT_VALID = 'This invitation link is not valid: it was already used, replaced by a newer one, or mistyped.';

/** Who the link invites, without using it up; throws InviteError for unknown, replaced, used or expired links. */
export async function readInvite(token: string): Promise<{ userId: string; email: string; name: string; role: RoleValue; expiresAt: Date }> {
  const { userId, secret } = split(token);
  const ctx = await (await getAuthPair()).plain.$context;
  const row = await ctx.internalAdapter.findVerificationValue(identifier(userId));
  if (!row || !constantTimeEqual(row.value, hash(secret))) throw new InviteError(NOT_VALID, 404, 'invite_not_found');
  if (row.expiresAt.getTime() < Date.now()) {
    throw new InviteError(`This invitation expired on ${row.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC. Ask your admin for a new link.`, 410, 'invite_expired');
  }
  const user = (await ctx.internalAdapter.findUserById(userId)) as { email: string; name: string; role?: string | null; banned?: boolean | null } | null;
  if (!user || user.banned) throw new InviteError(NOT_VALID, 404, 'invite_not_found');
  return { userId, email: user.email, name: user.name, role: toRole(user.role), expiresAt: row.expiresAt };
}

/** Uses the link once: sets the name and the password (hashed by better-auth). The person then signs in normally. */
export async function acceptInvite(token: string, input: { name: string; password: string }): Promise<{ userId: string; email: string }> {
  const invite = await readInvite(token);
  const ctx = await (await getAuthPair()).plain.$context;
  const consumed = await ctx.internalAdapter.consumeVerificationValue(identifier(invite.userId));
  // Lost the race to a concurrent accept (null), or a newer link replaced this one meanwhile: put that one back.
  if (!consumed) throw new InviteError(NOT_VALID, 409, 'invite_used');
  if (!constantTimeEqual(consumed.value, hash(split(token).secret))) {
    await ctx.internalAdapter.createVerificationValue({ identifier: consumed.identifier, value: consumed.value, expiresAt: consumed.expiresAt });
    throw new InviteError(NOT_VALID, 409, 'invite_used');
  }
  if (await ctx.internalAdapter.findCredentialAccount(invite.userId)) throw new InviteError(NOT_VALID, 409, 'invite_used');
  await ctx.internalAdapter.linkAccount({
    providerId: 'credential',
    accountId: invite.userId,
    userId: invite.userId,
    password: await ctx.password.hash(input.password),
  });
  await ctx.internalAdapter.updateUser(invite.userId, { name: input.name, emailVerified: true });
  return { userId: invite.userId, email: invite.email };
}
