import 'server-only';
import { createPersonalToken, revokeToken } from '@/lib/auth/tokens';
import type { Role } from '@/lib/view/roles';
import type { Caller } from '../access';
import { recordSecurityEvent } from '../audit';

/**
 * A new personal API token, recorded in the audit log (the profile page and `runboard token create`). The record
 * names the token's id, known only once it exists, so the token is made first and revoked again when the record
 * cannot be written (unrecorded, so it must not exist); that error is rethrown.
 */
export async function createRecordedToken(
  input: { userId: string; email: string; name: string; role?: Role | null; days: number },
  by: { actor: Caller | null; via?: 'cli'; userAgent?: string },
): ReturnType<typeof createPersonalToken> {
  const made = await createPersonalToken({ userId: input.userId, name: input.name, role: input.role, days: input.days });
  try {
    await recordSecurityEvent({
      action: 'token.created',
      actor: by.actor,
      outcome: 'success',
      subject: { tokenId: made.token.id, userId: input.userId, email: input.email },
      detail: { name: made.token.name, role: made.token.role, days: input.days, ...(by.via ? { via: by.via } : {}) },
      userAgent: by.userAgent,
    });
  } catch (error) {
    await revokeToken(made.token.id);
    throw error;
  }
  return made;
}
