import { openStore, type Store } from '@/lib/store/db';
import { authFor, type AuthPair } from '@/lib/auth/runtime';
import { parseAuthEnv } from '@/lib/auth/env';
import type { Role } from '@/lib/view/roles';

// An auth world over a fresh store: the real better-auth instance on a real database, driven through its HTTP
// handler (as a browser or script would) or its server API.

export const ORIGIN = 'http://127.0.0.1:3000';
export const PASSWORD = 'correct horse battery staple';

export type AuthWorld = {
  store: Store;
  pair: AuthPair;
  createUser: (email: string, role: Role, password?: string) => Promise<{ id: string; email: string }>;
  signIn: (email: string, password?: string, headers?: Record<string, string>) => Promise<Response>;
  sessionCookie: (email: string, password?: string) => Promise<string>;
  createToken: (userId: string, opts?: { role?: Role; name?: string; expiresIn?: number }) => Promise<{ key: string; id: string }>;
  auth: (path: string, init?: RequestInit) => Promise<Response>;
  close: () => Promise<void>;
};

export async function startAuthWorld(opts: { store?: Store; env?: Record<string, string> } = {}): Promise<AuthWorld> {
  const store = opts.store ?? (await openStore({ sqliteFile: ':memory:' }));
  const pair = authFor(store, parseAuthEnv({ ...opts.env }), ':memory:');
  const auth = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (!headers.has('origin') && (init.method ?? 'GET') !== 'GET') headers.set('origin', ORIGIN);
    if (!headers.has('x-forwarded-for')) headers.set('x-forwarded-for', '10.0.0.1');
    return pair.plain.handler(new Request(`${ORIGIN}/api/auth${path}`, { ...init, headers }));
  };
  const signIn = (email: string, password = PASSWORD, headers: Record<string, string> = {}) =>
    auth('/sign-in/email', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ email, password }) });
  return {
    store,
    pair,
    auth,
    signIn,
    createUser: async (email, role, password = PASSWORD) => {
      const { user } = await pair.plain.api.createUser({ body: { email, password, name: email.split('@')[0] ?? email, role } });
      return { id: user.id, email: user.email };
    },
    sessionCookie: async (email, password = PASSWORD) => {
      const response = await signIn(email, password);
      if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
      return response.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
    },
    createToken: async (userId, { role, name = 'test token', expiresIn } = {}) => {
      const created = await pair.plain.api.createApiKey({ body: { userId, name, ...(role ? { metadata: { role } } : {}), ...(expiresIn ? { expiresIn } : {}) } });
      return { key: created.key, id: created.id };
    },
    close: async () => {
      if (!opts.store) await store.close();
    },
  };
}
