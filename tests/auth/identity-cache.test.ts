import type { Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { forgetIdentities, resolveIdentityCached } from '@/lib/auth/identity-cache';
import { ORIGIN, startAuthWorld, type AuthWorld } from './support';

// The few-second memory of checked credentials (lib/auth/identity-cache.ts): a credential shown again is not checked
// again, but whatever ends it in this process ends it at once, and refusals are never remembered.

let world: AuthWorld;
const db = () => world.store.db as unknown as Kysely<any>;
const withCookie = (cookie: string) => resolveIdentityCached(world.pair, new Headers({ cookie }), `${ORIGIN}/`);
const withToken = (key: string) => resolveIdentityCached(world.pair, new Headers({ authorization: `Bearer ${key}` }), `${ORIGIN}/`);

beforeAll(async () => {
  world = await startAuthWorld();
  await world.createUser('ada@example.com', 'operator');
});
afterEach(() => {
  delete process.env.RUNBOARD_IDENTITY_CACHE_MS;
  forgetIdentities();
});
afterAll(() => world.close());

it('remembers a signed-in session for a moment, and forgets it when anything ends or changes an identity', async () => {
  const cookie = await world.sessionCookie('ada@example.com');
  expect(await withCookie(cookie)).toMatchObject({ kind: 'user', user: { email: 'ada@example.com' } });
  // Removed behind Runboard's back (another process): the remembered answer stands for the few seconds …
  await db().deleteFrom('session').execute();
  expect((await withCookie(cookie)).kind).toBe('user');
  // … and anything in this process that ends a session forgets it at once.
  forgetIdentities();
  expect(await withCookie(cookie)).toEqual({ kind: 'none', problem: 'invalid_session' });
});

// Revoking through Runboard (lib/auth/tokens.ts revokeToken, which calls forgetIdentities) is covered end to end in
// tests/proxy/proxy-sdk-identity.test.ts and tests/people/people-api.test.ts.
it('remembers a token the same way, keyed by the token itself', async () => {
  const ada = (await db().selectFrom('user').select('id').where('email', '=', 'ada@example.com').executeTakeFirstOrThrow()) as { id: string };
  const token = await world.createToken(ada.id, { role: 'viewer' });
  expect(await withToken(token.key)).toMatchObject({ kind: 'token', role: 'viewer' });
  expect((await withToken(token.key)).kind).toBe('token');
  const other = await world.createToken(ada.id, { role: 'operator' });
  expect(await withToken(other.key)).toMatchObject({ kind: 'token', role: 'operator' });
  await db().deleteFrom('apikey').where('id', '=', token.id).execute();
  expect((await withToken(token.key)).kind).toBe('token');
  forgetIdentities();
  expect(await withToken(token.key)).toEqual({ kind: 'none', problem: 'invalid_token' });
  expect((await withToken(other.key)).kind).toBe('token');
});

it('never remembers a refusal, and RUNBOARD_IDENTITY_CACHE_MS=0 checks every request', async () => {
  const unknown = `rb_${'x'.repeat(64)}`;
  expect((await withToken(unknown)).kind).toBe('none');
  const cookie = await world.sessionCookie('ada@example.com');
  // Refused while its session row is missing, accepted as soon as the row is back: the refusal was not remembered.
  const sessions = await db().selectFrom('session').selectAll().execute();
  await db().deleteFrom('session').execute();
  expect((await withCookie(cookie)).kind).toBe('none');
  await db().insertInto('session').values(sessions).execute();
  expect((await withCookie(cookie)).kind).toBe('user');

  process.env.RUNBOARD_IDENTITY_CACHE_MS = '0';
  forgetIdentities();
  expect((await withCookie(cookie)).kind).toBe('user');
  await db().deleteFrom('session').execute();
  expect((await withCookie(cookie)).kind).toBe('none');
});
