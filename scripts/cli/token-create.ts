// `token create` against the server's database: find the user by email, apply the token rules, record the event.
import { getAuthPair } from '@/lib/auth/runtime';
import { TokenRuleError } from '@/lib/auth/tokens';
import { AuditUnavailableError } from '@/lib/server/audit';
import { createRecordedToken } from '@/lib/server/people/recorded-token';
import type { CliCommand } from './args';

type Outcome = { ok: true; secret: string; summary: string } | { ok: false; message: string };

export async function createTokenFromCli(command: Extract<CliCommand, { kind: 'token.create' }>): Promise<Outcome> {
  const ctx = await (await getAuthPair()).plain.$context;
  const found = await ctx.internalAdapter.findUserByEmail(command.email);
  if (!found) return { ok: false, message: `No user with the email ${command.email}. Invite them first on /admin/users.` };
  try {
    let made;
    try {
      // No signed-in actor on the command line: whoever can run it on the server's database made it.
      made = await createRecordedToken(
        { userId: found.user.id, email: command.email, name: command.name, role: command.role, days: command.days },
        { actor: null, via: 'cli', userAgent: 'runboard-cli' },
      );
    } catch (error) {
      if (error instanceof AuditUnavailableError) return { ok: false, message: `The audit log could not record the token, so it was not kept: ${error.message}` };
      throw error;
    }
    const { token, secret } = made;
    const expires = token.expires_at === null ? 'never' : new Date(token.expires_at * 1000).toISOString().slice(0, 10);
    return {
      ok: true,
      secret,
      summary: `Created token "${token.name}" for ${command.email} (role ${token.role}, expires ${expires}, ends …${token.last4}). It is shown once: store it now.`,
    };
  } catch (error) {
    if (error instanceof TokenRuleError) return { ok: false, message: error.message };
    throw error;
  }
}
