import { beforeAll, expect, it } from 'vitest';
import * as adminTokens from '@/app/api/admin/tokens/route';
import * as adminUsers from '@/app/api/admin/users/route';
import * as deactivate from '@/app/api/admin/users/[id]/deactivate/route';
import * as reactivate from '@/app/api/admin/users/[id]/reactivate/route';
import * as role from '@/app/api/admin/users/[id]/role/route';
import * as userSessions from '@/app/api/admin/users/[id]/sessions/route';
import * as invite from '@/app/api/invites/[token]/route';
import * as profile from '@/app/api/profile/route';
import * as password from '@/app/api/profile/password/route';
import * as sessions from '@/app/api/profile/sessions/route';
import * as tokens from '@/app/api/profile/tokens/route';
import * as token from '@/app/api/profile/tokens/[id]/route';
import { getAuthPair } from '@/lib/auth/runtime';
import { resolveIdentity } from '@/lib/auth/session';
import type { Store } from '@/lib/store/db';
import { ORIGIN, startAuthWorld, type AuthWorld } from '../auth/support';
import { forEachEngine } from '../support/engines';

// The people API through its real route exports, as a browser (session cookie) would call it, on both engines:
// who may do what, the shown-once token, invites, temporary passwords, deactivation, and the audit rows left behind.

type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

