import { PostgresAdapter, type Kysely } from 'kysely';

// People (lib/auth/people.ts): a flag on better-auth's user table for accounts created with a temporary password,
// cleared when the person chooses their own (declared to better-auth as the additional field `mustChangePassword`
// in lib/auth/auth.ts, same name and type as its generator emits). Invites need no table of their own: they live in
// better-auth's `verification` table (hashed, single use, expiring).

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.alterTable('user').addColumn('mustChangePassword', pg ? 'boolean' : 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('user').dropColumn('mustChangePassword').execute();
}
