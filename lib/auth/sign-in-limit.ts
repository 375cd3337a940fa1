import 'server-only';
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

// Failed sign-ins per account (per email as typed, existing or not, so the limit itself says nothing about which
// emails have accounts). Kept in better-auth's rateLimit table so every instance on a shared database agrees; the
// per-address limit is better-auth's own rule on /sign-in/email.

export const SIGN_IN_PER_ACCOUNT = { max: 5, windowMs: 15 * 60_000 };

const keyFor = (email: string) => `sign-in-failures:${email.trim().toLowerCase()}`;

/** Seconds until the account may try again, or null when it may try now. */
export async function accountLockedFor(db: Kysely<any>, email: string, now = Date.now()): Promise<number | null> {
  const row = await db.selectFrom('rateLimit').select(['count', 'lastRequest']).where('key', '=', keyFor(email)).executeTakeFirst();
  if (!row) return null;
  const windowEnds = Number(row.lastRequest) + SIGN_IN_PER_ACCOUNT.windowMs;
  if (Number(row.count) < SIGN_IN_PER_ACCOUNT.max || windowEnds <= now) return null;
  return Math.ceil((windowEnds - now) / 1000);
}

/** Counts one failure; the window starts at the first failure and a failure after it starts a new one. */
export async function recordFailedSignIn(db: Kysely<any>, email: string, now = Date.now()): Promise<void> {
  const cutoff = now - SIGN_IN_PER_ACCOUNT.windowMs;
  await db
    .insertInto('rateLimit')
    .values({ id: randomUUID(), key: keyFor(email), count: 1, lastRequest: now })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql`case when ${sql.ref('rateLimit.lastRequest')} <= ${cutoff} then 1 else ${sql.ref('rateLimit.count')} + 1 end`,
        lastRequest: sql`case when ${sql.ref('rateLimit.lastRequest')} <= ${cutoff} then ${now} else ${sql.ref('rateLimit.lastRequest')} end`,
      }),
    )
    .execute();
}

export async function clearFailedSignIns(db: Kysely<any>, email: string): Promise<void> {
  await db.deleteFrom('rateLimit').where('key', '=', keyFor(email)).execute();
}
