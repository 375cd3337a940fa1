import 'server-only';
import { createHash } from 'node:crypto';
import { generateRandomString } from 'better-auth/crypto';
import type { Kysely } from 'kysely';
import type { Auth } from './auth';
import type { AuthPair } from './runtime';

// The first admin. While no user exists, either RUNBOARD_ADMIN_EMAIL + RUNBOARD_ADMIN_PASSWORD create one at start,
// or the server prints a one-time setup link (single use, valid 1 hour, replaced at every start while no user
// exists). Public sign-up is off, so this is the only way the first account comes to be. The link's token is kept
// only as a SHA-256 digest in better-auth's verification table and consumed atomically.

export const SETUP_TTL_MS = 60 * 60_000;
const IDENTIFIER_PREFIX = 'runboard-first-admin:';

const identifierFor = (token: string) => `${IDENTIFIER_PREFIX}${createHash('sha256').update(token).digest('hex')}`;

async function context(auth: Auth) {
  return auth.$context;
}

export async function userCount(pair: AuthPair): Promise<number> {
  return (await context(pair.plain)).internalAdapter.countTotalUsers();
}

async function dropSetupLinks(pair: AuthPair): Promise<void> {
  await (pair.store.db as Kysely<any>).deleteFrom('verification').where('identifier', 'like', `${IDENTIFIER_PREFIX}%`).execute();
}

/** A fresh setup token (older links stop working), or null when a user already exists. */
export async function issueSetupToken(pair: AuthPair, now = Date.now()): Promise<string | null> {
  await dropSetupLinks(pair);
  if ((await userCount(pair)) > 0) return null;
  const token = generateRandomString(43);
  const ctx = await context(pair.plain);
  await ctx.internalAdapter.createVerificationValue({ identifier: identifierFor(token), value: 'first-admin', expiresAt: new Date(now + SETUP_TTL_MS) });
  return token;
}

export type SetupTokenState = 'valid' | 'invalid' | 'done';

/** Whether a setup page may be shown for this token (without using it up). */
export async function setupTokenState(pair: AuthPair, token: string): Promise<SetupTokenState> {
  if ((await userCount(pair)) > 0) return 'done';
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return 'invalid';
  const row = await (await context(pair.plain)).internalAdapter.findVerificationValue(identifierFor(token));
  return row && new Date(row.expiresAt).getTime() > Date.now() ? 'valid' : 'invalid';
}

export type NewAdmin = { name: string; email: string; password: string };
export type SetupResult = { ok: true; userId: string } | { ok: false; status: 400 | 403 | 409; message: string; param?: string };

export function checkNewAdmin(input: Partial<NewAdmin>): SetupResult | null {
  const name = input.name?.trim() ?? '';
  const email = input.email?.trim() ?? '';
  const password = input.password ?? '';
  if (name.length < 1 || name.length > 100) return { ok: false, status: 400, message: 'Enter a name (up to 100 characters).', param: 'name' };
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 320) return { ok: false, status: 400, message: 'Enter a valid email address.', param: 'email' };
  if (password.length < 12) return { ok: false, status: 400, message: 'The password must have at least 12 characters.', param: 'password' };
  if (password.length > 128) return { ok: false, status: 400, message: 'The password must have at most 128 characters.', param: 'password' };
  return null;
}

async function createAdmin(auth: Auth, admin: NewAdmin): Promise<string> {
  const { user } = await auth.api.createUser({ body: { name: admin.name.trim(), email: admin.email.trim().toLowerCase(), password: admin.password, role: 'admin' } });
  return user.id;
}

/** Uses the setup token (once) to create the first admin. */
export async function completeSetup(pair: AuthPair, token: string, admin: NewAdmin): Promise<SetupResult> {
  const invalid = checkNewAdmin(admin);
  if (invalid) return invalid;
  if ((await userCount(pair)) > 0) return { ok: false, status: 409, message: 'Runboard already has an admin. Sign in instead.' };
  const ctx = await context(pair.plain);
  const used = await ctx.internalAdapter.consumeVerificationValue(identifierFor(token));
  if (!used) return { ok: false, status: 403, message: 'This setup link is not valid any more (used, expired, or replaced by a restart). Use the newest link printed in the server console.' };
  return { ok: true, userId: await createAdmin(pair.plain, admin) };
}

export type FirstStart = { state: 'ready' } | { state: 'created'; email: string } | { state: 'link'; token: string };

/** At server start: nothing to do, create the admin from the environment, or a new setup link to print. */
export async function prepareFirstStart(pair: AuthPair): Promise<FirstStart> {
  if ((await userCount(pair)) > 0) {
    await dropSetupLinks(pair);
    return { state: 'ready' };
  }
  const admin = pair.env.bootstrapAdmin;
  if (admin) {
    await createAdmin(pair.plain, { name: 'Admin', email: admin.email, password: admin.password });
    await dropSetupLinks(pair);
    return { state: 'created', email: admin.email };
  }
  const token = await issueSetupToken(pair);
  return token ? { state: 'link', token } : { state: 'ready' };
}