function call(handler: Handler, method: string, path: string, opts: { cookie?: string; body?: unknown; params?: Record<string, string>; headers?: Record<string, string> } = {}) {
  const headers = new Headers(opts.headers);
  if (opts.cookie) headers.set('cookie', opts.cookie);
  if (opts.body !== undefined) headers.set('content-type', 'application/json');
  return handler(new Request(`${ORIGIN}${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) }), {
    params: Promise.resolve(opts.params ?? {}),
  });
}

const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

async function securityRows(store: Store, action: string) {
  return store.db.selectFrom('audit_log').selectAll().where('category', '=', 'security').where('action', '=', action).orderBy('at_ms').execute();
}

async function bearerRole(secret: string) {
  const identity = await resolveIdentity(await getAuthPair(), new Headers({ authorization: `Bearer ${secret}` }), null);
  return identity.kind === 'token' ? identity.role : null;
}

forEachEngine('people API', (getStore) => {
  let world: AuthWorld;
  let admin: { id: string; cookie: string };
  let viewer: { id: string; cookie: string };

  beforeAll(async () => {
    world = await startAuthWorld({ store: getStore() });
    const a = await world.createUser('admin@people.test', 'admin');
    const v = await world.createUser('viewer@people.test', 'viewer');
    admin = { id: a.id, cookie: await world.sessionCookie('admin@people.test') };
    viewer = { id: v.id, cookie: await world.sessionCookie('viewer@people.test') };
  });

  it('refuses the admin routes without a session (401) and to a viewer (403), and people routes to a token (403)', async () => {
    const anonymous = await call(adminUsers.GET, 'GET', '/api/admin/users');
    expect(anonymous.status).toBe(401);
    // One code for "sign in first" across Runboard's routes and the proxy.
    expect(await errorCode(anonymous)).toBe('unauthorized');
    const asViewer = await call(adminUsers.GET, 'GET', '/api/admin/users', { cookie: viewer.cookie });
    expect(asViewer.status).toBe(403);
    expect(await errorCode(asViewer)).toBe('admin_required');
    const { key } = await world.createToken(admin.id, { role: 'admin' });
    const asToken = await call(tokens.POST, 'POST', '/api/profile/tokens', { headers: { authorization: `Bearer ${key}` }, body: { name: 'x', role: 'viewer' } });
    expect(asToken.status).toBe(403);
    expect(await errorCode(asToken)).toBe('session_required');
  });

  it('refuses a cross-site change even with a valid cookie', async () => {
    const response = await call(adminUsers.POST, 'POST', '/api/admin/users', {
      cookie: admin.cookie,
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      body: { email: 'x@people.test', role: 'viewer', method: 'invite' },
    });
    expect(response.status).toBe(403);
  });

  it('invites an operator by link: listed as invited, link accepted once, then a normal sign-in; recorded', async () => {
    const bad = await call(adminUsers.POST, 'POST', '/api/admin/users', { cookie: admin.cookie, body: { email: 'not-an-email', role: 'boss', method: 'invite' } });
    expect(bad.status).toBe(400);
    const created = await call(adminUsers.POST, 'POST', '/api/admin/users', { cookie: admin.cookie, body: { email: 'Olga@People.test', role: 'operator', method: 'invite' } });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { user: { id: string; status: string }; invite_url: string; temporary_password: null };
    expect(body.user.status).toBe('invited');
    expect(body.invite_url).toMatch(new RegExp(`^${ORIGIN}/invite\\?token=`));
    const inviteToken = new URL(body.invite_url).searchParams.get('token')!;

    const info = await call(invite.GET, 'GET', `/api/invites/${inviteToken}`, { params: { token: inviteToken } });
    expect(await info.json()).toMatchObject({ email: 'olga@people.test', role: 'operator' });
    const short = await call(invite.POST, 'POST', '/api/invites/x', { params: { token: inviteToken }, body: { name: 'Olga', password: 'short' } });
    expect(short.status).toBe(400);
    const accepted = await call(invite.POST, 'POST', '/api/invites/x', { params: { token: inviteToken }, body: { name: 'Olga Operator', password: 'olga-chose-this-1' } });
    expect(accepted.status).toBe(200);
    const again = await call(invite.POST, 'POST', '/api/invites/x', { params: { token: inviteToken }, body: { name: 'Mallory', password: 'mallory-wants-in' } });
    expect(again.status).toBe(404);
    expect((await world.signIn('olga@people.test', 'olga-chose-this-1')).status).toBe(200);

    const [event] = await securityRows(getStore(), 'user.invited');
    expect(event).toMatchObject({ actor_id: admin.id, actor_role: 'admin', outcome: 'success' });
    expect(JSON.parse(event!.subject!)).toMatchObject({ email: 'olga@people.test' });
    expect(JSON.stringify(await securityRows(getStore(), 'user.invited'))).not.toContain(inviteToken);
  });

  it('a temporary password must be replaced before anything else works', async () => {
    const created = await call(adminUsers.POST, 'POST', '/api/admin/users', { cookie: admin.cookie, body: { email: 'tess@people.test', role: 'viewer', method: 'password' } });
    const { temporary_password: temporary } = (await created.json()) as { temporary_password: string };
    const cookie = await world.sessionCookie('tess@people.test', temporary);
    const blocked = await call(tokens.GET, 'GET', '/api/profile/tokens', { cookie });
    expect(blocked.status).toBe(403);
    expect(await errorCode(blocked)).toBe('password_change_required');
    expect((await call(profile.GET, 'GET', '/api/profile', { cookie })).status).toBe(200);
    const changed = await call(password.POST, 'POST', '/api/profile/password', { cookie, body: { current_password: temporary, new_password: 'tess-own-password' } });
    expect(changed.status).toBe(200);
    expect((await call(tokens.GET, 'GET', '/api/profile/tokens', { cookie })).status).toBe(200);
    expect((await securityRows(getStore(), 'password.changed')).filter((r) => JSON.parse(r.subject!).email === 'tess@people.test')).toHaveLength(1);
    expect(JSON.stringify(await getStore().db.selectFrom('audit_log').selectAll().execute())).not.toContain(temporary);
  });

  it('tokens: role no higher than mine, secret in the creation answer only, listed by last 4, revoked → 401 at once', async () => {
    const tooHigh = await call(tokens.POST, 'POST', '/api/profile/tokens', { cookie: viewer.cookie, body: { name: 'x', role: 'operator' } });
    expect(tooHigh.status).toBe(403);
    const tooLong = await call(tokens.POST, 'POST', '/api/profile/tokens', { cookie: viewer.cookie, body: { name: 'x', role: 'viewer', days: 400 } });
    expect(tooLong.status).toBe(400);
    const created = await call(tokens.POST, 'POST', '/api/profile/tokens', { cookie: viewer.cookie, body: { name: 'reports', role: 'viewer' } });
    expect(created.status).toBe(201);
    const { token: made, secret } = (await created.json()) as { token: { id: string; last4: string; expires_at: number; created_at: number }; secret: string };
    expect(made.last4).toBe(secret.slice(-4));
    expect(made.expires_at - made.created_at).toBe(90 * 86_400);
    expect(await bearerRole(secret)).toBe('viewer');

    const mine = await (await call(tokens.GET, 'GET', '/api/profile/tokens', { cookie: viewer.cookie })).text();
    const everyone = await (await call(adminTokens.GET, 'GET', '/api/admin/tokens', { cookie: admin.cookie })).text();
    expect(mine).toContain(made.id);
    expect(everyone).toContain(made.id);
    expect(mine + everyone).not.toContain(secret);

    const notMine = await call(token.DELETE, 'DELETE', `/api/profile/tokens/${made.id}`, { cookie: admin.cookie, params: { id: made.id } });
    expect(notMine.status).toBe(404);
    expect((await call(token.DELETE, 'DELETE', `/api/profile/tokens/${made.id}`, { cookie: viewer.cookie, params: { id: made.id } })).status).toBe(200);
    expect(await bearerRole(secret)).toBeNull();
    expect((await securityRows(getStore(), 'token.created')).some((r) => JSON.parse(r.subject!).tokenId === made.id)).toBe(true);
    expect((await securityRows(getStore(), 'token.revoked')).some((r) => JSON.parse(r.subject!).tokenId === made.id)).toBe(true);
  });

  it('role changes and deactivation: recorded first, self-protection, sessions and tokens stop at once', async () => {
    const self = await call(role.POST, 'POST', '/api/admin/users/x/role', { cookie: admin.cookie, params: { id: admin.id }, body: { role: 'viewer' } });
    expect(self.status).toBe(400);
    const person = await world.createUser('dana@people.test', 'viewer');
    const cookie = await world.sessionCookie('dana@people.test');
    const promoted = await call(role.POST, 'POST', '/api/admin/users/x/role', { cookie: admin.cookie, params: { id: person.id }, body: { role: 'operator' } });
    expect(await promoted.json()).toMatchObject({ role: 'operator' });
    const [changed] = await securityRows(getStore(), 'user.role_changed');
    expect(JSON.parse(changed!.detail!)).toEqual({ from: 'viewer', to: 'operator' });

    const { key } = await world.createToken(person.id, { role: 'operator' });
    expect(await bearerRole(key)).toBe('operator');
    const off = await call(deactivate.POST, 'POST', '/api/admin/users/x/deactivate', { cookie: admin.cookie, params: { id: person.id } });
    expect(await off.json()).toMatchObject({ status: 'deactivated', active_sessions: 0 });
    expect((await call(profile.GET, 'GET', '/api/profile', { cookie })).status).toBe(401);
    expect(await bearerRole(key)).toBeNull();
    expect((await world.signIn('dana@people.test')).status).not.toBe(200);
    await call(reactivate.POST, 'POST', '/api/admin/users/x/reactivate', { cookie: admin.cookie, params: { id: person.id } });
    expect(await bearerRole(key)).toBe('operator');
    expect((await securityRows(getStore(), 'user.deactivated')).length).toBe(1);
    expect((await securityRows(getStore(), 'user.reactivated')).length).toBe(1);
  });

  it('sessions: list mine, sign out everywhere; an admin signs someone out', async () => {
    const person = await world.createUser('sam@people.test', 'viewer');
    const first = await world.sessionCookie('sam@people.test');
    const second = await world.sessionCookie('sam@people.test');
    const listed = (await (await call(sessions.GET, 'GET', '/api/profile/sessions', { cookie: first })).json()) as { data: Array<{ current: boolean }> };
    expect(listed.data.map((s) => s.current).sort()).toEqual([false, true]);
    await call(userSessions.DELETE, 'DELETE', '/api/admin/users/x/sessions', { cookie: admin.cookie, params: { id: person.id } });
    expect((await call(profile.GET, 'GET', '/api/profile', { cookie: second })).status).toBe(401);
    const third = await world.sessionCookie('sam@people.test');
    expect((await call(sessions.DELETE, 'DELETE', '/api/profile/sessions', { cookie: third })).status).toBe(200);
    expect((await call(profile.GET, 'GET', '/api/profile', { cookie: third })).status).toBe(401);
    expect((await securityRows(getStore(), 'session.revoked')).length).toBe(2);
  });
});
