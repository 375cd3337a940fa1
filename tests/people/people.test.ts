import { beforeAll, expect, it } from 'vitest';
import * as invitesModule from '@/lib/auth/invites';
import * as peopleModule from '@/lib/auth/people';
import { getAuthPair } from '@/lib/auth/runtime';
import { resolveIdentity } from '@/lib/auth/session';
import * as tokensModule from '@/lib/auth/tokens';
import { startAuthWorld } from '../auth/support';
import { forEachEngine } from '../support/engines';

// People on the real better-auth over a fresh database, on SQLite and on PostgreSQL.

const auth = async () => (await getAuthPair()).plain;
const people = async () => peopleModule;
const tokens = async () => tokensModule;
const invites = async () => invitesModule;

async function signIn(email: string, password: string) {
  const a = await auth();
  return a.api.signInEmail({ body: { email, password } });
}

/** Who a `Bearer` secret speaks for on a request (null: refused). */
async function bearer(secret: string) {
  const identity = await resolveIdentity(await getAuthPair(), new Headers({ authorization: `Bearer ${secret}` }), null);
  return identity.kind === 'token' ? identity : null;
}

forEachEngine('people: invites, temporary passwords, roles, deactivation, tokens', (getStore) => {
  let adminId = '';
  beforeAll(async () => {
    // Binds better-auth to this engine's store (test settings: no RUNBOARD_SECRET needed); lib/auth then finds it.
    await startAuthWorld({ store: getStore() });
    const a = await auth();
    adminId = (await a.api.createUser({ body: { email: 'admin@example.com', name: 'Admin', password: 'admin-password-1', role: 'admin' as never } })).user.id;
  });

  it('an invite link creates a passwordless account, works once, and lets the person sign in', async () => {
    const { createPerson, personSummary } = await people();
    const { acceptInvite, readInvite } = await invites();
    const created = await createPerson({ email: 'op@example.com', role: 'operator', method: 'invite' });
    expect(created.user).toMatchObject({ email: 'op@example.com', name: 'op', role: 'operator', status: 'invited' });
    expect(created.temporaryPassword).toBeNull();
    expect(created.inviteExpiresAt!.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    await expect(signIn('op@example.com', 'whatever-password')).rejects.toThrow();

    expect(await readInvite(created.inviteToken!)).toMatchObject({ email: 'op@example.com', role: 'operator' });
    await expect(readInvite(`${created.user.id}.${'x'.repeat(40)}`)).rejects.toMatchObject({ status: 404 });
    await expect(readInvite('garbage')).rejects.toMatchObject({ status: 400 });

    const [first, second] = await Promise.allSettled([
      acceptInvite(created.inviteToken!, { name: 'Olga Operator', password: 'olga-password-1' }),
      acceptInvite(created.inviteToken!, { name: 'Mallory', password: 'mallory-password' }),
    ]);
    expect([first.status, second.status].sort()).toEqual(['fulfilled', 'rejected']);
    const winner = first.status === 'fulfilled' ? 'olga-password-1' : 'mallory-password';
    expect((await signIn('op@example.com', winner)).user.email).toBe('op@example.com');
    expect(await personSummary(created.user.id)).toMatchObject({ status: 'active', active_sessions: 1 });
    await expect(readInvite(created.inviteToken!)).rejects.toMatchObject({ status: 404 });
  });

  it('a newer link replaces the older one; an expired link answers 410', async () => {
    const { createPerson, reissueAccess } = await people();
    const { readInvite } = await invites();
    const created = await createPerson({ email: 'late@example.com', name: 'Late', role: 'viewer', method: 'invite' });
    const again = await reissueAccess(created.user.id, 'invite');
    await expect(readInvite(created.inviteToken!)).rejects.toMatchObject({ status: 404 });
    expect(await readInvite(again.inviteToken!)).toMatchObject({ email: 'late@example.com' });
    const ctx = await (await auth()).$context;
    await ctx.internalAdapter.updateVerificationByIdentifier(`runboard-invite:${created.user.id}`, { expiresAt: new Date(Date.now() - 1000) });
    await expect(readInvite(again.inviteToken!)).rejects.toMatchObject({ status: 410, code: 'invite_expired' });
  });

  it('a temporary password signs in once flagged; changing it clears the flag and ends other sessions only', async () => {
    const { createPerson, changePassword, profileOf, listSessions } = await people();
    const created = await createPerson({ email: 'viewer@example.com', role: 'viewer', method: 'password' });
    expect(created.temporaryPassword).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(created.user).toMatchObject({ status: 'active', must_change_password: true });
    const one = await signIn('viewer@example.com', created.temporaryPassword!);
    await signIn('viewer@example.com', created.temporaryPassword!);
    const current = (await listSessions(created.user.id, null)).find((s) => s.created_at > 0)!;
    await expect(changePassword(created.user.id, current.id, { current: 'wrong-password', next: 'my-own-password-1' })).rejects.toMatchObject({
      code: 'wrong_password',
    });
    await changePassword(created.user.id, current.id, { current: created.temporaryPassword!, next: 'my-own-password-1' });
    expect(await profileOf(created.user.id)).toMatchObject({ must_change_password: false, has_password: true, sso: false });
    expect((await listSessions(created.user.id, current.id)).map((s) => s.id)).toEqual([current.id]);
    expect(one.user.email).toBe('viewer@example.com');
    await expect(signIn('viewer@example.com', created.temporaryPassword!)).rejects.toThrow();
  });

  it('refuses a second account for the same email', async () => {
    const { createPerson } = await people();
    await expect(createPerson({ email: 'admin@example.com', role: 'viewer', method: 'invite' })).rejects.toMatchObject({ status: 409 });
  });

  it('tokens: role at most the owner, 1–365 days, verify, list with last 4, revoke → unknown', async () => {
    const { createPerson } = await people();
    const { createPersonalToken, listTokens, revokeToken } = await tokens();
    const { user } = await createPerson({ email: 'script@example.com', role: 'operator', method: 'password' });
    await expect(createPersonalToken({ userId: user.id, name: 'x', role: 'admin' })).rejects.toMatchObject({ status: 403, code: 'role_above_owner' });
    await expect(createPersonalToken({ userId: user.id, name: 'x', days: 366 })).rejects.toMatchObject({ status: 400 });
    const made = await createPersonalToken({ userId: user.id, name: 'nightly' });
    expect(made.secret).toMatch(/^rb_[A-Za-z]{64}$/);
    expect(made.token).toMatchObject({ name: 'nightly', role: 'operator', last4: made.secret.slice(-4), last_used_at: null });
    expect(made.token.expires_at! - made.token.created_at).toBe(90 * 86_400);
    expect(await bearer(made.secret)).toMatchObject({ role: 'operator', tokenName: 'nightly', user: { email: 'script@example.com' } });
    // One letter changed (a different one when the secret already ends in x, 1 time in 52).
    expect(await bearer(`${made.secret.slice(0, -1)}${made.secret.endsWith('x') ? 'y' : 'x'}`)).toBeNull();
    const listed = await listTokens({ userId: user.id, page: 1, pageSize: 10 });
    expect(listed.total).toBe(1);
    expect(listed.data[0]!.last_used_at).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(made.secret);
    await expect(revokeToken(made.token.id, { ownerId: adminId })).rejects.toMatchObject({ status: 404 });
    await revokeToken(made.token.id, { ownerId: user.id });
    expect(await bearer(made.secret)).toBeNull();
  });

  it('demoting a person caps their tokens; deactivating ends sessions and tokens at once, reactivating restores tokens', async () => {
    const { createPerson, setActive, setRole, personSummary } = await people();
    const { createPersonalToken } = await tokens();
    const created = await createPerson({ email: 'gone@example.com', role: 'operator', method: 'password' });
    const made = await createPersonalToken({ userId: created.user.id, name: 'ops' });
    await signIn('gone@example.com', created.temporaryPassword!);
    expect((await personSummary(created.user.id)).active_sessions).toBe(1);
    await setRole(created.user.id, 'viewer');
    expect((await bearer(made.secret))?.role).toBe('viewer');
    await setRole(created.user.id, 'operator');

    const { after } = await setActive(created.user.id, false);
    expect(after).toMatchObject({ status: 'deactivated', active_sessions: 0 });
    expect(await bearer(made.secret)).toBeNull();
    await expect(signIn('gone@example.com', created.temporaryPassword!)).rejects.toThrow();

    await setActive(created.user.id, true);
    expect((await personSummary(created.user.id)).status).toBe('active');
    expect((await bearer(made.secret))?.role).toBe('operator');
  });
});
