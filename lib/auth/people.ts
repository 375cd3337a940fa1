import 'server-only';
import { RuleError } from './rule-error';
import { generateRandomString } from 'better-auth/crypto';
import type { PersonSummary, Profile, RoleValue, SessionSummary, UserStatus } from '@/lib/contract/people';
import { issueInvite } from './invites';
import { forgetIdentities } from './identity-cache';
import { toRole } from './roles';
import { getAuthPair } from './runtime';

// People on better-auth's user, account and session tables: listing with status, creating by invite or temporary
// password, role changes, deactivation (better-auth's `banned` flag: sign-in refused, sessions deleted here, tokens
// refused by verifyPersonalToken) and sessions. Rules about *who* may do this live in lib/server/people.

export class PeopleError extends RuleError {}

type UserRow = {
  id: string;
  name: string;
  email: string;
  role?: string | null;
  banned?: boolean | null;
  mustChangePassword?: boolean | null;
  createdAt: Date | string;
};
type AccountRow = { userId: string; providerId: string };
type SessionRow = { id: string; token: string; userId: string; createdAt: Date | string; expiresAt: Date | string; ipAddress?: string | null; userAgent?: string | null };

const seconds = (value: Date | string) => Math.floor(new Date(value).getTime() / 1000);

const serverAuth = async () => (await getAuthPair()).plain;

async function context() {
  return (await serverAuth()).$context;
}

async function mustFindUser(id: string): Promise<UserRow> {
  const ctx = await context();
  const user = (await ctx.internalAdapter.findUserById(id)) as UserRow | null;
  if (!user) throw new PeopleError('No such user.', 404, 'user_not_found');
  return user;
}

function statusOf(user: UserRow, accounts: AccountRow[]): UserStatus {
  if (user.banned) return 'deactivated';
  return accounts.length === 0 ? 'invited' : 'active';
}

async function summaries(users: UserRow[]): Promise<PersonSummary[]> {
  if (users.length === 0) return [];
  const ctx = await context();
  const ids = users.map((u) => u.id);
  const [accounts, sessions] = await Promise.all([
    ctx.adapter.findMany<AccountRow>({ model: 'account', where: [{ field: 'userId', operator: 'in', value: ids }] }),
    ctx.adapter.findMany<SessionRow>({
      model: 'session',
      where: [
        { field: 'userId', operator: 'in', value: ids },
        { field: 'expiresAt', operator: 'gt', value: new Date() },
      ],
    }),
  ]);
  return users.map((user) => {
    const own = accounts.filter((a) => a.userId === user.id);
    return {
      id: user.id,
      name: user.name,
      email: user.email,
      role: toRole(user.role),
      status: statusOf(user, own),
      sso: own.some((a) => a.providerId !== 'credential'),
      must_change_password: !!user.mustChangePassword,
      created_at: seconds(user.createdAt),
      active_sessions: sessions.filter((s) => s.userId === user.id).length,
    };
  });
}

export async function personSummary(id: string): Promise<PersonSummary> {
  return (await summaries([await mustFindUser(id)]))[0]!;
}

/** Oldest first, so the first admin stays on top and pages do not shift when someone joins. */
export async function listPeople(page: number, pageSize: number): Promise<{ data: PersonSummary[]; total: number }> {
  const ctx = await context();
  const [users, total] = await Promise.all([
    ctx.internalAdapter.listUsers(pageSize, (page - 1) * pageSize, { field: 'createdAt', direction: 'asc' }) as Promise<UserRow[]>,
    ctx.internalAdapter.countTotalUsers(),
  ]);
  return { data: await summaries(users), total };
}

export type CreatedAccount = { user: PersonSummary; inviteToken: string | null; inviteExpiresAt: Date | null; temporaryPassword: string | null };

/** Creates the account: with an invite link (no password yet) or a temporary password to change at first sign-in. */
export async function createPerson(input: { email: string; name?: string; role: RoleValue; method: 'invite' | 'password' }): Promise<CreatedAccount> {
  const auth = await serverAuth();
  const ctx = await auth.$context;
  if (await ctx.internalAdapter.findUserByEmail(input.email)) {
    throw new PeopleError(`${input.email} already has an account.`, 409, 'user_exists');
  }
  const name = input.name ?? input.email.slice(0, input.email.indexOf('@'));
  if (input.method === 'password') {
    const temporaryPassword = generateRandomString(20, 'a-z', 'A-Z', '0-9');
    const { user } = await auth.api.createUser({
      body: { email: input.email, name, password: temporaryPassword, role: input.role as never, data: { mustChangePassword: true } },
    });
    return { user: await personSummary(user.id), inviteToken: null, inviteExpiresAt: null, temporaryPassword };
  }
  const { user } = await auth.api.createUser({ body: { email: input.email, name, role: input.role as never } });
  const invite = await issueInvite(user.id);
  return { user: await personSummary(user.id), inviteToken: invite.token, inviteExpiresAt: invite.expiresAt, temporaryPassword: null };
}

