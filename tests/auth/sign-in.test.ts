import { getMigrations } from 'better-auth/db/migration';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseAuthEnv } from '@/lib/auth/env';
import { resolveIdentity } from '@/lib/auth/session';
import { SIGN_IN_PER_ACCOUNT } from '@/lib/auth/sign-in-limit';
import { SIGN_IN_PER_ADDRESS } from '@/lib/auth/auth';
import { setLogSink } from '@/lib/server/log';
import { setActive } from '@/lib/auth/people';
import { forEachEngine } from '../support/engines';
import { ORIGIN, PASSWORD, startAuthWorld, type AuthWorld } from './support';

// Sign-in against the real better-auth over a real database, on SQLite and on PostgreSQL: cookie flags, sessions
// (sign out, everywhere, idle and absolute expiry), rate limits, no user enumeration, personal tokens, and the
// audit trail of it all.

const cookieOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

forEachEngine('sign-in', (getStore, engine) => {
  // better-auth keeps dates as ISO text on SQLite and as timestamptz on PostgreSQL.
  const at = (date: Date) => (engine === 'sqlite' ? date.toISOString() : date) as never;
  let world: AuthWorld;
  const logLines: string[] = [];
  const db = () => getStore().db as unknown as Kysely<any>;
  const identity = (cookie: string) => resolveIdentity(world.pair, new Headers({ cookie }), `${ORIGIN}/`);
  const auditActions = async () => (await db().selectFrom('audit_log').select(['action', 'outcome', 'actor_email', 'subject']).orderBy('at_ms').execute()) as Array<Record<string, unknown>>;

  beforeAll(async () => {
    setLogSink((line) => logLines.push(line));
    world = await startAuthWorld({ store: getStore() });
    await world.createUser('ada@example.com', 'operator');
    await world.createUser('bob@example.com', 'viewer');
  });
  afterAll(() => setLogSink(null));

  it('the migrations hold every table and column better-auth expects (nothing for it to add)', async () => {
    const plan = await getMigrations(world.pair.plain.options as never);
    expect(plan.toBeCreated.map((t) => t.table)).toEqual([]);
    expect(plan.toBeAdded.map((t) => t.table)).toEqual([]);
    expect(plan.toBeAddedIndexes.map((i) => i.name)).toEqual([]);
  });

  it('sets an httpOnly, SameSite=Lax session cookie (not Secure over plain http) and no token in the body', async () => {
    const response = await world.signIn('ada@example.com');
    expect(response.status).toBe(200);
    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(/^runboard\.session_token=/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({ redirect: false, user: expect.objectContaining({ email: 'ada@example.com', role: 'operator' }) });
    expect(JSON.stringify(body)).not.toContain(cookie!.split('=')[1]!.split('.')[0]);
  });

  it('marks the cookie Secure over https and behind a trusted TLS proxy, not for an untrusted X-Forwarded-Proto', async () => {
    const secure = await world.pair.secure.handler(
      new Request('https://127.0.0.1:3000/api/auth/sign-in/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://127.0.0.1:3000', 'x-forwarded-for': '10.0.0.2' },
        body: JSON.stringify({ email: 'ada@example.com', password: PASSWORD }),
      }),
    );
    expect(secure.status).toBe(200);
    expect(secure.headers.getSetCookie()[0]).toMatch(/^__Secure-runboard\.session_token=.*; Secure/);
    const { isSecureRequest } = await import('@/lib/auth/runtime');
    const forwarded = new Headers({ 'x-forwarded-proto': 'https' });
    expect(isSecureRequest(forwarded, 'http://127.0.0.1:3000/', parseAuthEnv({ RUNBOARD_TRUST_PROXY: '1' }))).toBe(true);
    expect(isSecureRequest(forwarded, 'http://127.0.0.1:3000/', parseAuthEnv({}))).toBe(false);
    // The Secure cookie is a session like any other, for requests that arrive over https.
    expect((await resolveIdentity(world.pair, new Headers({ cookie: cookieOf(secure) }), 'https://127.0.0.1:3000/')).kind).toBe('user');
  });

  it('gives a new session id at every sign-in', async () => {
    const first = await identity(cookieOf(await world.signIn('ada@example.com')));
    const second = await identity(cookieOf(await world.signIn('ada@example.com')));
    expect(first.kind === 'user' && second.kind === 'user' && first.sessionId !== second.sessionId).toBe(true);
  });

  it('answers an unknown email exactly like a wrong password', async () => {
    const wrong = await world.signIn('bob@example.com', 'not the password at all');
    const unknown = await world.signIn('nobody@example.com', 'not the password at all');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(wrong.status);
    expect(await unknown.text()).toBe(await wrong.text());
    expect(unknown.headers.getSetCookie()).toEqual([]);
  });

  it('public sign-up is off: nobody creates an account for themselves', async () => {
    const response = await world.auth('/sign-up/email', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'eve@example.com', password: PASSWORD, name: 'Eve' }) });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await db().selectFrom('user').select('id').where('email', '=', 'eve@example.com').execute()).toEqual([]);
  });

  it(`locks an account after ${SIGN_IN_PER_ACCOUNT.max} failures with a clear message, whether or not it exists`, async () => {
    await world.createUser('carol@example.com', 'viewer');
    for (const email of ['carol@example.com', 'ghost@example.com']) {
      for (let i = 0; i < SIGN_IN_PER_ACCOUNT.max; i++) {
        // A different address each time: the per-account limit does not depend on where attempts come from.
        expect((await world.signIn(email, `wrong ${i}`, { 'x-forwarded-for': `10.1.${i}.1` })).status).toBe(401);
      }
      const locked = await world.signIn(email, PASSWORD, { 'x-forwarded-for': '10.1.99.1' });
      expect(locked.status).toBe(429);
      expect(((await locked.json()) as { message: string }).message).toMatch(/Too many failed sign-ins for this account\. Try again in 15 minutes\./);
    }
    // Other accounts are not affected.
    expect((await world.signIn('ada@example.com', PASSWORD, { 'x-forwarded-for': '10.1.98.1' })).status).toBe(200);
  });

  it(`limits sign-in attempts per address (${SIGN_IN_PER_ADDRESS.max} per ${SIGN_IN_PER_ADDRESS.window / 60} minutes)`, async () => {
    const address = { 'x-forwarded-for': '10.2.0.1' };
    for (let i = 0; i < SIGN_IN_PER_ADDRESS.max; i++) await world.signIn(`spray${i}@example.com`, 'guess', address);
    const limited = await world.signIn('ada@example.com', PASSWORD, address);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('x-retry-after'))).toBeGreaterThan(0);
    expect((await world.signIn('ada@example.com', PASSWORD, { 'x-forwarded-for': '10.2.0.2' })).status).toBe(200);
  });

  it('signs out: the cookie stops working at once', async () => {
    const cookie = await world.sessionCookie('bob@example.com');
    expect((await identity(cookie)).kind).toBe('user');
    const out = await world.auth('/sign-out', { method: 'POST', headers: { cookie } });
    expect(out.status).toBe(200);
    expect(await identity(cookie)).toEqual({ kind: 'none', problem: 'invalid_session' });
  });

  it('signs out everywhere: every session of the user ends, other users keep theirs', async () => {
    const here = await world.sessionCookie('bob@example.com');
    const there = await world.sessionCookie('bob@example.com');
    const other = await world.sessionCookie('ada@example.com');
    expect((await world.auth('/revoke-sessions', { method: 'POST', headers: { cookie: here } })).status).toBe(200);
    expect((await identity(here)).kind).toBe('none');
    expect((await identity(there)).kind).toBe('none');
    expect((await identity(other)).kind).toBe('user');
  });

  it('ends an idle session (expiresAt passed) and one older than the absolute limit, however active', async () => {
    const idle = await world.sessionCookie('ada@example.com');
    const idleId = (await identity(idle)) as { sessionId: string };
    await db().updateTable('session').set({ expiresAt: at(new Date(Date.now() - 1000)) }).where('id', '=', idleId.sessionId).execute();
    expect((await identity(idle)).kind).toBe('none');

    const old = await world.sessionCookie('ada@example.com');
    const oldId = (await identity(old)) as { sessionId: string };
    const longAgo = new Date(Date.now() - world.pair.env.absoluteSeconds * 1000 - 60_000);
    await db().updateTable('session').set({ createdAt: at(longAgo) }).where('id', '=', oldId.sessionId).execute();
    expect((await identity(old)).kind).toBe('none');
    expect(await db().selectFrom('session').select('id').where('id', '=', oldId.sessionId).execute()).toEqual([]);
  });

  it('personal tokens act as their user with the role they were given, and stop at once when revoked or expired', async () => {
    const ada = (await db().selectFrom('user').select('id').where('email', '=', 'ada@example.com').executeTakeFirstOrThrow()) as { id: string };
    const asViewer = await world.createToken(ada.id, { role: 'viewer' });
    const asAdmin = await world.createToken(ada.id, { role: 'admin' });
    const bearer = (key: string) => resolveIdentity(world.pair, new Headers({ authorization: `Bearer ${key}` }), null);
    expect(await bearer(asViewer.key)).toMatchObject({ kind: 'token', role: 'viewer', user: { email: 'ada@example.com' } });
    // Never above the owner's own role.
    expect(await bearer(asAdmin.key)).toMatchObject({ kind: 'token', role: 'operator' });
    expect(asViewer.key.startsWith('rb_')).toBe(true);
    const stored = (await db().selectFrom('apikey').select('key').where('id', '=', asViewer.id).executeTakeFirstOrThrow()) as { key: string };
    expect(stored.key).not.toContain(asViewer.key.slice(3));

    await db().deleteFrom('apikey').where('id', '=', asViewer.id).execute();
    expect(await bearer(asViewer.key)).toEqual({ kind: 'none', problem: 'invalid_token' });
    await db().updateTable('apikey').set({ expiresAt: at(new Date(Date.now() - 1000)) }).where('id', '=', asAdmin.id).execute();
    expect(await bearer(asAdmin.key)).toEqual({ kind: 'none', problem: 'invalid_token' });
  });

  it('a deactivated (banned) user loses sessions and tokens at once', async () => {
    const dave = await world.createUser('dave@example.com', 'operator');
    const cookie = await world.sessionCookie('dave@example.com');
    const token = await world.createToken(dave.id);
    await world.createUser('root@example.com', 'admin');
    const admin = await world.sessionCookie('root@example.com');
    // better-auth's raw admin endpoints are not reachable over HTTP (they would bypass the audit log) …
    const raw = await world.auth('/admin/ban-user', { method: 'POST', headers: { cookie: admin, 'content-type': 'application/json' }, body: JSON.stringify({ userId: dave.id }) });
    expect(raw.status).toBe(404);
    expect((await identity(cookie)).kind).toBe('user');
    // … deactivation goes through lib/auth/people (the /admin/users page).
    await setActive(dave.id, false);
    expect((await identity(cookie)).kind).toBe('none');
    expect((await resolveIdentity(world.pair, new Headers({ authorization: `Bearer ${token.key}` }), null)).kind).toBe('none');
    expect((await world.signIn('dave@example.com')).status).toBeGreaterThanOrEqual(400);
  });

  it('records sign-ins, failures and sign-outs in the audit log', async () => {
    const actions = await auditActions();
    expect(actions).toContainEqual(expect.objectContaining({ action: 'auth.sign_in', outcome: 'success', actor_email: 'ada@example.com' }));
    expect(actions).toContainEqual(expect.objectContaining({ action: 'auth.sign_in_failed', outcome: 'failure' }));
    expect(actions).toContainEqual(expect.objectContaining({ action: 'auth.sign_out', outcome: 'success', actor_email: 'bob@example.com' }));
    const failed = actions.find((a) => a.action === 'auth.sign_in_failed' && String(a.subject).includes('nobody@example.com'));
    expect(failed).toBeDefined();
  });

  it('never writes a password or a session token into a log line', () => {
    const all = logLines.join('\n');
    expect(logLines.length).toBeGreaterThan(0);
    for (const secret of [PASSWORD, 'not the password at all', 'wrong 0']) expect(all).not.toContain(secret);
    expect(all).not.toMatch(/session_token=/);
  });
});
