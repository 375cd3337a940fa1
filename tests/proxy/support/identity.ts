import { getStore, type Store } from '@/lib/store/db';
import { getAuthPair } from '@/lib/auth/runtime';
import type { Role } from '@/lib/view/roles';

// The proxy suites act as a real better-auth user in the test's store: by default through a personal API token
// (`Authorization: Bearer rb_…`, which leaves no sign-in record in the audit log), or through a session cookie signed
// in with better-auth's own handler when a request carries an Authorization header of its own.

export type TestIdentity = { cookie: () => Promise<string>; token: string; userId: string; email: string };
const PASSWORD = 'proxy-suite password 1';
const made = new WeakMap<Store, Map<Role, Promise<TestIdentity>>>();

async function create(role: Role): Promise<TestIdentity> {
  const pair = await getAuthPair();
  const email = `${role}@proxy.test`;
  // A suite may run against a database that outlived an earlier run (RUNBOARD_DB_FILE unset → data/): reuse its user.
  const existing = await (await pair.plain.$context).internalAdapter.findUserByEmail(email);
  const user = existing?.user ?? (await pair.plain.api.createUser({ body: { email, password: PASSWORD, name: `Proxy ${role}`, role } })).user;
  const { key } = await pair.plain.api.createApiKey({ body: { userId: user.id, name: `proxy suite ${role}`, metadata: { role } } });
  let cookie: Promise<string> | undefined;
  return { cookie: () => (cookie ??= signInCookie(email)), token: key, userId: user.id, email };
}

async function signInCookie(email: string): Promise<string> {
  const pair = await getAuthPair();
  const signIn = await pair.plain.handler(
    new Request('http://127.0.0.1:3000/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1:3000', 'x-forwarded-for': '10.9.9.9' },
      body: JSON.stringify({ email, password: PASSWORD }),
    }),
  );
  if (signIn.status !== 200) throw new Error(`test sign-in failed: ${signIn.status} ${await signIn.text()}`);
  return signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** The user of `role` in the current store (created on first use). */
export async function testIdentity(role: Role = 'admin'): Promise<TestIdentity> {
  const store = await getStore();
  let byRole = made.get(store);
  if (!byRole) made.set(store, (byRole = new Map()));
  let identity = byRole.get(role);
  if (!identity) byRole.set(role, (identity = create(role)));
  return identity;
}

/** Signs a request in as the admin: its token, or its session cookie when the request has an Authorization of its own. */
export async function withIdentity(request: Request): Promise<Request> {
  if (/^Bearer\s+rb_/i.test(request.headers.get('authorization') ?? '')) return request;
  const admin = await testIdentity('admin');
  const headers = new Headers(request.headers);
  if (headers.has('authorization')) headers.set('cookie', [request.headers.get('cookie'), await admin.cookie()].filter(Boolean).join('; '));
  else headers.set('authorization', `Bearer ${admin.token}`);
  return new Request(request, { headers });
}