/** A new invite link (or temporary password) for someone who has not signed in yet. */
export async function reissueAccess(id: string, method: 'invite' | 'password'): Promise<CreatedAccount> {
  const user = await mustFindUser(id);
  const person = (await summaries([user]))[0]!;
  if (person.status !== 'invited' && !person.must_change_password) {
    throw new PeopleError(`${user.email} has already joined; they can change their password on their profile.`, 409, 'already_joined');
  }
  const ctx = await context();
  if (method === 'password') {
    const temporaryPassword = generateRandomString(20, 'a-z', 'A-Z', '0-9');
    const hashed = await ctx.password.hash(temporaryPassword);
    if (await ctx.internalAdapter.findCredentialAccount(id)) await ctx.internalAdapter.updatePassword(id, hashed);
    else await ctx.internalAdapter.linkAccount({ providerId: 'credential', accountId: id, userId: id, password: hashed });
    await ctx.internalAdapter.updateUser(id, { mustChangePassword: true });
    forgetIdentities();
    return { user: await personSummary(id), inviteToken: null, inviteExpiresAt: null, temporaryPassword };
  }
  if (person.status !== 'invited') throw new PeopleError(`${user.email} already has a password; give them a temporary one instead.`, 409, 'already_joined');
  const invite = await issueInvite(id);
  return { user: person, inviteToken: invite.token, inviteExpiresAt: invite.expiresAt, temporaryPassword: null };
}

/** Undoes a creation that could not be recorded in the audit log. */
export async function deletePerson(id: string): Promise<void> {
  await (await context()).internalAdapter.deleteUser(id);
  forgetIdentities();
}

export async function setRole(id: string, role: RoleValue): Promise<{ before: RoleValue; after: PersonSummary }> {
  const user = await mustFindUser(id);
  await (await context()).internalAdapter.updateUser(id, { role });
  forgetIdentities();
  return { before: toRole(user.role), after: await personSummary(id) };
}

/** Deactivated: sign-in refused, every session deleted now, tokens refused from the next request on. */
export async function setActive(id: string, active: boolean): Promise<{ changed: boolean; after: PersonSummary }> {
  const user = await mustFindUser(id);
  const ctx = await context();
  const changed = !!user.banned === active;
  await ctx.internalAdapter.updateUser(id, active ? { banned: false, banReason: null, banExpires: null } : { banned: true, banReason: 'deactivated by an admin' });
  if (!active) await ctx.internalAdapter.deleteUserSessions(id);
  forgetIdentities();
  return { changed, after: await personSummary(id) };
}

export async function revokeAllSessions(userId: string): Promise<number> {
  const ctx = await context();
  const sessions = await ctx.internalAdapter.listSessions(userId);
  await ctx.internalAdapter.deleteUserSessions(userId);
  forgetIdentities();
  return sessions.length;
}

export async function listSessions(userId: string, currentSessionId: string | null): Promise<SessionSummary[]> {
  const ctx = await context();
  const sessions = (await ctx.internalAdapter.listSessions(userId, { onlyActiveSessions: true })) as SessionRow[];
  return sessions
    .map((s) => ({
      id: s.id,
      current: s.id === currentSessionId,
      created_at: seconds(s.createdAt),
      expires_at: seconds(s.expiresAt),
      user_agent: s.userAgent ?? null,
      address: s.ipAddress ?? null,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current) || b.created_at - a.created_at);
}

/** Ends one of the person's sessions by its id (never by the secret token, which the browser never sees). */
export async function revokeSession(userId: string, sessionId: string): Promise<void> {
  const ctx = await context();
  const session = ((await ctx.internalAdapter.listSessions(userId)) as SessionRow[]).find((s) => s.id === sessionId);
  if (!session) throw new PeopleError('No such session.', 404, 'session_not_found');
  await ctx.internalAdapter.deleteSession(session.token);
  forgetIdentities();
}

export async function profileOf(userId: string): Promise<Profile> {
  const ctx = await context();
  const user = await mustFindUser(userId);
  const accounts = (await ctx.internalAdapter.findAccounts(userId)) as AccountRow[];
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: toRole(user.role),
    sso: accounts.some((a) => a.providerId !== 'credential'),
    has_password: accounts.some((a) => a.providerId === 'credential'),
    must_change_password: !!user.mustChangePassword,
  };
}

export async function rename(userId: string, name: string): Promise<Profile> {
  await (await context()).internalAdapter.updateUser(userId, { name });
  forgetIdentities();
  return profileOf(userId);
}

/**
 * Checks the current password with better-auth's hasher and stores the new one; every other session of the person
 * ends, the one making the change stays. Clears the temporary-password flag.
 */
export async function changePassword(userId: string, currentSessionId: string | null, input: { current: string; next: string }): Promise<void> {
  const ctx = await context();
  const account = await ctx.internalAdapter.findCredentialAccount(userId);
  if (!account?.password) throw new PeopleError('You sign in through single sign-on and have no Runboard password.', 400, 'no_password');
  if (!(await ctx.password.verify({ hash: account.password, password: input.current }))) {
    throw new PeopleError('The current password is not right.', 400, 'wrong_password');
  }
  await ctx.internalAdapter.updateAccount(account.id, { password: await ctx.password.hash(input.next) });
  await ctx.internalAdapter.updateUser(userId, { mustChangePassword: false });
  const others = ((await ctx.internalAdapter.listSessions(userId)) as SessionRow[]).filter((s) => s.id !== currentSessionId);
  if (others.length > 0) await ctx.internalAdapter.deleteSessions(others.map((s) => s.token));
  forgetIdentities();
}
